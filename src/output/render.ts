/**
 * Printing results on stdout: table, json, ndjson or csv. JSON keeps the API's own field names
 * and shapes; --fields picks keys. Tables are drawn with borders on a terminal and printed plain
 * (tab-separated, a header line, no colour, nothing cut) when stdout is a pipe or a file.
 */

import type { OutputFormat } from '../config/settings.js';
import { UsageError } from '../errors.js';
import type { Column, ResourceView } from './columns.js';

export interface OutputOptions {
  format: OutputFormat;
  fields: string[] | undefined;
  color: boolean;
  isTTY: boolean;
  /** Columns of the terminal on stdout (tables fit it); 80 when it does not say. */
  width?: number;
  write: (text: string) => void | Promise<void>;
  /** A line for the person, on stderr: columns left out, an empty list. Not data. */
  notice?: (line: string) => void;
  /** Told of every resource printed, by the view's name: what the completion cache learns from. */
  onRows?: (resource: string, rows: readonly object[]) => void;
}

type Row = Record<string, unknown>;

/** One line of a key/value list: `Label  value (note)`, the note dimmed. */
export interface KeyValue {
  label: string;
  value: string;
  note?: string;
}

export class Output {
  readonly #options: OutputOptions;

  constructor(options: OutputOptions) {
    this.#options = options;
  }

  get format(): OutputFormat {
    return this.#options.format;
  }

  /** A whole document as JSON: indented for json, one line for ndjson (scripts read either). */
  document(value: unknown): Promise<void> {
    return this.#write(`${JSON.stringify(value, null, this.format === 'ndjson' ? undefined : 2)}\n`);
  }

  /** Labels and values in two aligned columns, for a person (auth status). */
  async keyValues(rows: readonly KeyValue[]): Promise<void> {
    const { createPaint } = await import('./color.js');
    const paint = createPaint(this.#options.color);
    const width = Math.max(0, ...rows.map((row) => row.label.length));
    const lines = rows.map(
      ({ label, value, note }) => `${label.padEnd(width)}  ${value}${note ? paint.dim(` (${note})`) : ''}`,
    );
    return this.lines(lines);
  }

  /** Plain lines of text, each ended by a newline. */
  lines(lines: readonly string[]): Promise<void> {
    return this.#write(lines.map((line) => `${line}\n`).join(''));
  }

  /** Text already laid out (a completion script, a report in its own format), written as it is. */
  text(text: string): Promise<void> {
    return this.#write(text);
  }

  /**
   * A blank line before the next block; on a terminal with a title above it. A pipe gets the
   * blank line only, so each block stays a plain header-and-rows list.
   */
  section(title: string): Promise<void> {
    return this.#write(this.#options.isTTY ? `\n${title}\n` : '\n');
  }

  /**
   * Throws the usage error for an unknown --fields name. Commands call it before sending anything,
   * so a typo never turns a create that succeeded into a reported failure.
   */
  checkFields<T>(view: ResourceView<T>): void {
    selectColumns(view, this.#options.fields, true);
  }

  /** One resource in a JSON wrapper, `{...extra, resource}` (--outcome); --fields picks its keys. */
  wrapped<T>(extra: Record<string, unknown>, value: T, view: ResourceView<T>): Promise<void> {
    this.#options.onRows?.(view.name, [value as Row]);
    return this.document({ ...extra, resource: pickFields(value as Row, this.#options.fields) });
  }

  /** One resource: JSON as is; a table as field/value pairs. */
  async item<T>(value: T, view: ResourceView<T>): Promise<void> {
    const columns = selectColumns(view, this.#options.fields, true);
    const row = value as Row;
    this.#options.onRows?.(view.name, [row]);
    switch (this.#options.format) {
      case 'json':
        return this.#write(`${JSON.stringify(pickFields(row, this.#options.fields), null, 2)}\n`);
      case 'ndjson':
        return this.#write(`${JSON.stringify(pickFields(row, this.#options.fields))}\n`);
      case 'csv':
        return this.#write(await csvLines([row], columns as Column<Row>[], true));
      case 'table':
        return this.#write(await this.#details(row, columns as Column<Row>[]));
    }
  }

  /** A whole list at once: JSON prints the API's array (or page wrapper) unchanged. */
  async list<T>(rows: readonly T[], view: ResourceView<T>, raw: unknown = rows): Promise<void> {
    this.checkFields(view);
    if (this.#options.format === 'json') {
      this.#options.onRows?.(view.name, rows as unknown as Row[]);
      return this.#write(`${JSON.stringify(pickDeep(raw, this.#options.fields), null, 2)}\n`);
    }
    const stream = this.stream(view);
    await stream.write(rows);
    await stream.end();
  }

  /** A list written as it arrives, page by page; only a terminal table waits for the end. */
  stream<T>(view: ResourceView<T>): ListStream<T> {
    // CSV is for moving data (spreadsheets, `accounts import`), so it carries every field; tables show the usual few.
    const columns = selectColumns(view, this.#options.fields, this.#options.format === 'csv') as Column<Row>[];
    const fields = this.#options.fields;
    let count = 0;
    let buffered: Row[] = [];
    const write = (text: string) => this.#write(text);
    const format = this.#options.format;
    const tty = this.#options.isTTY;
    return {
      write: async (rows) => {
        const page = rows as unknown as Row[];
        this.#options.onRows?.(view.name, page);
        if (format === 'json') {
          const body = page.map((r) => JSON.stringify(pickFields(r, fields), null, 2).replace(/^/gm, '  ')).join(',\n');
          if (page.length) await write(`${count === 0 ? '[\n' : ',\n'}${body}`);
        } else if (format === 'ndjson') {
          if (page.length) await write(page.map((r) => `${JSON.stringify(pickFields(r, fields))}\n`).join(''));
        } else if (format === 'csv') {
          // An empty page writes nothing: the header goes with the first row, or at end() for an empty list.
          if (page.length) await write(await csvLines(page, columns, count === 0));
        } else if (tty) {
          buffered = buffered.concat(page);
        } else if (page.length) {
          await write(plainLines(page, columns, count === 0));
        }
        count += page.length;
      },
      end: async () => {
        if (format === 'json') await write(count === 0 ? '[]\n' : '\n]\n');
        else if (format === 'csv' && count === 0) await write(await csvLines([], columns, true));
        else if (format === 'table' && tty)
          await write(await this.#table(buffered, columns, view as ResourceView<unknown>));
        else if (format === 'table' && count === 0) await write(plainLines([], columns, true));
        return count;
      },
    };
  }

  async #details(row: Row, columns: Column<Row>[]): Promise<string> {
    if (!this.#options.isTTY) return columns.map((c) => `${c.key}\t${cellText(c, row)}`).join('\n') + '\n';
    const { drawDetails } = await import('./table.js');
    return drawDetails(row, columns, await this.#layout());
  }

  async #table(rows: Row[], columns: Column<Row>[], view: ResourceView<unknown>): Promise<string> {
    if (rows.length === 0) {
      this.#options.notice?.(`No ${view.name}s match.${view.create ? ` Create one with \`${view.create}\`.` : ''}`);
      return '';
    }
    const { drawList } = await import('./table.js');
    const table = drawList(rows, columns, await this.#layout());
    if (table.dropped.length) {
      this.#options.notice?.(`Hidden to fit: ${table.dropped.join(', ')}; see --fields`);
    }
    return table.text;
  }

  async #layout() {
    const { createPaint } = await import('./color.js');
    return { width: this.#options.width ?? 80, paint: createPaint(this.#options.color), text: cellText };
  }

  async #write(text: string): Promise<void> {
    await this.#options.write(text);
  }
}

export interface ListStream<T> {
  write(rows: readonly T[]): Promise<void>;
  /** Closes the list and returns how many rows were written. */
  end(): Promise<number>;
}

/** The columns --fields asks for (any known field), or the view's defaults. */
export function selectColumns<T>(view: ResourceView<T>, fields: string[] | undefined, all: boolean): Column<T>[] {
  if (!fields) return all ? view.columns : view.columns.filter((c) => view.defaults.includes(c.key));
  return fields.map((field) => {
    const column = view.columns.find((c) => c.key === field);
    if (!column) {
      throw new UsageError(`--fields: "${field}" is not a field of ${view.name}s`, {
        hint: `choose from ${view.columns.map((c) => c.key).join(', ')}`,
      });
    }
    return column;
  });
}

function pickFields(row: Row, fields: string[] | undefined): Row {
  if (!fields) return row;
  return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
}

/** --fields on a JSON answer: applies to each item of an array or of a page's `items`. */
function pickDeep(raw: unknown, fields: string[] | undefined): unknown {
  if (!fields) return raw;
  if (Array.isArray(raw)) return raw.map((r) => pickFields(r as Row, fields));
  if (raw && typeof raw === 'object' && Array.isArray((raw as Row).items)) {
    return { ...(raw as Row), items: ((raw as Row).items as Row[]).map((r) => pickFields(r, fields)) };
  }
  return raw && typeof raw === 'object' ? pickFields(raw as Row, fields) : raw;
}

export function cellText<T>(column: Column<T>, row: T): string {
  const value = column.cell ? column.cell(row) : (row as Row)[column.key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Tab-separated, header first: what `cut`, `awk` and `sort` want. Tabs and newlines inside cells become spaces. */
function plainLines(rows: Row[], columns: Column<Row>[], header: boolean): string {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = rows.map((row) => columns.map((c) => clean(cellText(c, row))).join('\t'));
  if (header) lines.unshift(columns.map((c) => c.key).join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

async function csvLines(rows: Row[], columns: Column<Row>[], header: boolean): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const records = rows.map((row) => columns.map((c) => cellText(c, row)));
  if (header) records.unshift(columns.map((c) => c.key));
  return stringify(records, { record_delimiter: '\r\n' });
}
