/**
 * How an import ends (src/import/summary.ts): the summary line, and the error and exit code that
 * close the command. Written for the runtime mutants that survived every unit test (only e2e tests,
 * which cannot see mutants, ran these): each count's words, plurals, and which code wins.
 */
import { describe, expect, it } from 'vitest';
import { ExitCode, InterruptedError } from '../../src/errors.js';
import type { ImportReport } from '../../src/import/report.js';
import type { RunResult } from '../../src/import/run.js';
import { outcomeError, summaryLine } from '../../src/import/summary.js';
import type { RowResult } from '../../src/import/types.js';

let next = 0;
const rowOf = (outcome: RowResult['outcome'], extra: Partial<RowResult> = {}): RowResult => {
  next += 1;
  return { row: next, accountIdentifier: `acme-${next}`, outcome, ...extra };
};

function reportOf(rows: RowResult[], durationMs = 2345): ImportReport {
  const count = (outcome: RowResult['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  return {
    customer: 'acme-group',
    file: 'accounts.csv',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:02.345Z',
    durationMs,
    interrupted: false,
    summary: {
      total: rows.length,
      created: count('created'),
      existed: count('existed'),
      conflict: count('conflict'),
      failed: count('failed'),
      unknown: count('unknown'),
      'not-attempted': count('not-attempted'),
    },
    rows,
  };
}

const run = (extra: Partial<RunResult> = {}): RunResult =>
  ({ results: [], interrupted: false, startedAt: new Date(0), finishedAt: new Date(0), ...extra }) as RunResult;

describe('the summary line', () => {
  it.each([
    [
      [rowOf('created')],
      '1 row for customer acme-group in 2.3 s: 1 created, 0 already existed, 0 conflicts, 0 failed.',
    ],
    [
      [rowOf('created', { recovered: true }), rowOf('created'), rowOf('existed'), rowOf('conflict')],
      '4 rows for customer acme-group in 2.3 s: 2 created (1 confirmed after a lost answer), 1 already existed, 1 conflict, 0 failed.',
    ],
    [
      [rowOf('failed'), rowOf('unknown'), rowOf('not-attempted'), rowOf('conflict'), rowOf('conflict')],
      '5 rows for customer acme-group in 2.3 s: 0 created, 0 already existed, 2 conflicts, 1 failed, 1 unknown (answer lost, check failed), 1 not attempted.',
    ],
  ])('%#: %s', (rows, line) => {
    expect(summaryLine(reportOf(rows))).toBe(line);
  });
});

describe('how the command ends', () => {
  it('all created or existed: no error (exit 0)', () => {
    expect(outcomeError(run(), reportOf([rowOf('created'), rowOf('existed')]), undefined)).toBeUndefined();
  });

  it('Ctrl-C: interrupted, the rows not attempted, and how to go on', () => {
    const error = outcomeError(
      run({ interrupted: true }),
      reportOf([rowOf('created'), rowOf('not-attempted')]),
      undefined,
    );
    expect(error).toBeInstanceOf(InterruptedError);
    expect(error).toMatchObject({
      exitCode: ExitCode.interrupted,
      message: 'Interrupted: 1 of 2 rows not attempted.',
      hint: expect.stringContaining('run the same command again'),
    });
  });

  it("stopped early: the stop's own code (an unknown one is 1), why, and the report", () => {
    const rows = [rowOf('failed', { reason: 'no such customer', exitCode: 3 }), rowOf('not-attempted')];
    const error = outcomeError(
      run({ stopped: { reason: 'customer acme-group not found', exitCode: 3 } }),
      reportOf(rows),
      'r.json',
    );
    expect(error).toMatchObject({ exitCode: 3, message: 'Stopped early: 1 row not attempted.' });
    expect(error!.details[0]).toBe('customer acme-group not found');
    expect(error!.hint).toMatch(/^see r\.json for every row; once the cause is fixed, run the same command again/);
    const odd = outcomeError(run({ stopped: { reason: 'odd', exitCode: 99 } }), reportOf(rows), undefined);
    expect(odd).toMatchObject({ exitCode: ExitCode.error });
    expect(odd!.hint).toMatch(/^pass --report <file> to keep every row;/);
  });

  it.each([
    [1, '1 row conflicts with existing accounts.'],
    [2, '2 rows conflict with existing accounts.'],
  ])('%i conflict(s): exit 5, "%s"', (n, message) => {
    const rows = Array.from({ length: n }, () => rowOf('conflict', { reason: 'differs' }));
    expect(outcomeError(run(), reportOf([...rows, rowOf('failed', { exitCode: 6 })]), undefined)).toMatchObject({
      exitCode: ExitCode.conflict,
      message,
    });
  });

  it.each([
    [[rowOf('failed', { exitCode: 6 }), rowOf('failed', { exitCode: 6 })], ExitCode.unavailable, '2 rows failed.'],
    [
      [rowOf('failed', { exitCode: 6 }), rowOf('unknown', { exitCode: 7 })],
      ExitCode.error,
      '1 row failed; 1 row may or may not have been created.',
    ],
    [[rowOf('unknown', { exitCode: 7 })], ExitCode.network, '1 row may or may not have been created.'],
    [[rowOf('failed')], ExitCode.error, '1 row failed.'],
  ])('failures %#: the code they share, else 1', (rows, code, message) => {
    expect(outcomeError(run(), reportOf(rows), undefined)).toMatchObject({ exitCode: code, message });
  });

  it('rows refused with 429 after their retries: the hint says to pace slower', () => {
    const limited = outcomeError(run(), reportOf([rowOf('failed', { httpStatus: 429, exitCode: 6 })]), undefined);
    expect(limited!.hint).toContain('the server kept answering 429 (too many requests): pace slower with --rate');
    const down = outcomeError(run(), reportOf([rowOf('failed', { httpStatus: 503, exitCode: 6 })]), undefined);
    expect(down!.hint).not.toContain('429');
  });

  it('lists the first ten rows that need a look, with their request ids, and how many more', () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      rowOf('failed', { reason: 'unavailable', exitCode: 6, ...(i === 0 ? { requestId: 'req-1' } : {}) }),
    );
    const error = outcomeError(run(), reportOf([rowOf('created'), ...rows]), undefined)!;
    expect(error.details).toHaveLength(11);
    expect(error.details[0]).toBe(
      `row ${rows[0]!.row} ${rows[0]!.accountIdentifier}: failed: unavailable (request id req-1)`,
    );
    expect(error.details[1]).toBe(`row ${rows[1]!.row} ${rows[1]!.accountIdentifier}: failed: unavailable`);
    expect(error.details[10]).toBe('... and 2 more');
    const ten = Array.from({ length: 10 }, () => rowOf('failed', { reason: 'unavailable', exitCode: 6 }));
    expect(outcomeError(run(), reportOf(ten), undefined)!.details).toHaveLength(10);
  });

  it('a conflict is among the rows listed, with why', () => {
    const conflicting = rowOf('conflict', { reason: 'displayName differs' });
    const error = outcomeError(run(), reportOf([rowOf('created'), conflicting]), undefined)!;
    expect(error.details).toEqual([
      `row ${conflicting.row} ${conflicting.accountIdentifier}: conflict: displayName differs`,
    ]);
  });
});
