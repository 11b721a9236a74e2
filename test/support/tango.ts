/**
 * Runs the built bin/tango.js as a child process, the way a user or a cron script would:
 * no TTY, its own temporary config folder, and only the environment the test gives it.
 * The child runs on process.execPath, never a `node` from PATH: CI runs the suite on Node 20, 22
 * and 24 in turn, and each line's tango must run on that line's Node.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO_ROOT, 'bin/tango.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
  /** Another tango to run than `node bin/tango.js`: the single executable (npm run build:binary). */
  executable?: string;
}

/** A minimal, predictable environment: nothing from the developer's own shell leaks in. */
export function baseEnv(configDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: configDir,
    TANGO_CONFIG_DIR: configDir,
    NO_COLOR: '1',
    TANGO_RETRY_BASE_MS: '20',
  };
}

export function runTango(args: string[], options: RunOptions & { configDir: string }): Promise<RunResult> {
  const env = { ...baseEnv(options.configDir), ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolvePromise, reject) => {
    const [command, argv] = options.executable ? [options.executable, args] : [process.execPath, [BIN, ...args]];
    const child = spawn(command, argv, { env: env as NodeJS.ProcessEnv, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    // A command that exits before reading its input (a usage error) closes the pipe first: not a failure.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh config folder per test file; `cleanup` removes it. */
export function tempConfigDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tango-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
