// npm run bench: speed and memory as ratios against a baseline, never as pass/fail timings.
//   startup   `tango --version` and `tango --help` against bare `node -e 0`
//   request   one `tango customers list` against one curl of the same URL, on the emulator
//   bulk      `tango accounts list <c> --all -o ndjson` over 100,000 accounts (wall time, peak RSS)
//             against a plain curl loop over the same pages
//   import    `tango accounts import` of 1,000 rows against the emulator at 20 ms latency, concurrency 8,
//             beside the ideal rows x latency / concurrency
//   paced     `tango accounts import` at its defaults against an emulator that allows 1 request/s (as Tango
//             does), then 2/s, then 1/s with 10% of requests failing: created rows/s beside the ideal (the
//             server's limit), the share of requests answered 429, failed rows. 1,000 rows at 1/s take about
//             17 minutes each; `--rows 50` runs it small.
// Sections are run in order; pass names to run only some: npm run bench -- startup
// Options: --rows <n> (paced section's rows, default 1000); --node <path> runs tango, its floors and the
// emulator on that Node instead of the one running this script, e.g.
// npm run bench -- --node "$(node scripts/node-line.mjs 24)" startup
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tango.js', import.meta.url));
/** The Node every measured process runs on: tango, the `node -e 0` floor and the emulator. */
const NODE = option('--node') ?? process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timeOnce(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Runs each candidate once per round, interleaved, so drift in machine load hits all alike. */
export function interleaved(candidates, runs = RUNS) {
  const times = candidates.map(() => []);
  for (let round = 0; round < runs; round++) {
    candidates.forEach(([command, args, env], i) => {
      times[i].push(timeOnce(command, args, env));
    });
  }
  return times.map(median);
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

function startup() {
  const [node, version, help] = interleaved([
    [NODE, ['-e', '0']],
    [NODE, [BIN, '--version']],
    [NODE, [BIN, '--help']],
  ]);
  console.log(`startup (median of ${RUNS}, interleaved)`);
  console.log(`  node -e 0          ${fmt(node)}`);
  console.log(`  tango --version    ${fmt(version)}   ratio ${(version / node).toFixed(2)} (target <= 1.30)`);
  console.log(`  tango --help       ${fmt(help)}   ratio ${(help / node).toFixed(2)}`);
}

const CREDENTIALS = { TANGO_PLATFORM_NAME: 'tango-local', TANGO_PLATFORM_KEY: 'local-key' };

/** `tango emulator start` in a child process; resolves with its base URL once it prints it. */
export async function startEmulator(args) {
  const child = spawn(NODE, [BIN, 'emulator', 'start', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [chunk] = await once(child.stdout, 'data');
  return { baseUrl: String(chunk).trim(), stop: () => child.kill('SIGTERM') };
}

/** Wall time and peak RSS of one command, through GNU time. */
function measure(command, args, env = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: seconds * 1000, rssMb: kb / 1024 };
}

async function request() {
  const emulator = await startEmulator(['--seed', '20']);
  try {
    const env = { ...CREDENTIALS, TANGO_BASE_URL: emulator.baseUrl };
    const [curl, tango] = interleaved([
      ['curl', ['-sf', '-u', 'tango-local:local-key', '-o', '/dev/null', `${emulator.baseUrl}/customers`]],
      [NODE, [BIN, 'customers', 'list', '--json'], env],
    ]);
    console.log(`request: GET /customers, 20 customers (median of ${RUNS}, interleaved)`);
    console.log(`  curl                        ${fmt(curl)}`);
    console.log(`  tango customers list --json ${fmt(tango)}   ratio ${(tango / curl).toFixed(2)}`);
  } finally {
    emulator.stop();
  }
}

async function bulk() {
  const total = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
  const emulator = await startEmulator(['--seed', '1', '--seed-accounts', String(total)]);
  try {
    const firstPage = spawnSync(
      'curl',
      ['-sf', '-u', 'tango-local:local-key', `${emulator.baseUrl}/customers?paginate=true&maxResults=1`],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const customers = JSON.parse(firstPage.stdout).items;
    const customer = customers[0].customerIdentifier;
    const env = { ...CREDENTIALS, TANGO_BASE_URL: emulator.baseUrl };
    const tango = measure(NODE, [BIN, 'accounts', 'list', customer, '--all', '-o', 'ndjson'], env);
    // The plainest client: one curl per page, the next cursor cut out with sed, pages written raw.
    const loop = [
      'url="$0/customers/$1/accounts?paginate=true&maxResults=200"; cursor=""',
      'while :; do',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, expanded by sh, not by JavaScript
      '  page=$(curl -sf -u tango-local:local-key "$url${cursor:+&nextCursor=$cursor}") || exit 1',
      '  printf "%s\\n" "$page"',
      '  case "$page" in *\'"nextPageAvailable":true\'*) ;; *) break ;; esac',
      '  cursor=$(printf "%s" "$page" | sed -n \'s/.*"nextCursor":"\\([^"]*\\)".*/\\1/p\')',
      'done',
    ].join('\n');
    const curl = measure('bash', ['-c', loop, emulator.baseUrl, customer]);
    console.log(`bulk: ${total.toLocaleString('en')} accounts, every page of 200, ndjson to /dev/null`);
    console.log(
      `  curl + sed loop                ${fmt(curl.ms)}   peak RSS ${curl.rssMb.toFixed(0)} MB (largest process)`,
    );
    console.log(
      `  tango accounts list --all      ${fmt(tango.ms)}   peak RSS ${tango.rssMb.toFixed(0)} MB   ratio ${(tango.ms / curl.ms).toFixed(2)}`,
    );
  } finally {
    emulator.stop();
  }
}

const IMPORT_ROWS = 1000;
const IMPORT_LATENCY_MS = 20;
const IMPORT_CONCURRENCY = 8;
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);

/** A fresh connection each time: spawnSync blocks this process, so a kept-alive socket may be closed under it. */
function emulatorPost(baseUrl, path, body) {
  const payload = JSON.stringify(body);
  const headers = {
    authorization: `Basic ${Buffer.from('tango-local:local-key').toString('base64')}`,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        res.statusCode < 300 ? resolve() : reject(new Error(`POST ${path}: ${res.statusCode} ${text}`)),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function accountsCsv(prefix, rows) {
  const lines = Array.from(
    { length: rows },
    (_, i) => `${prefix}-${i + 1},Team ${i + 1},owner${i + 1}@example.com,USD,`,
  );
  return `identifier,displayName,contactEmail,currency,fundingEmails\n${lines.join('\n')}\n`;
}

/** One import into a fresh customer: wall time of the whole command, and the import's own time from its report. */
async function importOnce(baseUrl, dir, run) {
  const customer = `bench-customer-${run}`;
  await emulatorPost(baseUrl, '/customers', { customerIdentifier: customer, displayName: `Bench ${run}` });
  const file = join(dir, `accounts-${run}.csv`);
  const report = join(dir, `report-${run}.json`);
  writeFileSync(file, accountsCsv(`bench-${run}`, IMPORT_ROWS));
  const args = [BIN, 'accounts', 'import', customer, '--file', file, '--report', report];
  const wall = timeOnce(NODE, [...args, '--concurrency', String(IMPORT_CONCURRENCY)], {
    ...CREDENTIALS,
    TANGO_BASE_URL: baseUrl,
    TANGO_CONFIG_DIR: dir,
  });
  const { summary, durationMs } = JSON.parse(readFileSync(report, 'utf8'));
  if (summary.created !== IMPORT_ROWS) throw new Error(`import created ${summary.created} of ${IMPORT_ROWS}`);
  return { wall, own: durationMs };
}

async function importSection() {
  const ideal = (IMPORT_ROWS * IMPORT_LATENCY_MS) / IMPORT_CONCURRENCY;
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  const emulator = await startEmulator(['--latency', String(IMPORT_LATENCY_MS)]);
  try {
    const runs = [];
    for (let run = 1; run <= IMPORT_RUNS; run++) runs.push(await importOnce(emulator.baseUrl, dir, run));
    const wall = median(runs.map((r) => r.wall));
    const own = median(runs.map((r) => r.own));
    console.log(
      `import: ${IMPORT_ROWS} rows, ${IMPORT_LATENCY_MS} ms latency, concurrency ${IMPORT_CONCURRENCY} (median of ${IMPORT_RUNS})`,
    );
    console.log(`  ideal rows x latency / concurrency  ${fmt(ideal)}`);
    console.log(
      `  tango accounts import (wall)       ${fmt(wall)}   ratio ${(wall / ideal).toFixed(2)} (target <= 1.20)`,
    );
    console.log(`  of which sending (report)          ${fmt(own)}   ratio ${(own / ideal).toFixed(2)}`);
  } finally {
    emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function emulatorGet(baseUrl, path) {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    httpRequest(`${url.origin}${path}`, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve(JSON.parse(text)));
    })
      .on('error', reject)
      .end();
  });
}

const PACED_SCENARIOS = [
  { name: '--rate-limit 1', limit: 1, args: ['--rate-limit', '1'] },
  { name: '--rate-limit 2', limit: 2, args: ['--rate-limit', '2'] },
  { name: '--rate-limit 1 --fail-rate 0.1', limit: 1, args: ['--rate-limit', '1', '--fail-rate', '0.1'] },
];

/** One import at the CLI's defaults into a fresh emulator with the scenario's limits. */
async function pacedOnce(scenario, rows, dir) {
  const emulator = await startEmulator(scenario.args);
  try {
    const customer = 'paced-customer';
    await emulatorPost(emulator.baseUrl, '/customers', { customerIdentifier: customer, displayName: 'Paced bench' });
    // Let the server's bucket refill after that request, as after any quiet moment.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await new Promise((resolve, reject) => {
      const url = new URL(emulator.baseUrl);
      httpRequest(`${url.origin}/_emulator/stats`, { method: 'DELETE', agent: false }, (res) => {
        res.resume().on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const file = join(dir, 'accounts.csv');
    const report = join(dir, 'report.json');
    writeFileSync(file, accountsCsv('paced', rows));
    const child = spawnSync(NODE, [BIN, 'accounts', 'import', customer, '--file', file, '--report', report], {
      env: { ...process.env, ...CREDENTIALS, TANGO_BASE_URL: emulator.baseUrl, TANGO_CONFIG_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const { summary, durationMs } = JSON.parse(readFileSync(report, 'utf8'));
    const stats = await emulatorGet(emulator.baseUrl, '/_emulator/stats');
    return {
      exit: child.status,
      created: summary.created,
      failed: summary.failed + summary['not-attempted'],
      rowsPerSecond: summary.created / (durationMs / 1000),
      requests: stats.total,
      share429: stats.faults.rateLimited / stats.total,
    };
  } finally {
    emulator.stop();
  }
}

async function paced() {
  const rows = Number(option('--rows') ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  try {
    console.log(`paced: ${rows} rows, tango accounts import at its defaults (concurrency 4, no --rate)`);
    for (const scenario of PACED_SCENARIOS) {
      const r = await pacedOnce(scenario, rows, dir);
      const ideal = scenario.limit;
      console.log(
        `  emulator ${scenario.name.padEnd(32)} ${r.rowsPerSecond.toFixed(3)} rows/s (ideal ${ideal.toFixed(2)}, ratio ${(r.rowsPerSecond / ideal).toFixed(3)})   ` +
          `429s ${(r.share429 * 100).toFixed(2)}% of ${r.requests} requests   failed rows ${r.failed}   exit ${r.exit}`,
      );
    }
    console.log('  goal at --rate-limit 1: 0 failed rows, >= 0.95 rows/s, <= 1% of requests answered 429');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--name value` from the command line, for the options the sections take. */
function option(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sections = { startup, request, bulk, import: importSection, paced };
const named = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const chosen = named.length ? named : Object.keys(sections);
const probe = spawnSync(NODE, ['--version'], { encoding: 'utf8' });
if (probe.status !== 0) throw new Error(`--node ${NODE} does not run: ${probe.error?.message ?? probe.stderr}`);
// Every figure printed below comes from this Node; the README's Performance section says which.
console.log(`Node ${probe.stdout.trim()} (${NODE})`);
for (const name of chosen) {
  if (!sections[name]) throw new Error(`unknown bench section ${name}; sections: ${Object.keys(sections).join(', ')}`);
  await sections[name]();
}
