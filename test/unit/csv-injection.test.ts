/**
 * CSV output never hands a spreadsheet a formula (OWASP's CSV-injection advice) unless --csv-raw
 * asks for the data as it is, and `accounts import` reads both forms back to the same values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neutraliseFormula, readBackCsvCell } from '../../src/output/csv.js';
import { runInProcess } from '../support/in-process.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+cmd|/C calc', `'+cmd|/C calc`],
    ['-2+3+cmd', `'-2+3+cmd`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tTabbed', `'\tTabbed`],
    ['\rReturn', `'\rReturn`],
    [`'=already`, `''=already`],
    ['Acme = Rewards', 'Acme = Rewards'],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['-1e5', '-1e5'],
    ['-', `'-`],
    ['', ''],
  ])('%j is written as %j', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(readBackCsvCell(written)).toBe(cell);
  });

  it('every value reads back as it was written, whatever it holds', () => {
    const risky = fc.stringMatching(/^'{0,3}[-=+@\t\r0-9.a-z]{0,6}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), risky), (value) => {
        const written = neutraliseFormula(value);
        expect(readBackCsvCell(written)).toBe(value);
        // Nothing a spreadsheet would run is ever written, numbers aside.
        if (/^[=+\-@\t\r]/.test(written)) expect(written).toMatch(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/);
      }),
      { numRuns: 2000 },
    );
  });
});

const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example","Click")',
  '+SUM(1+1)*cmd',
  '-2+3 Rewards',
  '@SUM(A1:A9) Team',
  "'=Quoted Team",
  'Plain Rewards',
];

describe('accounts list -o csv and accounts import, end to end on the emulator', () => {
  let dirs: string[] = [];
  beforeEach(() => {
    dirs = [mkdtempSync(join(tmpdir(), 'tango-csv-a-')), mkdtempSync(join(tmpdir(), 'tango-csv-b-'))];
  });
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const local = (dir: string, args: string[]) =>
    runInProcess(['--env', 'local', ...args], { env: { TANGO_CONFIG_DIR: dir } });

  async function seedHostile(dir: string): Promise<void> {
    expect(
      (await local(dir, ['customers', 'create', '--identifier', 'acme-corp', '--display-name', 'Acme Corp'])).code,
    ).toBe(0);
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const created = await local(dir, [
        'accounts',
        'create',
        'acme-corp',
        '--identifier',
        `acme-${i}0000`,
        '--display-name',
        name,
        '--contact-email',
        `ops${i}@acme.example`,
      ]);
      expect(created.code, created.stderr).toBe(0);
    }
  }

  async function namesAfterImport(csv: string): Promise<string[]> {
    const [, target] = dirs as [string, string];
    const file = join(target, 'accounts.csv');
    writeFileSync(file, csv);
    expect(
      (await local(target, ['customers', 'create', '--identifier', 'beta-corp', '--display-name', 'Beta Corp'])).code,
    ).toBe(0);
    const imported = await local(target, ['accounts', 'import', 'beta-corp', '--file', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const listed = await local(target, ['accounts', 'list', 'beta-corp', '--json']);
    return (JSON.parse(listed.stdout) as Array<{ displayName: string }>).map((a) => a.displayName).sort();
  }

  it('by default no cell starts a formula, and the export re-imports to the same display names', async () => {
    const [source] = dirs as [string];
    await seedHostile(source);
    const csv = (await local(source, ['accounts', 'list', 'acme-corp', '-o', 'csv'])).stdout;

    const cells = csv.split('\r\n').flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]|^-\D/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).toContain(`''=Quoted Team`);
    expect(await namesAfterImport(csv)).toEqual([...HOSTILE_NAMES].sort());
  });

  it('--csv-raw writes the values as they are, and they re-import unchanged too', async () => {
    const [source] = dirs as [string];
    await seedHostile(source);
    const csv = (await local(source, ['--csv-raw', 'accounts', 'list', 'acme-corp', '-o', 'csv'])).stdout;

    expect(csv).toContain(`"=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).toContain(',+SUM(1+1)*cmd,');
    // A value that itself starts with a quote before "=" reads back only through the default form.
    const names = HOSTILE_NAMES.filter((name) => !name.startsWith("'"));
    const rawCsv = csv
      .split('\r\n')
      .filter((line) => !line.includes("'=Quoted"))
      .join('\r\n');
    expect(await namesAfterImport(rawCsv)).toEqual(names.sort());
  });

  it('the import report in CSV is neutralised the same way; an identifier starting with "-" reads back', async () => {
    const [source] = dirs as [string];
    expect(
      (await local(source, ['customers', 'create', '--identifier', 'acme-corp', '--display-name', 'Acme Corp'])).code,
    ).toBe(0);
    const file = join(source, 'dash.csv');
    writeFileSync(file, 'identifier,displayName,contactEmail\n-acme-formula,Dash Team,ops@acme.example\n');
    const report = await local(source, ['accounts', 'import', 'acme-corp', '--file', file, '-o', 'csv']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(",'-acme-formula,created,");

    const listed = (await local(source, ['accounts', 'list', 'acme-corp', '-o', 'csv'])).stdout;
    expect(listed).toContain("'-acme-formula,");
    writeFileSync(file, listed);
    const again = await local(source, ['accounts', 'import', 'acme-corp', '--file', file, '-o', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).rows).toMatchObject([{ accountIdentifier: '-acme-formula', outcome: 'existed' }]);
  });
});
