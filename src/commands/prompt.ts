/**
 * Asking a person for a missing value, or, when nobody can answer, failing at once with the
 * flag to pass instead. Prompts draw on stderr so stdout stays data.
 */
import type { Context } from '../context.js';
import { splitFundingEmailsCell } from '../domain/funding-emails.js';
import { check, type RuleName } from '../domain/rules.js';
import { InterruptedError, UsageError } from '../errors.js';

export interface Ask {
  flag: string;
  message: string;
  rule?: RuleName;
  default?: string;
  secret?: boolean;
  /** The answer is a list of addresses, separated by commas or semicolons, each checked with `rule`. */
  list?: boolean;
  /** Turns the typed text into the value the body carries (a number, a list of objects). */
  parse?: (answer: string) => unknown;
}

/** The value given, or asked for on a terminal; without one, a usage error naming the flag. */
export async function valueOrAsk(ctx: Context, given: string | undefined, ask: Ask): Promise<string> {
  if (given !== undefined) return given;
  if (!ctx.canPrompt) throw missingFlags([ask.flag]);
  const prompter = await ctx.prompter();
  const validate = (value: string) => {
    if (!ask.rule) return value.trim() ? true : `${ask.flag} cannot be empty`;
    const items = ask.list ? splitFundingEmailsCell(value) : [value];
    if (items.length === 0) return `${ask.flag} needs at least one value`;
    for (const item of items) {
      const problem = check(ask.rule, item);
      if (problem) return `${ask.list ? `${item}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
    }
    return true;
  };
  return ask.secret
    ? prompter.password({ message: ask.message, validate })
    : prompter.input({ message: ask.message, default: ask.default, validate });
}

export function missingFlags(flags: string[]): UsageError {
  const list = flags.join(', ');
  return new UsageError(`missing ${flags.length > 1 ? 'values' : 'value'} for ${list}`, {
    hint: 'pass them as flags; prompts are only shown at a terminal (not with --no-input, CI set, or piped stdin/stdout)',
  });
}

/**
 * Goes ahead when `--yes` was given or the person at the terminal says yes; without a terminal
 * and without `--yes`, refuses (exit 2) naming the flag, so a script never hangs on a question.
 * A "no" is an interruption (exit 130): nothing was done, and a script must not read it as success.
 */
export async function confirmOrYes(ctx: Context, yes: boolean | undefined, question: string): Promise<void> {
  if (yes) return;
  if (!ctx.canPrompt) {
    throw new UsageError(`${question.replace(/\?$/, '')}: confirmation needed`, {
      hint: 'pass --yes to go ahead without a question (there is no terminal to ask at)',
    });
  }
  const agreed = await (await ctx.prompter()).confirm({ message: question, default: false });
  if (!agreed) throw new InterruptedError('Cancelled; nothing was changed.');
}
