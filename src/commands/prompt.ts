/**
 * Asking a person for a missing value, or, when nobody can answer, failing at once with the
 * flag to pass instead. Prompts draw on stderr so stdout stays data.
 */
import type { Context } from '../context.js';
import { check, type RuleName } from '../domain/rules.js';
import { InterruptedError, UsageError } from '../errors.js';

export interface Ask {
  flag: string;
  message: string;
  rule?: RuleName;
  default?: string;
  secret?: boolean;
  /** The answer is a list, items separated by commas or spaces, each checked with `rule`. */
  list?: boolean;
  /** Turns the typed text into the value the body carries (a number, a list of objects). */
  parse?: (answer: string) => unknown;
}

/** The items of a list answer: `a@x, b@x` or `a@x b@x`. */
export function listItems(answer: string): string[] {
  return answer.split(/[\s,]+/).filter((item) => item !== '');
}

/** The value given, or asked for on a terminal; without one, a usage error naming the flag. */
export async function valueOrAsk(ctx: Context, given: string | undefined, ask: Ask): Promise<string> {
  if (given !== undefined) return given;
  if (!ctx.canPrompt) throw missingFlags([ask.flag]);
  const prompts = await import('@inquirer/prompts');
  const validate = (value: string) => {
    if (!ask.rule) return value.trim() ? true : `${ask.flag} cannot be empty`;
    const items = ask.list ? listItems(value) : [value];
    if (items.length === 0) return `${ask.flag} needs at least one value`;
    for (const item of items) {
      const problem = check(ask.rule, item);
      if (problem) return `${ask.list ? `${item}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
    }
    return true;
  };
  const context = { output: process.stderr };
  return guardInterrupt(() =>
    ask.secret
      ? prompts.password({ message: ask.message, mask: '*', validate }, context)
      : prompts.input({ message: ask.message, default: ask.default, validate }, context),
  );
}

export function missingFlags(flags: string[]): UsageError {
  const list = flags.join(', ');
  return new UsageError(`missing ${flags.length > 1 ? 'values' : 'value'} for ${list}`, {
    hint: 'pass them as flags; prompts are only shown at a terminal (not with --no-input, CI set, or piped stdin/stdout)',
  });
}

/** Inquirer rejects with ExitPromptError on Ctrl-C; that is an interruption, exit 130. */
export async function guardInterrupt<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new InterruptedError();
    throw error;
  }
}
