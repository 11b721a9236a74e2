import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { compileQuery, locate } from '../../src/output/query.js';

const accounts = [
  { accountIdentifier: 'acme-main', status: 'ACTIVE', currentBalance: 1234.5 },
  { accountIdentifier: 'acme-old', status: 'FROZEN', currentBalance: 0 },
];

function failure(expression: string): UsageError {
  try {
    compileQuery(expression);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`${expression} compiled`);
}

describe('--query expressions', () => {
  it('filters and projects, with both quoting styles for string literals', () => {
    expect(compileQuery("[?status=='FROZEN'].accountIdentifier").apply(accounts)).toEqual(['acme-old']);
    expect(compileQuery('[?status==`FROZEN`].accountIdentifier').apply(accounts)).toEqual(['acme-old']);
    expect(compileQuery('[0].currentBalance').apply(accounts)).toBe(1234.5);
    expect(compileQuery('length(@)').apply(accounts)).toBe(2);
  });

  it.each([
    ['items[', 6],
    ['items[?status==', 15],
    ['a.`b', 2],
    ['foo bar', 4],
    ['accounts[].[id, ]', 16],
    ['a # b', 2],
    ['a ||', 4],
  ])('%s fails at offset %i', (expression, offset) => {
    expect(locate(expression)).toBe(offset);
  });

  it('a syntax error is a usage error naming the position, with a caret under it', () => {
    const error = failure('foo bar');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      '--query: invalid JMESPath at position 5: unexpected token type: UnquotedIdentifier, value: bar',
    );
    expect(error.details).toEqual(['foo bar', '    ^']);
  });

  it('an unknown function is refused before any data arrives', () => {
    const error = failure('[].lenght(@)');
    expect(error.message).toBe('--query: invalid JMESPath at position 4: unknown function lenght()');
  });

  it('an expression that does not fit the data is a usage error, not a crash', () => {
    expect(() => compileQuery('abs(@)').apply('text')).toThrow(UsageError);
  });
});

// Mutation gaps (issue 20): the survivors of src/output/query.ts, each case naming the mutant it kills.
describe('--query: the library’s words and where unknown functions hide', () => {
  it('drops the library’s leading "Syntax error: " only, never the same words inside (kills query.ts:58 unanchored)', () => {
    expect(failure("foo.'Syntax error: q'").message).toBe(
      '--query: invalid JMESPath at position 5: unexpected token: Syntax error: q(Literal)',
    );
  });

  // The library words some errors "Syntax error, ...": ours already says the JMESPath is invalid.
  it.each([
    ['a.', '--query: invalid JMESPath at position 3: the expression ends too early'],
    ['a ||', '--query: invalid JMESPath at position 5: the expression ends too early'],
    ['a[1:2:3:4]', '--query: invalid JMESPath at position 8: too many colons in slice expression'],
  ])('%s: the library’s "Syntax error, " is dropped too, and its end token named in words', (expression, message) => {
    expect(failure(expression).message).toBe(message);
  });

  it('lower-cases the first letter of the library’s words after ours (kills query.ts:58 `^\\W`)', () => {
    expect(() => compileQuery('abs(name)').apply({ name: 'acme' })).toThrow(
      '--query "abs(name)": invalid type: abs() expected argument 1 to be type (number) but received type string instead.',
    );
  });

  it('an unknown character first is at position 1', () => {
    expect(failure('~').message).toBe('--query: invalid JMESPath at position 1: unknown character: ~');
  });

  // Kills query.ts:109 to :112 (arrays of children not searched) and finds the one in a
  // multi-select hash, which the check of `value` keys had skipped (a bug: the request was sent, then
  // the query failed).
  it.each([
    ['length(foo(@))', 8, 'foo'],
    ['[bar(@), length(@)]', 2, 'bar'],
    ['{a: nope(@)}', 5, 'nope'],
    ['sort_by(@, &nope(@))', 13, 'nope'],
  ])('%s: the unknown function is refused before any data arrives', (expression, position, name) => {
    expect(failure(expression).message).toBe(
      `--query: invalid JMESPath at position ${position}: unknown function ${name}()`,
    );
  });

  it('a slice without bounds compiles (kills query.ts:116 the null check: its nulls would crash the search)', () => {
    expect(compileQuery('[:2]').apply([1, 2, 3])).toEqual([1, 2]);
  });

  it('a JSON literal shaped like a call is data, not a call (kills query.ts:120 the literal not skipped)', () => {
    const literal = { type: 'Function', name: 'nope', children: [] };
    expect(compileQuery(`\`${JSON.stringify(literal)}\``).apply(null)).toEqual(literal);
  });
});
