/** The built `tango emulator start` as a user runs it: a child process, stopped by a signal. */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectOutput } from '../support/child-output.js';
import { BIN, baseEnv, REPO_ROOT, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

/** Starts the server, waits for the URL on stdout, and gives a way to stop it. */
function startServer(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', 'start', ...args], {
    env: baseEnv(config.dir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (output.stdout().includes('\n')) resolve(output.stdout().trim());
    });
    child.on('close', () => reject(new Error(`exited before printing a URL: ${output.stderr()}`)));
  });
  return { url, child, exited: output.exited, output: () => ({ stdout: output.stdout(), stderr: output.stderr() }) };
}

describe('tango emulator start (built)', () => {
  it('serves the API until SIGTERM, with the URL alone on stdout and the request log on stderr', async () => {
    const server = startServer(['--seed', '1', '--seed-accounts', '2']);
    const baseUrl = await server.url;
    const response = await fetch(`${baseUrl}/accounts`, {
      headers: { authorization: `Basic ${Buffer.from('tango-local:local-key').toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
    server.child.kill('SIGTERM');
    await server.exited;
    const { stdout, stderr } = server.output();
    expect(stdout).toBe(`${baseUrl}\n`);
    expect(stderr).toMatch(/GET \/raas\/v2\/accounts 200 \d+ms/);
    expect(stderr).toContain('Stopping the emulator.');
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 with the flag and its rule for a bad value, without a stack trace', () => {
    const result = spawnSync(process.execPath, [BIN, 'emulator', 'start', '--fail-rate', '3'], {
      env: baseEnv(config.dir),
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("option '--fail-rate <0..1>' argument '3' is invalid");
    expect(result.stderr).toContain('from 0 to 1');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('ends its help with examples, and --help loads neither the emulator nor its lock package', () => {
    const log = join(config.dir, 'imports.log');
    const result = spawnSync(
      process.execPath,
      ['--import', join(REPO_ROOT, 'test/support/record-imports.mjs'), BIN, 'emulator', 'start', '--help'],
      { env: { ...baseEnv(config.dir), TANGO_IMPORT_LOG: log }, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n(.*\n)*\s+\$ tango emulator start/);
    const urls = readFileSync(log, 'utf8');
    expect(urls).not.toContain('proper-lockfile');
    // Whichever chunk holds the emulator's code (found by a string only it contains) stayed unloaded.
    const chunks = join(REPO_ROOT, 'dist/chunks');
    const emulatorChunks = readdirSync(chunks).filter(
      (name) => name.endsWith('.js') && readFileSync(join(chunks, name), 'utf8').includes('tango-emulator/1'),
    );
    expect(emulatorChunks.length).toBeGreaterThan(0);
    for (const chunk of emulatorChunks) expect(urls).not.toContain(chunk);
  });

  it('--env local runs the embedded emulator with its state in the config folder', () => {
    const result = spawnSync(process.execPath, [BIN, '--env', 'local', 'auth', 'status', '--json'], {
      env: baseEnv(config.dir),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ environment: 'local', verified: true });
    const saved = JSON.parse(readFileSync(join(config.dir, 'local-emulator.json'), 'utf8'));
    expect(saved.format).toBe('tango-emulator/1');
  });
});
