/**
 * The emulator behind `--env local`: started inside the CLI process on a free loopback port, with
 * its state in `<configDir>/local-emulator.json` so that successive commands (and commands run in
 * parallel, each with its own embedded emulator) see the same customers and accounts.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformCredentials } from './auth.js';
import { DataFileError, startEmulator } from './server.js';

export const LOCAL_EMULATOR_FILE = 'local-emulator.json';

export interface EmbeddedEmulator {
  baseUrl: string;
  credentials: PlatformCredentials;
  /** Set when a damaged state file was moved aside: where it went. */
  movedAside?: string;
  close(): Promise<void>;
}

export async function startEmbeddedEmulator(configDir: string): Promise<EmbeddedEmulator> {
  const dataFile = join(configDir, LOCAL_EMULATOR_FILE);
  let movedAside: string | undefined;
  let emulator: Awaited<ReturnType<typeof start>>;
  try {
    emulator = await start(dataFile);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    // Local rehearsal data only: keep the damaged file for a look, and carry on with a fresh one.
    movedAside = `${dataFile}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataFile, movedAside);
    emulator = await start(dataFile);
  }
  return {
    baseUrl: emulator.baseUrl,
    credentials: emulator.credentials,
    movedAside,
    close: () => emulator.close(),
  };
}

function start(dataFile: string) {
  return startEmulator({
    host: '127.0.0.1',
    port: 0,
    dataFile,
    // A command that forgets to close it must still be able to exit.
    keepProcessAlive: false,
  });
}
