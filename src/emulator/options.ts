/**
 * The emulator's options, their defaults and their rules. The `tango emulator start` flags are
 * checked with these same rules, so the flag and the option can never disagree.
 */
import { UsageError } from '../errors.js';
import type { PlatformCredentials } from './auth.js';
import { DROP_MODES, type DropMode, type FaultSettings } from './faults.js';
import type { OAuthClient } from './handlers/oauth.js';
import { createRandom, type Random } from './random.js';

export interface EmulatorOptions {
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep state in this JSON file (shared safely between processes); default: in memory. */
  dataFile?: string;
  credentials?: PlatformCredentials;
  oauthClient?: OAuthClient;
  /** Lifetime of issued bearer tokens; default 86400 (24 hours, like Tango's). */
  tokenTtlSeconds?: number;
  latencyMs?: number;
  failRate?: number;
  rateLimit?: number;
  dropRate?: number;
  dropMode?: DropMode;
  /** Create this many customers when the state is empty. */
  seed?: number;
  /** Accounts per seeded customer; default 3. */
  seedAccounts?: number;
  /** A seed for the PRNG behind faults and seeded data, or the generator itself; default: a random seed. */
  random?: number | Random;
  /** The clock for createdAt and token expiry; tests may fix it. */
  now?: () => Date;
  /** Receives one line per request: method, path, status, milliseconds, request id. */
  log?: (line: string) => void;
  /** False lets the process exit while the server still listens (the embedded emulator). */
  keepProcessAlive?: boolean;
}

export const EMULATOR_DEFAULT_CREDENTIALS: Readonly<PlatformCredentials> = Object.freeze({
  platformName: 'tango-local',
  platformKey: 'local-key',
});

export const EMULATOR_DEFAULT_OAUTH_CLIENT: Readonly<OAuthClient> = Object.freeze({
  clientId: 'local-client',
  clientSecret: 'local-secret',
});

export const DEFAULT_TOKEN_TTL_SECONDS = 86_400;
export const DEFAULT_SEED_ACCOUNTS = 3;

interface NumberRule {
  message: string;
  test(value: number): boolean;
}

const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: number) =>
    Number.isInteger(value) && value >= min && value <= max;
const share = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;

export const NUMBER_OPTION_RULES = {
  port: { message: 'must be a whole number from 0 to 65535 (0 picks a free port)', test: wholeNumber(0, 65_535) },
  latencyMs: { message: 'must be a whole number of milliseconds, 0 or more', test: wholeNumber(0, 600_000) },
  failRate: { message: 'must be a number from 0 to 1 (the share of requests answered 503)', test: share },
  dropRate: { message: 'must be a number from 0 to 1 (the share of connections dropped)', test: share },
  rateLimit: {
    message: 'must be a number of requests per second, greater than 0 (or 0 for no limit)',
    test: (value) => Number.isFinite(value) && value >= 0,
  },
  seed: { message: 'must be a whole number of customers, 0 or more', test: wholeNumber(0, 100_000) },
  seedAccounts: {
    message: 'must be a whole number of accounts per customer, 0 or more',
    test: wholeNumber(0, 1_000_000),
  },
  tokenTtlSeconds: { message: 'must be a whole number of seconds, 1 or more', test: wholeNumber(1) },
} satisfies Record<string, NumberRule>;

export type NumberOptionName = keyof typeof NUMBER_OPTION_RULES;

export const HOST_RULE =
  'must be a loopback address (127.0.0.1, localhost or ::1): the emulator is for this machine only';
export const DROP_MODE_RULE = `must be one of ${DROP_MODES.join(', ')}`;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The message of the broken rule, or undefined when the value is fine. */
export function numberOptionProblem(name: NumberOptionName, value: unknown): string | undefined {
  const rule: NumberRule = NUMBER_OPTION_RULES[name];
  return typeof value === 'number' && rule.test(value) ? undefined : rule.message;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  dataFile: string | undefined;
  credentials: PlatformCredentials;
  oauthClient: OAuthClient;
  tokenTtlSeconds: number;
  faults: FaultSettings;
  seed: number;
  seedAccounts: number;
  random: Random;
  /** A PRNG of its own for seeded data, so the data does not depend on the faults' draws. */
  seedRandom: Random;
  now: () => Date;
  log: ((line: string) => void) | undefined;
  keepProcessAlive: boolean;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new UsageError(`Emulator option host ${HOST_RULE} (got ${host})`);
  const numbers = {
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    failRate: options.failRate ?? 0,
    dropRate: options.dropRate ?? 0,
    rateLimit: options.rateLimit ?? 0,
    seed: options.seed ?? 0,
    seedAccounts: options.seedAccounts ?? DEFAULT_SEED_ACCOUNTS,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
  };
  for (const [name, value] of Object.entries(numbers)) {
    const problem = numberOptionProblem(name as NumberOptionName, value);
    if (problem) throw new UsageError(`Emulator option ${name} ${problem} (got ${value})`);
  }
  const dropMode = options.dropMode ?? 'mixed';
  if (!DROP_MODES.includes(dropMode)) throw new UsageError(`Emulator option dropMode ${DROP_MODE_RULE}`);
  const seedNumber = typeof options.random === 'number' ? options.random : undefined;
  const random = typeof options.random === 'function' ? options.random : createRandom(seedNumber ?? randomSeed());
  return {
    host,
    ...numbers,
    dataFile: options.dataFile,
    credentials: { ...(options.credentials ?? EMULATOR_DEFAULT_CREDENTIALS) },
    oauthClient: { ...(options.oauthClient ?? EMULATOR_DEFAULT_OAUTH_CLIENT) },
    faults: {
      latencyMs: numbers.latencyMs,
      failRate: numbers.failRate,
      dropRate: numbers.dropRate,
      rateLimit: numbers.rateLimit,
      dropMode,
    },
    random,
    seedRandom: createRandom(seedNumber ?? 20_250_221),
    now: options.now ?? (() => new Date()),
    log: options.log,
    keepProcessAlive: options.keepProcessAlive ?? true,
  };
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
