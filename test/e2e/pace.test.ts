import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { accountRows, accountsCsv, emulatorWithCustomer, tangoEnv, writeFile } from '../support/import.js';
import { runTango, tempConfigDir } from '../support/tango.js';

const CUSTOMER = 'paced-group';
let config: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(async () => {
  await emulator?.close();
  config.cleanup();
});

/** An import of `count` rows into a server that allows `perSecond` requests; the report and what the server saw. */
async function importUnderLimit(count: number, perSecond: number, extraArgs: string[] = []) {
  ({ emulator } = await emulatorWithCustomer(CUSTOMER));
  emulator.setFaults({ rateLimit: perSecond });
  const file = writeFile(config.dir, 'accounts.csv', accountsCsv(accountRows(count)));
  const reportPath = join(config.dir, 'report.json');
  const started = Date.now();
  const result = await runTango(
    [...extraArgs, 'accounts', 'import', CUSTOMER, '--file', file, '--report', reportPath],
    // The real backoff base, as a user has it: the test is about pacing, not about waiting less.
    {
      configDir: config.dir,
      env: { ...tangoEnv(config.dir, emulator), TANGO_RETRY_BASE_MS: undefined },
      timeoutMs: 60_000,
    },
  );
  const seconds = (Date.now() - started) / 1000;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  return { result, report, seconds, stats: emulator.stats() };
}

describe('pacing against a server that allows 1 request/s', () => {
  it('at defaults, learns the limit from the first 429s and then stays under it: no row fails', async () => {
    const { result, report, stats } = await importUnderLimit(8, 1);

    expect(result.code).toBe(0);
    expect(report.summary).toMatchObject({ created: 8, failed: 0 });
    // The four rows sent at once before anything was known meet a 429; after that, none, or a few
    // when a loaded test machine delays arrivals and then lets them go together (6 seen at load 18).
    // Without learning, every row met 429s until its retries ran out (before: rows failed, exit 6).
    expect(stats.faults.rateLimited).toBeLessThanOrEqual(7);
  }, 60_000);

  it('with --rate 1, spaces requests a little wider than 1 s, so a one-token bucket does not refuse them', async () => {
    const { result, stats, seconds } = await importUnderLimit(6, 1, ['--rate', '1']);

    expect(result.code).toBe(0);
    // Exactly 1,000 ms apart (before), a one-token bucket refused about every other request; now at
    // most two, when a loaded test machine (CI runs test files side by side) delays arrivals.
    expect(stats.faults.rateLimited).toBeLessThanOrEqual(2);
    // Seven requests (the lookup and six creates): six gaps of just over a second.
    expect(seconds).toBeGreaterThan(6);
  }, 60_000);
});
