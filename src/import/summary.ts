/**
 * The end of a run in words, and its exit code. Exit 0 only when every row was created or already
 * existed with the same values. Otherwise, first that applies: 130 interrupted; the stop's own
 * code when the run stopped early (4 credentials, 3 customer not found, 6/7 server down); 5 any
 * conflict; the failed rows' code when they share one (6 unavailable, 7 network, 2 rejected by
 * the server, ...), else 1.
 */
import { CliError, ExitCode, InterruptedError } from '../errors.js';
import type { ImportReport } from './report.js';
import type { RunResult } from './run.js';
import type { RowResult } from './types.js';

/** Rows shown under the error; the report has them all. */
const SHOWN = 10;

export function summaryLine(report: ImportReport): string {
  const { summary } = report;
  const recovered = report.rows.filter((row) => row.recovered).length;
  const parts = [
    `${summary.created} created${recovered ? ` (${recovered} confirmed after a lost answer)` : ''}`,
    `${summary.existed} already existed`,
    `${summary.conflict} ${summary.conflict === 1 ? 'conflict' : 'conflicts'}`,
    `${summary.failed} failed`,
  ];
  if (summary.unknown) parts.push(`${summary.unknown} unknown (answer lost, check failed)`);
  if (summary['not-attempted']) parts.push(`${summary['not-attempted']} not attempted`);
  const seconds = (report.durationMs / 1000).toFixed(1);
  return `${rowsOf(summary.total)} for customer ${report.customer} in ${seconds} s: ${parts.join(', ')}.`;
}

/** The error that ends the command with the right code, or undefined when all went well. */
export function outcomeError(
  run: RunResult,
  report: ImportReport,
  reportPath: string | undefined,
): CliError | undefined {
  const { summary } = report;
  const seeReport = reportPath ? `see ${reportPath} for every row` : 'pass --report <file> to keep every row';
  const rerun =
    'run the same command again: rows already created count as existed (rows of unknown outcome are checked), only the rest are sent';
  if (run.interrupted) {
    return new InterruptedError(`Interrupted: ${summary['not-attempted']} of ${rowsOf(summary.total)} not attempted.`, {
      hint: rerun,
      details: attention(report.rows),
    });
  }
  if (run.stopped) {
    return new CliError(
      toExitCode(run.stopped.exitCode),
      `Stopped early: ${rowsOf(summary['not-attempted'])} not attempted.`,
      {
        details: [run.stopped.reason, ...attention(report.rows)],
        hint: `${seeReport}; once the cause is fixed, ${rerun}${slowDown(report.rows)}`,
      },
    );
  }
  if (summary.conflict) {
    return new CliError(
      ExitCode.conflict,
      `${rowsOf(summary.conflict)} ${summary.conflict === 1 ? 'conflicts' : 'conflict'} with existing accounts.`,
      {
        details: attention(report.rows),
        hint: `${seeReport}; change those identifiers, or update the accounts (tango accounts update)`,
      },
    );
  }
  if (summary.failed || summary.unknown) {
    const code = toExitCode(sharedExitCode(report.rows));
    const unknown = summary.unknown
      ? `${summary.failed ? '; ' : ''}${rowsOf(summary.unknown)} may or may not have been created`
      : '';
    return new CliError(code, `${summary.failed ? `${rowsOf(summary.failed)} failed` : ''}${unknown}.`, {
      details: attention(report.rows),
      hint: `${seeReport}; ${rerun}${slowDown(report.rows)}`,
    });
  }
  return undefined;
}

/** Rows refused as too many requests (429, after retries): the cure is sending slower. */
function slowDown(rows: RowResult[]): string {
  return rows.some((row) => row.httpStatus === 429)
    ? '; the server kept answering 429 (too many requests): pace slower with --rate, such as --rate 0.5'
    : '';
}

function sharedExitCode(rows: RowResult[]): number {
  const codes = new Set(rows.filter(needsRerun).map((row) => row.exitCode ?? ExitCode.error));
  return codes.size === 1 ? ([...codes][0] as number) : ExitCode.error;
}

function needsRerun(row: RowResult): boolean {
  return row.outcome === 'failed' || row.outcome === 'unknown';
}

function toExitCode(code: number): CliError['exitCode'] {
  return (Object.values(ExitCode) as number[]).includes(code) ? (code as CliError['exitCode']) : ExitCode.error;
}

function rowsOf(count: number): string {
  return `${count} ${count === 1 ? 'row' : 'rows'}`;
}

/** The first rows that need a look: conflicts and failures, with why. */
function attention(rows: RowResult[]): string[] {
  const needing = rows.filter((row) => row.outcome === 'conflict' || needsRerun(row));
  const lines = needing.slice(0, SHOWN).map((row) => {
    const request = row.requestId ? ` (request id ${row.requestId})` : '';
    return `row ${row.row} ${row.accountIdentifier}: ${row.outcome}: ${row.reason}${request}`;
  });
  if (needing.length > SHOWN) lines.push(`... and ${needing.length - SHOWN} more`);
  return lines;
}
