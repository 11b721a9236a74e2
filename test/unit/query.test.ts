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
