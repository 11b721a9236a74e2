/**
 * JSON into rows keyed by API field name: an array of objects, the page wrapper that
 * `accounts list --paginate -o json` prints ({"items": [...]}), or NDJSON (one object a line).
 */
import { describeDepth, jsonTooDeep } from '../domain/input-limits.js';
import { fieldValue } from './cells.js';
import { ACCEPTED_NAMES, IGNORED_NAMES, meaningOf } from './columns.js';
import type { ImportProblem, ParsedFile, RowPlace, SourceRow } from './types.js';

export function parseJson(text: string): ParsedFile {
  const items = jsonItems(text.replace(/^\uFEFF/, ''));
  if ('problem' in items) return { format: 'json', rows: [], problems: [items.problem] };
  const rows: SourceRow[] = [];
  const problems: ImportProblem[] = [];
  items.list.forEach(({ value, line }, index) => {
    const place: RowPlace = line === undefined ? { row: index + 1 } : { row: index + 1, line };
    const row = readObject(value, place, problems);
    if (row) rows.push(row);
  });
  return { format: 'json', rows, problems };
}

interface Item {
  value: unknown;
  line?: number;
}

function jsonItems(text: string): { list: Item[] } | { problem: ImportProblem } {
  const deep = jsonTooDeep(text);
  if (deep) return { problem: { message: `is ${describeDepth(deep)}`, hint: 'an account row is 4 levels deep' } };
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    // Not one JSON document: perhaps NDJSON, which starts like an object.
    if (text.trimStart().startsWith('{')) return ndjsonItems(text);
    return { problem: { message: `is not valid JSON: ${(error as Error).message}` } };
  }
  if (Array.isArray(whole)) return { list: whole.map((value) => ({ value })) };
  const items = (whole as { items?: unknown } | null)?.items;
  if (Array.isArray(items)) return { list: items.map((value) => ({ value })) };
  if (typeof whole === 'object' && whole !== null) return { list: [{ value: whole }] };
  return { problem: { message: 'must be a JSON array of account objects', hint: 'such as [{"identifier": ...}]' } };
}

function ndjsonItems(text: string): { list: Item[] } | { problem: ImportProblem } {
  const list: Item[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, source] of lines.entries()) {
    if (source.trim() === '') continue;
    try {
      list.push({ value: JSON.parse(source), line: index + 1 });
    } catch (error) {
      return { problem: { line: index + 1, message: `is not valid JSON: ${(error as Error).message}` } };
    }
  }
  return { list };
}

/** A row with an unknown key is still read, so its other problems are listed in the same run. */
function readObject(value: unknown, place: RowPlace, problems: ImportProblem[]): SourceRow | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ ...place, message: 'must be an object of account fields', invalidValue: value });
    return undefined;
  }
  const row: SourceRow = { ...place, values: {}, names: {} };
  for (const [key, raw] of Object.entries(value)) {
    const meaning = meaningOf(key);
    if ('unknown' in meaning) {
      problems.push({ ...place, field: key, message: 'is not a field an account can be created with', hint: hint() });
    } else if ('field' in meaning && row.names[meaning.field] !== undefined) {
      problems.push({ ...place, field: key, message: `sets the same field as "${row.names[meaning.field]}"` });
    } else if ('field' in meaning) {
      row.names[meaning.field] = key;
      row.values[meaning.field] = fieldValue(meaning.field, raw);
    }
  }
  return row;
}

function hint(): string {
  return `use ${ACCEPTED_NAMES.join(', ')} (ignored: ${IGNORED_NAMES.join(', ')})`;
}
