/**
 * Flag value parsers for commander. A bad value throws InvalidArgumentError, which commander
 * reports as "option '--x <v>' argument 'y' is invalid. <rule>" and we exit 2.
 */
import { type Argument, type Command, InvalidArgumentError, type Option } from 'commander';
import { withHints } from '../completion/values.js';
import { type NumberSetting, numberRule, parseNumberSetting } from '../config/limits.js';
import { check, type FieldRule, normalizeInput, parseDateBound, type RuleName, rules } from '../domain/rules.js';

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

/** A numeric global flag (--timeout, --max-retries, --rate), checked by the same rule as `config set`. */
export function bySetting(name: NumberSetting): (value: string) => number {
  return (value) => {
    const parsed = parseNumberSetting(name, value);
    if (parsed === undefined) throw new InvalidArgumentError(`It ${numberRule(name)}.`);
    return parsed;
  };
}

/**
 * A flag checked by one of the shared field rules; a closed list (currency, status) also completes.
 * The value is read as the rule reads input (`--status frozen` sends FROZEN).
 */
export function byRule(rule: RuleName): (value: string) => string {
  const parser = (typed: string) => {
    const value = normalizeInput(rule, typed);
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

/** --max-results: a page size, checked by the API's own rule (the emulator checks the same one). */
export function pageSize(value: string): number {
  return Number(byRule('maxResults')(value.trim()));
}

/** A lower date bound: an ISO 8601 date or date-time, sent on as a full ISO timestamp. */
export function isoDate(value: string): string {
  return dateBound(value, 'min');
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

/** An upper date bound; a bare date means the end of that day (see parseDateBound). */
export function isoDateEnd(value: string): string {
  return dateBound(value, 'max');
}

function dateBound(value: string, bound: 'min' | 'max'): string {
  const date = parseDateBound(value, bound);
  if (!date) throw new InvalidArgumentError(`It ${rules.dateTime.message}.`);
  return date.toISOString();
}

/** The rule every value obeys, whatever else its own parser checks. */
export const NOT_EMPTY = 'It must not be empty or only spaces';

/**
 * An empty value is an error, never "not given": `--base-url ''`, `-p ''`, `--fields ''` and
 * `TANGO_PROFILE=` (commander passes an option's environment value through the same parser) are
 * exit 2 naming the option. Applied to every option and argument of the tree, before each one's own
 * parser, whose completion hints it keeps. Variadic values without a parser are left to commander,
 * which collects them itself.
 */
export function refuseEmptyValues(commands: readonly Command[]): void {
  for (const command of commands) {
    for (const option of command.options) {
      if (option.required || option.optional)
        refuseEmpty(option, `${NOT_EMPTY}; leave the option out for its default.`);
    }
    for (const argument of command.registeredArguments) refuseEmpty(argument, `${NOT_EMPTY}.`);
  }
}

function refuseEmpty(target: Option | Argument, rule: string): void {
  const parse = target.parseArg as ((value: string, previous: unknown) => unknown) | undefined;
  if (!parse && target.variadic) return;
  const checked = (value: string, previous: unknown) => {
    if (value.trim() === '') throw new InvalidArgumentError(rule);
    return parse ? parse(value, previous) : value;
  };
  target.argParser(Object.assign(checked, parse));
}
