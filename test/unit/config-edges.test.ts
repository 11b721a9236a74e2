/**
 * Config rules no unit test pinned before, each found as a surviving mutant by `npm run mutation`
 * (the comment above each test names the mutants it kills): where the config folder is, how a
 * secret is masked, a missing line among piped secrets, and the folder's permissions when a damaged
 * file is recovered.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsHelp } from '../../src/config/keys.js';
import { configDir } from '../../src/config/paths.js';
import { mask, secretLinesFromStdin } from '../../src/config/secrets.js';
import { ProfileStore } from '../../src/config/store.js';

// paths.ts: the Windows test made true or inverted; '.config' and 'tango-admin' emptied.
describe('the config folder', () => {
  const platform = process.platform;
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: platform });
  });

  it.each([
    [{ TANGO_CONFIG_DIR: '/srv/tango' }, '/srv/tango'],
    [{ XDG_CONFIG_HOME: '/home/ops/.cfg' }, '/home/ops/.cfg/tango-admin'],
    [{}, join(homedir(), '.config', 'tango-admin')],
    // APPDATA means nothing off Windows (Wine and MSYS set it on Linux too).
    [{ APPDATA: '/mnt/c/Users/ops/AppData/Roaming' }, join(homedir(), '.config', 'tango-admin')],
  ])('on Linux, %j: %s', (env, dir) => {
    expect(configDir(env)).toBe(dir);
  });

  it('on Windows, APPDATA\\tango-admin; the home folder only without APPDATA', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    expect(configDir({ APPDATA: '/c/Users/ops/AppData/Roaming' })).toBe(
      join('/c/Users/ops/AppData/Roaming', 'tango-admin'),
    );
    expect(configDir({})).toBe(join(homedir(), '.config', 'tango-admin'));
  });
});

// secrets.ts: the 8-character limit made false or `< 8`; the empty case's '' changed.
describe('a masked secret', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['k', '****'],
    ['12345678', '****'],
    ['123456789', '****6789'],
    ['live-key-0a1b2c3d', '****2c3d'],
  ])('%j is shown as %j: short ones not even in part', (secret, shown) => {
    expect(mask(secret)).toBe(shown);
  });
});

// secrets.ts: an empty stdin's lines made ["Stryker was here"].
describe('secrets piped one a line', () => {
  it('an empty stdin names every secret missing', async () => {
    await expect(
      secretLinesFromStdin(async () => '', '--client-secret-stdin', ['the client secret', 'the password']),
    ).rejects.toThrow(
      '--client-secret-stdin: stdin must hold 2 lines, the client secret, then the password; the client secret and the password missing',
    );
  });
});

// store.ts: ensurePrivateDir dropped from recoverDamaged.
describe('recovering a damaged config.json', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a folder others could read private again (0700)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tango-config-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'config.json'), '{"profiles": {"default": {"env": "sand');

    const recovery = await new ProfileStore({ TANGO_CONFIG_DIR: dir }).recoverDamaged();

    expect(recovery).toBeDefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

// keys.ts: each setting's description emptied, `secret: true` made false (the static pass's survivors:
// the descriptions were written but shown nowhere; `config get|set|unset --help` lists them now).
describe('the settings the config commands list in their help', () => {
  const lines = () => settingsHelp().split('\n');
  it('starts with a blank line and a heading, one line a setting', () => {
    expect(lines().slice(0, 2)).toEqual(['', 'Settings:']);
    expect(lines()).toHaveLength(2 + 11);
  });
  it.each([
    ['env', 'sandbox, production or local'],
    ['base-url', 'a server other than the presets'],
    ['auth-url', 'OAuth token URL'],
    ['output', 'table, json, ndjson, csv or text'],
    ['timeout', 'per-request timeout, seconds'],
    ['max-retries', 'retries on 429/5xx/network errors'],
    ['rate', 'client-side requests per second'],
    ['platform-name', 'HTTP Basic user'],
    ['platform-key', 'HTTP Basic password (secret: masked; tango auth login sets it)'],
    ['client-id', 'OAuth client id'],
    ['client-secret', 'OAuth client secret (secret: masked; tango auth login sets it)'],
  ])('%s: %s', (name, what) => {
    expect(lines()).toContain(`  ${name.padEnd('client-secret'.length + 2)}${what}`);
  });
});

// store.ts's lock options (the static pass's survivors): emptied, so a writer gives up at once on a
// lock another tango holds; `realpath: true`, so the first write, before the file exists, fails.
describe('writing the config file under its lock', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the first profile into a folder with no config file yet', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tango-lock-'));
    const store = new ProfileStore({ TANGO_CONFIG_DIR: dir });
    await store.update('default', { env: 'sandbox' });
    expect(store.get('default')).toEqual({ env: 'sandbox' });
  });

  it('waits for another writer to let go of the lock, then writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tango-lock-'));
    const store = new ProfileStore({ TANGO_CONFIG_DIR: dir });
    await store.update('default', { env: 'sandbox' });
    const { lock } = (await import('proper-lockfile')).default;
    const release = await lock(store.path, { realpath: false });
    const released = new Promise((resolve) => setTimeout(resolve, 300)).then(() => release());
    await store.update('default', { output: 'json' });
    await released;
    expect(store.get('default')).toEqual({ env: 'sandbox', output: 'json' });
  });
});
