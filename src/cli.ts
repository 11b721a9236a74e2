/**
 * Runs the program once and turns whatever happened into an exit code. This is the only place
 * that prints errors; nothing deeper calls process.exit.
 */
import { type Command, CommanderError } from 'commander';
import { bindOutside } from './commands/action.js';
import type { ContextIO } from './context.js';
import {
  CliError,
  ECHO_LIMIT,
  ExitCode,
  echo,
  FindingExit,
  TERMINATED,
  TerminatedError,
  UsageError,
} from './errors.js';
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
    // The command printed its finding (tango diff); the exit code says the rest.
    if (caught instanceof FindingExit) return caught.exitCode;
    const error = stoppedBy(outside.signal, caught);
    const verbose = argv.includes('--verbose') || argv.includes('-v') || outside.env.TANGO_DEBUG === '1';
    if (jsonErrors) return reportJson(error, io, argv);
    return await report(error, io, argv, colorFlag(program), verbose);
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

async function report(
  error: unknown,
  io: IOStreams,
  argv: readonly string[],
  color: boolean | undefined,
  verbose: boolean,
): Promise<number> {
  if (error instanceof CommanderError) return commanderExitCode(error);
  const { createPaint } = await import('./output/color.js');
  const paint = createPaint(io.colorOn('stderr', color));
  const out = (line: string) => io.writeErr(`${line}\n`);
  // Messages, field errors and request ids come from the server: never raw to the terminal; and no
  // line repeats more than ECHO_LIMIT characters of a value.
  const { escapeControls } = await import('./output/controls.js');
  const safe = (text: string) => escapeControls(clipValues(text, argv));
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
  const clip = (text: string) => clipValues(text, argv);
  object.error.message = clip(object.error.message);
  object.error.details = object.error.details.map(clip);
  if (object.error.hint) object.error.hint = clip(object.error.hint);
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
 * The last guard of the echo rule, for every line an error prints (commander's own messages, ours,
 * their details and hints): a value from argv longer than ECHO_LIMIT is shown as echo() shows it,
 * wherever it appears (also as the tail of --flag=value: a path, a --query, a 10,000-character
 * option); so is any other quoted span that long (a value from the environment) and any run of that
 * many characters without a space (a token a parser quotes back from inside a value).
 */
export function clipValues(message: string, argv: readonly string[]): string {
  let clipped = message;
  const long = argv.flatMap((arg) => [arg, arg.slice(arg.indexOf('=') + 1)]).filter((v) => v.length > ECHO_LIMIT);
  for (const value of [...new Set(long)].sort((a, b) => b.length - a.length)) {
    clipped = clipped.split(value).join(echo(value));
  }
  clipped = clipped.replace(/'([\s\S]*?)'(?=[\s.,;:)]|$)/g, (quoted, inner: string) =>
    inner.length > ECHO_LIMIT ? `'${echo(inner)}'` : quoted,
  );
  return clipped.replace(LONG_RUN, (run) => echo(run));
}

/** A long run with no space; quotes and an ellipsis end one, so a value echo() already cut is left alone. */
const LONG_RUN = new RegExp(`[^\\s'"…]{${ECHO_LIMIT + 1},}`, 'g');
