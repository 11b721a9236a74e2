/** The JSON error a script reads on stderr: the API's own values where there are any. */
import { describe, expect, it } from 'vitest';
import { ApiError, CliError, ExitCode, UsageError } from '../../src/errors.js';
import { errorObject, wantsJsonErrors } from '../../src/output/error-object.js';

const body = {
  timestamp: '2025-03-02T14:05:00Z',
  requestId: 'req-123',
  path: '/raas/v2/customers',
  httpCode: 400,
  httpPhrase: 'Bad Request',
  i18nKey: 'error.validation',
  message: 'Validation failed',
  errors: [{ path: 'displayName', i18nKey: 'size', message: 'size must be between 5 and 100', invalidValue: 'ab' }],
};

describe('errorObject', () => {
  it("an API error carries the body's message, i18nKey, requestId, status and field errors", () => {
    const error = new ApiError({ status: 400, method: 'POST', url: 'https://x/customers', body });
    expect(errorObject(error)).toEqual({
      error: {
        exitCode: 2,
        kind: 'usage',
        message: 'Validation failed',
        hint: null,
        httpStatus: 400,
        i18nKey: 'error.validation',
        requestId: 'req-123',
        fieldErrors: body.errors,
        details: ['displayName: size must be between 5 and 100 (got "ab")'],
      },
    });
  });

  it('a wrapped 404 still shows what the server said, under the exit code of the wrapper', () => {
    const api = new ApiError({
      status: 404,
      method: 'GET',
      url: 'https://x/accounts/nosuch',
      body: { message: 'Account not found', i18nKey: 'error.notFound', requestId: 'req-9' },
    });
    const wrapped = new CliError(ExitCode.notFound, 'account nosuch not found', { requestId: 'req-9', cause: api });
    expect(errorObject(wrapped).error).toMatchObject({
      exitCode: 3,
      kind: 'not_found',
      message: 'Account not found',
      httpStatus: 404,
      i18nKey: 'error.notFound',
      requestId: 'req-9',
    });
  });

  it('an error of ours has our message and hint, and nulls where no server answered', () => {
    const error = new UsageError('--limit must be a whole number from 1', { hint: 'try --limit 10' });
    expect(errorObject(error)).toEqual({
      error: {
        exitCode: 2,
        kind: 'usage',
        message: '--limit must be a whole number from 1',
        hint: 'try --limit 10',
        httpStatus: null,
        i18nKey: null,
        requestId: null,
        fieldErrors: [],
        details: [],
      },
    });
    expect(errorObject(new Error('boom')).error).toMatchObject({ exitCode: 1, kind: 'error', message: 'boom' });
  });

  it('a hint given by the printer replaces the error own one', () => {
    expect(errorObject(new UsageError('x', { hint: 'old' }), 'new').error.hint).toBe('new');
  });
});

describe('wantsJsonErrors', () => {
  it.each([
    [['customers', 'list', '-o', 'json'], {}, true],
    [['-o', 'ndjson', 'customers', 'list'], {}, true],
    [['customers', 'list', '--output=json'], {}, true],
    [['customers', 'list', '-ojson'], {}, true],
    [['customers', 'list', '--json'], {}, true],
    [['customers', 'list'], { TANGO_OUTPUT: 'ndjson' }, true],
    [['customers', 'list', '-o', 'csv'], { TANGO_OUTPUT: 'json' }, false],
    [['customers', 'list', '--error-format', 'json'], {}, true],
    [['customers', 'list', '--json', '--error-format', 'text'], {}, false],
    [['customers', 'list'], {}, false],
    [['api', '--', '--json'], {}, false],
  ])('%j with %j: %s', (argv, env, expected) => {
    expect(wantsJsonErrors(argv, env)).toBe(expected);
  });
});

describe('tango help exit-codes', () => {
  it('documents the JSON error object and the kind of each exit code under the table', async () => {
    const { runInProcess } = await import('../support/in-process.js');
    const result = await runInProcess(['help', 'exit-codes'], { env: {} });
    expect(result.stdout).toContain('With -o json, -o ndjson or --error-format json, an error is one JSON object');
    expect(result.stdout).toContain('kind: 1 error, 2 usage, 3 not_found, 4 auth, 5 conflict, 6 unavailable');
  });
});
