/**
 * The config file's rules no unit test pinned before, each found as a surviving mutant of
 * src/config/store.ts by `npm run mutation` (the comment above each test names the mutants it
 * kills; each kill was checked by applying the mutant by hand).
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DamagedConfigError, ProfileStore, salvageProfiles } from '../../src/config/store.js';
import { ExitCode } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tango-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const storeIn = (folder: string) => new ProfileStore({ TANGO_CONFIG_DIR: folder });
const configFile = (text: string) => writeFileSync(join(dir, 'config.json'), text);
const modeOf = (path: string) => statSync(path).mode & 0o7777;

/** The error `run` throws or rejects with. */
async function failure(run: () => unknown): Promise<Error & { exitCode: number; hint?: string; why?: string }> {
  try {
    await run();
  } catch (error) {
    return error as Error & { exitCode: number; hint?: string; why?: string };
  }
  throw new Error('nothing was thrown');
}

// names(): .sort() dropped.
describe('the profile names', () => {
  it('are listed in order, whatever the order in the file', () => {
    configFile('{"profiles": {"prod": {}, "dev": {}, "ci": {}}}');
    expect(storeIn(dir).names()).toEqual(['ci', 'dev', 'prod']);
  });
});

// update(): ensurePrivateDir dropped; an undefined change's `delete` made false (the key kept as undefined);
// basename's '.json' (configName) emptied, so conf wrote config.json.json; serialize's "\n" emptied.
describe('writing a profile', () => {
  it('creates a missing folder, private (0700), and the file (0600)', async () => {
    const folder = join(dir, 'a', 'b');
    await storeIn(folder).update('default', { env: 'sandbox' });
    expect(modeOf(folder)).toBe(0o700);
    expect(readdirSync(folder)).toEqual(['config.json']);
    expect(modeOf(join(folder, 'config.json'))).toBe(0o600);
  });

  it('makes a folder others could read private again (0700)', async () => {
    chmodSync(dir, 0o755);
    await storeIn(dir).update('default', { env: 'sandbox' });
    expect(modeOf(dir)).toBe(0o700);
  });

  it('writes tab-indented JSON ending in a newline', async () => {
    await storeIn(dir).update('default', { env: 'sandbox' });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(
      '{\n\t"profiles": {\n\t\t"default": {\n\t\t\t"env": "sandbox"\n\t\t}\n\t}\n}\n',
    );
  });

  it('an undefined value removes that key, from the file and the profile handed back', async () => {
    const store = storeIn(dir);
    await store.update('default', { env: 'sandbox', output: 'json' });
    const kept = await store.update('default', { output: undefined });
    expect(Object.keys(kept)).toEqual(['env']);
    expect(Object.keys(store.get('default') ?? {})).toEqual(['env']);
  });
});

// ensurePrivateDir on Windows: the platform test made true, its && made ||; a private folder: the
// group-or-world test made true, so every folder was set to 0700 (a setgid bit lost).
describe("the folder's mode is changed only where it must be", () => {
  const platform = process.platform;
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: platform });
  });

  it('a folder already private keeps its mode, setgid bit and all', async () => {
    chmodSync(dir, 0o2700);
    await storeIn(dir).update('default', { env: 'sandbox' });
    expect(modeOf(dir)).toBe(0o2700);
  });

  it('on Windows, where modes mean nothing, it is left as it is', async () => {
    const store = storeIn(dir);
    await store.update('default', { env: 'sandbox' }); // conf and the lock loaded as on Linux
    chmodSync(dir, 0o755);
    Object.defineProperty(process, 'platform', { value: 'win32' });
    await store.update('default', { output: 'json' });
    expect(modeOf(dir)).toBe(0o755);
    expect(store.get('default')).toEqual({ env: 'sandbox', output: 'json' });
  });

  it('a file where the folder should be: exit 1 at once, naming it, and the file left alone', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    chmodSync(file, 0o644);
    const error = await failure(() => storeIn(file).update('default', { env: 'sandbox' }));
    expect(error.message).toMatch(new RegExp(`^Cannot use ${file} as the config folder: EEXIST`));
    expect(error.exitCode).toBe(ExitCode.error);
    expect(modeOf(file)).toBe(0o644);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

// #read(): the ENOENT test made true (any read error read as "no file"), its message emptied; the
// JSON.parse catch emptied or its throw dropped; the not-an-object test made false, its words
// emptied; the "profiles" test made false, true or `=== undefined`, its block or words emptied;
// isObject's `!== null` made true; DamagedConfigError's message, hint (object or text) and name emptied.
describe('reading the config file', () => {
  it('a missing file is no profiles', () => {
    expect(storeIn(dir).names()).toEqual([]);
  });

  it('a file that holds no "profiles" is no profiles', () => {
    configFile('{"other": 1}');
    expect(storeIn(dir).names()).toEqual([]);
  });

  it('a file it cannot read: exit 1, naming it and why', async () => {
    mkdirSync(join(dir, 'config.json'));
    const error = await failure(() => storeIn(dir).names());
    expect(error).not.toBeInstanceOf(DamagedConfigError);
    expect(error.message).toBe(
      `Cannot read the config file ${join(dir, 'config.json')}: EISDIR: illegal operation on a directory, read`,
    );
    expect(error.exitCode).toBe(ExitCode.error);
  });

  it.each([
    ['{"profiles": {', /JSON/],
    ['[{"profiles": {}}]', /^not an object$/],
    ['"profiles"', /^not an object$/],
    ['null', /^not an object$/],
    ['{"profiles": []}', /^"profiles" is not an object$/],
    ['{"profiles": null}', /^"profiles" is not an object$/],
    ['{"profiles": "default"}', /^"profiles" is not an object$/],
  ])('%s is damaged: %s', async (text, why) => {
    configFile(text);
    const error = await failure(() => storeIn(dir).get('default'));
    expect(error).toBeInstanceOf(DamagedConfigError);
    expect(error.why).toMatch(why);
    expect(error.exitCode).toBe(ExitCode.usage);
  });

  it('a damaged file says so, what was done (nothing) and how to mend it', async () => {
    configFile('[]');
    const error = await failure(() => storeIn(dir).names());
    expect(error).toMatchObject({
      name: 'DamagedConfigError',
      message: `The config file ${join(dir, 'config.json')} is damaged (not an object); nothing was changed`,
      hint: 'fix it by hand, or run tango auth login: it moves the file aside and keeps the profiles it can read',
    });
  });
});

// recoverDamaged(): the "file is fine" test made false (the folder created, the lock taken, for
// nothing); the time's [:.] made [^:.] and its '-' emptied; the kept names' .sort() dropped.
describe('recovering a damaged config file', () => {
  it('a file that is fine, or none: nothing done, not even the folder made', async () => {
    const folder = join(dir, 'none-yet');
    expect(await storeIn(folder).recoverDamaged()).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });

  it('moves it aside, named by the time, and keeps the profiles it can read, in order', async () => {
    configFile('{"profiles": {"prod": {"env": "production"}, "dev": {"env": "local"}, "x": {');
    const store = storeIn(dir);
    const recovery = await store.recoverDamaged(new Date('2026-11-30T19:55:09.123Z'));
    const movedTo = join(dir, 'config.json.corrupt-2026-11-30T19-55-09-123Z');
    expect(recovery).toMatchObject({ movedTo, kept: ['dev', 'prod'] });
    expect(readFileSync(movedTo, 'utf8')).toContain('"x": {');
    expect(store.names()).toEqual(['dev', 'prod']);
  });
});

// salvageProfiles(): the whole-JSON try block emptied (a valid file read by the scan); the "profiles"
// regex's \s* made \S* or \s; the entry regex's \s* made \S* (before the comma or the colon) or \s
// (after it); closingBrace's backslash test made false, '\\' emptied or i++ made i-- (a loop that never
// ends); its `--depth === 0` made true (a nested object closing the profile).
describe('salvageProfiles: what a damaged file still holds', () => {
  it('a file that parses is read as JSON: only its own "profiles", never one nested deeper', () => {
    expect(salvageProfiles('{"backup": {"profiles": {"old": {}}}, "profiles": {"new": {}}}')).toEqual({ new: {} });
    expect(salvageProfiles('{"backup": {"profiles": {"old": {}}}, "profiles": 7}')).toEqual({});
  });

  it.each([
    ['{"profiles" : {"a": {"env": "local"}}, "cut', { a: { env: 'local' } }],
    ['{"profiles":{"a": {"env": "local"}}, "cut', { a: { env: 'local' } }],
    ['{"profiles":\n\t{"a": {"env": "local"}}, "cut', { a: { env: 'local' } }],
  ])('"profiles" however spaced: %j', (text, kept) => {
    expect(salvageProfiles(text)).toEqual(kept);
  });

  it.each([
    ['{"profiles": {"a" : {"env": "local"}, "b"\t: {}}, "cut', { a: { env: 'local' }, b: {} }],
    ['{"profiles": {"a":{"env": "local"},"b":{}}, "cut', { a: { env: 'local' }, b: {} }],
    ['{"profiles": {"a": {"env": "local"} , "b": {}}, "cut', { a: { env: 'local' }, b: {} }],
    ['{"profiles": {"a": {"env": "local"}\n\t, "b": {}}, "cut', { a: { env: 'local' }, b: {} }],
  ])('each profile however spaced: %j', (text, kept) => {
    expect(salvageProfiles(text)).toEqual(kept);
  });

  it('a quote or brace escaped inside a string does not end the profile', () => {
    const text = '{"profiles": {"a": {"note": "say \\"}\\" here", "env": "local"}, "b": {}}, "cut';
    expect(salvageProfiles(text)).toEqual({ a: { note: 'say "}" here', env: 'local' }, b: {} });
  });

  it('a backslash at the end of the text ends the scan', () => {
    expect(salvageProfiles('{"profiles": {"a": {}, "b": {"note": "\\')).toEqual({ a: {} });
  });

  it('a profile holding an object (its stored token) is kept whole', () => {
    const text = '{"profiles": {"a": {"token": {"accessToken": "t", "expiresAt": 1}, "env": "local"}, "b": {}}, "cut';
    expect(salvageProfiles(text)).toEqual({ a: { token: { accessToken: 't', expiresAt: 1 }, env: 'local' }, b: {} });
  });
});

// #write(): the catch block emptied or its throw dropped, its message emptied. A disk that refuses the
// write cannot be made here (the tests run as root), so conf is replaced by one that fails as a full
// disk does.
describe('a write the disk refuses', () => {
  afterEach(() => {
    vi.doUnmock('conf');
  });

  it('exit 1, naming the file and why', async () => {
    vi.doMock('conf', () => ({
      default: class {
        constructor() {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
      },
    }));
    const error = await failure(() => storeIn(dir).update('default', { env: 'sandbox' }));
    expect(error.message).toBe(
      `Cannot write the config file ${join(dir, 'config.json')}: ENOSPC: no space left on device, write`,
    );
    expect(error.exitCode).toBe(ExitCode.error);
  });
});

// LOCK_OPTIONS (the static pass's survivors): the retry options emptied (the library's defaults: 10
// retries from 1 s, doubling, about 17 minutes in all) or `randomize` made false (writers that wait
// together retry together); #locked(): the error's message, its hint (object or text) emptied.
describe('a config file another tango keeps locked', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /**
   * Holds the lock as another tango would (its folder, fresh for an hour), then lets one writer wait
   * it out on fake timers: each of its waits runs at once, the lock's file work for real between them.
   */
  async function waitOut(store: ProfileStore): Promise<{ error: unknown; waits: number[] }> {
    mkdirSync(`${store.path}.lock`);
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(`${store.path}.lock`, later, later);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const timer = vi.spyOn(globalThis, 'setTimeout');
    let settled = false;
    const outcome = store.update('default', { output: 'json' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    void outcome.finally(() => {
      settled = true;
    });
    while (!settled) {
      if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    const waits = timer.mock.calls.map((call) => Number(call[1]));
    vi.restoreAllMocks();
    vi.useRealTimers();
    rmSync(`${store.path}.lock`, { recursive: true });
    return { error: await outcome, waits };
  }

  it('gives up after about 10 s of short waits: exit 1, saying so and how to free it', async () => {
    const store = storeIn(dir);
    await store.update('default', { env: 'sandbox' }); // conf and the lock library loaded
    const { error, waits } = await waitOut(store);

    expect(error).toMatchObject({
      exitCode: ExitCode.error,
      message: `The config file ${store.path} stayed locked by another tango process`,
      hint: `if no other tango is running, remove ${store.path}.lock and try again`,
    });
    expect((error as Error).cause).toMatchObject({ code: 'ELOCKED' });
    expect(waits).toHaveLength(60);
    expect(Math.max(...waits)).toBeLessThanOrEqual(250);
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThan(8_000);
    expect(total).toBeLessThan(15_000);
    expect(store.get('default')).toEqual({ env: 'sandbox' });
  });

  it('two writers that wait do not retry in step: their waits are drawn at random', async () => {
    const store = storeIn(dir);
    await store.update('default', { env: 'sandbox' });
    const first = await waitOut(store);
    const second = await waitOut(store);
    expect(first.waits).toHaveLength(60);
    expect(second.waits).not.toEqual(first.waits);
  });
});
