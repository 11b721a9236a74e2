/** One row's outcome, from what `createAccount` returned or threw, or from the account found beforehand. */
import { accountDifferences, type CreateOutcome } from '../api/create.js';
import type { Account } from '../domain/types.js';
import {
  ApiError,
  CliError,
  ConflictError,
  type Difference,
  ExitCode,
  InterruptedError,
  OutcomeUnknownError,
} from '../errors.js';
import { hintFor } from '../hints.js';
import type { PlannedRow, RowPlace, RowResult } from './types.js';

function base(row: PlannedRow): RowPlace & { accountIdentifier: string } {
  const place = row.line === undefined ? { row: row.row } : { row: row.row, line: row.line };
  return { ...place, accountIdentifier: row.body.accountIdentifier };
}

export function fromCreate(row: PlannedRow, created: CreateOutcome<Account>): RowResult {
  const result: RowResult = {
    ...base(row),
    outcome: created.outcome,
    accountNumber: created.resource.accountNumber,
  };
  if (created.outcome === 'created' && created.recovered) result.recovered = true;
  return result;
}

/** An account found before sending: the same values count as done, others as a conflict. */
export function fromExisting(row: PlannedRow, existing: Account): RowResult {
  const differences = accountDifferences(row.body, existing);
  if (differences.length === 0) {
    return { ...base(row), outcome: 'existed', accountNumber: existing.accountNumber };
  }
  return conflict(row, differences, 'already exists with different values', existing.accountNumber);
}

export function fromError(row: PlannedRow, error: unknown): RowResult {
  if (error instanceof ConflictError)
    return conflict(row, error.differences, error.message, undefined, error.requestId);
  // A row's requests are let finish after the first Ctrl-C; only a second one interrupts them, and
  // then its create may or may not have landed: running the import again confirms it either way.
  if (error instanceof InterruptedError) {
    return {
      ...base(row),
      outcome: 'unknown',
      reason:
        'interrupted in flight by a second Ctrl-C: it may or may not have been created; run the import again to confirm',
      exitCode: ExitCode.interrupted,
    };
  }
  const outcome = error instanceof OutcomeUnknownError ? 'unknown' : 'failed';
  return { ...base(row), outcome, ...failureOf(error) };
}

export type Failure = Pick<RowResult, 'reason' | 'httpStatus' | 'i18nKey' | 'requestId'> & { exitCode: number };

/** What a thrown error says about a row: the server's message and ids, or the client's own words. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    const failure: Failure = {
      reason: [error.message, ...error.details].join('; '),
      exitCode: error.exitCode,
      httpStatus: error.status,
    };
    if (error.i18nKey) failure.i18nKey = error.i18nKey;
    if (error.requestId) failure.requestId = error.requestId;
    return failure;
  }
  if (error instanceof CliError) {
    const hint = hintFor(error);
    return { reason: hint ? `${error.message}; ${hint}` : error.message, exitCode: error.exitCode };
  }
  return { reason: error instanceof Error ? error.message : String(error), exitCode: ExitCode.error };
}

export function notAttempted(row: PlannedRow, reason: string): RowResult {
  return { ...base(row), outcome: 'not-attempted', reason };
}

function conflict(
  row: PlannedRow,
  differences: Difference[],
  message: string,
  accountNumber?: string,
  requestId?: string,
): RowResult {
  const shown = differences.map((d) => `${d.field}: existing ${show(d.existing)}, in file ${show(d.requested)}`);
  const result: RowResult = {
    ...base(row),
    outcome: 'conflict',
    reason: [message.replace(/^account \S+ /i, ''), ...shown].join('; '),
    exitCode: ExitCode.conflict,
    differences,
  };
  if (accountNumber) result.accountNumber = accountNumber;
  if (requestId) result.requestId = requestId;
  return result;
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
