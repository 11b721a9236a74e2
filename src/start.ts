/** Wires Ctrl-C to an abort signal, runs the program and sets the exit code. */
import { run } from './cli.js';
import { ExitCode, TERMINATED } from './errors.js';
import { wantsJsonErrors } from './output/error-object.js';
import { jsonLine } from './output/logger.js';

const ECHO_WINDOW_MS = 300;
/** After a second Ctrl-C, how long the command has to write what it must (an import's report) before the process ends anyway. */
const ABANDON_GRACE_MS = 3000;

export async function start(args: string[]): Promise<void> {
  const interrupt = new AbortController();
  const abandon = new AbortController();
  let firstInterrupt: number | undefined;
  // A script that asked for JSON reads every stderr line as JSON: what Ctrl-C does is told the same way.
  const json = wantsJsonErrors(args, process.env);
  const tell = (message: string) =>
    process.stderr.write(json ? jsonLine('warning', { message, kind: 'interrupted' }) : `${message}\n`);
  process.on('SIGINT', () => {
    // The first Ctrl-C lets the command stop cleanly: no new request starts, writes in flight finish.
    // The second abandons those too, so an import still writes its report at once (rows in flight
    // unknown); the process ends by itself, or after ABANDON_GRACE_MS, or at a third Ctrl-C.
    // A second SIGINT right after the first is no person: exit hooks such as conf's atomic writer
    // (when-exit), once loaded, re-send the signal to this process as soon as they have seen it, and
    // that echo must not cut the clean stop short.
    if (firstInterrupt !== undefined) {
      if (Date.now() - firstInterrupt <= ECHO_WINDOW_MS) return;
      if (abandon.signal.aborted) process.exit(ExitCode.interrupted);
      tell('Interrupted again; abandoning what is in flight (Ctrl-C again to quit at once).');
      abandon.abort(new Error('interrupted again'));
      setTimeout(() => process.exit(ExitCode.interrupted), ABANDON_GRACE_MS).unref();
      return;
    }
    firstInterrupt = Date.now();
    // On a new line: the terminal has just echoed ^C where the cursor was.
    if (!json) process.stderr.write('\n');
    tell('Interrupted; finishing what is in flight (Ctrl-C again to abandon it).');
    interrupt.abort(new Error('interrupted'));
  });
  // A service manager's stop (or `timeout`, `kill`): the same clean stop as a first Ctrl-C, exit 143.
  process.on('SIGTERM', () => interrupt.abort(TERMINATED));

  // A closed pipe (`tango accounts list ... | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });

  process.exitCode = await run(args, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Read when a command first uses it: Node opens stdin when `process.stdin` is first read, and
    // most commands never read their input.
    get stdin() {
      return process.stdin;
    },
    signal: interrupt.signal,
    abandon: abandon.signal,
  });
}
