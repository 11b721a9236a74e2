import { afterEach, describe, expect, it, vi } from 'vitest';
import { clock, describe as describeProgress, emptyCounts, startProgress } from '../../src/import/progress.js';
import { buildReport, reportFormatOf, reportText, reportView } from '../../src/import/report.js';
import type { RowResult } from '../../src/import/types.js';
import { Output } from '../../src/output/render.js';
import { CLEAR_LINE, createStatusLine } from '../../src/output/status-line.js';

const rows: RowResult[] = [
  { row: 1, line: 2, accountIdentifier: 'acme-one', outcome: 'created', accountNumber: 'A1', recovered: true },
  { row: 2, line: 3, accountIdentifier: 'acme-two', outcome: 'existed', accountNumber: 'A2' },
  {
    row: 3,
    line: 4,
    accountIdentifier: 'acme-three',
    outcome: 'failed',
    reason: 'Service unavailable, "try later"',
    httpStatus: 503,
    i18nKey: 'error.unavailable',
    requestId: 'req-3',
    exitCode: 6,
  },
];

describe('the report', () => {
  it('counts every outcome and keeps the rows in file order', () => {
    const report = buildReport(
      {
        customer: 'acme-group',
        file: 'accounts.csv',
        startedAt: new Date('2025-01-01T00:00:00Z'),
        finishedAt: new Date('2025-01-01T00:00:02.5Z'),
        interrupted: false,
      },
      rows,
    );

    expect(report).toMatchObject({
      customer: 'acme-group',
      file: 'accounts.csv',
      durationMs: 2500,
      interrupted: false,
      summary: { total: 3, created: 1, existed: 1, conflict: 0, failed: 1, unknown: 0, 'not-attempted': 0 },
    });
    expect(report.rows.map((row) => row.row)).toEqual([1, 2, 3]);
  });

  it('as CSV has every column on every line, quoted per RFC 4180', async () => {
    const report = buildReport(
      { customer: 'c', file: 'f', startedAt: new Date(0), finishedAt: new Date(0), interrupted: false },
      rows,
    );

    expect((await reportText(report, 'csv')).split('\r\n')).toEqual([
      'row,line,accountIdentifier,outcome,accountNumber,recovered,httpStatus,i18nKey,requestId,reason',
      '1,2,acme-one,created,A1,true,,,,',
      '2,3,acme-two,existed,A2,,,,,',
      '3,4,acme-three,failed,,,503,error.unavailable,req-3,"Service unavailable, ""try later"""',
      '',
    ]);
  });

  it('takes its format from the file name, and refuses one it cannot tell', () => {
    expect(reportFormatOf('out/report.JSON')).toBe('json');
    expect(reportFormatOf('report.csv')).toBe('csv');
    expect(() => reportFormatOf('report.txt')).toThrow(/must end in .json or .csv/);
  });
});

describe('progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says what is done, the rate of rows sent and the time left', () => {
    const counts = { ...emptyCounts(), created: 120, existed: 30, failed: 2 };

    expect(describeProgress(counts, 500, 122, 10_000)).toBe(
      '152/500 created 120, existed 30, conflict 0, failed 2 · 12.2 rows/s · ETA 0:29',
    );
    expect(clock(3725)).toBe('1:02:05');
  });

  it('without a terminal prints a plain line every few seconds, and nothing to clear at the end', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const progress = startProgress({ total: 3, say: (text) => lines.push(text), intervalMs: 5_000 });

    progress.add(rows[0]!, true);
    vi.advanceTimersByTime(4_999);
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(1);
    progress.stop();
    vi.advanceTimersByTime(60_000);

    expect(lines).toEqual([expect.stringMatching(/^1\/3 created 1, .* · 0\.2 rows\/s · ETA 0:10$/)]);
  });

  it('on a terminal redraws one bar in place, cut to the width, and clears it when done', () => {
    vi.useFakeTimers();
    let screen = '';
    const line = createStatusLine({ color: false, columns: 40, write: (text) => (screen += text) });
    const progress = startProgress({ total: 4, line, say: () => expect.unreachable(), intervalMs: 100 });

    progress.add(rows[0]!, true);
    progress.add(rows[1]!, false);
    vi.advanceTimersByTime(100);
    const drawn = screen;
    progress.stop();

    expect(drawn).toBe(`${CLEAR_LINE}[############------------] 2/4 created `);
    expect(drawn.length - CLEAR_LINE.length).toBe(39);
    expect(screen).toBe(`${drawn}${CLEAR_LINE}`);
  });
});

// report.ts's view (the static pass's survivors: each header and default column emptied): the report
// printed on stdout as a table, piped and at a terminal.
describe('the report on stdout as a table', () => {
  function table(isTTY: boolean, fields?: string[]) {
    let text = '';
    const out = new Output({
      format: 'table',
      color: false,
      isTTY,
      width: 200,
      fields,
      write: (chunk) => {
        text += chunk;
      },
    });
    return { out, text: () => text };
  }

  it('piped: the default columns by their field names, one row a line', async () => {
    const { out, text } = table(false);
    await out.list(rows, reportView);
    expect(text().split('\n').slice(0, 2)).toEqual([
      'row\taccountIdentifier\toutcome\taccountNumber\thttpStatus\trequestId\treason',
      '1\tacme-one\tcreated\tA1\t\t\t',
    ]);
  });

  it('at a terminal: every column under its heading', async () => {
    const all = [
      'row',
      'line',
      'accountIdentifier',
      'outcome',
      'accountNumber',
      'recovered',
      'httpStatus',
      'i18nKey',
      'requestId',
      'reason',
    ];
    const { out, text } = table(true, all);
    await out.list(rows, reportView);
    const heading = text().split('\n')[1]!; // under the table's top border
    expect(
      heading
        .split('│')
        .map((cell) => cell.trim())
        .filter(Boolean),
    ).toEqual([
      'ROW',
      'LINE',
      'IDENTIFIER',
      'OUTCOME',
      'NUMBER',
      'RECOVERED',
      'HTTP',
      'I18N KEY',
      'REQUEST ID',
      'REASON',
    ]);
  });
});
