// The floor for `accounts import`: a node:http keep-alive client that reads the same CSV and POSTs each
// row's account with the same concurrency, each worker sending its next row as soon as its answer is in.
// No checks, no report: what any Node client pays at the least against the same server.
// argv: <customer> <file.csv> <concurrency>; the bench's CSV has no quoted cells.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [customer, file, concurrency = '8'] = process.argv.slice(2);
const { TANGO_BASE_URL, TANGO_PLATFORM_NAME, TANGO_PLATFORM_KEY } = process.env;
const authorization = `Basic ${Buffer.from(`${TANGO_PLATFORM_NAME}:${TANGO_PLATFORM_KEY}`).toString('base64')}`;
const agent = new Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const url = `${TANGO_BASE_URL}/customers/${encodeURIComponent(customer)}/accounts`;

const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
const rows = lines.map((line) => {
  const [accountIdentifier, displayName, contactEmail, currencyCode] = line.split(',');
  return { accountIdentifier, displayName, contactEmail, currencyCode };
});

function post(body) {
  const payload = JSON.stringify(body);
  const headers = { authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  return new Promise((resolve, reject) => {
    request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 201
          ? resolve(JSON.parse(Buffer.concat(chunks).toString()))
          : reject(new Error(`${res.statusCode}`)),
      );
    })
      .on('error', reject)
      .end(payload);
  });
}

let next = 0;
const worker = async () => {
  while (next < rows.length) await post(rows[next++]);
};
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
agent.destroy();
