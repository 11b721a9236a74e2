/**
 * Fitting a table to the terminal's width, as plain text in and plain text out (colour is added
 * after, so widths are counted on what the eye sees). Three steps, each only if the last was not
 * enough: shrink free-text columns (widest first, down to a floor) and shorten their cells with
 * "…"; drop low-value columns in the order the view gives; accept the overflow. Identifiers are
 * never shortened: a cut identifier cannot be copied into the next command.
 */

export type FitKind =
  /** Copied into the next command: never shortened, never dropped unless it says so. */
  | 'identifier'
  /** Names and emails: shortened with "…" when space runs out. */
  | 'text'
  /** Short values (status, money, dates): shown whole or dropped. */
  | 'fixed';

export interface FitColumn {
  header: string;
  kind: FitKind;
  /** Lower drops first; undefined: never dropped. */
  dropRank?: number;
}

export interface FitResult {
  /** Indexes (into the input columns) of the columns kept, in their order. */
  kept: number[];
  /** The width of each kept column's content, padding and borders excluded. */
  widths: number[];
  /** The rows, kept columns only, with shortened cells ending in "…". */
  rows: string[][];
  /** Headers of the columns left out, in the input order. */
  dropped: string[];
}

/** cli-table3 draws one space either side of a cell and one border character between cells. */
export const CELL_PADDING = 2;

/** The narrowest a text column is shrunk to before columns start to be dropped. */
export const TEXT_FLOOR = 12;

/** Columns of the whole table as drawn with borders: `│ a │ b │`. */
export function tableWidth(contentWidths: readonly number[]): number {
  return contentWidths.reduce((sum, w) => sum + w + CELL_PADDING + 1, 1);
}

export function fitTable(columns: readonly FitColumn[], rows: readonly string[][], maxWidth: number): FitResult {
  const natural = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...rows.map((r) => cellWidth(r[i]))),
  );
  let kept = columns.map((_, i) => i);
  const dropOrder = columns
    .map((column, i) => ({ i, rank: column.dropRank }))
    .filter((c): c is { i: number; rank: number } => c.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || b.i - a.i);
  let widths = shrink(columns, natural, kept, maxWidth);
  for (const { i } of dropOrder) {
    if (tableWidth(widths) <= maxWidth) break;
    kept = kept.filter((k) => k !== i);
    widths = shrink(columns, natural, kept, maxWidth);
  }
  return {
    kept,
    widths,
    rows: rows.map((row) => kept.map((k, n) => truncateLines(row[k] ?? '', widths[n]!))),
    dropped: columns.filter((_, i) => !kept.includes(i)).map((c) => c.header),
  };
}

/**
 * Widths of the kept columns: natural widths, then the widest text column is narrowed one step at
 * a time (never below its floor) until the table fits or no text column can give more.
 */
function shrink(columns: readonly FitColumn[], natural: number[], kept: number[], maxWidth: number): number[] {
  const widths = kept.map((k) => natural[k]!);
  const floorOf = (n: number) => {
    const column = columns[kept[n]!]!;
    return Math.min(natural[kept[n]!]!, Math.max(TEXT_FLOOR, displayWidth(column.header)));
  };
  let excess = tableWidth(widths) - maxWidth;
  while (excess > 0) {
    let widest = -1;
    for (let n = 0; n < widths.length; n++) {
      if (columns[kept[n]!]!.kind !== 'text' || widths[n]! <= floorOf(n)) continue;
      if (widest === -1 || widths[n]! > widths[widest]!) widest = n;
    }
    if (widest === -1) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return widths;
}

/** Each line of a cell shortened on its own. */
function truncateLines(cell: string, width: number): string {
  return cell
    .split('\n')
    .map((line) => truncate(line, width))
    .join('\n');
}

/** Shortens to `width` columns of the terminal, the last one being "…". */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** How many terminal columns a string takes: combining marks none, wide East Asian characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** A cell's width is its longest line (a cell of several lines, such as funding emails). */
function cellWidth(cell: string | undefined): number {
  return Math.max(0, ...(cell ?? '').split('\n').map(displayWidth));
}

// One code point at a time reaches it (charWidth), so no anchors are needed.
const COMBINING = /[\p{M}\u200b-\u200f\u2060\ufeff]/u;

function charWidth(char: string): number {
  if (COMBINING.test(char)) return 0;
  const code = char.codePointAt(0)!;
  return isWide(code) ? 2 : 1;
}

/** East Asian Wide and Fullwidth blocks (the ranges terminals draw two columns wide). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Breaks text into lines of at most `width` columns, at spaces where it can, inside words where it must. */
export function wrap(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const lines: string[] = [];
  let line = '';
  // Each word with the spaces after it: a run of spaces stays with its word, so no line starts with one.
  for (const word of text.split(/(?<= )(?! )/)) {
    if (displayWidth(line + word.trimEnd()) <= width) {
      line += word;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    let rest = word;
    while (displayWidth(rest.trimEnd()) > width) {
      const [head, tail] = splitAt(rest, width);
      lines.push(head);
      rest = tail;
    }
    line = rest;
  }
  const last = line.trimEnd();
  if (last) lines.push(last);
  return lines.join('\n');
}

function splitAt(text: string, width: number): [string, string] {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const w = charWidth(char);
    // One character at least, even one wider than the line, or wrap() would never end.
    if (index > 0 && used + w > width) break;
    used += w;
    index += char.length;
  }
  return [text.slice(0, index), text.slice(index)];
}
