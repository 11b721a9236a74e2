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
 */
import { setFlagsFromString } from 'node:v8';

export function preferQuickExit(): void {
  setFlagsFromString('--liftoff-only');
}

export function preferThroughput(): void {
  setFlagsFromString('--no-liftoff-only');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--optimize-for-size');
}
