/**
 * Profiles and credentials, in one JSON file per user: mode 0600 inside a 0700 folder, because
 * the file holds platform keys and client secrets.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
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

/**
 * Reading needs no more than the JSON file, so it is read directly. Writing is a read-modify-write
 * under a cross-process lock (proper-lockfile, as the emulator's data file), ending in an atomic
 * rename: twenty `config set` and twenty `auth login` at once for forty profiles keep all forty,
 * and a token refresh never writes back a file read before another profile was added.
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
      await writeAtomically(this.path, `${JSON.stringify(store, null, '\t')}\n`);
      return store.profiles[name];
    });
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
      throw corrupt(this.path, (error as Error).message);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw corrupt(this.path, 'not an object');
    const profiles = (parsed as Partial<StoreShape>).profiles;
    if (profiles !== undefined && (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))) {
      throw corrupt(this.path, '"profiles" is not an object');
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
function corrupt(path: string, why: string): UsageError {
  return new UsageError(`The config file ${path} is damaged (${echo(why)}); nothing was changed`, {
    hint: `fix it by hand, or move it aside (mv ${path} ${path}.bak) and store credentials again with tango auth login`,
  });
}

/** A temp file beside it, flushed, then renamed over: a reader sees the old file or the new one, never half. */
async function writeAtomically(path: string, text: string): Promise<void> {
  // Loaded here: node:crypto costs about 5 ms to load, and only writers need it.
  const { randomBytes } = await import('node:crypto');
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CliError(ExitCode.error, `Cannot write the config file ${path}: ${(error as Error).message}`);
  }
}

/**
 * The folder is created 0700; one that exists with group or world access is tightened before a
 * secret is written into it.
 */
function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
