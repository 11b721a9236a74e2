/**
 * Output rules no unit test pinned before, each found as a surviving mutant by `npm run mutation`
 * (the comment above each test names the mutants it kills): shell quoting of printed commands,
 * control characters at a terminal, CSV formula cells, --query's backtick literals, stdin read as
 * text, stdout's back-pressure, and --error-format=json.
 */
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/errors.js';
import { escapeControlsKeepingColour } from '../../src/output/controls.js';
import { neutraliseFormula, readBackCsvCell } from '../../src/output/csv.js';
import { wantsJsonErrors } from '../../src/output/error-object.js';
import { type FitColumn, fitTable, tableWidth } from '../../src/output/fit.js';
import { formatDateTime } from '../../src/output/format.js';
import { IOStreams } from '../../src/output/iostreams.js';
import { yesNoLine } from '../../src/output/prompter.js';
import { compileQuery } from '../../src/output/query.js';
import { type RetryWait, retryMessage } from '../../src/output/retry-status.js';
import { shellQuote } from '../../src/output/shell-quote.js';

// shell-quote.ts: SAFE without ^, without $, one character only, negated.
describe('a word in a printed command', () => {
  it.each([
    ['acme-corp', 'acme-corp'],
    ['ops@acme.example', 'ops@acme.example'],
    ['a', 'a'],
    ['Acme Corp', "'Acme Corp'"],
    ['x;rm', "'x;rm'"],
    ['$HOME/x', "'$HOME/x'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
  ])('%j is written %s', (value, written) => {
    expect(shellQuote(value)).toBe(written);
  });
});

// controls.ts: COLOUR_OR_CONTROL's colour part made one character or negated, its control class
// negated; `match.length > 1` made true or `>= 1`.
describe('painted text at a terminal', () => {
  it('keeps colour sequences, with one parameter or several', () => {
    const painted = '\u001b[31mred\u001b[39m \u001b[1;4mbold\u001b[0m';
    expect(escapeControlsKeepingColour(painted)).toBe(painted);
  });

  it('shows every other control character escaped, and leaves plain text alone', () => {
    expect(escapeControlsKeepingColour('a\u0007b\u001b]0;title\u0007 c\rd')).toBe(
      'a\\u0007b\\u001b]0;title\\u0007 c\\u000dd',
    );
    expect(escapeControlsKeepingColour('Acme Corp, 100%\tok\n')).toBe('Acme Corp, 100%\tok\n');
  });
});

// csv.ts: FORMULA_START without ^, with exactly one quote, negated.
describe('CSV formula cells', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ["'=1+2", "''=1+2"],
    ["''@SUM(A1)", "'''@SUM(A1)"],
    ['a=b', 'a=b'],
    ['Acme', 'Acme'],
    ['-12.50', '-12.50'],
  ])('%j is written %j, and read back as it was', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(readBackCsvCell(neutraliseFormula(cell))).toBe(cell);
  });
});

// query.ts: the legacy-literal option emptied or false; the error message's template emptied.
describe('--query', () => {
  it('takes string literals in backticks, as the AWS CLI does', () => {
    const query = compileQuery('[?status==`FROZEN`].id');
    expect(
      query.apply([
        { id: 'a', status: 'ACTIVE' },
        { id: 'b', status: 'FROZEN' },
      ]),
    ).toEqual(['b']);
  });

  it('an expression that fails on the data names itself and why', () => {
    const query = compileQuery('abs(name)');
    let caught: unknown;
    try {
      query.apply({ name: 'acme' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QueryError);
    expect((caught as Error).message).toMatch(/^--query "abs\(name\)": \S/);
  });
});

function streams(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream = process.stdout) {
  return new IOStreams({ stdin, stdout, stderr: process.stderr }, {});
}

// iostreams.ts: a string chunk taken for a Buffer; the drain wait made to resolve at once or never.
describe('the standard streams', () => {
  it('reads a stdin that yields text, not bytes, as the same text', async () => {
    const stdin = Readable.from(['plan: ', 'é ✓']) as unknown as NodeJS.ReadStream;
    expect(await streams(stdin).readStdin('--file -', 'cat x | tango')).toBe('plan: é ✓');
  });

  it('waits for a full stdout to drain before the next write, and no longer', async () => {
    const stdout = Object.assign(new EventEmitter(), { write: () => false }) as unknown as NodeJS.WriteStream;
    const waiting = streams(Readable.from([]) as unknown as NodeJS.ReadStream, stdout).writeOut('row\n');
    let drained = false;
    void waiting?.then(() => {
      drained = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    stdout.emit('drain');
    await waiting;
    expect(drained).toBe(true);
  });
});

// error-object.ts: --error-format=json's value cut wrongly.
describe('choosing JSON errors from the command line', () => {
  it.each([
    [['--error-format=json'], true],
    [['--error-format=text', '-o', 'json'], false],
    [['--error-format', 'json'], true],
    [['--output=ndjson'], true],
    [['-ojson'], true],
    [['--', '--json'], false],
  ])('%j: %s', (argv, json) => {
    expect(wantsJsonErrors(argv, {})).toBe(json);
  });
});

// fit.ts: ties in the drop order, the widest column's choice (`>` made `>=`, `<=` or false), a missing cell.
describe('fitting a table to the terminal', () => {
  const text = (header: string): FitColumn => ({ header, kind: 'text' });

  it('narrows the widest text column first, and of two as wide the first', () => {
    const wider = fitTable([text('A'), text('B')], [['a'.repeat(15), 'b'.repeat(20)]], tableWidth([15, 20]) - 1);
    expect(wider.widths).toEqual([15, 19]);
    const even = fitTable([text('A'), text('B')], [['a'.repeat(20), 'b'.repeat(20)]], tableWidth([20, 20]) - 1);
    expect(even.widths).toEqual([19, 20]);
  });

  it('of two columns as droppable, drops the rightmost first', () => {
    const columns: FitColumn[] = [
      { header: 'ID', kind: 'identifier' },
      { header: 'STATUS', kind: 'fixed', dropRank: 1 },
      { header: 'CREATED', kind: 'fixed', dropRank: 1 },
    ];
    const row = ['acme-corp-rewards', 'ACTIVE', '2025-01-31 10:00'];
    const fit = fitTable(columns, [row], tableWidth([17, 6, 16]) - 1);
    expect(fit.dropped).toEqual(['CREATED']);
    expect(fit.rows).toEqual([['acme-corp-rewards', 'ACTIVE']]);
  });

  it('a row without a cell for a column shows it empty', () => {
    expect(fitTable([text('A'), text('B')], [['only a']], 80).rows).toEqual([['only a', '']]);
  });
});

// format.ts: `value === null` made `value !== null`; retry-status.ts: 'unknown' emptied.
describe('values in a terminal table and the retry line', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [1700000000, '1700000000'],
    ['2025-03-02T14:05:59.123Z', '2025-03-02 14:05'],
  ])('the date %j shows as %j', (value, shown) => {
    expect(formatDateTime(value)).toBe(shown);
  });

  it('a network error without a code says so', () => {
    expect(retryMessage({ delayMs: 2000, nextAttempt: 2, maxAttempts: 5 } as RetryWait)).toBe(
      'Network error (unknown), retrying in 2 s (attempt 2 of 5)',
    );
  });
});

// The static pass's survivors: csv.ts's SIGNED_NUMBER with the exponent's sign negated or one digit
// only, NEUTRALISED without ^; prompter.ts's YES_NO without its `?` (Enter alone refused).
describe('CSV numbers and quoted cells, read back', () => {
  it.each([
    ['-1e-5', '-1e-5'],
    ['+2E+10', '+2E+10'],
    ['-3e12', '-3e12'],
    ['-1e', "'-1e"],
    ['-e5', "'-e5"],
  ])('%j is written %j', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
  });

  it.each([
    ["x'=1", "x'=1"], // a quote inside a cell is the data's own
    ["''=1", "'=1"],
  ])('%j is read back as %j', (cell, value) => {
    expect(readBackCsvCell(cell)).toBe(value);
  });
});

describe('a yes/no line', () => {
  const { validate } = yesNoLine({ message: 'Create it?', default: true });
  it.each(['', '  ', 'y', 'YES', 'n', 'No'])('%j is an answer', (line) => {
    expect(validate(line)).toBe(true);
  });
  it.each(['yBudget', 'yes please', 'o'])('%j is refused', (line) => {
    expect(validate(line)).toBe('Answer y or n, then Enter (Enter alone: yes)');
  });
});
