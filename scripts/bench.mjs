// npm run bench: speed and memory as ratios against a baseline, never as pass/fail timings.
//   startup   `tango --version` and `tango --help` against bare `node -e 0`
//   import    `tango accounts import` of 1,000 rows against the emulator at 20 ms latency, concurrency 8,
//             beside the ideal rows x latency / concurrency
// Sections are run in order; pass names to run only some: npm run bench -- startup
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tango.js', import.meta.url));
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
    [process.execPath, ['-e', '0']],
    [process.execPath, [BIN, '--version']],
    [process.execPath, [BIN, '--help']],
  ]);
  console.log(`startup (median of ${RUNS}, interleaved)`);
  console.log(`  node -e 0          ${fmt(node)}`);
  console.log(`  tango --version    ${fmt(version)}   ratio ${(version / node).toFixed(2)} (target <= 1.30)`);
  console.log(`  tango --help       ${fmt(help)}   ratio ${(help / node).toFixed(2)}`);
}

const IMPORT_ROWS = 1000;
const IMPORT_LATENCY_MS = 20;
const IMPORT_CONCURRENCY = 8;
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);

/** `tango emulator start` in a child; its first stdout line is the base URL. */
function startEmulator(latencyMs) {
  const child = spawn(process.execPath, [BIN, 'emulator', 'start', '--port', '0', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`tango emulator start exited ${code}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ baseUrl: out.split('\n')[0].trim(), stop: () => child.kill('SIGTERM') });
    });
  });
}

/** A fresh connection each time: spawnSync blocks this process, so a kept-alive socket may be closed under it. */
function emulatorPost(baseUrl, path, body) {
  const payload = JSON.stringify(body);
  const headers = {
    authorization: `Basic ${Buffer.from('tango-local:local-key').toString('base64')}`,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  };
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: 'POST', headers, agent: false }, (res) => {
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
  const wall = timeOnce(process.execPath, [...args, '--concurrency', String(IMPORT_CONCURRENCY)], {
    TANGO_BASE_URL: baseUrl,
    TANGO_PLATFORM_NAME: 'tango-local',
    TANGO_PLATFORM_KEY: 'local-key',
    TANGO_CONFIG_DIR: dir,
  });
  const { summary, durationMs } = JSON.parse(readFileSync(report, 'utf8'));
  if (summary.created !== IMPORT_ROWS) throw new Error(`import created ${summary.created} of ${IMPORT_ROWS}`);
  return { wall, own: durationMs };
}

async function importSection() {
  const ideal = (IMPORT_ROWS * IMPORT_LATENCY_MS) / IMPORT_CONCURRENCY;
  const dir = mkdtempSync(join(tmpdir(), 'tango-bench-'));
  const emulator = await startEmulator(IMPORT_LATENCY_MS);
  try {
    const runs = [];
    for (let run = 1; run <= IMPORT_RUNS; run++) runs.push(await importOnce(emulator.baseUrl, dir, run));
    const wall = median(runs.map((r) => r.wall));
    const own = median(runs.map((r) => r.own));
    console.log(
      `import (${IMPORT_ROWS} rows, ${IMPORT_LATENCY_MS} ms latency, concurrency ${IMPORT_CONCURRENCY}, median of ${IMPORT_RUNS})`,
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

const sections = { startup, import: importSection };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sections);
for (const name of chosen) {
  if (!sections[name]) throw new Error(`unknown bench section ${name}; sections: ${Object.keys(sections).join(', ')}`);
  await sections[name]();
}
