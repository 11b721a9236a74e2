/**
 * Runs the program once and turns whatever happened into an exit code. This is the only place
 * that prints errors; nothing deeper calls process.exit.
 */
import { CommanderError } from 'commander';
import type { ContextIO } from './context.js';
import { CliError, ExitCode } from './errors.js';
import { allCommands, buildProgram } from './program.js';
import { setRuntime } from './runtime.js';

export async function run(argv: readonly string[], io: ContextIO): Promise<number> {
  setRuntime(io);
  const program = buildProgram();
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.signal.aborted ? ExitCode.interrupted : ExitCode.ok;
  } catch (error) {
    return await report(error, io, argv.includes('--verbose') || argv.includes('-v') || io.env.TANGO_DEBUG === '1');
  }
}

async function report(error: unknown, io: ContextIO, verbose: boolean): Promise<number> {
  if (error instanceof CommanderError) return commanderExitCode(error);
  const { colorEnabled, createPaint } = await import('./output/color.js');
  const paint = createPaint(colorEnabled({ flag: !io.env.NO_COLOR, env: io.env, isTTY: io.stderr.isTTY }));
  const out = (line: string) => io.stderr.write(`${line}\n`);
  if (error instanceof CliError) {
    out(paint.red(`Error: ${error.message}`));
    for (const detail of error.details) out(`  ${detail}`);
    if (error.requestId) out(paint.dim(`  Request ID: ${error.requestId}`));
    if (error.hint) out(paint.yellow(`Hint: ${error.hint}`));
    if (verbose && error.cause instanceof Error && error.cause.stack) out(paint.dim(error.cause.stack));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  out(paint.red(`Unexpected error: ${message}`));
  if (verbose && error instanceof Error && error.stack) out(paint.dim(error.stack));
  else out(paint.dim('Run again with --verbose to see where it happened.'));
  return ExitCode.error;
}

/** Help and version end well; any other parse error (unknown flag, bad value, missing argument) is a usage error. */
function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
  if (error.exitCode === 0) return ExitCode.ok;
  return ExitCode.usage;
}
