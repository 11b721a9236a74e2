import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTango, tempConfigDir } from '../support/tango.js';

const KEY = 'sk-test-0123456789abcdef';
let config: { dir: string; cleanup: () => void };
const tango = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  runTango(args, { configDir: config.dir, ...options });

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

describe('tango auth login for scripts', () => {
  it('stores a profile from a key on stdin, in a 0600 file inside a 0700 folder', async () => {
    const nested = join(config.dir, 'nested');
    const result = await runTango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], {
      configDir: nested,
      input: `${KEY}\n`,
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // Quiet success without a terminal: a cron job that logs in mails nothing.
    expect(result.stderr).toBe('');
    const file = join(nested, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored.profiles.default).toMatchObject({ platformName: 'acme', platformKey: KEY });
  });

  it('never accepts a key without a way to read it safely', async () => {
    const result = await tango(['auth', 'login', '--platform-name', 'acme', '--no-verify']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--platform-key-stdin');
  });

  it('an empty stdin is a usage error, and nothing is stored', async () => {
    const result = await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], {
      input: '',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stdin was empty');
    const list = await tango(['config', 'list', '--json']);
    expect(JSON.parse(list.stdout).profiles).toEqual({});
  });
});

describe('tango auth status', () => {
  it('masks the key and says where each value came from', async () => {
    await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], { input: KEY });

    const table = await tango(['auth', 'status', '--no-verify']);
    const json = await tango(['auth', 'status', '--no-verify', '--json']);

    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Platform key\s+\*\*\*\*cdef \(from profile\)/);
    expect(table.stdout + table.stderr).not.toContain(KEY);
    expect(JSON.parse(json.stdout)).toMatchObject({
      profile: 'default',
      environment: 'sandbox',
      authType: 'basic',
      platformName: 'acme',
      platformKey: '****cdef',
      sources: { platformName: 'profile', platformKey: 'profile', environment: 'default' },
    });
  });

  it('environment variables beat the stored profile', async () => {
    await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], { input: KEY });

    const result = await tango(['auth', 'status', '--no-verify', '--json'], {
      env: {
        TANGO_PLATFORM_NAME: 'from-env',
        TANGO_PLATFORM_KEY: 'env-key-99999999',
        TANGO_ENV: 'production',
      },
    });

    expect(JSON.parse(result.stdout)).toMatchObject({
      platformName: 'from-env',
      platformKey: '****9999',
      environment: 'production',
      baseUrl: 'https://api.tangocard.com/raas/v2',
      sources: { platformName: 'env', environment: 'env' },
    });
  });

  it('a flag beats the environment variable', async () => {
    const result = await tango(['auth', 'status', '--no-verify', '--json', '--env', 'sandbox'], {
      env: { TANGO_ENV: 'production', TANGO_PLATFORM_NAME: 'n', TANGO_PLATFORM_KEY: 'k' },
    });

    expect(JSON.parse(result.stdout)).toMatchObject({ environment: 'sandbox', sources: { environment: 'flag' } });
  });

  it('a second profile is independent of the first', async () => {
    await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], { input: KEY });
    await tango(
      [
        'auth',
        'login',
        '--profile',
        'prod',
        '--env',
        'production',
        '--platform-name',
        'acme-prod',
        '--platform-key-stdin',
        '--no-verify',
      ],
      { input: 'prod-key-abcdef12' },
    );

    const first = JSON.parse((await tango(['auth', 'status', '--no-verify', '--json'])).stdout);
    const second = JSON.parse((await tango(['auth', 'status', '--no-verify', '--json', '--profile', 'prod'])).stdout);
    const viaEnv = JSON.parse(
      (await tango(['auth', 'status', '--no-verify', '--json'], { env: { TANGO_PROFILE: 'prod' } })).stdout,
    );

    expect(first).toMatchObject({ profile: 'default', platformName: 'acme', environment: 'sandbox' });
    expect(second).toMatchObject({
      profile: 'prod',
      platformName: 'acme-prod',
      environment: 'production',
      platformKey: '****ef12',
    });
    expect(viaEnv.profile).toBe('prod');
  });

  it('with no credentials anywhere: exit 4, naming auth login, the variables and --env local', async () => {
    const result = await tango(['auth', 'status']);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('tango auth login');
    expect(result.stderr).toContain('TANGO_PLATFORM_NAME');
    expect(result.stderr).toContain('--env local');
  });
});

describe('tango auth logout and tango config', () => {
  it('logout removes the credentials but keeps the other settings', async () => {
    await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], { input: KEY });
    await tango(['config', 'set', 'output', 'json']);

    const logout = await tango(['auth', 'logout']);
    const list = JSON.parse((await tango(['config', 'list', '--json'])).stdout);

    expect(logout.code).toBe(0);
    expect(list.profiles.default).toEqual({ output: 'json' });
  });

  it('config set checks the value and get reads it back; secrets never come from argv', async () => {
    expect((await tango(['config', 'set', 'timeout', '12'])).code).toBe(0);
    expect((await tango(['config', 'get', 'timeout'])).stdout).toBe('12\n');

    const bad = await tango(['config', 'set', 'timeout', 'soon']);
    const secret = await tango(['config', 'set', 'platform-key', KEY]);
    const unknown = await tango(['config', 'set', 'colour', 'red']);
    const unset = await tango(['config', 'get', 'rate']);

    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('timeout');
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('--platform-key-stdin');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('base-url');
    expect(unset.code).toBe(3);
  });

  it('a numeric setting has one range, as a flag and under config set', async () => {
    const flag = await tango(['--timeout', '0.5', 'config', 'path']);
    const set = await tango(['config', 'set', 'timeout', '0.5']);

    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("option '--timeout <seconds>' argument '0.5' is invalid");
    expect(flag.stderr).toContain('must be a number from 1 to 600');
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('timeout: "0.5" must be a number from 1 to 600');
  });

  it('refuses plain http to anything but loopback', async () => {
    const result = await tango(['config', 'set', 'base-url', 'http://tango.example.com/raas/v2']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('plain http:// is refused');
    expect((await tango(['config', 'set', 'base-url', 'http://127.0.0.1:9/raas/v2'])).code).toBe(0);
  });

  it('config path prints the file inside TANGO_CONFIG_DIR', async () => {
    const result = await tango(['config', 'path']);

    expect(result.stdout.trim()).toBe(join(config.dir, 'config.json'));
  });

  it('config set env on a profile with a base URL warns that the base URL wins, -q or not', async () => {
    await tango(['config', 'set', 'base-url', 'http://127.0.0.1:9/raas/v2', '-p', 'rehearsal']);
    const beside = await tango(['config', 'set', 'env', 'production', '-p', 'rehearsal', '-q']);
    const alone = await tango(['config', 'set', 'env', 'production']);

    expect(beside.code).toBe(0);
    expect(beside.stderr).toBe(
      'Warning: profile "rehearsal" also has base-url http://127.0.0.1:9/raas/v2, which wins over env; to use the env: tango config unset base-url --profile rehearsal\n',
    );
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe('');
  });
});

describe('tango help and usage errors', () => {
  it('help exit-codes prints the table', async () => {
    const result = await tango(['help', 'exit-codes']);

    expect(result.code).toBe(0);
    for (const code of ['0', '1', '2', '3', '4', '5', '6', '7', '130'])
      expect(result.stdout).toMatch(new RegExp(`^\\s+${code}\\s`, 'm'));
  });

  it('an unknown flag or a bad global value is exit 2 with no stack trace', async () => {
    const unknown = await tango(['--frobnicate']);
    const badOutput = await tango(['-o', 'xml', 'config', 'list']);

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    expect(badOutput.code).toBe(2);
    expect(badOutput.stderr).toContain('table, json, ndjson, csv');
    expect(unknown.stderr + badOutput.stderr).not.toMatch(/\n\s+at /);
  });
});
