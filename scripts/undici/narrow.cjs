// What the bundle gets for `import { Agent, request } from 'undici'` (scripts/build.mjs aliases
// it here): the two things tango uses, taken from undici's own modules, and nothing else. undici's
// index.js also loads fetch, cookies (which touch globalThis.Headers and so make Node load its own
// internal copy of undici), websockets, caches and mocks: 1.1 MB and about 25 ms at every start.
// The paths below are undici's internals, so the version is pinned exactly in package.json and
// build.mjs refuses any other (see UNDICI_VERSION there; test/unit/undici-narrow.test.ts).
'use strict';

const Agent = require('undici/lib/dispatcher/agent.js');
const apiRequest = require('undici/lib/api/api-request.js');
const util = require('undici/lib/core/util.js');

/** undici's top-level request(url, options), as its index.js builds it. */
function request(url, options = {}) {
  const { origin, pathname, search } = util.parseURL(url);
  // Without one named, undici's global Agent (the OAuth token request), loaded only then.
  const dispatcher = options.dispatcher ?? require('undici/lib/global.js').getGlobalDispatcher();
  return apiRequest.call(dispatcher, {
    ...options,
    origin,
    path: search ? `${pathname}${search}` : pathname,
    method: options.method || (options.body ? 'PUT' : 'GET'),
  });
}

module.exports = { Agent, request };
