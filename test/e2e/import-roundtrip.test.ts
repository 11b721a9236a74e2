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
  runTango(args, { configDir: config.dir, env: tangoEnv(config.dir, emulator), input, timeoutMs: 30_000 });

beforeEach(async () => {
  config = tempConfigDir();
  ({ emulator, api } = await emulatorWithCustomer(CUSTOMER));
  await api.createCustomer('other-group');
  const file = writeFile(config.dir, 'accounts.csv', accountsCsv(accountRows(12)));
  expect((await tango(['accounts', 'import', CUSTOMER, '-f', file])).code).toBe(0);
  emulator.resetStats();
});
afterEach(async () => {
  await emulator.close();
  config.cleanup();
});

describe('what `tango accounts list` prints, fed back to `tango accounts import`', () => {
  it('CSV as listed: every row already exists with the same values, nothing is created', async () => {
    const listed = await tango(['accounts', 'list', CUSTOMER, '-o', 'csv']);
    expect(listed.code).toBe(0);
    // Several funding emails share one cell, separated by ";"; a name with a comma is quoted.
    expect(listed.stdout).toContain('fund3-0@example.com;fund3-1@example.com;fund3-2@example.com');
    expect(listed.stdout).toContain('"Team 7, Rewards"');

    const again = await tango(['accounts', 'import', CUSTOMER, '-f', '-', '-o', 'json'], listed.stdout);

    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ total: 12, existed: 12, created: 0 });
    expect(api.creates()).toBe(0);
  });

  it('JSON as listed, into another customer: every row conflicts (identifiers are platform-wide), exit 5', async () => {
    const listed = await tango(['accounts', 'list', CUSTOMER, '-o', 'json']);

    const copy = await tango(['accounts', 'import', 'other-group', '-f', '-', '-o', 'ndjson'], listed.stdout);

    expect(copy.code).toBe(5);
    const rows = copy.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.outcome === 'conflict')).toBe(true);
    expect(rows[0].differences).toEqual([
      { field: 'customer', existing: 'another customer', requested: 'other-group' },
    ]);
    expect(api.creates()).toBe(0);
  });

  it('CSV narrowed by --fields to lack contactEmail: one problem naming the column, nothing sent', async () => {
    const listed = await tango([
      'accounts',
      'list',
      CUSTOMER,
      '-o',
      'csv',
      '--fields',
      'accountIdentifier,displayName',
    ]);
    emulator.resetStats();

    const result = await tango(['accounts', 'import', CUSTOMER, '-f', '-'], listed.stdout);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stdin: 1 problem; nothing was sent.');
    expect(result.stderr).toContain(`column "contactEmail" is missing; every account needs one`);
    expect(result.stderr).toContain('`tango accounts list <customer> -o csv` prints every column an import needs');
    expect(emulator.stats().total).toBe(0);
  });
});
