/** Wires Ctrl-C to an abort signal, runs the program and sets the exit code. */
import { run } from './cli.js';
import { ExitCode } from './errors.js';
import { preferQuickExit } from './v8-tuning.js';

const ECHO_WINDOW_MS = 300;

export async function start(args: string[]): Promise<void> {
  preferQuickExit();
  const interrupt = new AbortController();
  let firstInterrupt: number | undefined;
  process.on('SIGINT', () => {
    // The first Ctrl-C lets the command stop cleanly (an import writes its report); the second does not wait.
    // A second SIGINT right after the first is no person: exit hooks such as conf's atomic writer
    // (when-exit), once loaded, re-send the signal to this process as soon as they have seen it, and
    // that echo must not cut the clean stop short.
    if (firstInterrupt !== undefined) {
      if (Date.now() - firstInterrupt > ECHO_WINDOW_MS) process.exit(ExitCode.interrupted);
      return;
    }
    firstInterrupt = Date.now();
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
