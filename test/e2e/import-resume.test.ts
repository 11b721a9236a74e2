import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import {
  accountRows,
  accountsCsv,
  emulatorWithCustomer,
  spawnTango,
  tangoEnv,
  waitFor,
  writeFile,
} from '../support/import.js';
import { runTango, tempConfigDir } from '../support/tango.js';

const CUSTOMER = 'acme-group';
let config: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(async () => {
  await emulator?.close();
  config.cleanup();
});

describe('tango accounts import, interrupted and run again', () => {
  it('on Ctrl-C finishes the rows in flight, writes the report, exits 130; the same command then finishes the job', async () => {
    const started = await emulatorWithCustomer(CUSTOMER, { latencyMs: 20, failRate: 0.1 });
    emulator = started.emulator;
    const rows = accountRows(300);
    const file = writeFile(config.dir, 'accounts.csv', accountsCsv(rows));
    const reportPath = join(config.dir, 'report.csv');
    const args = ['accounts', 'import', CUSTOMER, '--file', file, '--report', reportPath, '--max-retries', '10'];
    const env = tangoEnv(config.dir, emulator);

    const first = spawnTango(args, env);
    await waitFor(() => started.api.creates() >= 40);
    first.child.kill('SIGINT');
    const interrupted = await first.done;

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('Interrupted; finishing what is in flight');
    expect(interrupted.stderr).toMatch(/Interrupted: \d+ of 300 rows not attempted/);
    const partial = csvOutcomes(reportPath);
    const createdFirst = partial.filter((outcome) => outcome === 'created').length;
    expect(partial).toHaveLength(300);
    expect(createdFirst).toBeGreaterThanOrEqual(40);
    expect(createdFirst).toBeLessThan(300);
    expect(partial.filter((outcome) => outcome !== 'created' && outcome !== 'not-attempted')).toEqual([]);
    // Rows in flight were finished and reported, not abandoned: the server holds exactly what the report says.
    expect(await started.api.accounts(CUSTOMER)).toHaveLength(createdFirst);

    const second = await runTango(args, { configDir: config.dir, env, timeoutMs: 60_000 });

    expect(second.code).toBe(0);
    const final = csvOutcomes(reportPath);
    expect(final.filter((outcome) => outcome === 'existed')).toHaveLength(createdFirst);
    expect(final.filter((outcome) => outcome === 'created')).toHaveLength(300 - createdFirst);
    expect(final.slice(0, createdFirst).every((outcome) => outcome === 'existed')).toBe(true);
    expect(await started.api.accounts(CUSTOMER)).toHaveLength(300);
  });
});

/** The outcome column of a CSV report, in row order. */
function csvOutcomes(path: string): string[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\r\n');
  const column = (header ?? '').split(',').indexOf('outcome');
  return lines.map((line) => line.split(',')[column] as string);
}
