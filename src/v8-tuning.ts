/**
 * undici parses HTTP with a WebAssembly module. V8 recompiles it with its optimising tier in the
 * background, and Node waits for that before exiting: about 80 ms on every short command,
 * measured. Short commands therefore keep the baseline compiler; long transfers (an import, a
 * listing of every page) gain more from the optimised parser than they lose at exit, so they ask
 * for it before their first request. Either call must come before the first request of the process.
 *
 * Long transfers also keep memory flat: every page is garbage once printed, but V8 would grow its
 * young generation up to 16 MiB a half and let the old one fill with pages before collecting, so
 * `accounts list --all` peaked at 84 MB for 100,000 accounts and 128 MB for 1,000,000. A young
 * generation that stays at its first size, and V8's memory-saving mode, keep it near 70 MB for
 * either, for no measurable CPU (README, Performance).
 *
 * Only a command that builds an API client needs either, so node:v8 is loaded then, not at start.
 */
import { createRequire } from 'node:module';

/** What a bulk command chose before its client was built; the client's quick-exit default then yields. */
let throughputChosen = false;

function setFlags(...flags: string[]): void {
  // createRequire, not process.getBuiltinModule: that is missing from Node 22.0 to 22.2. Any absolute
  // path will do to require one of Node's own modules, and the single executable has no import.meta.
  const v8 = createRequire(process.execPath)('node:v8') as typeof import('node:v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
}

/** The default of every API client (src/api/client.ts), unless the command asked for throughput. */
export function preferQuickExit(): void {
  if (!throughputChosen) setFlags('--liftoff-only');
}

export function preferThroughput(): void {
  throughputChosen = true;
  setFlags('--no-liftoff-only', '--semi-space-growth-factor=1', '--optimize-for-size');
}
