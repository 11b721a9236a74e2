// A server for the bench's bulk rows: `GET /customers/{c}/accounts?paginate=true` over any number of
// accounts, each page made when asked (the cursor is the offset), so a million accounts cost it no
// memory and the same pages reach tango and its floor. Pages look like the emulator's (and Tango's).
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const PAGE_LIMIT = 200;

function account(customer, i) {
  return {
    currentBalance: ((i * 37) % 100000) / 100,
    contactEmail: `rewards@${customer}.example.com`,
    fundingNotification: i % 3 === 0 ? [{ emailAddress: `finance@${customer}.example.com` }] : [],
    accountIdentifier: `${customer}-account-${i + 1}`,
    accountNumber: `A${String(10000000 + i)}`,
    displayName: `Rewards account ${i + 1}`,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    status: i % 17 === 0 ? 'FROZEN' : 'ACTIVE',
    currencyCode: 'USD',
  };
}

function page(customer, total, offset, size) {
  const end = Math.min(total, offset + size);
  const items = [];
  for (let i = offset; i < end; i++) items.push(account(customer, i));
  const next = end < total;
  return {
    numberOfElements: items.length,
    maxResults: size,
    ...(next ? { nextCursor: Buffer.from(String(end)).toString('base64url') } : {}),
    ...(offset > 0 ? { prevCursor: Buffer.from(String(Math.max(0, offset - size))).toString('base64url') } : {}),
    items,
    prevPageAvailable: offset > 0,
    nextPageAvailable: next,
  };
}

/** Starts on a random loopback port; resolves with its base URL and a stop function. */
export async function startPagingServer(total) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const match = /^\/raas\/v2\/customers\/([^/]+)\/accounts$/.exec(url.pathname);
    if (!match || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"httpCode":404,"message":"not found"}');
      return;
    }
    const cursor = url.searchParams.get('nextCursor');
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    const size = Math.min(PAGE_LIMIT, Number(url.searchParams.get('maxResults') ?? PAGE_LIMIT));
    const body = JSON.stringify(page(decodeURIComponent(match[1]), total, offset, size));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/raas/v2`,
    stop: () => new Promise((resolve) => server.close(resolve).closeAllConnections()),
  };
}

// `node scripts/paging-server.mjs <total>`: serves until killed, its base URL on stdout.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startPagingServer(Number(process.argv[2] ?? 100_000));
  process.stdout.write(`${server.baseUrl}\n`);
  process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
}
