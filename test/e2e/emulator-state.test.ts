/**
 * `tango emulator reset` and `tango emulator seed` on the state `--env local` uses: a cron script
 * rehearsed on realistic data, and a fresh start. Each check reads the state back through
 * `tango --env local ... --json`, as the rehearsed script would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../src/domain/types.js';
import { runTango, tempConfigDir } from '../support/tango.js';
import { Terminal } from '../support/terminal.js';
import { shouldRun } from '../support/tools.js';

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

const tango = (args: string[]) => runTango(args, { configDir: config.dir });

async function localCustomers(): Promise<Customer[]> {
  const result = await tango(['--env', 'local', 'customers', 'list', '--all', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Customer[];
}

describe('tango emulator seed', () => {
  it('adds N customers with M accounts each, with the statuses and currencies of a real platform', async () => {
    const seeded = await tango(['emulator', 'seed', '--customers', '6', '--accounts', '40', '--random-seed', '3']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toBe('');
    const customers = await localCustomers();
    expect(customers).toHaveLength(6);
    expect(customers.every((c) => c.accounts.length === 40)).toBe(true);
    const accounts = JSON.parse(
      (await tango(['--env', 'local', 'accounts', 'list', '--all', '--json'])).stdout,
    ) as Account[];
    expect(accounts).toHaveLength(240);
    expect(new Set(accounts.map((a) => a.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(accounts.map((a) => a.currencyCode)).size).toBeGreaterThanOrEqual(3);
  });

  it('adds to what is there, never reusing an identifier; the same --random-seed gives the same data', async () => {
    await tango(['emulator', 'seed', '--customers', '3', '--accounts', '1', '--random-seed', '9']);
    const first = (await localCustomers()).map((c) => [c.customerIdentifier, c.displayName]);
    await tango(['emulator', 'seed', '--customers', '3', '--accounts', '1', '--random-seed', '9']);
    const both = (await localCustomers()).map((c) => c.customerIdentifier);
    expect(both).toHaveLength(6);
    expect(new Set(both).size).toBe(6);
    // The same names drawn again, numbered after the ones already there.
    const second = (await localCustomers()).slice(3).map((c) => c.displayName);
    expect(second).toEqual(first.map(([, name]) => name));
  });

  it.each([
    [['--customers', '-1'], '--customers'],
    [['--accounts', 'x'], '--accounts'],
    [['--random-seed', '1.5'], '--random-seed'],
  ])('%j is a usage error naming the flag (exit 2), nothing written', async (flags, flag) => {
    const result = await tango(['emulator', 'seed', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(flag);
    expect(await localCustomers()).toEqual([]);
  });
});

describe('tango emulator reset', () => {
  it('without a terminal it needs --yes: exit 2 naming it, and nothing is removed', async () => {
    await tango(['emulator', 'seed', '--customers', '2']);
    const result = await tango(['emulator', 'reset']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
    expect(await localCustomers()).toHaveLength(2);
  });

  it('--yes empties the state; the next create starts from nothing', async () => {
    await tango(['emulator', 'seed', '--customers', '2']);
    const result = await tango(['emulator', 'reset', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(await localCustomers()).toEqual([]);
    const created = await tango([
      '--env',
      'local',
      'customers',
      'create',
      '--identifier',
      'after-reset',
      '--display-name',
      'After Reset',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect((await localCustomers()).map((c) => c.customerIdentifier)).toEqual(['after-reset']);
  });

  it('--data works on a `tango emulator start --data` file; a file that is not one is refused (exit 2)', async () => {
    const file = join(config.dir, 'rehearsal.json');
    expect((await tango(['emulator', 'seed', '--data', file, '--customers', '2', '--accounts', '0'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).customers).toHaveLength(2);
    expect((await tango(['emulator', 'reset', '--data', file, '--yes'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).customers).toEqual([]);
    const other = join(config.dir, 'other.json');
    writeFileSync(other, '{"hello": 1}');
    const bad = await tango(['emulator', 'reset', '--data', other, '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--data ${other}: ${other} is not a Tango emulator data file`);
    expect(readFileSync(other, 'utf8')).toBe('{"hello": 1}');
  });
});

describe.runIf(shouldRun('tmux', 'The terminal test of tango emulator reset'))(
  'tango emulator reset at a terminal',
  () => {
    let terminal: Terminal | undefined;
    afterEach(() => terminal?.close());

    it('asks first: "n" keeps everything (exit 130), "y" removes it', async () => {
      await tango(['emulator', 'seed', '--customers', '2']);
      const env = { TANGO_CONFIG_DIR: config.dir, HOME: config.dir, PATH: process.env.PATH ?? '/usr/bin:/bin' };
      terminal = Terminal.start(['emulator', 'reset'], { env });
      await terminal.waitFor('Remove every customer and account');
      terminal.answer('n');
      expect(await terminal.exitCode()).toBe(130);
      expect(await localCustomers()).toHaveLength(2);
      terminal.close();

      terminal = Terminal.start(['emulator', 'reset'], { env });
      await terminal.waitFor('Remove every customer and account');
      terminal.answer('y');
      expect(await terminal.exitCode()).toBe(0);
      expect(await terminal.waitFor('Removed 2 customers')).toContain('Removed 2 customers');
      expect(await localCustomers()).toEqual([]);
    });
  },
);
