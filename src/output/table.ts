/**
 * Tables for a person at a terminal: fitted to its width (fit.ts), money and dates as they read
 * best (columns.ts), statuses coloured. Loaded only when a terminal table is drawn.
 */
import Table from 'cli-table3';
import type { Paint } from './color.js';
import type { Column } from './columns.js';
import { displayWidth, fitTable, tableWidth, wrap } from './fit.js';
import { paintStatus } from './format.js';

type Row = Record<string, unknown>;

/** No rule between data rows: a long list stays readable, one row per line. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export interface TableLayout {
  /** Columns of the terminal. */
  width: number;
  paint: Paint;
  /** The plain text of a cell (what a pipe would show), for columns without a display form. */
  text: (column: Column<Row>, row: Row) => string;
}

export interface DrawnTable {
  text: string;
  /** Fields (API names, as --fields takes them) of the columns left out to fit. */
  dropped: string[];
}

/** A list: one row per item, fitted to the width. */
export function drawList(rows: Row[], columns: Column<Row>[], layout: TableLayout): DrawnTable {
  const cells = rows.map((row) => columns.map((c) => displayText(c, row, layout)));
  const fit = fitTable(
    columns.map((c) => ({ header: c.header, kind: c.fit ?? 'fixed', dropRank: c.dropRank })),
    cells,
    layout.width,
  );
  const kept = fit.kept.map((i) => columns[i]!);
  const table = new Table({
    head: kept.map((c) => layout.paint.bold(c.header)),
    colAligns: kept.map((c) => c.align ?? 'left'),
    chars: COMPACT,
    // Stryker disable next-line ArrayDeclaration: cli-table3 skips a colour name it does not know (it catches the TypeError), so a list of unknown names draws as [] does
    style: { head: [], border: [] },
  });
  for (const row of fit.rows)
    table.push(row.map((cell, n) => (kept[n]!.status ? paintStatus(layout.paint, cell) : cell)));
  return { text: `${table.toString()}\n`, dropped: columns.filter((_, i) => !fit.kept.includes(i)).map((c) => c.key) };
}

/**
 * One item: a label column and a value column. Long text wraps inside its cell, so nothing is
 * lost. An identifier too long for the value column would have to be broken to stay inside the
 * box; then the box goes instead, and each value stays whole on its own line.
 */
export function drawDetails(row: Row, columns: Column<Row>[], layout: TableLayout): string {
  const labelWidth = Math.max(...columns.map((c) => displayWidth(c.header)));
  const valueWidth = layout.width - tableWidth([labelWidth, 0]);
  const values = columns.map((c) => displayText(c, row, layout));
  const idTooLong = columns.some((c, i) => c.fit === 'identifier' && displayWidth(values[i]!) > valueWidth);
  if (idTooLong || valueWidth < 10) {
    const lines = columns.map(
      (c, i) => `${layout.paint.bold(c.header.padEnd(labelWidth))}  ${paintCell(c, values[i]!, layout)}`,
    );
    return `${lines.join('\n')}\n`;
  }
  // Stryker disable next-line ArrayDeclaration: cli-table3 skips a colour name it does not know (it catches the TypeError), so a list of unknown names draws as [] does
  const table = new Table({ chars: COMPACT, style: { head: [], border: [] } });
  columns.forEach((column, i) => {
    const value = wrap(values[i]!, valueWidth);
    table.push({ [layout.paint.bold(column.header)]: paintCell(column, value, layout) });
  });
  return `${table.toString()}\n`;
}

function displayText(column: Column<Row>, row: Row, layout: TableLayout): string {
  return column.display ? column.display(row) : layout.text(column, row);
}

function paintCell(column: Column<Row>, value: string, layout: TableLayout): string {
  return column.status ? paintStatus(layout.paint, value) : value;
}
