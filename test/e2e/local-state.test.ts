/** The config folder and the embedded emulator's state under stress: many writers, damaged files, loose modes. */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTango, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

const tango = (args: string[], input?: string) => runTango(args, { configDir: config.dir, input, timeoutMs: 60_000 });
const stored = () => JSON.parse(readFileSync(join(config.dir, 'config.json'), 'utf8')).profiles;

describe('concurrent profile writers', () => {
  it('20 config set and 20 auth login at once, for 40 profiles: all 40 are kept', async () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? tango(['config', 'set', 'timeout', String(10 + i), '--profile', `setter-${i}`])
        : tango(
            [
              'auth',
              'login',
              '--profile',
              `login-${i}`,
              '--platform-name',
              `platform-${i}`,
              '--platform-key-stdin',
              '--no-verify',
            ],
            `key-${i}\n`,
          ),
    );
    const results = await Promise.all(runs);

    for (const result of results) expect(result.stderr).not.toContain('Error');
    expect(results.map((r) => r.code)).toEqual(Array(40).fill(0));
    const profiles = stored();
    expect(Object.keys(profiles)).toHaveLength(40);
    expect(profiles['setter-0']).toEqual({ timeout: 10 });
    expect(profiles['login-1']).toMatchObject({ platformName: 'platform-1', platformKey: 'key-1' });
  }, 90_000);
});

describe('a damaged config.json', () => {
  it('is exit 2 with its path and what to do, and is left as it was', async () => {
    const file = join(config.dir, 'config.json');
    writeFileSync(file, '{"profiles": {"default": {"env": "sand');
    const result = await tango(['config', 'list']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The config file ${file} is damaged`);
    expect(result.stderr).toContain('tango auth login');
    expect(result.stderr).not.toMatch(/SyntaxError|at JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"profiles": {"default": {"env": "sand');
  });
});

describe('auth login beside a damaged config.json', () => {
  const login = (profile: string) =>
    tango(
      ['auth', 'login', '--profile', profile, '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'],
      'fresh-key\n',
    );
  const aside = () => readdirSync(config.dir).filter((name) => name.startsWith('config.json.corrupt-'));

  it('moves it aside as config.json.corrupt-<time>, says so, keeps the profiles it can read and stores the new one', async () => {
    const file = join(config.dir, 'config.json');
    // Cut short in the third profile, as a full disk would leave it.
    const damaged =
      '{\n\t"profiles": {\n\t\t"prod": {"env": "production", "platformName": "p", "platformKey": "pk-1"},\n' +
      '\t\t"stage": {"baseUrl": "https://stage.example/raas/v2", "timeout": 12},\n\t\t"cut": {"env": "sand';
    writeFileSync(file, damaged);
    const result = await login('default');

    expect(result.code).toBe(0);
    expect(aside()).toHaveLength(1);
    const moved = join(config.dir, aside()[0]!);
    expect(readFileSync(moved, 'utf8')).toBe(damaged);
    expect(result.stderr).toContain(`The config file ${file} was damaged`);
    expect(result.stderr).toContain(`moved it aside to ${moved} and kept the profiles it could read: prod, stage`);
    expect(stored()).toEqual({
      prod: { env: 'production', platformName: 'p', platformKey: 'pk-1' },
      stage: { baseUrl: 'https://stage.example/raas/v2', timeout: 12 },
      default: { platformName: 'acme', platformKey: 'fresh-key' },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The file is whole again: other commands read it.
    expect((await tango(['config', 'get', 'timeout', '--profile', 'stage'])).stdout).toBe('12\n');
  });

  it('with nothing readable in it, starts a fresh file with the new profile and says none was kept', async () => {
    writeFileSync(join(config.dir, 'config.json'), '\u0000\u0000garbage');
    const result = await login('work');

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no profile in it could be read');
    expect(Object.keys(stored())).toEqual(['work']);
    expect(aside()).toHaveLength(1);
  });

  it('a readable file is left alone: no warning, nothing moved', async () => {
    await tango(['config', 'set', 'timeout', '5', '--profile', 'other']);
    const result = await login('default');

    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('damaged');
    expect(aside()).toEqual([]);
    expect(Object.keys(stored()).sort()).toEqual(['default', 'other']);
  });
});

describe('a damaged local-emulator.json', () => {
  it('is moved aside as local-emulator.json.corrupt-<time> and a fresh emulator starts, saying so', async () => {
    writeFileSync(join(config.dir, 'local-emulator.json'), '{"customers": [');
    const result = await tango(['--env', 'local', 'customers', 'list', '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    const aside = readdirSync(config.dir).filter((name) => name.startsWith('local-emulator.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(config.dir, aside[0]!), 'utf8')).toBe('{"customers": [');
    expect(result.stderr).toContain(`moved aside to ${join(config.dir, aside[0]!)}`);
  });
});

describe('the config folder', () => {
  it('is created 0700, and one open to group or world is tightened before a secret is written', async () => {
    const nested = join(config.dir, 'nested');
    const created = await runTango(['config', 'set', 'timeout', '5'], {
      configDir: config.dir,
      env: { TANGO_CONFIG_DIR: nested },
    });
    expect(created.code).toBe(0);
    expect(statSync(nested).mode & 0o777).toBe(0o700);

    chmodSync(config.dir, 0o755);
    const login = await tango(
      ['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'],
      'secret-key\n',
    );
    expect(login.code).toBe(0);
    expect(statSync(config.dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(config.dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(config.dir, 'config.json.lock'))).toBe(false);
  });
});

describe('--env local apply', () => {
  it('says the local-emulator banner once, though apply reads and writes with two clients', async () => {
    const file = join(config.dir, 'local.yaml');
    writeFileSync(file, 'version: 2\ncustomers:\n  - customerIdentifier: local-co\n    displayName: Local Company\n');

    const result = await runTango(['--env', 'local', 'apply', '-f', file, '--yes'], {
      configDir: config.dir,
      env: { TANGO_QUIET: '0' },
      timeoutMs: 60_000,
    });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/Local emulator at /g)).toHaveLength(1);
    expect(result.stderr).toContain('customer local-co created');
  });
});

describe('a hand-edited config.json with a bad value', () => {
  const LIST = ['customers', 'list'];
  const LOCAL_LIST = ['--env', 'local', 'customers', 'list'];
  it.each<[Record<string, unknown>, string, string[], number]>([
    [{ baseUrl: '' }, 'base-url', LIST, 4],
    [{ baseUrl: 'ftp://files.example' }, 'base-url', LIST, 4],
    [{ env: 'staging' }, 'env', LIST, 4],
    [{ output: 'xml' }, 'output', LOCAL_LIST, 0],
    [{ output: '' }, 'output', LOCAL_LIST, 0],
    [{ timeout: 'abc' }, 'timeout', LOCAL_LIST, 0],
    [{ timeout: 0 }, 'timeout', LOCAL_LIST, 0],
    [{ maxRetries: 'x' }, 'max-retries', LOCAL_LIST, 0],
    [{ rate: -1 }, 'rate', LOCAL_LIST, 0],
  ])(
    '%j: a command that uses it is exit 2 naming the stored setting; config list, get and unset still work, and mend it',
    async (profile, key, command, mended) => {
      writeFileSync(join(config.dir, 'config.json'), JSON.stringify({ profiles: { default: profile } }));

      const refused = await tango(command);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`the profile's ${key} (config.json):`);
      expect(refused.stderr).toContain(`tango config unset ${key}`);

      expect((await tango(['config', 'list', '-o', 'json'])).code).toBe(0);
      expect((await tango(['config', 'get', key])).stdout).toBe(`${Object.values(profile)[0]}\n`);
      expect((await tango(['config', 'unset', key])).code).toBe(0);
      expect(stored().default).toEqual({});
      // Mended: the command gets past it (to asking for credentials, against the default server).
      expect((await tango(command)).code).toBe(mended);
    },
  );
});
