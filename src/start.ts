/** Wires Ctrl-C to an abort signal, runs the program and sets the exit code. */
import { setFlagsFromString } from 'node:v8';
import { run } from './cli.js';
import { ExitCode } from './errors.js';

export async function start(args: string[]): Promise<void> {
  // undici parses HTTP with a WebAssembly module; V8 recompiles it with its optimising tier in the
  // background, and Node waits for that before exiting: about 80 ms on every command, measured.
  // A short-lived CLI gains nothing from the optimised version, so keep the baseline compiler.
  setFlagsFromString('--liftoff-only');
  const interrupt = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    // The first Ctrl-C lets the command stop cleanly (an import writes its report); the second does not wait.
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    process.stderr.write('\nInterrupted; finishing what is in flight (Ctrl-C again to quit at once).\n');
    interrupt.abort(new Error('interrupted'));
  };
  const onTerminate = () => interrupt.abort(new Error('terminated'));
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  keepSignalsToOurselves([onInterrupt, onTerminate]);

  // A closed pipe (`tango accounts list ... | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });

  process.exitCode = await run(args, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    signal: interrupt.signal,
  });
}

/**
 * Only this entry point decides what Ctrl-C means. conf's atomic writes (atomically, via when-exit)
 * hook SIGINT and SIGTERM to clean up and then re-raise the signal at the process: that second
 * signal would count as a second Ctrl-C and end the command before its rows in flight finish.
 * Their cleanup also runs on 'exit', so dropping their signal listeners loses nothing.
 */
export function keepSignalsToOurselves(
  ours: ReadonlyArray<(...args: unknown[]) => void>,
  target: NodeJS.EventEmitter = process,
): void {
  target.on('newListener', (event: string | symbol, listener: (...args: unknown[]) => void) => {
    if ((event === 'SIGINT' || event === 'SIGTERM') && !ours.includes(listener)) {
      // 'newListener' fires before the listener is added; take it off right after.
      queueMicrotask(() => target.removeListener(event, listener));
    }
  });
}
