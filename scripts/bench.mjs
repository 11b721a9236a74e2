// npm run bench: speed and memory as ratios against a baseline, never as pass/fail timings.
//   startup   `tango --version` and `tango --help` against bare `node -e 0`
// Sections are run in order; pass names to run only some: npm run bench -- startup
import { spawnSync } from 'node:child_process';
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

const sections = { startup };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sections);
for (const name of chosen) {
  if (!sections[name]) throw new Error(`unknown bench section ${name}; sections: ${Object.keys(sections).join(', ')}`);
  await sections[name]();
}
