/**
 * For the import end-to-end tests: an emulator with faults on a random port, a customer in it,
 * account files of any size, and the built bin run as a child that a test can interrupt.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { collectOutput } from './child-output.js';
import { basicAuth } from './emulator-client.js';
import { BIN, baseEnv, type RunResult } from './tango.js';

export interface Account {
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode: string;
  fundingNotification: Array<{ emailAddress: string }>;
}

export async function emulatorWithCustomer(
  customer: string,
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; api: EmulatorApi }> {
  const emulator = await startEmulator({ port: 0, random: 20_250_221, ...options });
  const api = new EmulatorApi(emulator);
  await api.createCustomer(customer);
  return { emulator, api };
}

/** Straight to the emulator, past its faults, to see what the CLI really did. */
export class EmulatorApi {
  constructor(readonly emulator: RunningEmulator) {}

  async createCustomer(customer: string): Promise<void> {
    const faults = this.emulator.faults();
    this.emulator.setFaults({ failRate: 0, dropRate: 0 });
    await this.request('POST', '/customers', { customerIdentifier: customer, displayName: `Customer ${customer}` });
    this.emulator.setFaults(faults);
  }

  /** Every account of the customer, with faults off for the duration. */
  async accounts(customer: string): Promise<Account[]> {
    const faults = this.emulator.faults();
    this.emulator.setFaults({ failRate: 0, dropRate: 0, latencyMs: 0 });
    try {
      return (await this.request('GET', `/customers/${customer}/accounts`)) as Account[];
    } finally {
      this.emulator.setFaults(faults);
    }
  }

  /** How many creates the emulator answered 201 (a create whose answer was dropped is not counted). */
  creates(): number {
    return Object.entries(this.emulator.stats().requests)
      .filter(([key]) => key.startsWith('POST ') && key.endsWith('/accounts 201'))
      .reduce((sum, [, count]) => sum + count, 0);
  }

  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const { platformName, platformKey } = this.emulator.credentials;
    const response = await fetch(`${this.emulator.baseUrl}${path}`, {
      method,
      headers: {
        authorization: basicAuth(platformName, platformKey),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

/** Rows whose values vary: currencies, none to three funding emails, a comma in some names. */
export function accountRows(count: number, prefix = 'acct'): Account[] {
  const currencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'];
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      accountIdentifier: `${prefix}-${String(n).padStart(5, '0')}`,
      displayName: n % 7 === 0 ? `Team ${n}, Rewards` : `Team ${n}`,
      contactEmail: `owner${n}@example.com`,
      currencyCode: currencies[n % currencies.length] as string,
      fundingNotification: Array.from({ length: n % 4 }, (_, k) => ({ emailAddress: `fund${n}-${k}@example.com` })),
    };
  });
}

/** The CSV a person would write: the create flags' names, emails joined with ";". */
export function accountsCsv(rows: Account[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = rows.map((row) =>
    [
      row.accountIdentifier,
      row.displayName,
      row.contactEmail,
      row.currencyCode,
      row.fundingNotification.map((f) => f.emailAddress).join(';'),
    ]
      .map(quote)
      .join(','),
  );
  return `identifier,displayName,contactEmail,currency,fundingEmails\n${lines.join('\n')}\n`;
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export function tangoEnv(configDir: string, emulator: RunningEmulator): Record<string, string> {
  return {
    ...baseEnv(configDir),
    TANGO_BASE_URL: emulator.baseUrl,
    TANGO_PLATFORM_NAME: emulator.credentials.platformName,
    TANGO_PLATFORM_KEY: emulator.credentials.platformKey,
    // Backoff of a few ms: the emulator's faults are instant, the test need not wait like a real client.
    TANGO_RETRY_BASE_MS: '3',
  };
}

/** The built bin as a child the test holds, so it can send signals; `done` settles when it exits. */
export function spawnTango(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = output.exited.then((code) => {
    clearTimeout(timer);
    return { code, signal: child.signalCode, stdout: output.stdout(), stderr: output.stderr() };
  });
  return { child, done };
}

export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
