/**
 * undici parses HTTP with a WebAssembly module. V8 recompiles it with its optimising tier in the
 * background, and Node waits for that before exiting: about 80 ms on every short command,
 * measured. Short commands therefore keep the baseline compiler; long transfers (an import, a
 * listing of every page) gain more from the optimised parser than they lose at exit, so they ask
 * for it before their first request. Either call must come before the first request of the process.
 */
import { setFlagsFromString } from 'node:v8';

export function preferQuickExit(): void {
  setFlagsFromString('--liftoff-only');
}

export function preferThroughput(): void {
  setFlagsFromString('--no-liftoff-only');
}
