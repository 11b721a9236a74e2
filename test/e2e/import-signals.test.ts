/**
 * Signals during an import, against the emulator: SIGTERM stops like a first Ctrl-C and exits 143;
 * a second Ctrl-C abandons the rows in flight yet still writes a final report that matches the
 * server (those rows `unknown`), and running the same command again finishes the job exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import {
  type Account,
  accountRows,
  accountsCsv,
  type EmulatorApi,
  emulatorWithCustomer,
  spawnTango,
  tangoEnv,
  waitFor,
  writeFile,
} from '../support/import.js';
import { runTango, tempConfigDir } from '../support/tango.js';

const CUSTOMER = 'acme-group';
const ROWS = 60;
let config: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(async () => {
  await emulator?.close();
  config.cleanup();
});

async function setUp(): Promise<{ api: EmulatorApi; args: string[]; env: Record<string, string>; report: string }> {
  const started = await emulatorWithCustomer(CUSTOMER);
  emulator = started.emulator;
  const file = writeFile(config.dir, 'accounts.csv', accountsCsv(accountRows(ROWS)));
  const report = join(config.dir, 'report.json');
  const args = ['accounts', 'import', CUSTOMER, '--file', file, '--report', report, '--concurrency', '4'];
  return { api: started.api, args, env: tangoEnv(config.dir, emulator), report };
}

interface ReportRow {
  accountIdentifier: string;
  outcome: string;
}

function reportRows(path: string): ReportRow[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { rows: ReportRow[] }).rows;
}

function identifiers(rows: ReportRow[], outcome: string): string[] {
  return rows.filter((row) => row.outcome === outcome).map((row) => row.accountIdentifier);
}

const onServer = async (api: EmulatorApi) =>
  new Set((await api.accounts(CUSTOMER)).map((account: Account) => account.accountIdentifier));

async function resumeFinishesExactlyOnce(
  api: EmulatorApi,
  args: string[],
  env: Record<string, string>,
  report: string,
) {
  const again = await runTango(args, { configDir: config.dir, env, timeoutMs: 60_000 });
  expect(again.code).toBe(0);
  const final = reportRows(report);
  expect(final.every((row) => row.outcome === 'created' || row.outcome === 'existed')).toBe(true);
  const accounts = await api.accounts(CUSTOMER);
  expect(accounts).toHaveLength(ROWS);
  expect(new Set(accounts.map((a) => a.accountIdentifier)).size).toBe(ROWS);
}

/** An import stopped by two Ctrl-Cs, the second while rows are surely in flight; how it ended. */
async function interruptedTwice(api: EmulatorApi, args: string[], env: Record<string, string>) {
  const run = spawnTango(args, env);
  await waitFor(() => api.creates() >= 8);
  // From now on every answer takes 30 s: the four rows being sent are surely in flight at the second Ctrl-C.
  emulator.setFaults({ latencyMs: 30_000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  let stderr = '';
  run.child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  run.child.kill('SIGINT');
  // Once the first is handled, and more than the 300 ms in which a second SIGINT counts as its echo.
  await waitFor(() => stderr.includes('finishing what is in flight'));
  await new Promise((resolve) => setTimeout(resolve, 600));
  run.child.kill('SIGINT');
  const stopped = await run.done;
  emulator.setFaults({ latencyMs: 0 });
  return stopped;
}

describe('signals during an import', () => {
  it('SIGTERM stops as a first Ctrl-C does: rows in flight finish, the report matches the server, exit 143', async () => {
    const { api, args, env, report } = await setUp();
    emulator.setFaults({ latencyMs: 20 });
    const run = spawnTango(args, env);
    await waitFor(() => api.creates() >= 8);
    run.child.kill('SIGTERM');
    const stopped = await run.done;

    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toMatch(/Terminated: \d+ of 60 rows not attempted/);
    const rows = reportRows(report);
    expect(rows.filter((row) => !['created', 'not-attempted'].includes(row.outcome))).toEqual([]);
    const created = identifiers(rows, 'created');
    expect(created.length).toBeGreaterThanOrEqual(8);
    expect([...(await onServer(api))].sort()).toEqual(created.sort());

    await resumeFinishesExactlyOnce(api, args, env, report);
  });

  it('a second Ctrl-C abandons the rows in flight, still writes the report (them unknown), exit 130; a rerun confirms them', async () => {
    const { api, args, env, report } = await setUp();
    const stopped = await interruptedTwice(api, args, env);

    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('Interrupted again; abandoning what is in flight');
    const rows = reportRows(report);
    expect(rows).toHaveLength(ROWS);
    expect(rows.filter((row) => !['created', 'unknown', 'not-attempted'].includes(row.outcome))).toEqual([]);
    const unknown = identifiers(rows, 'unknown');
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    expect(unknown.length).toBeLessThanOrEqual(4);
    // The report never claims what the server does not hold: created rows are there, rows not attempted are not.
    const server = await onServer(api);
    for (const id of identifiers(rows, 'created')) expect(server.has(id)).toBe(true);
    for (const id of identifiers(rows, 'not-attempted')) expect(server.has(id)).toBe(false);

    await resumeFinishesExactlyOnce(api, args, env, report);
  });

  it('with -o json, what each Ctrl-C does is a JSON warning line too: every stderr line is JSON, the error last', async () => {
    const { api, args, env } = await setUp();
    const stopped = await interruptedTwice(api, [...args, '-o', 'json'], env);

    expect(stopped.code).toBe(130);
    const lines = stopped.stderr.trimEnd().split('\n');
    const objects = lines.map((line) => JSON.parse(line) as Record<string, { message: string; kind?: string }>);
    const interrupted = objects
      .filter((object) => object.warning?.kind === 'interrupted')
      .map((o) => o.warning!.message);
    expect(interrupted).toEqual([
      'Interrupted; finishing what is in flight (Ctrl-C again to abandon it).',
      'Interrupted again; abandoning what is in flight (Ctrl-C again to quit at once).',
    ]);
    expect(Object.keys(objects.at(-1)!)).toEqual(['error']);
  });
});
