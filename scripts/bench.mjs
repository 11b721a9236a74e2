// npm run bench: every row of the start-up table (issue 18) against its floor, in the same run, as
// median ratios over interleaved runs; never pass/fail timings (those fail on a loaded machine).
//   startup   `tango --version`, `tango --help`, `tango config path` against bare `node -e 0`
//   request   `tango customers list --json` (20 customers, the emulator on loopback) against
//             scripts/floors/get.mjs, a minimal node:http GET that prints the body
//   bulk      `tango accounts list <c> --all -o ndjson` over 100,000 and 1,000,000 accounts (wall time
//             and peak RSS) against scripts/floors/pages.mjs, a node:http keep-alive loop over the same
//             cursor pages, both served by scripts/paging-server.mjs (pages made when asked)
//   import    `tango accounts import` of 1,000 rows against the emulator at 20 ms latency, concurrency 8,
//             against the ideal rows x latency / concurrency plus the floor's start-up (`node -e 0`), and
//             against scripts/floors/posts.mjs, a node:http keep-alive client sending the same rows
//   paced     (only when named) `tango accounts import` at its defaults against an emulator that allows
//             1 request/s (as Tango does), then 2/s, then 1/s with 10% of requests failing: created rows/s
//             beside the ideal (the server's limit), the share of requests answered 429, failed rows.
//             1,000 rows at 1/s take about 17 minutes each; `--rows 50` runs it small.
// Sections are run in order; pass names to run only some: npm run bench -- startup request
// Every process runs with NODE_EXTRA_CA_CERTS unset: when set, Node 20 reads the CA bundle at every
// start (about 38 ms), which inflates the floor and hides tango's own cost.
// Options: --json <file> writes every figure (and the Node, the load average) for comparing commits;
// --rows <n> (paced section's rows, default 1000); --node <path> runs tango, its floors and the
// emulator on that Node instead of the one running this script, e.g.
// npm run bench -- --node "$(node scripts/node-line.mjs 24)" startup
// BENCH_RUNS (default 15) sets the runs of every row; BENCH_BULK_SIZES (default 100000,1000000) the bulk sizes.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tango.js', import.meta.url));
const FLOOR_GET = fileURLToPath(new URL('./floors/get.mjs', import.meta.url));
const FLOOR_PAGES = fileURLToPath(new URL('./floors/pages.mjs', import.meta.url));
const FLOOR_POSTS = fileURLToPath(new URL('./floors/posts.mjs', import.meta.url));
/** The Node every measured process runs on: tango, the `node -e 0` floor and the emulator. */
const NODE = option('--node') ?? process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** The environment of every measured process: this one's, without the CA bundle Node would read at start. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));
/** Every row measured, for --json. */
const results = [];

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Wall time of one run; with `rss`, through GNU time for the peak RSS too (both candidate and floor
 * alike, so its own few milliseconds fall on both sides).
 */
export function timeOnce(command, args, env = {}, { rss = false } = {}) {
  const [file, argv] = rss ? ['/usr/bin/time', ['-f', '%M', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    env: { ...ENV, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssMb: rss ? Number(result.stderr.trim().split('\n').at(-1)) / 1024 : undefined };
}

/** Runs each candidate once per round, interleaved, so drift in machine load hits all alike; medians. */
export function interleaved(candidates, runs = RUNS, options = {}) {
  const times = candidates.map(() => []);
  const rss = candidates.map(() => []);
  for (let round = 0; round < runs; round++) {
    candidates.forEach(([command, args, env], i) => {
      const run = timeOnce(command, args, env, options);
      times[i].push(run.ms);
      if (run.rssMb !== undefined) rss[i].push(run.rssMb);
    });
  }
  return candidates.map((_, i) => ({ ms: median(times[i]), rssMb: rss[i].length ? Math.max(...rss[i]) : undefined }));
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Prints one row of the table and keeps it for --json. */
function report(row) {
  results.push(row);
  const rss =
    row.rssMb === undefined ? '' : `   peak RSS ${row.rssMb.toFixed(0)} MB (floor ${row.floorRssMb.toFixed(0)} MB)`;
  const goal = row.goal === undefined ? '' : ` (goal <= ${row.goal})`;
  console.log(
    `  ${row.name.padEnd(44)} ${fmt(row.ms).padStart(9)} vs ${fmt(row.floorMs).padStart(9)}   ratio ${row.ratio.toFixed(2)}${goal}${rss}`,
  );
}

function startup() {
  const [node, version, help, configPath] = interleaved([
    [NODE, ['-e', '0']],
    [NODE, [BIN, '--version']],
    [NODE, [BIN, '--help']],
    [NODE, [BIN, 'config', 'path']],
  ]);
  console.log(`startup: against node -e 0 (median of ${RUNS}, interleaved)`);
  const row = (name, m, goal) =>
    report({ name, floor: 'node -e 0', ms: m.ms, floorMs: node.ms, ratio: m.ms / node.ms, goal, runs: RUNS });
  row('tango --version', version, 1.15);
  row('tango --help', help, 1.5);
  row('tango config path', configPath, 1.5);
}

const CREDENTIALS = { TANGO_PLATFORM_NAME: 'tango-local', TANGO_PLATFORM_KEY: 'local-key' };

/** scripts/paging-server.mjs in a child process (this one blocks in spawnSync while tango runs). */
async function startPagingServer(node, total) {
  const script = fileURLToPath(new URL('./paging-server.mjs', import.meta.url));
  const child = spawn(node, [script, String(total)], { stdio: ['ignore', 'pipe', 'inherit'], env: ENV });
  const [chunk] = await once(child.stdout, 'data');
  return { baseUrl: String(chunk).trim(), stop: () => child.kill('SIGTERM') };
}

/** `tango emulator start` in a child process; resolves with its base URL once it prints it. */
export async function startEmulator(args) {
  const child = spawn(NODE, [BIN, 'emulator', 'start', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: ENV,
  });
  const [chunk] = await once(child.stdout, 'data');
  return { baseUrl: String(chunk).trim(), stop: () => child.kill('SIGTERM') };
}

async function request() {
  const emulator = await startEmulator(['--seed', '20']);
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  try {
    const env = { ...CREDENTIALS, TANGO_BASE_URL: emulator.baseUrl, TANGO_CONFIG_DIR: dir };
    const [floor, tango] = interleaved([
      [NODE, [FLOOR_GET, '/customers'], env],
      [NODE, [BIN, 'customers', 'list', '--json'], env],
    ]);
    console.log(`request: GET /customers, 20 customers, emulator on loopback (median of ${RUNS}, interleaved)`);
    report({
      name: 'tango customers list --json',
      floor: 'scripts/floors/get.mjs (node:http GET)',
      ms: tango.ms,
      floorMs: floor.ms,
      ratio: tango.ms / floor.ms,
      goal: 2.0,
      runs: RUNS,
    });
  } finally {
    emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bulk() {
  const sizes = (process.env.BENCH_BULK_SIZES ?? '100000,1000000').split(',').map(Number);
  const customer = 'bench-customer';
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  try {
    for (const total of sizes) {
      const server = await startPagingServer(NODE, total);
      try {
        const env = { ...CREDENTIALS, TANGO_BASE_URL: server.baseUrl, TANGO_CONFIG_DIR: dir };
        const [floor, tango] = interleaved(
          [
            [NODE, [FLOOR_PAGES, customer], env],
            [NODE, [BIN, 'accounts', 'list', customer, '--all', '-o', 'ndjson'], env],
          ],
          RUNS,
          { rss: true },
        );
        console.log(
          `bulk: ${total.toLocaleString('en')} accounts, pages of 200, ndjson to /dev/null (median of ${RUNS}, interleaved; RSS the largest)`,
        );
        report({
          name: `tango accounts list --all -o ndjson, ${total.toLocaleString('en')}`,
          floor: 'scripts/floors/pages.mjs (node:http keep-alive loop)',
          ms: tango.ms,
          floorMs: floor.ms,
          ratio: tango.ms / floor.ms,
          goal: 1.0,
          rssMb: tango.rssMb,
          floorRssMb: floor.rssMb,
          rssGoalMb: 80,
          runs: RUNS,
        });
      } finally {
        server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const IMPORT_ROWS = 1000;
const IMPORT_LATENCY_MS = 20;
const IMPORT_CONCURRENCY = 8;

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

/** A fresh customer under `name` and a CSV of IMPORT_ROWS new accounts for it; the file's path. */
async function freshImport(baseUrl, dir, name) {
  await emulatorPost(baseUrl, '/customers', { customerIdentifier: name, displayName: `Bench ${name}` });
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, accountsCsv(name, IMPORT_ROWS));
  return file;
}

/** One import into a fresh customer: wall time of the whole command, and the import's own time from its report. */
async function importOnce(baseUrl, dir, run) {
  const customer = `bench-customer-${run}`;
  const file = await freshImport(baseUrl, dir, customer);
  const report = join(dir, `report-${run}.json`);
  const args = [BIN, 'accounts', 'import', customer, '--file', file, '--report', report];
  const { ms: wall } = timeOnce(NODE, [...args, '--concurrency', String(IMPORT_CONCURRENCY)], {
    ...CREDENTIALS,
    TANGO_BASE_URL: baseUrl,
    TANGO_CONFIG_DIR: dir,
  });
  const { summary, durationMs } = JSON.parse(readFileSync(report, 'utf8'));
  if (summary.created !== IMPORT_ROWS) throw new Error(`import created ${summary.created} of ${IMPORT_ROWS}`);
  return { wall, own: durationMs };
}

/** The same rows sent by scripts/floors/posts.mjs (a node:http keep-alive client) into another fresh customer. */
async function floorImportOnce(baseUrl, dir, run) {
  const customer = `bench-floor-${run}`;
  const file = await freshImport(baseUrl, dir, customer);
  return timeOnce(NODE, [FLOOR_POSTS, customer, file, String(IMPORT_CONCURRENCY)], {
    ...CREDENTIALS,
    TANGO_BASE_URL: baseUrl,
  }).ms;
}

/**
 * Each run of the import interleaved with a `node -e 0` and with the floor client. The ideal is the
 * sending's rows x latency / concurrency plus that start-up: it leaves out what every HTTP client pays
 * on top of the emulator's 20 ms (its timer's lateness, the round trip on loopback, both processes'
 * HTTP work on the shared cores), which the floor client measures.
 */
async function importSection() {
  const sending = (IMPORT_ROWS * IMPORT_LATENCY_MS) / IMPORT_CONCURRENCY;
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  const emulator = await startEmulator(['--latency', String(IMPORT_LATENCY_MS)]);
  try {
    const runs = [];
    const starts = [];
    const floors = [];
    for (let run = 1; run <= RUNS; run++) {
      starts.push(timeOnce(NODE, ['-e', '0']).ms);
      floors.push(await floorImportOnce(emulator.baseUrl, dir, run));
      runs.push(await importOnce(emulator.baseUrl, dir, run));
    }
    const ideal = sending + median(starts);
    const wall = median(runs.map((r) => r.wall));
    const own = median(runs.map((r) => r.own));
    const floor = median(floors);
    console.log(
      `import: ${IMPORT_ROWS} rows, ${IMPORT_LATENCY_MS} ms latency, concurrency ${IMPORT_CONCURRENCY} (median of ${RUNS}, interleaved with node -e 0 and the floor client)`,
    );
    report({
      name: `tango accounts import, ${IMPORT_ROWS} rows`,
      floor: `${IMPORT_ROWS}/${IMPORT_CONCURRENCY} x ${IMPORT_LATENCY_MS} ms + node -e 0`,
      ms: wall,
      floorMs: ideal,
      ratio: wall / ideal,
      goal: 1.1,
      runs: RUNS,
    });
    const row = results.at(-1);
    console.log(
      `  of which sending (the report's durationMs) ${fmt(own)}, against ${fmt(sending)}: ratio ${(own / sending).toFixed(2)}`,
    );
    row.sendingMs = own;
    console.log(
      `  the floor client (scripts/floors/posts.mjs) ${fmt(floor)}: ${(floor / ideal).toFixed(2)} of the ideal; tango ${(wall / floor).toFixed(2)} of the floor`,
    );
    row.floorClientMs = floor;
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
/** What runs when no section is named: the table's rows (paced takes most of an hour). */
const TABLE = ['startup', 'request', 'bulk', 'import'];
const VALUED = ['--node', '--rows', '--json'];
const named = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !VALUED.includes(all[i - 1]));
const chosen = named.length ? named : TABLE;
const probe = spawnSync(NODE, ['--version'], { encoding: 'utf8' });
if (probe.status !== 0) throw new Error(`--node ${NODE} does not run: ${probe.error?.message ?? probe.stderr}`);
for (const name of chosen) {
  if (!sections[name]) throw new Error(`unknown bench section ${name}; sections: ${Object.keys(sections).join(', ')}`);
}
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const before = load();
// Every figure printed below comes from this Node; the README's Performance section says which.
console.log(`Node ${probe.stdout.trim()} (${NODE}); NODE_EXTRA_CA_CERTS unset; load average ${before.join(' ')}`);
for (const name of chosen) await sections[name]();
const after = load();
console.log(`load average at the end ${after.join(' ')}`);
const jsonFile = option('--json');
if (jsonFile) {
  const run = {
    node: probe.stdout.trim(),
    date: new Date().toISOString(),
    loadBefore: before,
    loadAfter: after,
    rows: results,
  };
  writeFileSync(jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
