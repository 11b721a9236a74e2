/**
 * The report: every row's outcome, in file order, as a JSON document or CSV (by the file's
 * extension), or on stdout in the chosen output format. Written atomically, so a reader never
 * sees half a report, and once before the first request, so an unwritable path fails early.
 */
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Column, ResourceView } from '../output/columns.js';
import { toCsv } from '../output/csv.js';
import { cellText } from '../output/render.js';
import { type Counts, emptyCounts } from './progress.js';
import type { RowResult } from './types.js';

export interface ImportReport {
  customer: string;
  file: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Stopped early by Ctrl-C: the rows not attempted can be sent by running the same command again. */
  interrupted: boolean;
  summary: Counts & { total: number };
  rows: RowResult[];
}

export type ReportFormat = 'json' | 'csv';

export const reportView: ResourceView<RowResult> = {
  name: 'report row',
  columns: [
    { key: 'row', header: 'ROW' },
    { key: 'line', header: 'LINE' },
    { key: 'accountIdentifier', header: 'IDENTIFIER' },
    { key: 'outcome', header: 'OUTCOME' },
    { key: 'accountNumber', header: 'NUMBER' },
    { key: 'recovered', header: 'RECOVERED' },
    { key: 'httpStatus', header: 'HTTP' },
    { key: 'i18nKey', header: 'I18N KEY' },
    { key: 'requestId', header: 'REQUEST ID' },
    { key: 'reason', header: 'REASON' },
  ],
  defaults: ['row', 'accountIdentifier', 'outcome', 'accountNumber', 'httpStatus', 'requestId', 'reason'],
};

export function buildReport(
  meta: { customer: string; file: string; startedAt: Date; finishedAt: Date; interrupted: boolean },
  rows: RowResult[],
): ImportReport {
  const counts = emptyCounts();
  for (const row of rows) counts[row.outcome] += 1;
  return {
    customer: meta.customer,
    file: meta.file,
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    durationMs: meta.finishedAt.getTime() - meta.startedAt.getTime(),
    interrupted: meta.interrupted,
    summary: { total: rows.length, ...counts },
    rows,
  };
}

export function reportFormatOf(path: string): ReportFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  throw new UsageError(`--report ${path}: the name must end in .json or .csv, which sets its format`);
}

/** `csvRaw`: --csv-raw, cells as they are (see output/csv.ts). */
export function reportText(report: ImportReport, format: ReportFormat, csvRaw = false): Promise<string> {
  return format === 'json' ? Promise.resolve(`${JSON.stringify(report, null, 2)}\n`) : reportCsv(report.rows, csvRaw);
}

/** Every column, so a spreadsheet of the report has the same shape whatever happened. */
function reportCsv(rows: RowResult[], csvRaw: boolean): Promise<string> {
  const columns = reportView.columns as Column<RowResult>[];
  const records = [columns.map((c) => c.key), ...rows.map((row) => columns.map((c) => cellText(c, row)))];
  return toCsv(records, csvRaw);
}

export async function writeReport(path: string, report: ImportReport, csvRaw = false): Promise<void> {
  const text = await reportText(report, reportFormatOf(path), csvRaw);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    throw new Error(`Cannot write --report ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}
