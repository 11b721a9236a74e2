/** The import engine, loaded by `tango accounts import` only when it runs (it pulls in csv-parse). */

export { notAttempted } from './outcome.js';
export { startProgress } from './progress.js';
export { buildReport, type ImportReport, reportFormatOf, reportText, reportView, writeReport } from './report.js';
export { type RunResult, runImport } from './run.js';
export { readSource, STDIN } from './source.js';
export { outcomeError, summaryLine } from './summary.js';
export type { ImportProblem, InputFormat, PlannedRow, RowResult } from './types.js';
export { formatProblem, validateRows } from './validate.js';
