/**
 * The local Tango RaaS emulator: `startEmulator(options)` listens on loopback and answers the
 * customer and account endpoints like the real API (see docs/emulator.md).
 */
import { createServer, type Server } from 'node:http';
import { UsageError } from '../errors.js';
import type { PlatformCredentials } from './auth.js';
import { type FaultSettings, Faults } from './faults.js';
import { openFileStore } from './file-store.js';
import { controlRoutes } from './handlers/control.js';
import type { OAuthClient, ServiceAccount } from './handlers/oauth.js';
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { createRequestListener } from './pipeline.js';
import { API_BASE_PATH, apiRoutes, TOKEN_PATH, tokenRoute } from './routes.js';
import { seedState } from './seed.js';
import type { EmulatorState } from './state.js';
import { type EmulatorStats, StatsCounter } from './stats.js';
import { memoryStore, type Store } from './store.js';
import { TokenIssuer } from './tokens.js';

export type { FaultSettings } from './faults.js';
export { DataFileError } from './file-store.js';
export type { EmulatorOptions } from './options.js';
export {
  EMULATOR_DEFAULT_CREDENTIALS,
  EMULATOR_DEFAULT_OAUTH_CLIENT,
  EMULATOR_DEFAULT_SERVICE_ACCOUNT,
} from './options.js';
export type { EmulatorStats } from './stats.js';

export interface RunningEmulator {
  /** http://127.0.0.1:PORT/raas/v2 */
  baseUrl: string;
  /** http://127.0.0.1:PORT/oauth/token */
  tokenUrl: string;
  /** http://127.0.0.1:PORT/_emulator */
  controlUrl: string;
  port: number;
  /** The PRNG seed in use (pass it as `random` to replay the same faults); undefined for a custom generator. */
  randomSeed: number | undefined;
  credentials: PlatformCredentials;
  oauthClient: OAuthClient;
  serviceAccount: ServiceAccount;
  stats(): EmulatorStats;
  resetStats(): void;
  faults(): FaultSettings;
  setFaults(changes: Partial<FaultSettings>): FaultSettings;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = resolveOptions(options);
  const store = await openStore(settings);
  const faults = new Faults(settings.faults, settings.random);
  const stats = new StatsCounter();
  const tokens = new TokenIssuer(settings.oauthClient.clientId, settings.oauthClient.clientSecret, settings.now);
  let urls = urlsFor(settings.host, 0);
  const routes = [
    ...apiRoutes(settings.createAnswer),
    tokenRoute({
      client: settings.oauthClient,
      serviceAccount: settings.serviceAccount,
      tokens,
      ttlSeconds: () => settings.tokenTtlSeconds,
    }),
    ...controlRoutes({ faults, stats, addresses: () => ({ baseUrl: urls.baseUrl, tokenUrl: urls.tokenUrl }) }),
  ];
  const { credentials, now, log } = settings;
  const listener = createRequestListener({ routes, store, faults, stats, tokens, credentials, now, log });
  const server = createServer({ keepAliveTimeout: 5_000 }, listener);
  const port = await listen(server, settings).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (!settings.keepProcessAlive) server.unref();
  urls = urlsFor(settings.host, port);
  return {
    ...urls,
    port,
    randomSeed: settings.randomSeed,
    credentials: { ...settings.credentials },
    oauthClient: { ...settings.oauthClient },
    serviceAccount: { ...settings.serviceAccount },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    faults: () => faults.current(),
    setFaults: (changes) => faults.update(changes),
    close: () => closeServer(server).then(() => store.close()),
  };
}

function urlsFor(host: string, port: number): { baseUrl: string; tokenUrl: string; controlUrl: string } {
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    baseUrl: `${origin}${API_BASE_PATH}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    controlUrl: `${origin}/_emulator`,
  };
}

function openStore(settings: ResolvedOptions): Promise<Store> {
  const seedIfEmpty = (state: EmulatorState): boolean => {
    // A restart on an existing data file keeps its data rather than seeding it twice.
    if (settings.seed === 0 || !state.isEmpty) return false;
    seedState(state, {
      customers: settings.seed,
      accountsPerCustomer: settings.seedAccounts,
      random: settings.seedRandom,
      now: settings.now(),
    });
    return true;
  };
  if (settings.dataFile) return openFileStore(settings.dataFile, seedIfEmpty);
  return Promise.resolve(memoryStore(seedIfEmpty));
}

function listen(server: Server, settings: ResolvedOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new UsageError(`Cannot listen on ${settings.host}:${settings.port}: the port is already in use`));
      } else reject(error);
    });
    server.listen(settings.port, settings.host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : settings.port);
    });
  });
}

/** Stops accepting, lets answers in flight finish (for up to a second), then closes what is left. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 1_000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
