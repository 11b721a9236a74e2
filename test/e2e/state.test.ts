/**
 * `tango export`, `diff` and `apply` end to end: the built bin against the emulator, and every
 * outcome checked by reading the server directly (past its faults), not by trusting the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { LowBalanceAlertList } from '../../src/domain/alerts.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EmulatorClient } from '../support/emulator-client.js';
import { spawnTango, tangoEnv, waitFor } from '../support/import.js';
import { type RunResult, runTango, tempConfigDir } from '../support/tango.js';

interface AlertEntry {
  displayName: string;
  threshold: number;
  emails: string[];
}
interface AccountEntry {
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode: string;
  fundingEmails: string[];
  lowBalanceAlerts: AlertEntry[];
}
interface CustomerEntry {
  customerIdentifier: string;
  displayName: string;
  accounts: AccountEntry[];
}
interface StateFile {
  version: 2;
  customers: CustomerEntry[];
}

/** 3 customers, 10 accounts between them, most with alerts and funding emails; identifiers start with `prefix`. */
function platform(prefix: string): StateFile {
  const currencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'];
  const sizes = [4, 3, 3];
  let n = 0;
  return {
    version: 2,
    customers: sizes.map((size, c) => ({
      customerIdentifier: `${prefix}-client-${c + 1}`,
      displayName: `Client Group ${c + 1}`,
      accounts: Array.from({ length: size }, () => {
        n += 1;
        return {
          accountIdentifier: `${prefix}-acct-${n}`,
          displayName: `Budget number ${n}`,
          contactEmail: `owner${n}@client.example`,
          currencyCode: currencies[n % currencies.length] as string,
          fundingEmails: Array.from({ length: n % 3 }, (_, k) => `fund${n}-${k}@client.example`),
          lowBalanceAlerts: Array.from({ length: n % 3 }, (_, k) => ({
            displayName: `Alert ${k + 1} of ${n}`,
            threshold: 100 * (k + 1) + 0.5,
            emails: [`ops${n}@client.example`],
          })),
        };
      }),
    })),
  };
}

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

function writeState(name: string, state: unknown): string {
  const file = join(config.dir, name);
  writeFileSync(file, name.endsWith('.json') ? JSON.stringify(state) : stringify(state));
  return file;
}

function tango(server: RunningEmulator, args: string[], timeoutMs = 120_000): Promise<RunResult> {
  return runTango(args, {
    configDir: config.dir,
    env: { ...tangoEnv(config.dir, server), TANGO_QUIET: '0' },
    timeoutMs,
  });
}

/** What the server holds for these customers, in the state file's shape (alerts sorted by name). */
async function serverState(server: RunningEmulator, customers: readonly string[]): Promise<StateFile> {
  const faults = server.faults();
  server.setFaults({ failRate: 0, dropRate: 0, latencyMs: 0 });
  try {
    const client = new EmulatorClient(server);
    const read = async (path: string, query?: Record<string, number>) => {
      const answer = await client.get(path, query);
      expect(answer.status, path).toBe(200);
      return answer.body;
    };
    const result: StateFile = { version: 2, customers: [] };
    for (const id of customers) {
      const customer = await read(`/customers/${id}`);
      const accounts = await read(`/customers/${id}/accounts`);
      const entries: AccountEntry[] = [];
      for (const account of accounts) {
        const alerts = (await read(`/customers/${id}/accounts/${account.accountIdentifier}/lowbalance`, {
          elementsPerBlock: 200,
        })) as Required<LowBalanceAlertList>;
        entries.push({
          accountIdentifier: account.accountIdentifier,
          displayName: account.displayName,
          contactEmail: account.contactEmail,
          currencyCode: account.currencyCode,
          fundingEmails: account.fundingNotification.map((f: { emailAddress: string }) => f.emailAddress),
          lowBalanceAlerts: alerts.lowBalanceAlerts
            .map((a) => ({
              displayName: a.balanceAlertDisplayName,
              threshold: a.balanceAlertThreshold,
              emails: a.balanceAlertNotification.map((e) => e.emailAddress),
            }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
        });
      }
      result.customers.push({ customerIdentifier: id, displayName: customer.displayName, accounts: entries });
    }
    return result;
  } finally {
    server.setFaults(faults);
  }
}

/** The file as the server should hold it: alerts sorted by name, as serverState reads them. */
function expected(state: StateFile): StateFile {
  return {
    ...state,
    customers: state.customers.map((c) => ({
      ...c,
      accounts: c.accounts.map((a) => ({
        ...a,
        lowBalanceAlerts: [...a.lowBalanceAlerts].sort((x, y) => x.displayName.localeCompare(y.displayName)),
      })),
    })),
  };
}

/** An account of the file, by customer and account position. */
function accountAt(state: StateFile, customer: number, account: number): AccountEntry {
  const found = state.customers[customer]?.accounts[account];
  if (!found) throw new Error(`no account ${account} under customer ${customer}`);
  return found;
}

const ids = (state: StateFile) => state.customers.map((c) => c.customerIdentifier);

/** Requests that change something, by "METHOD route status" (dropped ones too). */
function writes(server: RunningEmulator): string[] {
  return Object.keys(server.stats().requests).filter((key) => /^(POST|PATCH|DELETE) /.test(key));
}

async function startServer(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, random: 17, ...options });
}

// Each test runs the built bin several times; on a loaded machine a run takes seconds, so the limit
// is generous: these tests check what happened, never how fast.
const SLOW = { timeout: 180_000 };

describe('tango apply on an empty platform, then edited', SLOW, () => {
  let server: RunningEmulator;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('creates 3 customers, 10 accounts and their alerts; diff then exits 0; an edited file is applied field by field', async () => {
    const state = platform('fresh');
    const file = writeState('platform.yaml', state);

    const before = await tango(server, ['diff', '-f', file]);
    expect(before.code, before.stderr).toBe(8);
    expect(before.stdout).toMatch(/^\+ customer fresh-client-1$/m);
    expect(before.stdout).toContain('Plan: 23 to create, 0 to change, 0 to delete, 0 unchanged, 0 conflicts.');

    const applied = await tango(server, ['apply', '-f', file, '--yes', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const report = JSON.parse(applied.stdout) as Array<{ resource: string; outcome: string }>;
    expect(report.filter((r) => r.outcome === 'created')).toHaveLength(23);
    expect(applied.stderr).toContain('  ✔ customer fresh-client-1 created');
    expect(applied.stderr).toContain('Applied 23 changes.');
    expect(await serverState(server, ids(state))).toEqual(expected(state));

    const again = await tango(server, ['diff', '-f', file]);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('Plan: 0 to create, 0 to change, 0 to delete, 23 unchanged, 0 conflicts.');

    // The edit a reviewer would approve: a rename, new emails, a changed threshold, an alert removed.
    const edited = structuredClone(state);
    const first = accountAt(edited, 0, 0); // fresh-acct-1: one alert
    const second = accountAt(edited, 0, 1); // fresh-acct-2: two alerts
    first.displayName = 'Budget number one, renamed';
    first.fundingEmails = ['treasury@client.example', 'cfo@client.example'];
    first.contactEmail = 'new-owner@client.example';
    (first.lowBalanceAlerts[0] as AlertEntry).threshold = 42.25;
    (first.lowBalanceAlerts[0] as AlertEntry).emails = ['night-shift@client.example', 'ops1@client.example'];
    second.lowBalanceAlerts.pop();
    const editedFile = writeState('platform.json', edited);

    const diff = await tango(server, ['diff', '-f', editedFile, '--prune-alerts']);
    expect(diff.code).toBe(8);
    expect(diff.stdout).toContain('~ account fresh-acct-1 (customer fresh-client-1)');
    expect(diff.stdout).toContain('    displayName: "Budget number 1" → "Budget number one, renamed"');
    expect(diff.stdout).toContain('    threshold: 100.5 → 42.25');
    expect(diff.stdout).toContain('- alert "Alert 2 of 2" on fresh-acct-2');
    expect(diff.stdout).toContain('Plan: 0 to create, 2 to change, 1 to delete, 20 unchanged, 0 conflicts.');

    // Without --prune-alerts the unnamed alert stays, and diff says how it would go.
    const kept = await tango(server, ['apply', '-f', editedFile, '--yes']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain(
      '= alert "Alert 2 of 2" on fresh-acct-2: not in the file; --prune-alerts would delete it',
    );
    const afterKept = await serverState(server, ids(state));
    expect(afterKept.customers[0]?.accounts[1]?.lowBalanceAlerts).toHaveLength(2);
    expect(afterKept.customers[0]?.accounts[0]).toEqual(expected(edited).customers[0]?.accounts[0]);

    const pruned = await tango(server, ['apply', '-f', editedFile, '--yes', '--prune-alerts']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stdout).toMatch(/^alert\tfresh-client-1\tfresh-acct-2\tAlert 2 of 2\tdelete\tdeleted\t$/m);
    expect(await serverState(server, ids(state))).toEqual(expected(edited));
    const settled = await tango(server, ['diff', '-f', editedFile, '--prune-alerts']);
    expect(settled.code, settled.stdout).toBe(0);
  });

  it('export then apply changes nothing: diff of the export exits 0 and apply sends no write', async () => {
    const state = platform('round');
    const setup = await tango(server, ['apply', '-f', writeState('setup.yaml', state), '--yes']);
    expect(setup.code, setup.stderr).toBe(0);

    const exported = await tango(server, ['export', ...ids(state), '-f', join(config.dir, 'export.yaml')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('Exported 3 customers, 10 accounts, 10 alerts to');
    const stdoutExport = await tango(server, ['export', ...ids(state)]);
    expect(stdoutExport.stdout).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/tango-admin@.*\/schema\/tango-state\.schema\.json\nversion: 2\n/,
    );

    const diff = await tango(server, ['diff', '-f', join(config.dir, 'export.yaml')]);
    expect(diff.code, diff.stdout).toBe(0);
    server.resetStats();
    const apply = await tango(server, ['apply', '-f', join(config.dir, 'export.yaml'), '--yes', '--prune-alerts']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toContain('No changes: the platform already matches');
    expect(writes(server)).toEqual([]);

    const json = JSON.parse((await tango(server, ['export', ...ids(state), '--json'])).stdout);
    expect(json.$schema).toMatch(/\/schema\/tango-state\.schema\.json$/);
    expect(json.customers.map((c: CustomerEntry) => c.customerIdentifier)).toEqual(ids(state));
  });

  it('a currency change is a conflict: diff exits 5, apply exits 5 and sends nothing', async () => {
    const state = platform('money');
    expect((await tango(server, ['apply', '-f', writeState('setup.yaml', state), '--yes'])).code).toBe(0);
    const changed = structuredClone(state);
    const account = accountAt(changed, 1, 0);
    account.currencyCode = account.currencyCode === 'EUR' ? 'USD' : 'EUR';
    account.displayName = 'Renamed as well';
    const file = writeState('changed.yaml', changed);

    const diff = await tango(server, ['diff', '-f', file]);
    expect(diff.code).toBe(5);
    expect(diff.stdout).toContain(
      `! account ${account.accountIdentifier} (customer money-client-2): the API cannot change an account's currency`,
    );
    expect(diff.stderr).toContain('1 change the API cannot make (marked !)');

    server.resetStats();
    const apply = await tango(server, ['apply', '-f', file, '--yes']);
    expect(apply.code).toBe(5);
    expect(apply.stderr).toContain('asks for 1 change the API cannot make; nothing was sent.');
    expect(writes(server)).toEqual([]);
    expect(await serverState(server, ids(state))).toEqual(expected(state));
  });

  it('checks the whole file before any request: every problem by its path, exit 2', async () => {
    const bad = platform('bad');
    accountAt(bad, 2, 0).contactEmail = 'ops@';
    accountAt(bad, 0, 1).lowBalanceAlerts = [{ displayName: 'Tiny', threshold: 0, emails: [] }];
    server.resetStats();
    const result = await tango(server, ['diff', '-f', writeState('bad.yaml', bad)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml has 4 problems; nothing was sent.');
    expect(result.stderr).toContain('  customers[2].accounts[0].contactEmail: must be a valid email address');
    expect(result.stderr).toContain(
      '  customers[0].accounts[1].lowBalanceAlerts[0].threshold: must be an amount greater than 0',
    );
    expect(server.stats().total).toBe(0);
  });

  it('without a terminal and without --yes, apply refuses before any request (exit 2)', async () => {
    server.resetStats();
    const result = await tango(server, ['apply', '-f', writeState('p.yaml', platform('noyes'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no terminal to ask at');
    expect(result.stderr).toContain('pass --yes');
    expect(server.stats().total).toBe(0);
  });

  it('diff --json gives every change and the counts', async () => {
    const state = platform('machine');
    const result = await tango(server, ['diff', '-f', writeState('m.yaml', state), '--json']);
    expect(result.code).toBe(8);
    const document = JSON.parse(result.stdout);
    expect(document.summary).toEqual({ create: 23, update: 0, delete: 0, unchanged: 0, conflict: 0 });
    expect(document.changes[0]).toEqual({
      resource: 'customer',
      customer: 'machine-client-1',
      action: 'create',
      fields: [{ field: 'displayName', to: 'Client Group 1' }],
    });
  });
});

describe('tango apply, interrupted and under faults', SLOW, () => {
  let server: RunningEmulator | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each([
    ['SIGINT', 130, 'Interrupted'],
    ['SIGTERM', 143, 'Terminated'],
  ] as const)(
    '%s mid-apply lets the change in flight finish, exits %i; a rerun leaves the server exactly as the file says',
    async (signal, code, word) => {
      server = await startServer({ latencyMs: 100 });
      const running = server;
      const state = platform(signal.toLowerCase());
      const file = writeState('platform.yaml', state);
      const env = { ...tangoEnv(config.dir, running), TANGO_QUIET: '0' };
      // Creates the server made: 201 for customers and accounts, 200 for alerts (as the spec lists).
      const creates = () =>
        Object.entries(running.stats().requests)
          .filter(([key]) => key.startsWith('POST ') && / 20[01]$/.test(key))
          .reduce((sum, [, count]) => sum + count, 0);

      const first = spawnTango(['apply', '-f', file, '--yes'], env, 150_000);
      await waitFor(() => creates() >= 6, 120_000);
      first.child.kill(signal);
      const interrupted = await first.done;

      expect(interrupted.code).toBe(code);
      const stopped = new RegExp(`${word}: (\\d+) of 23 changes made, \\d+ left\\.`);
      expect(interrupted.stderr).toMatch(stopped);
      const made = Number(stopped.exec(interrupted.stderr)?.[1]);
      expect(made).toBeGreaterThanOrEqual(6);
      expect(made).toBeLessThan(23);
      // The report on stdout says which were made; the server holds exactly those.
      expect(interrupted.stdout.split('\n').filter((line) => line.includes('\tcreated'))).toHaveLength(made);
      expect(creates()).toBe(made);

      running.setFaults({ latencyMs: 0 });
      const rerun = await runTango(['apply', '-f', file, '--yes'], { configDir: config.dir, env, timeoutMs: 120_000 });
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toContain(`Applied ${23 - made} changes.`);
      expect(await serverState(running, ids(state))).toEqual(expected(state));
      expect(creates()).toBe(23);
    },
  );

  it('Ctrl-C while apply reads the live state stops the reads at once and sends nothing', async () => {
    server = await startServer({ latencyMs: 400 });
    const running = server;
    const env = { ...tangoEnv(config.dir, running), TANGO_QUIET: '0' };
    // 3 customers and 10 accounts that do not exist yet: 13 reads before the first write.
    const first = spawnTango(['apply', '-f', writeState('platform.yaml', platform('early')), '--yes'], env, 150_000);
    await waitFor(() => running.stats().total >= 2, 120_000);
    first.child.kill('SIGINT');
    const interrupted = await first.done;

    expect(interrupted.code).toBe(130);
    expect(writes(running)).toEqual([]);
    expect(running.stats().total).toBeLessThan(13);
  });

  it('under 503s and dropped answers, apply converges without duplicates', async () => {
    server = await startServer({ failRate: 0.2, dropRate: 0.15, dropMode: 'mixed', random: 4242 });
    const running = server;
    const state = platform('faulty');
    const env = { ...tangoEnv(config.dir, running), TANGO_QUIET: '0' };
    const apply = (file: string, ...extra: string[]) =>
      runTango(['apply', '-f', file, '--yes', '--max-retries', '10', ...extra], {
        configDir: config.dir,
        env,
        timeoutMs: 120_000,
      });

    const first = await apply(writeState('platform.yaml', state));
    expect(first.code, first.stderr).toBe(0);
    const stats = running.stats();
    expect(stats.faults.failed).toBeGreaterThan(0);
    expect(stats.faults.dropped).toBeGreaterThan(0);
    // Creates whose answer was dropped after the server made them: the retry met 409 and was recovered.
    expect(Object.keys(stats.requests).filter((key) => /^POST .* 409$/.test(key)).length).toBeGreaterThan(0);
    // Exactly the file: every account and alert once, nothing else under the customers.
    expect(await serverState(running, ids(state))).toEqual(expected(state));

    const edited = structuredClone(state);
    accountAt(edited, 0, 0).displayName = 'Renamed under faults';
    accountAt(edited, 0, 1).lowBalanceAlerts.pop();
    const second = await apply(writeState('edited.yaml', edited), '--prune-alerts');
    expect(second.code, second.stderr).toBe(0);
    expect(await serverState(running, ids(state))).toEqual(expected(edited));
  });
});

describe('tango export: the file it writes and the customers it names', SLOW, () => {
  let server: RunningEmulator;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('--file naming a file that exists: refused before the first request, the file left as it was', async () => {
    const file = writeState('existing.yaml', { version: 2, customers: [] });
    const before = readFileSync(file, 'utf8');
    const requests = server.stats().total;

    const result = await tango(server, ['export', '--file', file]);

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${file} exists already.`);
    expect(server.stats().total).toBe(requests);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a customer named twice is written once, so applying the export changes nothing', async () => {
    const state = platform('twice');
    const applied = await tango(server, ['apply', '-f', writeState('twice.yaml', state), '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    const [id] = ids(state) as [string];
    const out = join(config.dir, 'export-twice.yaml');

    const exported = await tango(server, ['export', id, id, '--file', out]);

    expect(exported.code, exported.stderr).toBe(0);
    const written = parse(readFileSync(out, 'utf8')) as StateFile;
    expect(written.customers.map((c) => c.customerIdentifier)).toEqual([id]);
    const diff = await tango(server, ['diff', '-f', out]);
    expect(diff.code, diff.stdout + diff.stderr).toBe(0);
  });

  it.each([
    [['export', '-o', 'csv'], 'tango export cannot write -o csv: it writes -o table or -o json'],
    [['export', '-o', 'ndjson'], 'tango export cannot write -o ndjson: it writes -o table or -o json'],
    [['export', '--fields', 'displayName'], 'tango export has no --fields: it writes whole resources'],
    [
      ['export', '--json', '--file', 'out.yaml'],
      'tango export: --json (or -o json) asks for JSON, but out.yaml names YAML; name it .json',
    ],
    [
      ['diff', '-f', 'platform.yaml', '-o', 'csv'],
      'tango diff cannot write -o csv: it writes -o table or -o json or -o ndjson or -o text',
    ],
    [['diff', '-f', 'platform.yaml', '--fields', 'action'], 'tango diff has no --fields: it writes whole resources'],
  ])('an output choice it cannot honour is a usage error before any request: %j', async (args, message) => {
    const requests = server.stats().total;

    const result = await tango(server, args);

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(server.stats().total).toBe(requests);
  });
});
