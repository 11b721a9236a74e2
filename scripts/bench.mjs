// npm run bench: speed and memory as ratios against a baseline, never as pass/fail timings.
//   startup   `tango --version` and `tango --help` against bare `node -e 0`
//   request   one `tango customers list` against one curl of the same URL, on the emulator
//   bulk      `tango accounts list <c> --all -o ndjson` over 100,000 accounts (wall time, peak RSS)
//             against a plain curl loop over the same pages
// Sections are run in order; pass names to run only some: npm run bench -- startup
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
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

const CREDENTIALS = { TANGO_PLATFORM_NAME: 'tango-local', TANGO_PLATFORM_KEY: 'local-key' };

/** `tango emulator start` in a child process; resolves with its base URL once it prints it. */
export async function startEmulator(args) {
  const child = spawn(process.execPath, [BIN, 'emulator', 'start', '--port', '0', ...args], {
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
      [process.execPath, [BIN, 'customers', 'list', '--json'], env],
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
    const tango = measure(process.execPath, [BIN, 'accounts', 'list', customer, '--all', '-o', 'ndjson'], env);
    // The plainest client: one curl per page, the next cursor cut out with sed, pages written raw.
    const loop = [
      'url="$0/customers/$1/accounts?paginate=true&maxResults=200"; cursor=""',
      'while :; do',
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

const sections = { startup, request, bulk };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sections);
for (const name of chosen) {
  if (!sections[name]) throw new Error(`unknown bench section ${name}; sections: ${Object.keys(sections).join(', ')}`);
  await sections[name]();
}
