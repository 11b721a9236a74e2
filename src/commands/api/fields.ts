/**
 * `-f key=value` and `-F key=value` into a JSON object, with gh's conventions (cli/cli
 * pkg/cmd/api): `a[b]=c` nests, `a[]=x` appends to an array, `a[]` alone is an empty array,
 * `a[][k]=v` builds an array of objects (a key already set in the last object starts a new one).
 * -f values are strings; -F values are typed: true, false, null, numbers, and `@file` (`@-` for
 * stdin) is the file's text. On a GET the same fields become query parameters (`queryPairs`).
 */
import { echo, UsageError } from '../../errors.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

export interface Field {
  /** The keys as written: `a[b][]` is `['a', 'b', '']`, an empty key meaning "append". */
  keys: string[];
  /** The text after `=`; undefined for `a[]` alone. */
  raw: string | undefined;
  typed: boolean;
  /** The argument as the user wrote it, for messages. */
  source: string;
}

/** Splits `a[b][]=value` into its keys and value; the value may itself contain `=` and brackets. */
export function parseField(argument: string, typed: boolean): Field {
  const flag = typed ? '-F' : '-f';
  const equals = argument.indexOf('=');
  const key = equals === -1 ? argument : argument.slice(0, equals);
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) {
    throw new UsageError(`${flag} ${echo(argument, 'json')}: a field is key=value, with [sub] or [] after the key`, {
      details: ['e.g. -f displayName="New Name", -F amount=100, -f "fundingNotification[][emailAddress]=a@b.co"'],
    });
  }
  const keys = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
  if (equals === -1 && keys.at(-1) !== '') {
    throw new UsageError(
      `${flag} ${echo(argument, 'json')}: needs a value after "=" (only "key[]" alone means an empty array)`,
    );
  }
  return { keys, raw: equals === -1 ? undefined : argument.slice(equals + 1), typed, source: argument };
}

/** The value of a -F field: JSON's literals and numbers typed, `@file` read, anything else a string. */
export function typedValue(raw: string, readFile: (path: string) => string): JsonValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(raw)) {
    const number = Number(raw);
    // JSON has no Infinity: JSON.stringify would send null without a word.
    if (!Number.isFinite(number)) {
      throw new UsageError(`-F ${echo(raw)}: too large for a JSON number; use -f to send it as text`);
    }
    return number;
  }
  if (raw.startsWith('@')) return readFile(raw.slice(1));
  return raw;
}

/** Every field into one object, in order; a key set twice (not an array) is a usage error. */
export function buildObject(fields: readonly Field[], readFile: (path: string) => string): JsonObject {
  const root = emptyObject();
  for (const field of fields) {
    const value = field.raw === undefined ? undefined : field.typed ? typedValue(field.raw, readFile) : field.raw;
    place(root, field, value);
  }
  return root;
}

function place(root: JsonObject, field: Field, value: JsonValue | undefined): void {
  const conflict = (what: string) =>
    new UsageError(`${field.typed ? '-F' : '-f'} ${echo(field.source, 'json')}: ${what}`);
  let target = root;
  const keys = field.keys;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    if (key === '') continue; // handled with the key before it
    const next = keys[i + 1]!;
    if (next === '') {
      // key[] ... : an array; key[][sub]: its last object, or a new one when sub is already set there.
      const list = own(target, key) ?? [];
      if (!Array.isArray(list)) throw conflict(`"${key}" is already set to a value that is not a list`);
      target[key] = list;
      const after = keys[i + 2];
      if (after === undefined) {
        if (value !== undefined) list.push(value);
        return;
      }
      const last = list.at(-1);
      if (isObject(last) && !(Object.hasOwn(last, after) && !Array.isArray(last[after]))) {
        target = last;
      } else {
        const fresh = emptyObject();
        list.push(fresh);
        target = fresh;
      }
      i++; // skip the ''
      continue;
    }
    const child = own(target, key) ?? emptyObject();
    if (!isObject(child)) throw conflict(`"${key}" is already set to a value that is not an object`);
    target[key] = child;
    target = child;
  }
  const last = keys.at(-1)!;
  if (last === '') return;
  if (Object.hasOwn(target, last)) throw conflict(`"${last}" is set twice; use ${last}[]=value for a list`);
  target[last] = value as JsonValue;
}

/**
 * Objects without a prototype, read by own keys only: a field named `__proto__`, `constructor` or
 * `toString` is then a plain key like any other, never a way into Object.prototype.
 */
function emptyObject(): JsonObject {
  return Object.create(null) as JsonObject;
}

function own(target: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields as query parameters, keys as written (`currencyCode[]=USD`), values as text. */
export function queryPairs(fields: readonly Field[], readFile: (path: string) => string): Array<[string, string]> {
  return fields
    .filter((field) => field.raw !== undefined)
    .map((field) => {
      const [first, ...rest] = field.keys;
      const key = `${first}${rest.map((k) => `[${k}]`).join('')}`;
      const value = field.typed ? typedValue(field.raw!, readFile) : field.raw!;
      return [key, typeof value === 'string' ? value : JSON.stringify(value)];
    });
}
