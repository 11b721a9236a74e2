/**
 * The data file under real concurrency: ten separate processes, each running its own emulator on
 * the same file (as ten `tango --env local` commands would), all creating accounts at once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import { collectOutput } from '../support/child-output.js';
import { EmulatorClient } from '../support/emulator-client.js';

const PROCESSES = 10;
const ACCOUNTS_EACH = 3;
const CUSTOMER = 'shared-file-customer';
let dir: string;
let worker: string;

// Each worker: start an emulator on the shared file, create its accounts concurrently, report, stop.
const WORKER_SOURCE = `
const { startEmulator } = require(process.argv[2]);
const [file, worker, count, customer] = process.argv.slice(3);
(async () => {
  const emulator = await startEmulator({ dataFile: file });
  const auth = 'Basic ' + Buffer.from('tango-local:local-key').toString('base64');
  const statuses = await Promise.all(Array.from({ length: Number(count) }, (_, i) =>
    fetch(emulator.baseUrl + '/customers/' + customer + '/accounts', {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        accountIdentifier: 'worker-' + worker + '-account-' + i,
        displayName: 'Worker ' + worker + ' account ' + i,
        contactEmail: 'worker' + worker + '@example.com',
      }),
    }).then((response) => response.status)));
  await emulator.close();
  process.stdout.write(JSON.stringify(statuses));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tango-emulator-processes-'));
  // The emulator as one CommonJS file, so plain `node` child processes can load it.
  const bundle = join(dir, 'emulator.cjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, '../../src/emulator/server.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  worker = join(dir, 'worker.cjs');
  writeFileSync(worker, WORKER_SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runWorker(
  file: string,
  index: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [worker, join(dir, 'emulator.cjs'), file, String(index), String(ACCOUNTS_EACH), CUSTOMER];
  const output = collectOutput(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  const code = await output.exited;
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

describe('ten processes on one data file', () => {
  it('keeps every account each of them created, and the file parses', async () => {
    const file = join(dir, 'shared', 'state.json');
    const setup = await startEmulator({ dataFile: file });
    await new EmulatorClient(setup).post('/customers', { customerIdentifier: CUSTOMER, displayName: 'Shared file' });
    await setup.close();

    const results = await Promise.all(Array.from({ length: PROCESSES }, (_, index) => runWorker(file, index)));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(Array(ACCOUNTS_EACH).fill(201));
    }

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const identifiers = saved.accounts.map((account: { accountIdentifier: string }) => account.accountIdentifier);
    const expected = Array.from({ length: PROCESSES }, (_, w) =>
      Array.from({ length: ACCOUNTS_EACH }, (_, i) => `worker-${w}-account-${i}`),
    ).flat();
    expect([...identifiers].sort()).toEqual([...expected].sort());
    const numbers = new Set(saved.accounts.map((account: { accountNumber: string }) => account.accountNumber));
    expect(numbers.size).toBe(PROCESSES * ACCOUNTS_EACH);
    expect(readdirSync(join(dir, 'shared'))).toEqual(['state.json']);

    const reader = await startEmulator({ dataFile: file });
    try {
      const accounts = await new EmulatorClient(reader).get(`/customers/${CUSTOMER}/accounts`);
      expect(accounts.body).toHaveLength(PROCESSES * ACCOUNTS_EACH);
    } finally {
      await reader.close();
    }
  });
});
