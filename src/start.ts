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
  process.on('SIGINT', () => {
    interrupts += 1;
    // The first Ctrl-C lets the command stop cleanly (an import writes its report); the second does not wait.
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    process.stderr.write('\nInterrupted; finishing what is in flight (Ctrl-C again to quit at once).\n');
    interrupt.abort(new Error('interrupted'));
  });
  process.on('SIGTERM', () => interrupt.abort(new Error('terminated')));

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
