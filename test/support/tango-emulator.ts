/**
 * End-to-end harness: one emulator per test file, started in this process on a random loopback
 * port, and `tango(...)` running the built bin/tango.js against it as a script would: no TTY,
 * a temporary config folder, credentials from TANGO_PLATFORM_NAME/KEY.
 */
import { afterAll, beforeAll } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EmulatorClient } from './emulator-client.js';
import { type RunResult, runTango, tempConfigDir } from './tango.js';

export interface TangoOptions {
  env?: Record<string, string | undefined>;
  input?: string;
}

export interface Harness {
  tango(args: string[], options?: TangoOptions): Promise<RunResult>;
  emulator(): RunningEmulator;
  client(): EmulatorClient;
  /** Requests the emulator answered (dropped ones included) since it started. */
  requestCount(): number;
  /** The temporary config folder the runs use (a place for files a test writes). */
  configDir(): string;
}

export function useTangoWithEmulator(options: EmulatorOptions = {}): Harness {
  let running: RunningEmulator | undefined;
  let config: { dir: string; cleanup: () => void } | undefined;
  beforeAll(async () => {
    running = await startEmulator({ random: 1, ...options });
    config = tempConfigDir();
  });
  afterAll(async () => {
    await running?.close();
    config?.cleanup();
  });
  const emulator = () => {
    if (!running) throw new Error('the emulator has not started');
    return running;
  };
  return {
    emulator,
    client: () => new EmulatorClient(emulator()),
    requestCount: () => emulator().stats().total,
    configDir: () => config!.dir,
    tango: (args, extra = {}) =>
      runTango(args, {
        configDir: config!.dir,
        input: extra.input,
        env: {
          TANGO_BASE_URL: emulator().baseUrl,
          TANGO_PLATFORM_NAME: emulator().credentials.platformName,
          TANGO_PLATFORM_KEY: emulator().credentials.platformKey,
          ...extra.env,
        },
      }),
  };
}

/** Parses stdout as JSON, failing with stderr shown when the command did not succeed. */
export function json<T = unknown>(result: RunResult): T {
  if (result.code !== 0) throw new Error(`exit ${result.code}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`);
  return JSON.parse(result.stdout) as T;
}

/** The rows of a plain (non-terminal) table: header first, then one array of cells per line. */
export function tableRows(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
}
