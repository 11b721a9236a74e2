// undici's client.js requires client-h2.js, which requires node:http2 (and tls with it) at load:
// about 6.5 ms at every start, for a protocol tango never asks for (allowH2 stays off). This stands
// in for it (scripts/build.mjs) and loads the real one only if HTTP/2 is ever negotiated.
'use strict';

module.exports = function connectH2(client, socket) {
  return require('undici/lib/dispatcher/client-h2.js')(client, socket);
};
