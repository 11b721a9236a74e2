/**
 * Flag value parsers for commander. A bad value throws InvalidArgumentError, which commander
 * reports as "option '--x <v>' argument 'y' is invalid. <rule>" and we exit 2.
 */
import { InvalidArgumentError } from 'commander';
import { withHints } from '../completion/values.js';
import { check, type FieldRule, parseIsoDate, type RuleName, rules } from '../domain/rules.js';

export const collect = withHints((value: string, previous: string[] = []): string[] => [...previous, value], {
  repeatable: true,
});

export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`It must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

export function positiveNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError('It must be a number greater than 0.');
  }
  return number;
}

/** A flag checked by one of the shared field rules; a closed list (currency, status) also completes. */
export function byRule(rule: RuleName): (value: string) => string {
  const parser = (value: string) => {
    const problem = check(rule, value);
    if (problem) throw new InvalidArgumentError(`It ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}.`);
    return value;
  };
  return withHints(parser, { completionValues: allowedValues(rule) });
}

/** Repeatable flag checked by a rule, e.g. --currency USD --currency EUR. */
export function collectByRule(rule: RuleName): (value: string, previous?: string[]) => string[] {
  const one = byRule(rule);
  const parser = (value: string, previous: string[] = []) => [...previous, one(value)];
  return withHints(parser, { completionValues: allowedValues(rule), repeatable: true });
}

function allowedValues(rule: RuleName): readonly string[] | undefined {
  const fieldRule: FieldRule = rules[rule];
  return fieldRule.values;
}

/** An ISO 8601 date or date-time, sent on as a full ISO timestamp. */
export function isoDate(value: string): string {
  const date = parseIsoDate(value);
  if (!date)
    throw new InvalidArgumentError(
      `It must be an ISO 8601 date or date-time, such as 2025-01-31 or 2025-01-31T12:00:00Z.`,
    );
  return date.toISOString();
}

/** A balance bound such as 100 or 12.50, checked by the shared balance rule and sent as a number. */
export function amount(value: string): number {
  byRule('balance')(value);
  return Number(value.trim());
}

/** A low-balance threshold such as 500 or 99.50, checked by the shared rule and sent as a number. */
export function threshold(value: string): number {
  byRule('balanceAlertThreshold')(value);
  return Number(value.trim());
}

/**
 * An upper date bound. A bare date means the end of that day (UTC), so `--created-before 2025-01-31`
 * includes accounts created on the 31st, as a person reading the flag expects.
 */
export function isoDateEnd(value: string): string {
  const start = isoDate(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return start;
  return new Date(Date.parse(start) + 24 * 60 * 60 * 1000 - 1).toISOString();
}
