/**
 * Values for a request body, from flags and, at a terminal, prompts: every broken rule reported
 * at once, each named by the flag the user typed. Nothing is sent before all are right.
 */
import type { Context } from '../context.js';
import type { Problem } from '../domain/rules.js';
import { UsageError } from '../errors.js';
import { type Ask, missingFlags, valueOrAsk } from './prompt.js';

/** The flag that sets an API field, for messages that must name what the user typed. */
export const FLAG_OF_FIELD: Record<string, string> = {
  customerIdentifier: '--identifier',
  accountIdentifier: '--identifier',
  displayName: '--display-name',
  contactEmail: '--contact-email',
  currencyCode: '--currency',
  fundingNotification: '--funding-email',
  balanceAlertDisplayName: '--display-name',
  balanceAlertThreshold: '--threshold',
  balanceAlertNotification: '--email',
};

export function flagOf(field: string): string {
  const base = field.replace(/\[.*$/, '');
  return FLAG_OF_FIELD[base] ?? field;
}

/**
 * Every broken rule at once, each with its flag, the rule and the value typed, so one run shows
 * all there is to fix; `missing` adds the flags that were not given. Nothing has been sent.
 */
export function invalidValues(problems: readonly Problem[], missing: readonly string[] = []): UsageError {
  const flags = [...new Set([...problems.map((p) => flagOf(p.field)), ...missing])];
  const details = [
    ...problems.map((p) => {
      const value = p.invalidValue === undefined ? '' : ` ${JSON.stringify(p.invalidValue)}`;
      return `${flagOf(p.field)}${value}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
    }),
    ...missing.map((flag) => `${flag}: missing`),
  ];
  const hints = problems.filter((p) => p.hint).map((p) => `${flagOf(p.field)}: ${p.hint}`);
  const noun = missing.length ? 'invalid or missing values' : problems.length > 1 ? 'invalid values' : 'invalid value';
  return new UsageError(`${noun} for ${flags.join(', ')}; nothing was sent`, {
    details,
    hint: hints.length ? hints.join('; ') : undefined,
  });
}

/**
 * A create body from the flags given: every given value is checked first (all problems at once);
 * then each missing required value is asked for at a terminal, or, when nobody can answer, named
 * in a usage error. `validate` is the domain's own validator, so the rules are the API's.
 */
export async function completeBody<B extends object>(
  ctx: Context,
  given: Partial<B>,
  validate: (body: Record<string, unknown>) => Problem[],
  asks: Partial<Record<keyof B & string, Omit<Ask, 'flag'>>>,
): Promise<B> {
  const body = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
  const problems = validate(body);
  const invalid = problems.filter((p) => p.constraint !== 'required');
  const missing = problems.filter((p) => p.constraint === 'required').map((p) => p.field);
  if (invalid.length) throw invalidValues(invalid, ctx.canPrompt ? [] : missing.map(flagOf));
  if (missing.length && !ctx.canPrompt) throw missingFlags(missing.map(flagOf));
  for (const field of missing) {
    const ask = asks[field as keyof B & string];
    if (!ask) throw missingFlags([flagOf(field)]);
    const answer = await valueOrAsk(ctx, undefined, { ...ask, flag: flagOf(field) });
    body[field] = ask.parse ? ask.parse(answer) : answer;
  }
  const after = validate(body);
  if (after.length) throw invalidValues(after);
  return body as B;
}
