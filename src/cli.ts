/**
 * Runs the program once and turns whatever happened into an exit code. This is the only place
 * that prints errors; nothing deeper calls process.exit.
 */
import { type Command, CommanderError } from 'commander';
import { bindOutside } from './commands/action.js';
import type { ContextIO } from './context.js';
import { CliError, ECHO_LIMIT, ExitCode, echo, TERMINATED, TerminatedError, UsageError } from './errors.js';
import { hintFor } from './hints.js';
import { errorObject, wantsJsonErrors } from './output/error-object.js';
import { IOStreams } from './output/iostreams.js';
import { allCommands, buildProgram } from './program.js';

export async function run(argv: readonly string[], outside: ContextIO): Promise<number> {
  const io = new IOStreams(outside, outside.env);
  const program = buildProgram();
  bindOutside(program, outside, io);
  const jsonErrors = wantsJsonErrors(argv, outside.env);
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.writeErr(text),
      // Help wraps to the terminal it is printed on (80 columns off a terminal).
      getOutHelpWidth: () => io.stdoutColumns ?? 80,
      getErrHelpWidth: () => io.stderrColumns ?? 80,
      // A script asked for JSON errors: commander's own message becomes the JSON object in report().
      outputError: jsonErrors ? () => {} : (text, write) => write(clipValues(text, argv)),
    });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (!outside.signal.aborted) return ExitCode.ok;
    return outside.signal.reason === TERMINATED ? ExitCode.terminated : ExitCode.interrupted;
  } catch (caught) {
    const error = stoppedBy(outside.signal, caught);
    const verbose = argv.includes('--verbose') || argv.includes('-v') || outside.env.TANGO_DEBUG === '1';
    if (jsonErrors) return reportJson(error, io, argv);
    return await report(error, io, colorFlag(program), verbose);
  }
}

/** An interruption that SIGTERM caused is said and exits as such (143), not as a Ctrl-C (130). */
function stoppedBy(signal: AbortSignal, error: unknown): unknown {
  const interrupted = error instanceof CliError && error.exitCode === ExitCode.interrupted;
  return interrupted && signal.reason === TERMINATED ? new TerminatedError(error) : error;
}

/** --no-color as commander parsed it (it parses global options wherever they stand). */
function colorFlag(program: Command): boolean | undefined {
  return program.opts<{ color?: boolean }>().color;
}

async function report(error: unknown, io: IOStreams, color: boolean | undefined, verbose: boolean): Promise<number> {
  if (error instanceof CommanderError) return commanderExitCode(error);
  const { createPaint } = await import('./output/color.js');
  const paint = createPaint(io.colorOn('stderr', color));
  const out = (line: string) => io.writeErr(`${line}\n`);
  // Messages, field errors and request ids come from the server: never raw to the terminal.
  const { escapeControls: safe } = await import('./output/controls.js');
  if (error instanceof CliError) {
    out(paint.red(`Error: ${safe(error.message)}`));
    for (const detail of error.details) out(`  ${safe(detail)}`);
    if (error.requestId) out(paint.dim(`  Request ID: ${safe(error.requestId)}`));
    const hint = hintFor(error);
    if (hint) out(paint.yellow(`Hint: ${safe(hint)}`));
    if (verbose && error.cause instanceof Error && error.cause.stack) out(paint.dim(error.cause.stack));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  out(paint.red(`Unexpected error: ${safe(message)}`));
  if (verbose && error instanceof Error && error.stack) out(paint.dim(error.stack));
  else out(paint.dim('Run again with --verbose to see where it happened.'));
  return ExitCode.error;
}

/**
 * The error as one JSON object on one line of stderr, for scripts (-o json/ndjson, --error-format
 * json): the same exit code, the API's own values where it answered. See errorObject().
 */
function reportJson(error: unknown, io: IOStreams, argv: readonly string[]): number {
  if (error instanceof CommanderError) {
    const code = commanderExitCode(error);
    if (code === ExitCode.ok) return code;
    error = new UsageError(
      clipValues(error.message, argv)
        .replace(/^error: /, '')
        .trim(),
    );
  }
  const object = errorObject(error, hintFor(error));
  io.writeErr(`${JSON.stringify(object)}\n`);
  return object.error.exitCode;
}

/** Help and version end well; any other parse error (unknown flag, bad value, missing argument) is a usage error. */
function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
  if (error.exitCode === 0) return ExitCode.ok;
  return ExitCode.usage;
}

/**
 * Commander's own messages quote the value they refuse ("argument '…' is invalid", "unknown option
 * '…'", "value '…' from env"): a value from argv longer than ECHO_LIMIT is shown as echo() shows it.
 * Values from argv are replaced wherever they appear (also as the tail of --flag=value); any other
 * quoted span that long (a value from the environment) is clipped too.
 */
export function clipValues(message: string, argv: readonly string[]): string {
  let clipped = message;
  const long = argv.flatMap((arg) => [arg, arg.slice(arg.indexOf('=') + 1)]).filter((v) => v.length > ECHO_LIMIT);
  for (const value of [...new Set(long)].sort((a, b) => b.length - a.length)) {
    clipped = clipped.split(value).join(echo(value));
  }
  return clipped.replace(/'([\s\S]*?)'(?=[\s.,;:)]|$)/g, (quoted, inner: string) =>
    inner.length > ECHO_LIMIT ? `'${echo(inner)}'` : quoted,
  );
}
