/**
 * What a shell may offer as the value of an option or argument. Imported by program.ts and the
 * command files to mark the few values that are not obvious from the tree itself, so it must stay
 * free of imports: building the program for `tango --help` pays for everything here.
 *
 * In order, a value's candidates come from:
 * 1. an explicit mark: `completeWith(option, 'profiles')`, or a list the command checks itself;
 * 2. commander's `.choices()` on the option or argument;
 * 3. the parser: a parser that declares its allowed values (`byRule('status')` does, from
 *    src/domain/rules.ts) or that it collects repeated values;
 * 4. the value's name: `<customer>` is a customer identifier, `<account>` an account identifier,
 *    `<alert-id>` an alert's id, `<file>` a path. A convention, so commands written on other
 *    branches complete without knowing this module exists.
 */
import type { Argument, Option } from 'commander';

/** Values the shell reads from files under the config folder at TAB time, never from the API. */
export type DynamicSource = 'profiles' | 'customers' | 'accounts' | 'alerts';

export type ValueSpec =
  | { kind: 'choices'; values: readonly string[] }
  | { kind: 'dynamic'; source: DynamicSource }
  | { kind: 'file' }
  /** Anything: a display name, an email, a number. The shell offers nothing. */
  | { kind: 'free' };

/** A parser function may carry these, so the tree says what it accepts without a second list. */
export interface ParserHints {
  /** Every value the parser accepts, e.g. the currencies. */
  completionValues?: readonly string[];
  /** The option may be given more than once (the parser collects into a list). */
  repeatable?: boolean;
}

const marks = new WeakMap<Option | Argument, ValueSpec>();

/**
 * Marks where an option's or argument's values come from: a dynamic source, files, or a fixed
 * list that commander should not enforce itself (the command gives a better error). Returns it.
 */
export function completeWith<T extends Option | Argument>(
  target: T,
  source: DynamicSource | 'file' | readonly string[],
): T {
  marks.set(target, markFor(source));
  return target;
}

function markFor(source: DynamicSource | 'file' | readonly string[]): ValueSpec {
  if (typeof source !== 'string') return { kind: 'choices', values: source };
  return source === 'file' ? { kind: 'file' } : { kind: 'dynamic', source };
}

/** Attaches hints to a parser function (see ParserHints). */
export function withHints<F extends (...args: never[]) => unknown>(parser: F, hints: ParserHints): F & ParserHints {
  return Object.assign(parser, hints);
}

const CUSTOMER_NAMES = new Set(['customer', 'customerid', 'customeridentifier']);
const ACCOUNT_NAMES = new Set(['account', 'accountid', 'accountidentifier']);
const ALERT_NAMES = new Set(['alertid', 'balancealertid']);
const FILE_NAMES = new Set(['file', 'path', 'dir', 'directory']);

/** `names`: an argument's name; an option's placeholder (`<customer>`) and its attribute (`customer`). */
export function valueSpecOf(target: Option | Argument, names: readonly string[]): ValueSpec {
  const marked = marks.get(target);
  if (marked) return marked;
  if (target.argChoices?.length) return { kind: 'choices', values: target.argChoices };
  const parsed = hintsOf(target).completionValues;
  if (parsed?.length) return { kind: 'choices', values: parsed };
  return names.map(byName).find((spec) => spec.kind !== 'free') ?? { kind: 'free' };
}

export function isRepeatable(target: Option | Argument): boolean {
  return target.variadic || hintsOf(target).repeatable === true;
}

function hintsOf(target: Option | Argument): ParserHints {
  return (target.parseArg ?? {}) as ParserHints;
}

function byName(valueName: string): ValueSpec {
  const name = valueName.toLowerCase().replace(/[-_.\s]/g, '');
  if (CUSTOMER_NAMES.has(name)) return { kind: 'dynamic', source: 'customers' };
  if (ACCOUNT_NAMES.has(name)) return { kind: 'dynamic', source: 'accounts' };
  if (ALERT_NAMES.has(name)) return { kind: 'dynamic', source: 'alerts' };
  // `planFile`, `plan-file`, `input_file`; not `profile`.
  if (FILE_NAMES.has(name) || /(?:[-_.]file|[a-z]File)$/.test(valueName)) return { kind: 'file' };
  return { kind: 'free' };
}
