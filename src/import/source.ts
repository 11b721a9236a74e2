/** Reading the input: a file or stdin, and telling CSV from JSON. */
import { extname } from 'node:path';
import { readTextFile } from '../commands/read-input.js';
import { parseCsv } from './parse-csv.js';
import { parseJson } from './parse-json.js';
import type { InputFormat, ParsedFile } from './types.js';

export const STDIN = '-';

export interface SourceOptions {
  file: string;
  format?: InputFormat;
  /** All of stdin, for `--file -`. */
  readStdin: () => Promise<string>;
}

export async function readSource(options: SourceOptions): Promise<ParsedFile> {
  const text = options.file === STDIN ? await options.readStdin() : await readTextFile('--file', options.file);
  const format = options.format ?? formatFromName(options.file) ?? formatFromContent(text);
  return format === 'csv' ? parseCsv(text) : parseJson(text);
}

export function formatFromName(path: string): InputFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (['.json', '.ndjson', '.jsonl'].includes(extension)) return 'json';
  return undefined;
}

/** JSON starts with '[' or '{'; a CSV header starts with a column name. */
export function formatFromContent(text: string): InputFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}
