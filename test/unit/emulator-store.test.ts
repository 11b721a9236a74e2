/** State in a data file: survives restarts, shared between emulators, never torn, never misread. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_EMULATOR_FILE, startEmbeddedEmulator } from '../../src/emulator/embedded.js';
import { DataFileError, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EmulatorClient, newAccountBody, newCustomerBody } from '../support/emulator-client.js';

let dir: string;
let file: string;
const running: RunningEmulator[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tango-emulator-store-'));
  file = join(dir, 'nested', 'state.json');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<EmulatorClient> {
  const emulator = await startEmulator({ dataFile: file, ...options });
  running.push(emulator);
  return new EmulatorClient(emulator);
}

describe('dataFile', () => {
  it('creates the file (and its folder) at once and keeps state across restarts', async () => {
    const first = await start();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'tango-emulator/1', customers: [] });
    const customer = newCustomerBody();
    await first.post('/customers', customer);
    await first.emulator.close();
    const second = await start();
    expect((await second.get(`/customers/${customer.customerIdentifier}`)).status).toBe(200);
  });

  it('lets two emulators on one file see each other’s writes', async () => {
    const one = await start();
    const two = await start();
    const customer = newCustomerBody();
    await one.post('/customers', customer);
    const account = newAccountBody();
    expect((await two.post(`/customers/${customer.customerIdentifier}/accounts`, account)).status).toBe(201);
    expect((await one.get(`/accounts/${account.accountIdentifier}`)).status).toBe(200);
    // A duplicate is caught across emulators too.
    expect((await one.post(`/customers/${customer.customerIdentifier}/accounts`, account)).status).toBe(409);
  });

  it('loses no write when two emulators write at the same time, and leaves no temp files', async () => {
    const one = await start();
    const two = await start();
    const customer = newCustomerBody();
    await one.post('/customers', customer);
    const path = `/customers/${customer.customerIdentifier}/accounts`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).post(path, newAccountBody(`both-${i}-${process.pid}`))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.accounts).toHaveLength(40);
    expect(new Set(saved.accounts.map((account: { accountNumber: string }) => account.accountNumber)).size).toBe(40);
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['state.json']);
  });

  it('seeds an empty file once, not again on restart', async () => {
    const first = await start({ seed: 2, seedAccounts: 2 });
    expect((await first.get('/accounts')).body).toHaveLength(4);
    await first.emulator.close();
    const second = await start({ seed: 2, seedAccounts: 2 });
    expect((await second.get('/accounts')).body).toHaveLength(4);
  });

  it('treats an empty file as no data yet', async () => {
    const client = await start();
    await client.emulator.close();
    writeFileSync(file, '');
    const again = await start();
    expect((await again.get('/customers')).body).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format":', 'is not valid JSON'],
    ['another JSON file', '{"profiles": {}}', 'is not a Tango emulator data file'],
  ])('refuses a file that is %s, leaving it untouched', async (_name, content, message) => {
    await start().then((client) => client.emulator.close());
    writeFileSync(file, content);
    const error = await startEmulator({ dataFile: file }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(message);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('starts from nothing when the file is deleted while running', async () => {
    const client = await start();
    await client.post('/customers', newCustomerBody());
    unlinkSync(file);
    expect((await client.get('/customers')).body).toEqual([]);
    await client.post('/customers', newCustomerBody());
    expect(JSON.parse(readFileSync(file, 'utf8')).customers).toHaveLength(1);
  });

  it('answers 500 with an ErrorInfo body when the file turns bad under it, and recovers', async () => {
    const client = await start();
    writeFileSync(file, 'garbage');
    const answer = await client.get('/customers');
    expect(answer.status).toBe(500);
    expect(answer.body.message).toContain('is not valid JSON');
    writeFileSync(file, '');
    expect((await client.get('/customers')).status).toBe(200);
  });
});

describe('startEmbeddedEmulator', () => {
  it('keeps its state in <configDir>/local-emulator.json with the default credentials', async () => {
    const embedded = await startEmbeddedEmulator(dir);
    try {
      expect(embedded.credentials).toEqual({ platformName: 'tango-local', platformKey: 'local-key' });
      expect(embedded.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/raas\/v2$/);
      const auth = `Basic ${Buffer.from('tango-local:local-key').toString('base64')}`;
      const response = await fetch(`${embedded.baseUrl}/customers`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(newCustomerBody('embedded-customer')),
      });
      expect(response.status).toBe(201);
      expect(existsSync(join(dir, LOCAL_EMULATOR_FILE))).toBe(true);
    } finally {
      await embedded.close();
    }
    const again = await startEmbeddedEmulator(dir);
    try {
      const auth = `Basic ${Buffer.from('tango-local:local-key').toString('base64')}`;
      const response = await fetch(`${again.baseUrl}/customers/embedded-customer`, {
        headers: { authorization: auth },
      });
      expect(response.status).toBe(200);
    } finally {
      await again.close();
    }
  });
});
