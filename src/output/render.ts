/**
 * Printing results on stdout: table, json, ndjson, csv or text. JSON keeps the API's own field
 * names and shapes; --fields picks keys. Tables are drawn with borders on a terminal and printed
 * plain (tab-separated, a header line, no colour, nothing cut) when stdout is a pipe or a file.
 *
 * --query is applied here, once, to the JSON value the command would print with -o json (after
 * --fields); the result is then laid out in the format asked for, whatever its shape. Text (-o text)
 * is the AWS CLI's: values only, one row a line, tab-separated, no header.
 */

import type { OutputFormat } from '../config/settings.js';
import { echo, UsageError } from '../errors.js';
import type { Paint } from './color.js';
import type { Column, ResourceView } from './columns.js';
import { escapeControls, escapeControlsKeepingColour, withoutRawEscapes } from './controls.js';
import { toCsv } from './csv.js';
import type { Query } from './query.js';

export interface OutputOptions {
  format: OutputFormat;
  fields: string[] | undefined;
  /** The --query expression, compiled by `prepare()` before anything is sent. */
  query?: string;
  /** -o (or --json, or TANGO_OUTPUT) was given for this run, not only the profile's default. */
  formatGiven?: boolean;
  color: boolean;
  isTTY: boolean;
  /** Columns of the terminal on stdout (tables fit it); 80 when it does not say. */
  width?: number;
  write: (text: string) => void | Promise<void>;
  /** --csv-raw: CSV cells as they are, formulas too (see output/csv.ts). */
  csvRaw?: boolean;
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
  #query: Query | undefined;

  constructor(options: OutputOptions) {
    this.#options = options;
  }

  /** --csv-raw: CSV written elsewhere (an import's --report) keeps formulas too. */
  get csvRaw(): boolean {
    return this.#options.csvRaw === true;
  }

  get format(): OutputFormat {
    return this.#options.format;
  }

  /** Whether the format was chosen for this run (-o, --json, TANGO_OUTPUT), not a profile's default. */
  get formatGiven(): boolean {
    return this.#options.formatGiven === true;
  }

  /**
   * Compiles --query, loading the JMESPath module only then; a bad expression is a usage error
   * with its position. The action wrapper calls it before the command runs, so before any request.
   */
  async prepare(): Promise<void> {
    const expression = this.#options.query;
    if (expression === undefined || this.#query) return;
    const { compileQuery } = await import('./query.js');
    this.#query = compileQuery(expression);
  }

  /**
   * Whether a command should hand over its whole JSON document rather than lay out a view for a
   * person: for json, ndjson and text, and whenever --query is given (it queries that document).
   */
  get wantsDocument(): boolean {
    const format = this.#options.format;
    return format === 'json' || format === 'ndjson' || format === 'text' || this.#options.query !== undefined;
  }

  /**
   * For a command that writes its own kind of output (diff's plan, export's state file): an -o it
   * cannot honour, or --fields, is a usage error naming it, never silently ignored. A format that
   * only comes from a profile's default is not a choice made for this command and is not refused.
   */
  refuseChoicesOtherThan(command: string, formats: readonly OutputFormat[]): void {
    if (this.#options.formatGiven && !formats.includes(this.format)) {
      throw new UsageError(
        `${command} cannot write -o ${this.format}: it writes ${formats.map((f) => `-o ${f}`).join(' or ')}`,
      );
    }
    if (this.#options.fields !== undefined)
      throw new UsageError(`${command} has no --fields: it writes whole resources`);
  }

  /** A whole document: --query applies; JSON indented for json, one line for ndjson. */
  document(value: unknown): Promise<void> {
    if (this.#query || this.format === 'text') return this.#value(value);
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

  /** Colour for text this command lays out itself (`tango diff`): on where stdout takes it, off on a pipe. */
  async paint(): Promise<Paint> {
    const { createPaint } = await import('./color.js');
    return createPaint(this.#options.color);
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
    for (const field of this.#options.fields ?? []) columnNamed(view, field);
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
    if (this.#query) return this.#value(pickFields(row, this.#options.fields));
    switch (this.#options.format) {
      case 'text':
        return this.#write(textLines([(columns as Column<Row>[]).map((c) => cellText(c, row))], this.#options.isTTY));
      case 'json':
        return this.#write(`${JSON.stringify(pickFields(row, this.#options.fields), null, 2)}\n`);
      case 'ndjson':
        return this.#write(`${JSON.stringify(pickFields(row, this.#options.fields))}\n`);
      case 'csv':
        return this.#write(await csvLines([row], columns as Column<Row>[], true, this.#options.csvRaw));
      case 'table':
        return this.#write(
          await this.#details(
            row,
            this.#options.isTTY
              ? answered(row, columns as Column<Row>[], this.#options.fields)
              : (columns as Column<Row>[]),
          ),
        );
    }
  }

  /** A whole list at once: JSON prints the API's array (or page wrapper) unchanged. */
  async list<T>(rows: readonly T[], view: ResourceView<T>, raw: unknown = rows): Promise<void> {
    this.checkFields(view);
    if (this.#query || this.#options.format === 'json') {
      this.#options.onRows?.(view.name, rows as unknown as Row[]);
    }
    if (this.#query) return this.#value(pickDeep(raw, this.#options.fields));
    if (this.#options.format === 'json') {
      return this.#write(`${JSON.stringify(pickDeep(raw, this.#options.fields), null, 2)}\n`);
    }
    const stream = this.stream(view);
    await stream.write(rows);
    await stream.end();
  }

  /** A list written as it arrives, page by page; only a terminal table waits for the end. */
  stream<T>(view: ResourceView<T>): ListStream<T> {
    if (this.#query) return this.#queriedStream(view);
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
        } else if (format === 'text') {
          if (page.length)
            await write(
              textLines(
                page.map((r) => columns.map((c) => cellText(c, r))),
                tty,
              ),
            );
        } else if (format === 'csv') {
          // An empty page writes nothing: the header goes with the first row, or at end() for an empty list.
          if (page.length) await write(await csvLines(page, columns, count === 0, this.#options.csvRaw));
        } else if (tty) {
          buffered = buffered.concat(page);
        } else if (page.length) {
          await write(plainLines(page, columns, count === 0));
        }
        count += page.length;
      },
      end: async () => {
        if (format === 'json') await write(count === 0 ? '[]\n' : '\n]\n');
        else if (format === 'csv' && count === 0) await write(await csvLines([], columns, true, this.#options.csvRaw));
        else if (format === 'table' && tty) {
          if (buffered.length) await write(await this.#table(buffered, columns));
          else this.#noneMatch(view);
        } else if (format === 'table' && count === 0) await write(plainLines([], columns, true));
        return count;
      },
    };
  }

  /**
   * An API answer as `tango api` prints it: the JSON as received, indented at a terminal and on
   * one line on a pipe, unless -o asks for another format; --query applies. Nothing for an empty body.
   */
  async response(value: unknown): Promise<void> {
    if (value === undefined) return;
    if (this.#options.formatGiven && this.format !== 'json') return this.#value(value);
    const queried = this.#query ? this.#query.apply(value) : value;
    return this.#write(`${JSON.stringify(queried ?? null, null, this.#options.isTTY ? 2 : undefined)}\n`);
  }

  /**
   * The items of every page as they arrive (`tango api --paginate`), each queried on its own:
   * one JSON document a line, or text rows; a table or CSV waits for the last page to know its columns.
   */
  responseItems(): ListStream<unknown> {
    // Stryker disable next-line StringLiteral: every format but table, csv and text writes a JSON line an item, as ndjson
    const format = this.#options.formatGiven ? this.format : 'ndjson';
    const held: unknown[] = [];
    let count = 0;
    return {
      write: async (items) => {
        const queried = items.map((item) => (this.#query ? this.#query.apply(item) : item));
        count += items.length;
        if (format === 'table' || format === 'csv') held.push(...queried);
        else if (format === 'text') {
          await this.#write(queried.map((item) => textLines(valueRows(item), this.#options.isTTY)).join(''));
        } else await this.#write(queried.map((item) => `${JSON.stringify(item ?? null)}\n`).join(''));
      },
      end: async () => {
        if (format === 'table' || format === 'csv') await this.#value(held, false);
        return count;
      },
    };
  }

  /**
   * With --query the whole list is one JSON value, so the stream keeps the rows (with --fields
   * applied) and queries them at the end: memory then grows with the list, as with the AWS CLI.
   */
  #queriedStream<T>(view: ResourceView<T>): ListStream<T> {
    this.checkFields(view);
    const rows: Row[] = [];
    return {
      write: async (page) => {
        this.#options.onRows?.(view.name, page as unknown as Row[]);
        for (const row of page as unknown as Row[]) rows.push(pickFields(row, this.#options.fields));
      },
      end: async () => {
        await this.#value(rows);
        return rows.length;
      },
    };
  }

  /**
   * Any JSON value (a query's result) in the format asked for: JSON as it is (ndjson: an array one
   * element a line); a list of objects as a table or CSV with their keys as columns, an object as
   * field/value pairs; text, and scalars in a table, one row a line.
   */
  async #value(value: unknown, query = true): Promise<void> {
    const queried = this.#query && query ? this.#query.apply(value) : value;
    const format = this.#options.format;
    if (format === 'json') return this.#write(`${JSON.stringify(queried ?? null, null, 2)}\n`);
    if (format === 'ndjson') {
      const lines = Array.isArray(queried) ? queried : [queried ?? null];
      return this.#write(lines.map((item) => `${JSON.stringify(item ?? null)}\n`).join(''));
    }
    const objects = listOfObjects(queried);
    if (format === 'csv') {
      if (objects) return this.#write(await csvLines(objects, keyColumns(objects), true, this.#options.csvRaw));
      if (isObject(queried))
        return this.#write(await csvLines([queried], keyColumns([queried]), true, this.#options.csvRaw));
      return this.#write(await toCsv(valueRows(queried), this.#options.csvRaw));
    }
    if (format === 'table' && objects) {
      const columns = keyColumns(objects);
      return this.#write(
        this.#options.isTTY ? await this.#table(objects, columns) : plainLines(objects, columns, true),
      );
    }
    if (format === 'table' && isObject(queried))
      return this.#write(await this.#details(queried, keyColumns([queried])));
    return this.#write(textLines(valueRows(queried), this.#options.isTTY));
  }

  async #details(row: Row, columns: Column<Row>[]): Promise<string> {
    if (!this.#options.isTTY) return columns.map((c) => `${c.key}\t${cellText(c, row)}`).join('\n') + '\n';
    const { drawDetails } = await import('./table.js');
    return drawDetails(row, columns, await this.#layout());
  }

  /** Said on stderr instead of an empty terminal table, with the command that makes one. */
  #noneMatch<T>(view: ResourceView<T>): void {
    this.#options.notice?.(`No ${view.name}s match.${view.create ? ` Create one with \`${view.create}\`.` : ''}`);
  }

  async #table(rows: Row[], columns: Column<Row>[]): Promise<string> {
    const { drawList } = await import('./table.js');
    const table = drawList(rows, columns, await this.#layout());
    if (table.dropped.length) {
      this.#options.notice?.(`Hidden to fit: ${table.dropped.join(', ')}; see --fields`);
    }
    return table.text;
  }

  async #layout() {
    const { createPaint } = await import('./color.js');
    // Cells are server text: escaped here, before borders and colour are drawn around them.
    const text = <T>(column: Column<T>, row: T) => escapeControls(cellText(column, row));
    return { width: this.#options.width ?? 80, paint: createPaint(this.#options.color), text };
  }

  /**
   * Every byte of stdout goes through here, in every format, so that nothing from the server reaches a
   * terminal raw: there every control character is shown escaped (`\u001b`) but the colours a table
   * paints (its cells were escaped before they were painted); a pipe gets the data as it is, but never a
   * raw ESC. JSON escapes C0 controls itself, so on a pipe it is exact; at a terminal its DEL and C1
   * characters (a lone CSI) read `\u009b`, which is still JSON for the same value.
   */
  async #write(text: string): Promise<void> {
    if (!this.#options.isTTY) return this.#options.write(withoutRawEscapes(text));
    await this.#options.write(escapeControlsKeepingColour(text));
  }
}

export interface ListStream<T> {
  write(rows: readonly T[]): Promise<void>;
  /** Closes the list and returns how many rows were written. */
  end(): Promise<number>;
}

/** The columns --fields asks for (any known field), or the view's defaults. */
/**
 * A person's view of one resource shows the fields the server answered: a create answered with the
 * documented 201 (only what was sent) prints no empty NUMBER, STATUS or BALANCE rows as if they
 * were lost. Columns asked for with --fields are always shown; a pipe keeps every row, as before.
 */
function answered(row: Row, columns: Column<Row>[], fields: string[] | undefined): Column<Row>[] {
  if (fields) return columns;
  const shown = columns.filter((c) => Object.hasOwn(row, c.key));
  return shown.length ? shown : columns;
}

export function selectColumns<T>(view: ResourceView<T>, fields: string[] | undefined, all: boolean): Column<T>[] {
  if (!fields) return all ? view.columns : view.columns.filter((c) => view.defaults.includes(c.key));
  return fields.map((field) => columnNamed(view, field));
}

/** The column a --fields name asks for; an unknown name is a usage error listing the known ones. */
function columnNamed<T>(view: ResourceView<T>, field: string): Column<T> {
  const column = view.columns.find((c) => c.key === field);
  if (!column) {
    throw new UsageError(`--fields: "${echo(field)}" is not a field of ${view.name}s`, {
      hint: `choose from ${view.columns.map((c) => c.key).join(', ')}`,
    });
  }
  return column;
}

/**
 * What -o text prints: one row a line, cells tab-separated (tabs and newlines inside a cell become
 * spaces). At a terminal, other control characters from the server are shown escaped, never sent raw.
 */
export function textLines(rows: readonly (readonly string[])[], terminal = false): string {
  const clean = (cell: string) => {
    const flat = cell.replace(/[\t\r\n]+/g, ' ');
    return terminal ? escapeControls(flat) : flat;
  };
  return rows.map((cells) => `${cells.map(clean).join('\t')}\n`).join('');
}

export { escapeControls };

/**
 * Any JSON value as rows of cells, as the AWS CLI's text output has them: a scalar is one row;
 * an array gives a row per element (an inner array or an object's values become that row's
 * cells, the objects' keys aligned); an object is one row of its values. null prints nothing.
 */
export function valueRows(value: unknown): string[][] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return isObject(value) ? [Object.values(value).map(scalarText)] : [[scalarText(value)]];
  const objects = listOfObjects(value);
  if (objects) {
    const keys = keyColumns(objects).map((c) => c.key);
    return objects.map((row) => keys.map((key) => scalarText(row[key])));
  }
  return value.map((item) =>
    Array.isArray(item)
      ? item.map(scalarText)
      : isObject(item)
        ? Object.values(item).map(scalarText)
        : [scalarText(item)],
  );
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function isObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty array whose elements are all objects: what a table can show. */
function listOfObjects(value: unknown): Row[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every(isObject) ? value : undefined;
}

/** Columns named by the keys of the rows, in the order they first appear. */
function keyColumns(rows: readonly Row[]): Column<Row>[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys].map((key) => ({ key, header: key }));
}

function pickFields(row: Row, fields: string[] | undefined): Row {
  if (!fields) return row;
  return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
}

/** Where a page wrapper keeps its rows: `items` (cursor pages), `lowBalanceAlerts` (an account's alerts). */
const PAGE_ROWS = ['items', 'lowBalanceAlerts'];

/**
 * --fields on a JSON answer: applies to each item of an array or of a page wrapper's rows. A page
 * wrapper with its rows left out (an alert list may answer only `page`) has none to pick from.
 */
function pickDeep(raw: unknown, fields: string[] | undefined): unknown {
  if (Array.isArray(raw)) return raw.map((r) => pickFields(r as Row, fields));
  if (!isObject(raw)) return raw;
  const rowsKey = PAGE_ROWS.find((key) => Array.isArray(raw[key]));
  if (!rowsKey) return 'page' in raw ? raw : pickFields(raw, fields);
  return { ...raw, [rowsKey]: (raw[rowsKey] as Row[]).map((r) => pickFields(r, fields)) };
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
  return lines.map((line) => `${line}\n`).join('');
}

function csvLines(rows: Row[], columns: Column<Row>[], header: boolean, raw: boolean | undefined): Promise<string> {
  const records = rows.map((row) => columns.map((c) => cellText(c, row)));
  if (header) records.unshift(columns.map((c) => c.key));
  return toCsv(records, raw);
}
