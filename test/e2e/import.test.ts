import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import {
  accountRows,
  accountsCsv,
  type EmulatorApi,
  emulatorWithCustomer,
  tangoEnv,
  writeFile,
} from '../support/import.js';
import { runTango, tempConfigDir } from '../support/tango.js';

const CUSTOMER = 'acme-group';
let config: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;
let api: EmulatorApi;

const tango = (args: string[], input?: string) =>
  runTango(args, { configDir: config.dir, env: tangoEnv(config.dir, emulator), input, timeoutMs: 60_000 });
const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(async () => {
  await emulator?.close();
  config.cleanup();
});

describe('tango accounts import --help', () => {
  it('names the columns, the exit codes and ends with examples', async () => {
    const result = await runTango(['accounts', 'import', '--help'], { configDir: config.dir });

    expect(result.code).toBe(0);
    for (const text of ['--file <path>', '--concurrency <n>', '--report <file>', '--dry-run', 'fundingEmails']) {
      expect(result.stdout).toContain(text);
    }
    expect(result.stdout).toMatch(/Exit codes:\n(.*\n)*\s+130 {2}interrupted/);
    const examples = result.stdout.slice(result.stdout.indexOf('Examples:'));
    expect(examples.match(/^\s+\$ tango /gm)).toHaveLength(4);
  });
});

describe('tango accounts import against a failing, dropping server', () => {
  it('creates 500 rows exactly once each and reports every row', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER, { failRate: 0.2, dropRate: 0.05, latencyMs: 1 }));
    const rows = accountRows(500);
    const file = writeFile(config.dir, 'accounts.csv', accountsCsv(rows));
    const reportPath = join(config.dir, 'report.json');

    // Ten retries: at a 25% fault rate a row fails all eleven attempts about once in four million.
    const result = await tango([
      'accounts',
      'import',
      CUSTOMER,
      '--file',
      file,
      '--report',
      reportPath,
      '--concurrency',
      '8',
      '--max-retries',
      '10',
    ]);

    expect(result.stderr).toContain('500 created');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const report = readReport(reportPath);
    expect(report.summary).toEqual({
      total: 500,
      created: 500,
      unknown: 0,
      existed: 0,
      conflict: 0,
      failed: 0,
      'not-attempted': 0,
    });
    expect(report.rows.map((row: { row: number; outcome: string }) => [row.row, row.outcome])).toEqual(
      rows.map((_, index) => [index + 1, 'created']),
    );
    // The faults really happened, and some creates landed although their answer was lost: confirmed by a GET.
    const { faults } = emulator.stats();
    expect(faults.failed).toBeGreaterThan(50);
    expect(faults.dropped).toBeGreaterThan(5);
    expect(report.rows.filter((row: { recovered?: boolean }) => row.recovered).length).toBeGreaterThan(0);
    // Exactly the file, once each, with the values asked for.
    const stored = await api.accounts(CUSTOMER);
    expect(stored).toHaveLength(500);
    expect(stored.map(pickCreated).sort(byIdentifier)).toEqual(rows.map(pickCreated));
    expect(api.creates()).toBeLessThanOrEqual(500);
  });
});

describe('tango accounts import under the global --rate', () => {
  it('spaces the requests of all rows in flight, so a rate-limited server never answers 429', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER, { rateLimit: 50 }));
    const file = writeFile(config.dir, 'accounts.csv', accountsCsv(accountRows(60)));

    const result = await tango(['--rate', '40', 'accounts', 'import', CUSTOMER, '-f', file, '-c', '8']);

    expect(result.code).toBe(0);
    expect(emulator.stats().faults.rateLimited).toBe(0);
    expect(await api.accounts(CUSTOMER)).toHaveLength(60);
  });
});

describe('tango accounts import with bad rows', () => {
  it('lists every problem by row and field, and sends nothing at all', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
    emulator.resetStats();
    const file = writeFile(
      config.dir,
      'bad.csv',
      'identifier,displayName,contactEmail,currency,fundingEmails\n' +
        'good-00001,Good One,good1@example.com,USD,\n' +
        'Bad-Upper,Bad Case,bad@example.com,EUR,\n' +
        'good-00003,Hi,bad-email,yen,ok@example.com;nope\n' +
        'good-00001,Good Again,again@example.com,,\n' +
        ',No Identifier,none@example.com,,\n',
    );

    const result = await tango(['accounts', 'import', CUSTOMER, '--file', file]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.csv: 7 problems; nothing was sent.');
    for (const expected of [
      /row 2 \(line 3\), identifier must be .*; use the lowercase form: bad-upper/,
      /row 3 \(line 4\), displayName must be 5-100 characters/,
      /row 3 \(line 4\), contactEmail must be a valid email/,
      /row 3 \(line 4\), currency must be one of USD, AUD, CAD, EUR, GBP \(got "YEN"\)/,
      /row 3 \(line 4\), fundingEmails #2 must be a valid email .*"nope"/,
      /row 4 \(line 5\), identifier repeats the identifier of row 1 \(line 2\)/,
      /row 5 \(line 6\), identifier is required/,
    ]) {
      expect(result.stderr).toMatch(expected);
    }
    expect(emulator.stats().total).toBe(0);
  });

  it('--dry-run checks a good file and prints the plan, sending nothing', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
    emulator.resetStats();
    const file = writeFile(config.dir, 'accounts.json', JSON.stringify(accountRows(3)));

    const result = await tango(['accounts', 'import', CUSTOMER, '--file', file, '--dry-run', '-o', 'json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      accountRows(3).map((row, index) => ({ row: index + 1, ...withoutEmptyFunding(row) })),
    );
    expect(result.stderr).toContain('Dry run: 3 valid rows');
    expect(emulator.stats().total).toBe(0);
  });
});

describe('tango accounts import of an empty file', () => {
  it('warns, writes an empty report and sends nothing', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
    emulator.resetStats();
    const file = writeFile(config.dir, 'empty.csv', 'identifier,displayName,contactEmail\n');
    const reportPath = join(config.dir, 'report.json');

    const result = await tango(['accounts', 'import', CUSTOMER, '-f', file, '--report', reportPath]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('has no rows; nothing to import');
    expect(readReport(reportPath)).toMatchObject({ summary: { total: 0 }, rows: [] });
    expect(emulator.stats().total).toBe(0);
  });
});

describe('tango accounts import, run again', () => {
  it('reports rows that exist with the same values as existed, others as conflicts (exit 5), sending no create', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
    const rows = accountRows(20);
    const file = writeFile(config.dir, 'accounts.csv', accountsCsv(rows));
    expect((await tango(['accounts', 'import', CUSTOMER, '-f', file])).code).toBe(0);
    emulator.resetStats();

    const again = await tango(['accounts', 'import', CUSTOMER, '-f', file, '-o', 'json']);

    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ total: 20, existed: 20, created: 0 });
    expect(api.creates()).toBe(0);

    const changed = rows.map((row, index) => (index === 4 ? { ...row, displayName: 'Renamed Team' } : row));
    const changedFile = writeFile(config.dir, 'changed.csv', accountsCsv(changed));
    const conflict = await tango(['accounts', 'import', CUSTOMER, '-f', changedFile, '-o', 'ndjson']);

    expect(conflict.code).toBe(5);
    const lines = conflict.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(20);
    expect(lines[4]).toMatchObject({
      row: 5,
      outcome: 'conflict',
      differences: [{ field: 'displayName', existing: 'Team 5', requested: 'Renamed Team' }],
    });
    expect(conflict.stderr).toContain('1 row conflicts with existing accounts.');
    expect(conflict.stderr).toMatch(/row 5 acct-00005: conflict: already exists with different values; displayName/);
  });

  it('reads JSON from stdin and stops at once, creating nothing, when the customer does not exist (exit 3)', async () => {
    ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
    emulator.resetStats();

    const result = await tango(['accounts', 'import', 'no-such-customer', '-f', '-'], JSON.stringify(accountRows(5)));

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('5 rows not attempted');
    expect(api.creates()).toBe(0);
  });
});

function pickCreated(account: {
  accountIdentifier: string;
  displayName: string;
  contactEmail?: string;
  currencyCode: string;
  fundingNotification?: Array<{ emailAddress: string }>;
}) {
  return {
    accountIdentifier: account.accountIdentifier,
    displayName: account.displayName,
    contactEmail: account.contactEmail,
    currencyCode: account.currencyCode,
    fundingNotification: account.fundingNotification ?? [],
  };
}

function byIdentifier(a: { accountIdentifier: string }, b: { accountIdentifier: string }): number {
  return a.accountIdentifier.localeCompare(b.accountIdentifier);
}

function withoutEmptyFunding<T extends { fundingNotification: unknown[] }>(row: T) {
  const { fundingNotification, ...rest } = row;
  return fundingNotification.length ? row : rest;
}
