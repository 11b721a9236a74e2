/**
 * undici parses HTTP with a WebAssembly module (llhttp). V8 would compile its busy functions again
 * with its optimising tier in the background, and Node waits for that before exiting: about 80 ms
 * on every short command, measured. Long transfers gain nothing from it either: an import of 1,000
 * rows used more CPU with it (1.17 s against 0.96 s, 5 interleaved runs) and `accounts list --all`
 * over 100,000 accounts as much, for 20 MB more memory (90 MB against 70 MB: the optimising
 * compiler's own memory). So every API client keeps V8's baseline compiler for it.
 *
 * Long transfers also keep memory flat: every page is garbage once printed, but V8 would grow its
 * young generation up to 16 MiB a half and let the old one fill with pages before collecting, so
 * `accounts list --all` peaked at 84 MB for 100,000 accounts and 128 MB for 1,000,000. A young
 * generation that stays at its first size, and V8's memory-saving mode, keep it near 70 MB for
 * either (README, Performance).
 *
 * Only a command that builds an API client needs either, so node:v8 is loaded then, not at start.
 * Both must come before the first request of the process.
 */
import { createRequire } from 'node:module';

function setFlags(...flags: string[]): void {
  // createRequire, not process.getBuiltinModule: that is missing from Node 22.0 to 22.2. Any absolute
  // path will do to require one of Node's own modules, and the single executable has no import.meta.
  const v8 = createRequire(process.execPath)('node:v8') as typeof import('node:v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
}

/** Every API client (src/api/client.ts): the baseline compiler only, for undici's parser. */
export function preferQuickExit(): void {
  setFlags('--liftoff-only');
}

/** A command that sends many requests (see sendsMany in src/commands/action.ts): memory kept flat. */
export function preferThroughput(): void {
  setFlags('--semi-space-growth-factor=1', '--optimize-for-size');
}
