/** CSV (RFC 4180, header first) into rows keyed by API field name, with each record's line. */
import { CsvError, parse } from 'csv-parse/sync';
import { readBackCsvCell } from '../output/csv.js';
import { fieldValue } from './cells.js';
import { ACCEPTED_NAMES, IGNORED_NAMES, meaningOf } from './columns.js';
import { type AccountField, type ImportProblem, type ParsedFile, REQUIRED_FIELDS, type SourceRow } from './types.js';

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

interface Header {
  /** For each column index, the field it sets, or undefined when it is ignored. */
  fields: Array<AccountField | undefined>;
  names: Partial<Record<AccountField, string>>;
  absent: ReadonlySet<AccountField>;
  problems: ImportProblem[];
}

export function parseCsv(text: string): ParsedFile {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as CsvRecord[];
  } catch (error) {
    return { format: 'csv', rows: [], problems: [csvSyntaxProblem(error)] };
  }
  const [head, ...body] = records;
  if (!head) return { format: 'csv', rows: [], problems: [] };
  const header = readHeader(head.record);
  const rows: SourceRow[] = [];
  const problems = [...header.problems];
  body.forEach((record, index) => {
    const place = { row: index + 1, line: firstLine(record) };
    if (record.record.length !== head.record.length) {
      problems.push({
        ...place,
        message: `has ${record.record.length} cells where the header has ${head.record.length}`,
        hint: 'a cell holding a comma must be quoted: "Acme, Inc."',
      });
      return;
    }
    const row: SourceRow = { ...place, values: valuesOf(record.record, header), names: header.names };
    if (header.absent.size) row.absent = header.absent;
    rows.push(row);
  });
  return { format: 'csv', rows, problems };
}

function readHeader(cells: string[]): Header {
  const fields: Header['fields'] = [];
  const names: Header['names'] = {};
  const problems: ImportProblem[] = [];
  for (const cell of cells) {
    const name = cell.trim();
    const meaning = meaningOf(name);
    if ('field' in meaning && names[meaning.field] !== undefined) {
      problems.push({
        field: name,
        message: `sets the same field as column "${names[meaning.field]}"`,
        hint: 'keep one of the two columns',
      });
    } else if ('field' in meaning) names[meaning.field] = name;
    else if ('unknown' in meaning) problems.push(unknownColumn(name));
    fields.push('field' in meaning ? meaning.field : undefined);
  }
  const absent = new Set(REQUIRED_FIELDS.filter((field) => names[field] === undefined));
  for (const field of absent) problems.push(missingColumn(field));
  return { fields, names, absent, problems };
}

function missingColumn(field: AccountField): ImportProblem {
  return {
    field,
    message: 'is missing; every account needs one',
    hint: '`tango accounts list <customer> -o csv` prints every column an import needs (without a narrower --fields)',
  };
}

function unknownColumn(name: string): ImportProblem {
  const separator = /[;\t]/.test(name)
    ? 'the header looks separated by ";" or tabs; columns must be separated by commas. '
    : '';
  return {
    field: name,
    message: 'is not a column an account can be created with',
    hint: `${separator}use ${ACCEPTED_NAMES.join(', ')} (ignored: ${IGNORED_NAMES.join(', ')})`,
  };
}

function valuesOf(cells: string[], header: Header): SourceRow['values'] {
  const values: SourceRow['values'] = {};
  cells.forEach((cell, index) => {
    const field = header.fields[index];
    // A cell `tango ... -o csv` neutralised against spreadsheet formulas ('=...) reads back as its value.
    if (field) values[field] = fieldValue(field, readBackCsvCell(cell));
  });
  return values;
}

/** csv-parse counts lines to a record's end; a quoted cell may span several lines. */
function firstLine({ record, info }: CsvRecord): number {
  const inner = record.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return info.lines - inner;
}

/** csv-parse names the line in its message; rows after a broken quote cannot be trusted, so this is the only problem shown. */
function csvSyntaxProblem(error: unknown): ImportProblem {
  const hint = 'a cell holding a comma, a quote or a line break must be in double quotes, a quote inside doubled ("")';
  const detail = error instanceof CsvError ? error.message : (error as Error).message;
  return { message: `is not valid CSV: ${detail}`, hint };
}
