/**
 * Profiles and credentials, in one JSON file per user: mode 0600 inside a 0700 folder, because
 * the file holds platform keys and client secrets.
 */
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CliError, ExitCode, echo, UsageError } from '../errors.js';
import { CONFIG_FILE_NAME, configDir } from './paths.js';

export interface StoredToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface Profile {
  env?: string;
  baseUrl?: string;
  authUrl?: string;
  platformName?: string;
  platformKey?: string;
  clientId?: string;
  clientSecret?: string;
  /** The OAuth service account's username and password (the password is a secret like the key). */
  username?: string;
  password?: string;
  /** Which token lifetime to ask for: 24h or 5m. */
  audience?: string;
  token?: StoredToken;
  output?: string;
  timeout?: number;
  maxRetries?: number;
  rate?: number;
}

interface StoreShape {
  profiles: Record<string, Profile>;
}

/** What `recoverDamaged` did with a config file that could not be read. */
export interface Recovery {
  /** Where the damaged file now is, byte for byte: `config.json.corrupt-<time>`. */
  movedTo: string;
  /** Why it could not be read. */
  why: string;
  /** The profiles read back from it, now in the fresh file. */
  kept: string[];
}

/**
 * Reading needs no more than the JSON file, so it is read directly, without loading conf. Writing
 * goes through conf (its atomic writer: a temp file, flushed, renamed over; mode 0600; tab-indented
 * JSON), loaded only when something is written, as a read-modify-write under a cross-process lock
 * (proper-lockfile, as the emulator's data file): twenty `config set` and twenty `auth login` at once
 * for forty profiles keep all forty, and a token refresh never writes back a file read before another
 * profile was added. conf's own read of the file is never trusted with a damaged one: we read and
 * check it first, under the same lock.
 */
export class ProfileStore {
  readonly path: string;
  readonly #dir: string;

  constructor(env: NodeJS.ProcessEnv) {
    this.#dir = configDir(env);
    this.path = join(this.#dir, CONFIG_FILE_NAME);
  }

  names(): string[] {
    return Object.keys(this.#read().profiles).sort();
  }

  get(name: string): Profile | undefined {
    return this.#read().profiles[name];
  }

  /** Merges `changes` into the profile; an `undefined` value removes that key. */
  async update(name: string, changes: Partial<Profile>): Promise<Profile> {
    ensurePrivateDir(this.#dir);
    return this.#locked(async () => {
      const store = this.#read();
      const next: Record<string, unknown> = { ...store.profiles[name] };
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      store.profiles[name] = next as Profile;
      await this.#write(store);
      return store.profiles[name];
    });
  }

  /**
   * For `auth login`, which must be able to store a fresh profile beside a damaged file: the damaged
   * file is moved aside as `config.json.corrupt-<time>` (kept byte for byte), and a fresh one is
   * written with every profile that could still be read from it. Undefined when the file is fine.
   */
  async recoverDamaged(now = new Date()): Promise<Recovery | undefined> {
    if (this.#damage() === undefined) return undefined;
    ensurePrivateDir(this.#dir);
    return this.#locked(async () => {
      const why = this.#damage();
      if (why === undefined) return undefined; // another process recovered it meanwhile
      const text = readFileSync(this.path, 'utf8');
      const movedTo = `${this.path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.path, movedTo);
      const profiles = salvageProfiles(text);
      await this.#write({ profiles });
      return { movedTo, why, kept: Object.keys(profiles).sort() };
    });
  }

  /** Why the file cannot be read, or undefined when it can (or is not there). */
  #damage(): string | undefined {
    try {
      this.#read();
      return undefined;
    } catch (error) {
      if (error instanceof DamagedConfigError) return error.why;
      throw error;
    }
  }

  /** Through conf, which the lock already serialises: only the caller's read-modify-write runs. */
  async #write(store: StoreShape): Promise<void> {
    const { default: Conf } = await import('conf');
    try {
      const conf = new Conf<StoreShape>({
        cwd: this.#dir,
        configName: basename(CONFIG_FILE_NAME, '.json'),
        configFileMode: 0o600,
        serialize: (value) => `${JSON.stringify(value, null, '\t')}\n`,
      });
      conf.store = store;
    } catch (error) {
      throw new CliError(ExitCode.error, `Cannot write the config file ${this.path}: ${(error as Error).message}`);
    }
  }

  async #locked<T>(task: () => Promise<T>): Promise<T> {
    const { lock } = (await import('proper-lockfile')).default;
    let release: () => Promise<void>;
    try {
      release = await lock(this.path, LOCK_OPTIONS);
    } catch (error) {
      throw new CliError(ExitCode.error, `The config file ${this.path} stayed locked by another tango process`, {
        cause: error,
        hint: `if no other tango is running, remove ${this.path}.lock and try again`,
      });
    }
    try {
      return await task();
    } finally {
      await release().catch(() => undefined);
    }
  }

  #read(): StoreShape {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
      throw new CliError(ExitCode.error, `Cannot read the config file ${this.path}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new DamagedConfigError(this.path, (error as Error).message);
    }
    if (!isObject(parsed)) throw new DamagedConfigError(this.path, 'not an object');
    const profiles = (parsed as Partial<StoreShape>).profiles;
    if (profiles !== undefined && !isObject(profiles)) {
      throw new DamagedConfigError(this.path, '"profiles" is not an object');
    }
    return { ...(parsed as object), profiles: { ...profiles } };
  }
}

const LOCK_OPTIONS = {
  realpath: false, // the file may not exist yet
  stale: 10_000, // a lock not refreshed for 10 s belongs to a dead process
  // Writers hold the lock for milliseconds: randomised waits from 5 ms to 250 ms, about 10 s in all.
  retries: { retries: 60, factor: 1.2, minTimeout: 5, maxTimeout: 250, randomize: true },
  // The default throws from a timer and kills the process; a slow write is no reason to.
  onCompromised: () => undefined,
};

/** A config file that cannot be read as one: exit 2, with the path and what to do. */
export class DamagedConfigError extends UsageError {
  readonly why: string;

  constructor(path: string, why: string) {
    super(`The config file ${path} is damaged (${echo(why)}); nothing was changed`, {
      hint: `fix it by hand, or run tango auth login: it moves the file aside and keeps the profiles it can read`,
    });
    this.name = 'DamagedConfigError';
    this.why = why;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every profile that can still be read from a damaged file: from the parsed file when only its
 * shape is wrong, otherwise each `"name": {...}` inside "profiles" whose braces close and whose
 * text parses, so a file cut short by a full disk, or with one bad hand edit, loses only that part.
 */
export function salvageProfiles(text: string): Record<string, Profile> {
  const kept: Array<[string, Profile]> = [];
  const keep = (name: unknown, value: unknown) => {
    if (typeof name === 'string' && isObject(value)) kept.push([name, value as Profile]);
  };
  try {
    // Stryker disable next-line OptionalChaining: only the text "null" parses to null, and the scan below finds no profiles in it either
    const profiles: unknown = (JSON.parse(text) as { profiles?: unknown })?.profiles;
    if (isObject(profiles)) for (const [name, value] of Object.entries(profiles)) keep(name, value);
    return Object.fromEntries(kept);
  } catch {
    // Not JSON as a whole: read it profile by profile below.
  }
  const start = /"profiles"\s*:\s*\{/.exec(text);
  if (!start) return {};
  const entry = /\s*,?\s*("(?:[^"\\]|\\.)*")\s*:\s*\{/y;
  let at = start.index + start[0].length;
  for (;;) {
    entry.lastIndex = at;
    const found = entry.exec(text);
    if (!found) break;
    const open = entry.lastIndex - 1;
    const close = closingBrace(text, open);
    if (close === undefined) break;
    try {
      keep(JSON.parse(found[1]!), JSON.parse(text.slice(open, close + 1)));
    } catch {
      // This profile's own text is broken; the next one may not be.
    }
    at = close + 1;
  }
  return Object.fromEntries(kept);
}

/** The index of the brace that closes the one at `open`, skipping strings; undefined when the text ends first. */
function closingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return undefined;
}

/**
 * The folder is created 0700; one that exists with group or world access is tightened before a
 * secret is written into it.
 */
function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 }); // no error when the folder is there
  } catch (error) {
    // A file where the folder should be (TANGO_CONFIG_DIR naming a file): said at once, the file untouched.
    throw new CliError(ExitCode.error, `Cannot use ${dir} as the config folder: ${(error as Error).message}`);
  }
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
