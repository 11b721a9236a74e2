/**
 * The --report file as written to disk, and the report's view by name (issue 20: the survivors of
 * src/import/report.ts, each case naming its mutant).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, reportText, reportView, writeReport } from '../../src/import/report.js';
import type { RowResult } from '../../src/import/types.js';
import { selectColumns } from '../../src/output/render.js';

/** A reason a spreadsheet would run as a formula: written with a leading ' unless --csv-raw. */
const rows: RowResult[] = [
  { row: 1, line: 2, accountIdentifier: 'acme-one', outcome: 'failed', reason: '=HYPERLINK("x")', exitCode: 1 },
];
const report = buildReport(
  { customer: 'acme-group', file: 'a.csv', startedAt: new Date(0), finishedAt: new Date(1000), interrupted: false },
  rows,
);
const NEUTRALISED = `1,2,acme-one,failed,,,,,,"'=HYPERLINK(""x"")"`;
const RAW = `1,2,acme-one,failed,,,,,,"=HYPERLINK(""x"")"`;

describe('the report view by name', () => {
  it('--fields naming a field the report lacks says "report rows" (kills report.ts:30 name emptied, static)', () => {
    expect(() => selectColumns(reportView, ['nickname'], false)).toThrow(
      '--fields: "nickname" is not a field of report rows',
    );
  });
});

describe('the report as CSV text', () => {
  it('neutralises formulas unless told raw (kills report.ts:72 csvRaw defaulting to true)', async () => {
    expect((await reportText(report, 'csv')).split('\r\n')[1]).toBe(NEUTRALISED);
    expect((await reportText(report, 'csv', true)).split('\r\n')[1]).toBe(RAW);
  });
});

describe('writeReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tango-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Kills report.ts:83 (the body emptied, csvRaw defaulting to true), :85 (the temporary name emptied:
  // the write meets the folder itself) and :86 (the try block emptied: nothing written).
  it('writes the whole report under its name, formulas neutralised, and leaves no temporary file', async () => {
    const path = join(dir, 'report.csv');

    await writeReport(path, report);

    expect((await readFile(path, 'utf8')).split('\r\n')[1]).toBe(NEUTRALISED);
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('writes JSON by the name, and CSV cells raw when told', async () => {
    await writeReport(join(dir, 'report.json'), report);
    await writeReport(join(dir, 'raw.csv'), report, true);

    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(report);
    expect((await readFile(join(dir, 'raw.csv'), 'utf8')).split('\r\n')[1]).toBe(RAW);
  });

  // Kills report.ts:89 (the catch emptied: the failure swallowed), :90 (the throw dropped, its message
  // emptied, or `code ?? error` turned into `code && error`, which prints the whole error).
  it('a folder that does not exist fails with the path and the error code', async () => {
    const path = join(dir, 'missing', 'report.csv');

    await expect(writeReport(path, report)).rejects.toThrow(new Error(`Cannot write --report ${path} (ENOENT)`));
  });
});
