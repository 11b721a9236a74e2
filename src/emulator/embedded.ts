/**
 * The emulator behind `--env local`: started inside the CLI process on a free loopback port, with
 * its state in `<configDir>/local-emulator.json` so that successive commands (and commands run in
 * parallel, each with its own embedded emulator) see the same customers and accounts.
 */
import { join } from 'node:path';
import type { PlatformCredentials } from './auth.js';
import type { OAuthClient } from './handlers/oauth.js';
import { startEmulator } from './server.js';

export const LOCAL_EMULATOR_FILE = 'local-emulator.json';

export interface EmbeddedEmulator {
  baseUrl: string;
  /** The OAuth token endpoint, for trying the service-account login locally. */
  tokenUrl: string;
  credentials: PlatformCredentials;
  oauthClient: OAuthClient;
  close(): Promise<void>;
}

export async function startEmbeddedEmulator(configDir: string): Promise<EmbeddedEmulator> {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    dataFile: join(configDir, LOCAL_EMULATOR_FILE),
    // A command that forgets to close it must still be able to exit.
    keepProcessAlive: false,
  });
  return {
    baseUrl: emulator.baseUrl,
    tokenUrl: emulator.tokenUrl,
    credentials: emulator.credentials,
    oauthClient: emulator.oauthClient,
    close: () => emulator.close(),
  };
}
