/**
 * Every row checked before the first request, with the same field rules as `accounts create`,
 * plus what only a file can get wrong: the same identifier twice.
 */
import { type CreateAccountBody, type Problem, validateCreateAccount } from '../domain/rules.js';
import { echo } from '../errors.js';
import {
  ACCOUNT_FIELDS,
  type AccountField,
  type ImportProblem,
  type PlannedRow,
  type RowPlace,
  type SourceRow,
} from './types.js';

export interface Validated {
  planned: PlannedRow[];
  problems: ImportProblem[];
}

export function validateRows(rows: readonly SourceRow[]): Validated {
  const planned: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  const firstSeen = new Map<string, RowPlace>();
  for (const row of rows) {
    const body = bodyOf(row);
    const ruleProblems = validateCreateAccount(body as unknown as Record<string, unknown>);
    const duplicate = duplicateProblem(row, body.accountIdentifier, firstSeen);
    if (ruleProblems.length === 0 && !duplicate) {
      planned.push({ ...placeOf(row), body });
      continue;
    }
    // A field the file has no column for is reported once for the file, not again here.
    const shown = ruleProblems.filter((problem) => !row.absent?.has(problem.field as AccountField));
    problems.push(...shown.map((problem) => inFileTerms(problem, row)), ...(duplicate ? [duplicate] : []));
  }
  return { planned, problems };
}

/** The create body, without the fields the row leaves out (the API then applies its defaults). */
function bodyOf(row: SourceRow): CreateAccountBody {
  const body: Record<string, unknown> = {};
  for (const field of ACCOUNT_FIELDS) {
    if (row.values[field] !== undefined) body[field] = row.values[field];
  }
  return body as unknown as CreateAccountBody;
}

function placeOf(row: RowPlace): RowPlace {
  return row.line === undefined ? { row: row.row } : { row: row.row, line: row.line };
}

function duplicateProblem(
  row: SourceRow,
  identifier: unknown,
  firstSeen: Map<string, RowPlace>,
): ImportProblem | undefined {
  if (typeof identifier !== 'string' || identifier === '') return undefined;
  const first = firstSeen.get(identifier);
  if (!first) {
    firstSeen.set(identifier, row);
    return undefined;
  }
  return {
    ...placeOf(row),
    field: row.names.accountIdentifier ?? 'accountIdentifier',
    message: `repeats the identifier of row ${first.row}${first.line === undefined ? '' : ` (line ${first.line})`}`,
    invalidValue: identifier,
    hint: 'each account may appear once in a file',
  };
}

/** A rule's problem, named as the file names the field: "fundingEmails #2" rather than the API's path. */
function inFileTerms(problem: Problem, row: SourceRow): ImportProblem {
  const [apiField = problem.field, rest = ''] = problem.field.split(/(?=\[)/);
  const name = row.names[apiField as keyof SourceRow['names']] ?? apiField;
  const item = rest.match(/^\[(\d+)\]/);
  const field = item ? `${name} #${Number(item[1]) + 1}` : name;
  return { ...placeOf(row), field, message: problem.message, invalidValue: problem.invalidValue, hint: problem.hint };
}

/**
 * One line per problem, phrased so the rule's own words follow the subject:
 * `row 3 (line 4), contactEmail must be a valid email address ... (got "bob@")`.
 */
export function formatProblem(problem: ImportProblem): string {
  const value = problem.invalidValue === undefined ? '' : ` (got ${echo(problem.invalidValue, 'json')})`;
  const hint = problem.hint ? `; ${problem.hint}` : '';
  return `${subjectOf(problem)} ${problem.message}${value}${hint}`;
}

function subjectOf({ row, line, field }: ImportProblem): string {
  if (row === undefined && field !== undefined) return `column "${field}"`;
  const where = row === undefined ? (line === undefined ? 'the file' : `line ${line}`) : `row ${row}`;
  const withLine = row !== undefined && line !== undefined ? `${where} (line ${line})` : where;
  return field === undefined ? withLine : `${withLine}, ${field}`;
}
