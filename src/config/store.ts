/**
 * Profiles and credentials, stored through conf in one JSON file per user: mode 0600 inside a
 * 0700 folder, because the file holds platform keys and client secrets.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { CliError, ExitCode } from '../errors.js';
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
 * Reading needs no more than the JSON file, so it is read directly: conf (with ajv and semver)
 * costs about 50 ms to load and is loaded only when something is written.
 */
export class ProfileStore {
  readonly path: string;
  readonly #dir: string;
  #conf: Conf<StoreShape> | undefined;

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
    const conf = await this.#writer();
    const profiles = { ...conf.get('profiles') };
    const next: Record<string, unknown> = { ...profiles[name] };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    profiles[name] = next as Profile;
    conf.set('profiles', profiles);
    tightenFileMode(conf.path);
    return profiles[name];
  }

  #read(): StoreShape {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
      throw new CliError(ExitCode.error, `Cannot read the config file ${this.path}: ${(error as Error).message}`);
    }
    try {
      const parsed = JSON.parse(text) as Partial<StoreShape>;
      return { profiles: parsed.profiles && typeof parsed.profiles === 'object' ? parsed.profiles : {} };
    } catch {
      throw new CliError(ExitCode.error, `The config file ${this.path} is not valid JSON`, {
        hint: 'fix or remove it; `tango auth login` writes a new one',
      });
    }
  }

  async #writer(): Promise<Conf<StoreShape>> {
    if (this.#conf) return this.#conf;
    const { default: Conf } = await import('conf');
    ensurePrivateDir(this.#dir);
    this.#conf = new Conf<StoreShape>({
      cwd: this.#dir,
      configName: 'config',
      projectName: 'tango-admin',
      configFileMode: 0o600,
      defaults: { profiles: {} },
      // Never let a dotted profile name ("acme.prod") turn into nested objects.
      accessPropertiesByDotNotation: false,
    });
    return this.#conf;
  }
}

/** Creates the folder 0700; a folder the user already has (TANGO_CONFIG_DIR) is left as it is. */
function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/** conf writes atomically through a temp file; make sure the result is never group/world readable. */
function tightenFileMode(file: string): void {
  if (process.platform !== 'win32' && existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}
