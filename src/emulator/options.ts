/**
 * The emulator's options and their defaults, checked with the rules of option-rules.ts (the same
 * ones the `tango emulator start` flags use, so a flag and its option can never disagree).
 */
import { isLoopbackHost } from '../config/environments.js';
import { UsageError } from '../errors.js';
import type { PlatformCredentials } from './auth.js';
import type { FaultSettings } from './faults.js';
import type { OAuthClient, ServiceAccount } from './handlers/oauth.js';
import {
  CREATE_ANSWER_RULE,
  CREATE_ANSWERS,
  type CreateAnswer,
  DROP_MODE_RULE,
  DROP_MODES,
  type DropMode,
  HOST_RULE,
  type NumberOptionName,
  numberOptionProblem,
} from './option-rules.js';
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
  /** The service account the token endpoint's password grant must name. */
  serviceAccount?: ServiceAccount;
  /** Lifetime of 24-hour-audience bearer tokens; default 86400 (the 5-minute audience gets 300). */
  tokenTtlSeconds?: number;
  /** What POST /customers and POST /customers/{c}/accounts answer; default `documented` (see option-rules.ts). */
  createAnswer?: CreateAnswer;
  latencyMs?: number;
  failRate?: number;
  rateLimit?: number;
  dropRate?: number;
  dropMode?: DropMode;
  /** Create this many customers when the state is empty. */
  seed?: number;
  /** Accounts per seeded customer; default 3. */
  seedAccounts?: number;
  /** A seed for the PRNG behind the faults, or the generator itself; default: a fresh random seed. */
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

export const EMULATOR_DEFAULT_SERVICE_ACCOUNT: Readonly<ServiceAccount> = Object.freeze({
  username: 'local-service-account',
  password: 'local-password',
});

export const DEFAULT_TOKEN_TTL_SECONDS = 86_400;
export const DEFAULT_SEED_ACCOUNTS = 3;
const SAMPLE_DATA_SEED = 20_250_221;

export interface ResolvedOptions {
  host: string;
  port: number;
  dataFile: string | undefined;
  credentials: PlatformCredentials;
  oauthClient: OAuthClient;
  serviceAccount: ServiceAccount;
  tokenTtlSeconds: number;
  createAnswer: CreateAnswer;
  faults: FaultSettings;
  seed: number;
  seedAccounts: number;
  random: Random;
  /** The seed behind `random`, so a run can be replayed; undefined when a generator was given. */
  randomSeed: number | undefined;
  /** A PRNG of its own for sample data: the same data on every start, whatever the faults draw. */
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
  const createAnswer = options.createAnswer ?? 'documented';
  if (!CREATE_ANSWERS.includes(createAnswer)) {
    throw new UsageError(`Emulator option createAnswer ${CREATE_ANSWER_RULE} (got ${createAnswer})`);
  }
  const seedNumber = typeof options.random === 'number' ? options.random : undefined;
  const seedProblem = seedNumber === undefined ? undefined : numberOptionProblem('randomSeed', seedNumber);
  if (seedProblem) throw new UsageError(`Emulator option random ${seedProblem} (got ${seedNumber})`);
  const randomSeed = typeof options.random === 'function' ? undefined : (seedNumber ?? freshSeed());
  const random = typeof options.random === 'function' ? options.random : createRandom(randomSeed!);
  return {
    host,
    ...numbers,
    dataFile: options.dataFile,
    createAnswer,
    credentials: { ...(options.credentials ?? EMULATOR_DEFAULT_CREDENTIALS) },
    oauthClient: { ...(options.oauthClient ?? EMULATOR_DEFAULT_OAUTH_CLIENT) },
    serviceAccount: { ...(options.serviceAccount ?? EMULATOR_DEFAULT_SERVICE_ACCOUNT) },
    faults: {
      latencyMs: numbers.latencyMs,
      failRate: numbers.failRate,
      dropRate: numbers.dropRate,
      rateLimit: numbers.rateLimit,
      dropMode,
    },
    random,
    randomSeed,
    seedRandom: createRandom(SAMPLE_DATA_SEED),
    now: options.now ?? (() => new Date()),
    log: options.log,
    keepProcessAlive: options.keepProcessAlive ?? true,
  };
}

function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
