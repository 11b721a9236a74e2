/**
 * The emulator, started in the test process on a random port, and a way to read back exactly
 * what it holds, so onboarding tests check the server's state rather than the CLI's word.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { fundingEmails } from '../../src/domain/funding-emails.js';
import type { Account } from '../../src/domain/types.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EmulatorClient } from './emulator-client.js';
import { baseEnv, type RunOptions, type RunResult, runTango, tempConfigDir } from './tango.js';

export async function startServer(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, seed: 0 });
}

/** The environment a tango process needs to reach this emulator (and nothing else). */
export function tangoEnv(server: RunningEmulator, configDir: string): Record<string, string> {
  return {
    ...baseEnv(configDir),
    TANGO_BASE_URL: server.baseUrl,
    TANGO_PLATFORM_NAME: server.credentials.platformName,
    TANGO_PLATFORM_KEY: server.credentials.platformKey,
  };
}

export interface OnboardWorld {
  /** This test's emulator, fresh and empty. */
  readonly server: RunningEmulator;
  /** This test's config folder (also where plan files are written). */
  readonly configDir: string;
  /** Writes `plan` as JSON into the config folder; its path. */
  planFile(plan: unknown, name?: string): string;
  /** The built tango against this emulator: `env` adds to (or, with undefined, removes from) tangoEnv. */
  tango(args: string[], options?: Pick<RunOptions, 'env' | 'input'>): Promise<RunResult>;
}

/**
 * For each test, a fresh emulator on a random port and a fresh config folder, closed and removed
 * after it. `env` is added to every run (TANGO_QUIET=0 for tests that read progress lines).
 */
export function useOnboardWorld(env: Record<string, string> = {}): OnboardWorld {
  let server: RunningEmulator | undefined;
  let config: { dir: string; cleanup: () => void } | undefined;
  beforeEach(async () => {
    server = await startServer();
    config = tempConfigDir();
  });
  afterEach(async () => {
    await server?.close();
    config?.cleanup();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOnboardWorld() values exist only inside a test');
    return value;
  };
  const world: OnboardWorld = {
    get server() {
      return need(server);
    },
    get configDir() {
      return need(config).dir;
    },
    planFile(plan, name = 'plan.json') {
      const file = join(world.configDir, name);
      writeFileSync(file, JSON.stringify(plan));
      return file;
    },
    tango(args, options = {}) {
      return runTango(args, {
        configDir: world.configDir,
        env: { ...tangoEnv(world.server, world.configDir), ...env, ...options.env },
        input: options.input,
      });
    },
  };
  return world;
}

async function get<T>(server: RunningEmulator, path: string): Promise<T> {
  const answer = await new EmulatorClient(server).get<T>(path);
  if (answer.status !== 200) throw new Error(`GET ${path}: HTTP ${answer.status}`);
  return answer.body;
}

export interface StoredCustomer {
  customerIdentifier: string;
  displayName: string;
  accounts: Array<
    Pick<Account, 'accountIdentifier' | 'displayName' | 'contactEmail' | 'currencyCode'> & {
      fundingEmails: string[];
    }
  >;
}

/** Every customer with every account in full, sorted, in a shape easy to compare. */
export async function serverState(server: RunningEmulator): Promise<StoredCustomer[]> {
  const customers = await get<Array<{ customerIdentifier: string; displayName: string; accounts: Account[] }>>(
    server,
    '/customers',
  );
  const state: StoredCustomer[] = [];
  for (const customer of customers) {
    const accounts = [];
    for (const summary of customer.accounts) {
      const account = await get<Account>(server, `/accounts/${encodeURIComponent(summary.accountIdentifier)}`);
      accounts.push({
        accountIdentifier: account.accountIdentifier,
        displayName: account.displayName,
        contactEmail: account.contactEmail,
        currencyCode: account.currencyCode,
        fundingEmails: fundingEmails(account.fundingNotification),
      });
    }
    accounts.sort((a, b) => a.accountIdentifier.localeCompare(b.accountIdentifier));
    state.push({ customerIdentifier: customer.customerIdentifier, displayName: customer.displayName, accounts });
  }
  return state.sort((a, b) => a.customerIdentifier.localeCompare(b.customerIdentifier));
}

/** Requests that changed something (anything but GET), from the emulator's own count. */
export function writes(server: RunningEmulator): string[] {
  return Object.keys(server.stats().requests).filter((key) => !key.startsWith('GET '));
}
