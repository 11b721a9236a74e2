/**
 * Profiles and credentials, stored through conf in one JSON file per user: mode 0600 inside a
 * 0700 folder, because the file holds platform keys and client secrets.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import Conf from 'conf';
import { configDir } from './paths.js';

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
  token?: StoredToken;
  output?: string;
  timeout?: number;
  maxRetries?: number;
  rate?: number;
}

interface StoreShape {
  profiles: Record<string, Profile>;
}

export class ProfileStore {
  readonly #conf: Conf<StoreShape>;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const dir = configDir(env);
    ensurePrivateDir(dir);
    this.#conf = new Conf<StoreShape>({
      cwd: dir,
      configName: 'config',
      projectName: 'tango-admin',
      configFileMode: 0o600,
      defaults: { profiles: {} },
      // Never let a dotted profile name ("acme.prod") turn into nested objects.
      accessPropertiesByDotNotation: false,
    });
    tightenFileMode(this.#conf.path);
  }

  get path(): string {
    return this.#conf.path;
  }

  names(): string[] {
    return Object.keys(this.#conf.get('profiles')).sort();
  }

  get(name: string): Profile | undefined {
    return this.#conf.get('profiles')[name];
  }

  /** Merges `changes` into the profile; an `undefined` value removes that key. */
  update(name: string, changes: Partial<Profile>): Profile {
    const profiles = { ...this.#conf.get('profiles') };
    const next: Record<string, unknown> = { ...profiles[name] };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    profiles[name] = next as Profile;
    this.#conf.set('profiles', profiles);
    tightenFileMode(this.#conf.path);
    return profiles[name];
  }

  remove(name: string): boolean {
    const profiles = { ...this.#conf.get('profiles') };
    if (!(name in profiles)) return false;
    delete profiles[name];
    this.#conf.set('profiles', profiles);
    return true;
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
