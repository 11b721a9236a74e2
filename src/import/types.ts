/** The shapes an import passes from one stage to the next: file rows, problems, planned rows, results. */
import type { AccountField, CreateAccountBody } from '../domain/rules.js';
import type { Difference } from '../errors.js';

/** A file may set every create field, by the API's names. */
export { ACCOUNT_FIELDS, type AccountField } from '../domain/rules.js';

export type InputFormat = 'csv' | 'json';

/** What every create needs; the other fields have defaults. */
export const REQUIRED_FIELDS: readonly AccountField[] = ['accountIdentifier', 'displayName', 'contactEmail'];

/** Where a row came from, as a person looks for it: the record's position, and for CSV its first line. */
export interface RowPlace {
  /** 1-based position among the file's records; a CSV header is not a record. */
  row: number;
  /** The line of the file the record starts on, when the format has lines worth naming. */
  line?: number;
}

/** One record of the file, its values keyed by API field name, as read. */
export interface SourceRow extends RowPlace {
  values: Partial<Record<AccountField, unknown>>;
  /** The name the file used for each field (identifier, currency, ...), so messages speak its language. */
  names: Partial<Record<AccountField, string>>;
  /** Required fields the file has no column for: reported once for the file, not again on every row. */
  absent?: ReadonlySet<AccountField>;
}

/** Something wrong with the file: a whole-file problem has no row. */
export interface ImportProblem extends Partial<RowPlace> {
  /** The column or key as the file names it. */
  field?: string;
  message: string;
  invalidValue?: unknown;
  hint?: string;
}

export interface ParsedFile {
  format: InputFormat;
  rows: SourceRow[];
  problems: ImportProblem[];
}

/** A valid row: exactly the body `accounts create` would send. */
export interface PlannedRow extends RowPlace {
  body: CreateAccountBody;
}

/** `unknown`: the create's answer was lost and checking failed; running again confirms it. */
export const OUTCOMES = ['created', 'existed', 'conflict', 'failed', 'unknown', 'not-attempted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RowResult extends RowPlace {
  accountIdentifier: string;
  outcome: Outcome;
  accountNumber?: string;
  /** Created, but its answer was lost and a GET confirmed it. */
  recovered?: boolean;
  /** Why the row is not created or existed: the server's message, the differences, or why it never started. */
  reason?: string;
  httpStatus?: number;
  i18nKey?: string;
  requestId?: string;
  /** The exit code this row's failure alone would have given `accounts create`. */
  exitCode?: number;
  differences?: Difference[];
}
