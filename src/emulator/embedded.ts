/**
 * The emulator behind `--env local`: started inside the CLI process on a free loopback port, with
 * its state in `<configDir>/local-emulator.json` so that successive commands (and commands run in
 * parallel, each with its own embedded emulator) see the same customers and accounts.
 */
import { join } from 'node:path';
import type { PlatformCredentials } from './auth.js';
import { startEmulator } from './server.js';

export const LOCAL_EMULATOR_FILE = 'local-emulator.json';

export interface EmbeddedEmulator {
  baseUrl: string;
  credentials: PlatformCredentials;
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
    credentials: emulator.credentials,
    close: () => emulator.close(),
  };
}
