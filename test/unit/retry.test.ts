import { describe, expect, it } from 'vitest';
import { classifyNetworkError, errorCode, parseRetryAfter } from '../../src/api/retry.js';

// Mutation survivors of src/api/retry.ts (npm run mutation): each case names the mutant it kills.
describe('Retry-After as the server writes it', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    ['5', 5000, 'the base case'],
    [' 5 ', 5000, 'dropping trim(): the padded value read as a date'],
    ['1.25', 1250, 'a fraction of one digit only, or \\D for its digits'],
    ['0', 0, 'the base case'],
    ['x5', undefined, 'the regex losing its ^'],
    ['5s', undefined, 'the regex losing its $'],
    ['soon', undefined, 'dropping the NaN check: a bad date waits NaN ms'],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000, 'the HTTP-date form'],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0, 'a date in the past waits nothing'],
  ])('%j waits %s ms (kills %s)', (header, expected, _mutant) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('no header means no advice', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});

describe('a network error code, wherever undici wraps it', () => {
  const wrapped = (levels: number, code: string) => {
    let error: Error = Object.assign(new Error('innermost'), { code });
    for (let i = 1; i < levels; i++) error = new Error(`level ${i}`, { cause: error });
    return error;
  };

  it('is found up to four levels down (kills < 4 turned into <= 4, or the depth limit dropped)', () => {
    expect(errorCode(wrapped(1, 'ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(errorCode(wrapped(4, 'ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(errorCode(wrapped(5, 'ECONNREFUSED'))).toBeUndefined();
  });

  it('an error without a code or cause has none (kills && turned into ||: reading past the end throws)', () => {
    expect(errorCode(new Error('plain'))).toBeUndefined();
    expect(errorCode(undefined)).toBeUndefined();
  });

  it('a connect failure is "connect" unless the deadline had passed (kills the pastDeadline default and check)', () => {
    const refused = wrapped(2, 'ECONNREFUSED');
    expect(classifyNetworkError(refused)).toBe('connect');
    expect(classifyNetworkError(refused, true)).toBe('sent');
    expect(classifyNetworkError(wrapped(1, 'ECONNRESET'))).toBe('sent');
  });
});
