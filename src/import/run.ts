/**
 * The import itself: find what already exists, then create the rest with bounded concurrency.
 * Each create goes through `createAccount` with ifNotExists, so retries never create twice and a
 * row finished by an earlier run counts as existed. Once told to stop (Ctrl-C, or a failure that
 * every later row would meet too) no new row starts; rows in flight finish.
 */
import { createAccount } from '../api/create.js';
import type { TangoApi } from '../api/tango.js';
import type { Account } from '../domain/types.js';
import { ExitCode } from '../errors.js';
import { findExisting } from './existing.js';
import { failureOf, fromCreate, fromError, fromExisting, notAttempted } from './outcome.js';
import { runPool } from './pool.js';
import type { PlannedRow, RowResult } from './types.js';

export interface RunOptions {
  api: TangoApi;
  customer: string;
  rows: readonly PlannedRow[];
  concurrency: number;
  /** Aborted on Ctrl-C: no new row starts after it. */
  signal: AbortSignal;
  /** Called once per row as soon as its outcome is known; `sent` when it took requests (progress). */
  onResult?: (result: RowResult, sent: boolean) => void;
}

export interface RunResult {
  /** One per row, in file order. */
  results: RowResult[];
  interrupted: boolean;
  /** Why rows were left unattempted other than Ctrl-C, with the exit code it means. */
  stopped?: { reason: string; exitCode: number };
  startedAt: Date;
  finishedAt: Date;
}

export async function runImport(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const results = new Map<PlannedRow, RowResult>();
  const record = (row: PlannedRow, result: RowResult, sent: boolean) => {
    results.set(row, result);
    options.onResult?.(result, sent);
  };
  const breaker = new StopRule(options.concurrency);
  try {
    const existing = await findExisting(options.api, options.customer, options.rows, options);
    const toCreate = settleExisting(options.rows, existing, record);
    await runPool(
      toCreate,
      options.concurrency,
      async (row) => {
        const result = await createRow(options, row);
        breaker.observe(result);
        record(row, result, true);
      },
      () => options.signal.aborted || breaker.stopped !== undefined,
    );
  } catch (error) {
    // Only the search for existing accounts throws (customer missing, credentials refused): no row was sent.
    const failure = failureOf(error);
    breaker.stop(`reading customer ${options.customer} failed: ${failure.reason}`, failure.exitCode);
  }
  const reason = breaker.stopped?.reason ?? 'interrupted';
  const ordered = options.rows.map((row) => results.get(row) ?? notAttempted(row, reason));
  return {
    results: ordered,
    interrupted: options.signal.aborted,
    stopped: breaker.stopped,
    startedAt,
    finishedAt: new Date(),
  };
}

/** Rows whose account already exists are settled without a request; the others are returned to create. */
function settleExisting(
  rows: readonly PlannedRow[],
  existing: Map<string, Account>,
  record: (row: PlannedRow, result: RowResult, sent: boolean) => void,
): PlannedRow[] {
  const toCreate: PlannedRow[] = [];
  for (const row of rows) {
    const account = existing.get(row.body.accountIdentifier);
    if (account) record(row, fromExisting(row, account), false);
    else toCreate.push(row);
  }
  return toCreate;
}

async function createRow(options: RunOptions, row: PlannedRow): Promise<RowResult> {
  try {
    return fromCreate(row, await createAccount(options.api, options.customer, row.body, { ifNotExists: true }));
  } catch (error) {
    return fromError(row, error);
  }
}

/**
 * When to stop starting rows: at once on a failure every later row would meet too (credentials
 * refused, the customer gone), and after a run of unavailable/network failures with no success
 * between, rather than spend minutes of retries on each remaining row of a server that is down.
 */
export class StopRule {
  stopped: { reason: string; exitCode: number } | undefined;
  #streak = 0;
  readonly #streakLimit: number;

  constructor(concurrency: number) {
    this.#streakLimit = Math.max(10, 2 * concurrency);
  }

  observe(result: RowResult): void {
    const code = result.exitCode;
    if (result.outcome !== 'failed') this.#streak = 0;
    else if (code === ExitCode.auth || code === ExitCode.notFound) {
      this.stop(`an earlier row failed with "${result.reason}"`, code);
    } else if (code === ExitCode.unavailable || code === ExitCode.network) {
      this.#streak += 1;
      if (this.#streak >= this.#streakLimit) {
        this.stop(`the server failed ${this.#streak} rows in a row (last: ${result.reason})`, code);
      }
    } else this.#streak = 0;
  }

  stop(reason: string, exitCode: number): void {
    this.stopped ??= { reason, exitCode };
  }
}
