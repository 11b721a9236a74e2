// The floor for `accounts list <customer> --all -o ndjson`: a node:http keep-alive loop over the same
// cursor pages, one request at a time, each account printed as one JSON line. argv[2] is the customer.
import { Agent, request } from 'node:http';

const { TANGO_BASE_URL, TANGO_PLATFORM_NAME, TANGO_PLATFORM_KEY } = process.env;
const authorization = `Basic ${Buffer.from(`${TANGO_PLATFORM_NAME}:${TANGO_PLATFORM_KEY}`).toString('base64')}`;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function get(url) {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers: { authorization } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(Buffer.concat(chunks).toString()))
          : reject(new Error(`${res.statusCode}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

function write(text) {
  return process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
}

const base = `${TANGO_BASE_URL}/customers/${encodeURIComponent(process.argv[2])}/accounts?paginate=true&maxResults=200`;
let cursor;
for (;;) {
  const page = await get(cursor ? `${base}&nextCursor=${encodeURIComponent(cursor)}` : base);
  await write(page.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  if (!page.nextPageAvailable || !page.nextCursor) break;
  cursor = page.nextCursor;
}
agent.destroy();
