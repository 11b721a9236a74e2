/**
 * One import row's outcome as the report shows it (src/import/outcome.ts), from what the create
 * returned or threw, or from the account found before sending. Written for the runtime mutants that
 * survived every unit test (the e2e tests, which cannot see mutants, covered them): where the row is,
 * recovered creates, conflicts and their differences, and each kind of failure in words and codes.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/domain/types.js';
import {
  ApiError,
  CliError,
  ConflictError,
  ExitCode,
  InterruptedError,
  OutcomeUnknownError,
} from '../../src/errors.js';
import { failureOf, fromCreate, fromError, fromExisting, notAttempted } from '../../src/import/outcome.js';
import type { PlannedRow } from '../../src/import/types.js';

const body = { accountIdentifier: 'acme-1', displayName: 'Acme One', contactEmail: 'ops@acme.example' };
const row = (line?: number): PlannedRow => ({ row: 3, ...(line === undefined ? {} : { line }), body }) as PlannedRow;
const account = { ...body, accountNumber: 'A-100', status: 'ACTIVE', currencyCode: 'USD' } as unknown as Account;

describe('where a row is', () => {
  it('a CSV row has its line; a JSON row only its number', () => {
    expect(notAttempted(row(4), 'stopped')).toEqual({
      row: 3,
      line: 4,
      accountIdentifier: 'acme-1',
      outcome: 'not-attempted',
      reason: 'stopped',
    });
    expect(notAttempted(row(), 'stopped')).toEqual({
      row: 3,
      accountIdentifier: 'acme-1',
      outcome: 'not-attempted',
      reason: 'stopped',
    });
    expect('line' in notAttempted(row(), 'stopped')).toBe(false);
  });
});

describe('a create that returned', () => {
  it('created, and recovered only when its answer was lost and a read found it', () => {
    expect(fromCreate(row(), { outcome: 'created', resource: account, recovered: true })).toEqual({
      row: 3,
      accountIdentifier: 'acme-1',
      outcome: 'created',
      accountNumber: 'A-100',
      recovered: true,
    });
    expect('recovered' in fromCreate(row(), { outcome: 'created', resource: account, recovered: false })).toBe(false);
    expect('recovered' in fromCreate(row(), { outcome: 'existed', resource: account })).toBe(false);
  });
});

describe('an account found before sending', () => {
  it('with the same values existed; with others is a conflict listing each difference', () => {
    expect(fromExisting(row(), account)).toMatchObject({ outcome: 'existed', accountNumber: 'A-100' });
    const other = { ...account, displayName: 'Acme Uno' } as Account;
    const result = fromExisting(row(), other);
    expect(result).toMatchObject({
      outcome: 'conflict',
      accountNumber: 'A-100',
      exitCode: ExitCode.conflict,
      reason: 'already exists with different values; displayName: existing "Acme Uno", in file "Acme One"',
    });
    expect('requestId' in result).toBe(false);
  });
});

describe('a create that threw', () => {
  it('a 409 with differences: the message without "account <id>", each difference, and its request id', () => {
    const error = new ConflictError(
      'Account acme-1 already exists with different values',
      [
        { field: 'displayName', existing: 'Acme Uno', requested: 'Acme One' },
        { field: 'contactEmail', existing: undefined, requested: 'ops@acme.example' },
      ],
      'req-9',
    );
    expect(fromError(row(), error)).toMatchObject({
      outcome: 'conflict',
      requestId: 'req-9',
      reason:
        'already exists with different values; displayName: existing "Acme Uno", in file "Acme One"; ' +
        'contactEmail: existing (none), in file "ops@acme.example"',
    });
    // Only a leading "account <id>" goes: the row already names the account.
    const inside = new ConflictError('Conflict: account acme-1 differs', []);
    expect(fromError(row(), inside).reason).toBe('Conflict: account acme-1 differs');
    const unnamed = new ConflictError('It already exists', []);
    expect(fromError(row(), unnamed).reason).toBe('It already exists');
    expect('requestId' in fromError(row(), unnamed)).toBe(false);
    expect('accountNumber' in fromError(row(), unnamed)).toBe(false);
  });

  it('a second Ctrl-C in flight: unknown, run again to confirm, exit code of an interruption', () => {
    expect(fromError(row(), new InterruptedError())).toEqual({
      row: 3,
      accountIdentifier: 'acme-1',
      outcome: 'unknown',
      reason:
        'interrupted in flight by a second Ctrl-C: it may or may not have been created; run the import again to confirm',
      exitCode: ExitCode.interrupted,
    });
  });

  it('a lost answer that could not be read back is unknown; any other error failed', () => {
    const cause = new CliError(ExitCode.network, 'connection reset');
    expect(fromError(row(), new OutcomeUnknownError('account', 'acme-1', cause)).outcome).toBe('unknown');
    expect(fromError(row(), cause)).toMatchObject({
      outcome: 'failed',
      reason: 'connection reset',
      exitCode: ExitCode.network,
    });
  });
});

describe('what a failure says', () => {
  const apiError = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) =>
    new ApiError({ status: 400, method: 'POST', url: 'https://x/accounts', body: undefined, ...init });

  it("the server's message, each field error, its status, i18n key and request id", () => {
    const error = apiError({
      body: {
        message: 'Validation failed',
        i18nKey: 'error.validation',
        requestId: 'req-1',
        errors: [{ path: 'contactEmail', message: 'must be an email', invalidValue: 'x' }],
      },
    });
    expect(failureOf(error)).toEqual({
      reason: 'Validation failed; contactEmail: must be an email (got "x")',
      exitCode: ExitCode.usage,
      httpStatus: 400,
      i18nKey: 'error.validation',
      requestId: 'req-1',
    });
  });

  it('leaves out what the server did not send', () => {
    expect(failureOf(apiError({ status: 503 }))).toEqual({
      reason: 'POST https://x/accounts failed with HTTP 503',
      exitCode: ExitCode.unavailable,
      httpStatus: 503,
    });
  });

  it("the client's own error with its hint, or its message alone", () => {
    const hinted = new CliError(ExitCode.usage, 'no such profile', { hint: 'run tango auth login' });
    expect(failureOf(hinted)).toEqual({ reason: 'no such profile; run tango auth login', exitCode: ExitCode.usage });
    expect(failureOf(new Error('boom'))).toEqual({ reason: 'boom', exitCode: ExitCode.error });
    expect(failureOf('a string')).toEqual({ reason: 'a string', exitCode: ExitCode.error });
  });
});
