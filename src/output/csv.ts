/**
 * CSV as every command writes it (lists with -o csv, the import report): RFC 4180 with CRLF, and by
 * default no cell a spreadsheet would run as a formula. As OWASP's CSV-injection page recommends, a
 * cell starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'` (and csv-stringify quotes
 * what needs quoting, doubling quotes inside), so `=HYPERLINK(...)` in a display name a server sent
 * shows as text instead of running when the file is opened. `--csv-raw` writes the data unchanged.
 *
 * A plain number (`-12.50`, `+3`, `1e5`) is left as it is: no spreadsheet runs it, and a quote would
 * turn a negative balance into text that no longer sums. A cell that already starts with quotes
 * before one of those characters gets one more, so `accounts import` can always take exactly one
 * away (readBackCsvCell) and every value comes back as it was exported.
 */

/** What makes a spreadsheet read a cell as a formula (OWASP); after any quotes we added before. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
// Only a cell that starts like a formula is tested against it, so a number here always has its sign.
const SIGNED_NUMBER = /^[-+](\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The value a neutralised cell stands for; any other cell (raw CSV, a spreadsheet's own) as it is. */
export function readBackCsvCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

export async function toCsv(records: readonly (readonly string[])[], raw = false): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const cells = raw ? records : records.map((record) => record.map(neutraliseFormula));
  return stringify(cells as string[][], { record_delimiter: '\r\n' });
}
