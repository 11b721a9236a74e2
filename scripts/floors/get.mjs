// The floor for one request: a minimal node:http GET of TANGO_BASE_URL + argv[2] with Basic auth,
// the body printed as it came. What any Node client pays at the least.
import { request } from 'node:http';

const { TANGO_BASE_URL, TANGO_PLATFORM_NAME, TANGO_PLATFORM_KEY } = process.env;
const authorization = `Basic ${Buffer.from(`${TANGO_PLATFORM_NAME}:${TANGO_PLATFORM_KEY}`).toString('base64')}`;
request(`${TANGO_BASE_URL}${process.argv[2]}`, { headers: { authorization } }, (res) => {
  if (res.statusCode !== 200) process.exitCode = 1;
  res.pipe(process.stdout);
}).end();
