/**
 * Glue between commander and a command's work. Kept free of heavy imports: the context (and with
 * it conf, undici, tables) is loaded only when a command actually runs.
 */
import type { Command } from 'commander';
import type { Context, ContextIO } from '../context.js';
import type { IOStreams } from '../output/iostreams.js';
import { preferThroughput } from '../v8-tuning.js';

/** The outside world each program was run with; keyed by the program, so runs in one process never mix. */
const outsides = new WeakMap<Command, { outside: ContextIO; io: IOStreams }>();

/** Called by `run()` once per program, before parsing. */
export function bindOutside(program: Command, outside: ContextIO, io: IOStreams): void {
  outsides.set(program, { outside, io });
}

/** Commands that send many requests when their options say so; see sendsMany(). */
const bulk = new WeakMap<Command, (opts: never) => boolean>();

/**
 * Marks a command that, when `when(opts)` holds, sends many requests (every page, an import): the
 * action wrapper then asks V8 to keep its young generation small before the first one (see v8-tuning.ts).
 */
export function sendsMany<Opts>(command: Command, when: (opts: Opts) => boolean): Command {
  bulk.set(command, when as (opts: never) => boolean);
  return command;
}

/**
 * Wraps `fn(ctx, ...args, opts)` as a commander action. Around it, what no command does itself:
 * before, the V8 tuning for bulk work; after, however it ended, the completion cache learns the
 * identifiers printed, and the context closes.
 */
export function action<Args extends unknown[]>(
  fn: (ctx: Context, ...args: Args) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const cmd = args.at(-1) as Command;
    const bound = outsides.get(rootOf(cmd));
    if (!bound) throw new Error(`${cmd.name()} ran outside run(): it has no streams`);
    const { refuseEmptyVariables } = await import('../config/settings.js');
    refuseEmptyVariables(bound.outside.env);
    const { createContext } = await import('../context.js');
    const ctx = createContext(cmd, bound.outside, bound.io);
    if (bulk.get(cmd)?.(cmd.opts() as never)) preferThroughput();
    try {
      // A bad --query is a usage error before the command sends anything.
      await ctx.output.prepare();
      await fn(ctx, ...(args.slice(0, -1) as Args));
    } finally {
      await rememberShown(ctx);
      await ctx.close();
    }
  };
}

/** Feeds `tango customers get <TAB>` and friends with every identifier a command printed. Never fails the command. */
async function rememberShown(ctx: Context): Promise<void> {
  if (ctx.shown.empty) return;
  const { cacheScope } = await import('../completion/cache.js');
  ctx.shown.remember(cacheScope(ctx));
}

/** The program a command belongs to. */
export function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/** Longer commands get their comment on the line above, so nothing wraps at 80 columns. */
const SIDE_BY_SIDE_WIDTH = 76;

/** The "Examples:" block every command's help ends with. */
export function examples(...lines: Array<[command: string, what: string]>): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  const longest = Math.max(...lines.map(([command, what]) => command.length + what.length + 8));
  const body =
    longest <= SIDE_BY_SIDE_WIDTH
      ? lines.map(([command, what]) => `  $ ${command.padEnd(width)}  # ${what}`)
      : lines.map(([command, what]) => `  # ${what}\n  $ ${command}`);
  return `\nExamples:\n${body.join('\n')}\n`;
}
