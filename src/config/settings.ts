/**
 * Resolves every setting once, with where it came from: flag > environment > profile > default.
 * `tango auth status` shows the sources; everything else only uses the values.
 */
import { CredentialsUnusableError, echo, UsageError } from '../errors.js';
import {
  type AudienceName,
  DEFAULT_AUDIENCE,
  DEFAULT_ENV,
  ENV_NAMES,
  ENVIRONMENTS,
  type EnvName,
  isAudienceName,
  isEnvName,
  isLoopbackHost,
} from './environments.js';
import { NUMBER_SETTINGS, type NumberSetting, numberRule, parseNumberSetting } from './limits.js';
import type { Profile } from './store.js';

export type Source = 'flag' | 'env' | 'profile' | 'default';

export interface Resolved<T> {
  value: T;
  source: Source;
}

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The global options as commander hands them over, with commander's own value sources. */
export interface GlobalOptions {
  profile?: string;
  env?: string;
  baseUrl?: string;
  output?: string;
  json?: boolean;
  fields?: string;
  query?: string;
  csvRaw?: boolean;
  color?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  errorFormat?: string;
  input?: boolean;
  timeout?: number;
  maxRetries?: number;
  rate?: number;
}

export type OptionSource = (name: keyof GlobalOptions) => string | undefined;

export interface OAuthCredentials {
  kind: 'oauth';
  clientId: Resolved<string>;
  clientSecret: Resolved<string>;
  /** The service account's username and password, as the token request needs them. */
  username: Resolved<string>;
  password: Resolved<string>;
  audience: Resolved<AudienceName>;
}

export type Credentials =
  | { kind: 'basic'; platformName: Resolved<string>; platformKey: Resolved<string> }
  | OAuthCredentials;

export interface Settings {
  profile: Resolved<string>;
  env: Resolved<EnvName | 'custom'>;
  /** Empty for `--env local` until the embedded emulator has a port. */
  baseUrl: Resolved<string>;
  /** Empty when it cannot be known: a --base-url server without a stored auth URL. */
  authUrl: Resolved<string>;
  credentials: Credentials | undefined;
  /** Why credentials that are there cannot be used (half the OAuth variables, a profile from an older tango). */
  credentialsIssue: CredentialsUnusableError | undefined;
  output: Resolved<OutputFormat>;
  fields: string[] | undefined;
  timeoutMs: number;
  maxRetries: number;
  /**
   * Requests per second the client paces itself at: 1 by default for Tango (sandbox, production,
   * any remote URL), undefined for this machine (no limit until a 429 says otherwise), 0 for none at all.
   */
  rate: number | undefined;
  verbose: boolean;
}

export const DEFAULT_PROFILE = 'default';

/**
 * Variables that carry a value. Set but empty, each is a usage error naming it, as an empty flag
 * is: `TANGO_CONFIG_DIR=` must not quietly mean the home folder, nor `TANGO_PLATFORM_KEY=` the
 * stored profile. (TANGO_PROFILE, TANGO_ENV, TANGO_BASE_URL and TANGO_OUTPUT are their options'
 * variables and refused by the option's own check; the switches TANGO_DEBUG and TANGO_QUIET, like
 * NO_COLOR and CI, read empty as off.)
 */
export const VALUE_VARIABLES = [
  'TANGO_CONFIG_DIR',
  'TANGO_PLATFORM_NAME',
  'TANGO_PLATFORM_KEY',
  'TANGO_CLIENT_ID',
  'TANGO_CLIENT_SECRET',
  'TANGO_USERNAME',
  'TANGO_PASSWORD',
  'TANGO_RETRY_BASE_MS',
  'TANGO_MAX_RESPONSE_MB',
] as const;

export function refuseEmptyVariables(env: NodeJS.ProcessEnv): void {
  const empty = VALUE_VARIABLES.find((name) => env[name] !== undefined && env[name]!.trim() === '');
  if (empty) {
    throw new UsageError(`${empty} is set but empty; it must not be empty or only spaces`, {
      hint: `give it a value, or unset it: unset ${empty}`,
    });
  }
}

/** Where a commander option value came from, in our words. */
function sourceOf(optionSource: OptionSource, name: keyof GlobalOptions): Source | undefined {
  const raw = optionSource(name);
  if (raw === 'cli') return 'flag';
  if (raw === 'env') return 'env';
  return undefined;
}

export function resolveProfileName(opts: GlobalOptions, optionSource: OptionSource): Resolved<string> {
  return opts.profile
    ? { value: opts.profile, source: sourceOf(optionSource, 'profile') ?? 'flag' }
    : { value: DEFAULT_PROFILE, source: 'default' };
}

export function resolveSettings(
  opts: GlobalOptions,
  optionSource: OptionSource,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): Settings {
  const flagOrEnv = (name: keyof GlobalOptions) => sourceOf(optionSource, name);
  // The server is worked out when first asked for: a command that only reads or mends the stored
  // settings (`config list`, `config unset base-url`) must work even when a stored base URL is bad.
  let target: Target | undefined;
  const server = () => {
    target ??= resolveTarget(opts, flagOrEnv, profile);
    return target;
  };
  return {
    profile: resolveProfileName(opts, optionSource),
    get env() {
      return server().env;
    },
    get baseUrl() {
      return server().baseUrl;
    },
    get authUrl() {
      return resolveAuthUrl(server().env.value, profile);
    },
    credentials: resolveCredentials(env, profile),
    credentialsIssue: credentialsIssue(env, profile, resolveProfileName(opts, optionSource).value),
    // These too are checked when read, for the same reason: a bad stored value must not lock `config` out.
    get output() {
      return resolveOutput(opts, flagOrEnv, profile);
    },
    fields: opts.fields ? parseFields(opts.fields) : undefined,
    get timeoutMs() {
      return (opts.timeout ?? storedNumber(profile, 'timeout') ?? NUMBER_SETTINGS.timeout.default) * 1000;
    },
    get maxRetries() {
      return opts.maxRetries ?? storedNumber(profile, 'max-retries') ?? NUMBER_SETTINGS['max-retries'].default;
    },
    get rate() {
      return opts.rate ?? storedNumber(profile, 'rate') ?? defaultRate(server());
    },
    verbose: verboseWanted(opts, env),
  };
}

/** --verbose, or TANGO_DEBUG=1 for runs whose flags cannot be changed. */
export function verboseWanted(opts: GlobalOptions, env: NodeJS.ProcessEnv): boolean {
  return Boolean(opts.verbose) || env.TANGO_DEBUG === '1';
}

/** -q/--quiet, or TANGO_QUIET=1 for a cron job: nothing on stderr but errors and warnings. */
export function quietWanted(opts: GlobalOptions, env: NodeJS.ProcessEnv): boolean {
  return Boolean(opts.quiet) || env.TANGO_QUIET === '1';
}

/** Tango documents about one request per second; the emulator and other local servers set their own. */
export const TANGO_RATE = 1;

function defaultRate(target: Target): number | undefined {
  if (target.env.value === 'local') return undefined;
  // The presets are Tango's own servers, never this machine: only a --base-url can be loopback.
  if (isLoopbackHost(new URL(target.baseUrl.value).hostname)) return undefined;
  return TANGO_RATE;
}

interface Target {
  env: Resolved<EnvName | 'custom'>;
  baseUrl: Resolved<string>;
}

/** At each level a base URL beats an environment name; a higher level beats a lower one. */
function resolveTarget(
  opts: GlobalOptions,
  flagOrEnv: (name: keyof GlobalOptions) => Source | undefined,
  profile: Profile | undefined,
): Target {
  const levels: Array<{ source: Source; baseUrl?: string; env?: string }> = [
    {
      source: 'flag',
      baseUrl: flagOrEnv('baseUrl') === 'flag' ? opts.baseUrl : undefined,
      env: flagOrEnv('env') === 'flag' ? opts.env : undefined,
    },
    {
      source: 'env',
      baseUrl: flagOrEnv('baseUrl') === 'env' ? opts.baseUrl : undefined,
      env: flagOrEnv('env') === 'env' ? opts.env : undefined,
    },
    { source: 'profile', baseUrl: profile?.baseUrl, env: profile?.env },
  ];
  for (const level of levels) {
    // An empty string is a value too (a hand-edited config.json): refused, never read as "not set".
    if (level.baseUrl !== undefined) {
      return {
        env: { value: 'custom', source: level.source },
        baseUrl: {
          value: storedOr(level.source, 'base-url', () => checkBaseUrl(level.baseUrl!)),
          source: level.source,
        },
      };
    }
    if (level.env !== undefined) {
      const name = storedOr(level.source, 'env', () => checkEnvName(level.env!));
      return {
        env: { value: name, source: level.source },
        baseUrl: { value: ENVIRONMENTS[name].baseUrl, source: level.source },
      };
    }
  }
  return {
    env: { value: DEFAULT_ENV, source: 'default' },
    baseUrl: { value: ENVIRONMENTS[DEFAULT_ENV].baseUrl, source: 'default' },
  };
}

/**
 * A rule's check; when the value broken is the profile's (config.json, perhaps edited by hand), the
 * error says so and how to mend it, instead of naming a flag the user never gave.
 */
function storedOr<T>(source: Source, key: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (source !== 'profile' || !(error instanceof UsageError)) throw error;
    // Every rule's message starts with its flag: the first match is that flag.
    throw new UsageError(error.message.replace(/--[a-z-]+:/, `the profile's ${key} (config.json):`), {
      hint: storedHint(key),
    });
  }
}

function storedHint(key: string): string {
  return `tango config set ${key} <value>, or tango config unset ${key}`;
}

/** The token URL: stored, or the environment's; for a --base-url server it is not guessed (empty). */
function resolveAuthUrl(env: EnvName | 'custom', profile: Profile | undefined): Resolved<string> {
  if (profile?.authUrl) return { value: profile.authUrl, source: 'profile' };
  return { value: env === 'custom' ? '' : ENVIRONMENTS[env].authUrl, source: 'default' };
}

const OAUTH_VARIABLES = ['TANGO_CLIENT_ID', 'TANGO_CLIENT_SECRET', 'TANGO_USERNAME', 'TANGO_PASSWORD'] as const;

/** TANGO_* variables beat the stored profile, as a pair: a name from one place and a key from another would never match. */
export function resolveCredentials(env: NodeJS.ProcessEnv, profile: Profile | undefined): Credentials | undefined {
  if (env.TANGO_PLATFORM_NAME && env.TANGO_PLATFORM_KEY) {
    return {
      kind: 'basic',
      platformName: { value: env.TANGO_PLATFORM_NAME, source: 'env' },
      platformKey: { value: env.TANGO_PLATFORM_KEY, source: 'env' },
    };
  }
  if (OAUTH_VARIABLES.some((name) => env[name])) {
    if (!OAUTH_VARIABLES.every((name) => env[name])) return undefined;
    return {
      kind: 'oauth',
      clientId: { value: env.TANGO_CLIENT_ID!, source: 'env' },
      clientSecret: { value: env.TANGO_CLIENT_SECRET!, source: 'env' },
      username: { value: env.TANGO_USERNAME!, source: 'env' },
      password: { value: env.TANGO_PASSWORD!, source: 'env' },
      audience: resolveAudience(profile),
    };
  }
  if (profile?.platformName && profile.platformKey) {
    return {
      kind: 'basic',
      platformName: { value: profile.platformName, source: 'profile' },
      platformKey: { value: profile.platformKey, source: 'profile' },
    };
  }
  if (profile?.clientId && profile.clientSecret && profile.username && profile.password) {
    return {
      kind: 'oauth',
      clientId: { value: profile.clientId, source: 'profile' },
      clientSecret: { value: profile.clientSecret, source: 'profile' },
      username: { value: profile.username, source: 'profile' },
      password: { value: profile.password, source: 'profile' },
      audience: resolveAudience(profile),
    };
  }
  return undefined;
}

function resolveAudience(profile: Profile | undefined): Resolved<AudienceName> {
  return isAudienceName(profile?.audience)
    ? { value: profile.audience, source: 'profile' }
    : { value: DEFAULT_AUDIENCE, source: 'default' };
}

/**
 * Credentials that are there but cannot be used, said plainly instead of "no credentials": some of
 * the four OAuth variables without the others, or a profile stored by an older tango with a client
 * id and secret only (Tango's token endpoint also needs the service account; the rest of the
 * profile is kept).
 */
function credentialsIssue(
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
  name: string,
): CredentialsUnusableError | undefined {
  if (env.TANGO_PLATFORM_NAME && env.TANGO_PLATFORM_KEY) return undefined;
  const given = OAUTH_VARIABLES.filter((variable) => env[variable]);
  if (given.length > 0 && given.length < OAUTH_VARIABLES.length) {
    const missing = OAUTH_VARIABLES.filter((variable) => !env[variable]);
    const verb = given.length > 1 ? 'are' : 'is';
    return new CredentialsUnusableError(
      'partial-oauth-env',
      `${given.join(', ')} ${verb} set, ${missing.join(', ')} not.`,
      {
        profile: name,
        details: [`An OAuth service-account token needs all four: ${OAUTH_VARIABLES.join(', ')}.`],
      },
    );
  }
  if (given.length > 0 || !profile?.clientId || (profile.username && profile.password)) return undefined;
  if (profile.platformName && profile.platformKey) return undefined;
  return new CredentialsUnusableError(
    'old-oauth-profile',
    `Profile "${name}" holds OAuth client credentials stored by an older tango; log in again.`,
    {
      profile: name,
      clientId: profile.clientId,
      details: [
        "Tango's token endpoint needs the service account's username and password too; the rest of the profile is kept.",
      ],
    },
  );
}

/**
 * `--json` is short for `-o json`: given beside another `-o` on the same line, one of the two is a
 * mistake, and picking either silently would hide it. (TANGO_OUTPUT is a default the flag beats.)
 */
export function checkOutputFlags(opts: GlobalOptions, optionSource: OptionSource): void {
  if (!opts.json || sourceOf(optionSource, 'output') !== 'flag' || opts.output === 'json') return;
  throw new UsageError(`--json and --output ${opts.output} ask for two formats; give one of them`, {
    hint: '--json is short for --output json',
  });
}

function resolveOutput(
  opts: GlobalOptions,
  flagOrEnv: (name: keyof GlobalOptions) => Source | undefined,
  profile: Profile | undefined,
): Resolved<OutputFormat> {
  if (opts.json) return { value: 'json', source: 'flag' };
  const given = flagOrEnv('output');
  if (given && opts.output) return { value: checkOutputFormat(opts.output, given), source: given };
  // An empty stored format is refused like any other bad one, not read as "not set".
  if (profile?.output !== undefined) {
    return { value: storedOr('profile', 'output', () => checkOutputFormat(profile.output!)), source: 'profile' };
  }
  return { value: 'table', source: 'default' };
}

const STORED_NUMBERS = { timeout: 'timeout', 'max-retries': 'maxRetries', rate: 'rate' } as const;

/** A number the profile holds, checked by the same rule as its flag and `config set`; undefined when unset. */
function storedNumber(profile: Profile | undefined, key: NumberSetting): number | undefined {
  const value: unknown = profile?.[STORED_NUMBERS[key]];
  if (value === undefined) return undefined;
  const number =
    typeof value === 'number' || typeof value === 'string' ? parseNumberSetting(key, String(value)) : undefined;
  if (number !== undefined) return number;
  throw new UsageError(`the profile's ${key} (config.json): ${echo(value, 'json')} ${numberRule(key)}`, {
    hint: storedHint(key),
  });
}

export function checkOutputFormat(value: string, source: Source = 'flag'): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  const where = source === 'env' ? 'TANGO_OUTPUT' : '--output';
  throw new UsageError(`${where}: "${echo(value)}" is not an output format; use one of ${OUTPUT_FORMATS.join(', ')}`);
}

export function checkEnvName(value: string): EnvName {
  if (isEnvName(value)) return value;
  throw new UsageError(`--env: "${echo(value)}" is not an environment; use one of ${ENV_NAMES.join(', ')}`);
}

/** Refuses anything but http(s), and plain http anywhere but this machine. */
export function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url: "${echo(value)}" is not a URL`, {
      hint: 'for example https://api.tangocard.com/raas/v2',
    });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `--base-url: plain http:// is refused for ${url.hostname}; credentials would travel unencrypted`,
      {
        hint: 'use https://, or http:// only to 127.0.0.1, localhost or [::1]',
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url: "${echo(value)}" must start with https://`);
  }
  return url.toString().replace(/\/+$/, '');
}

export function parseFields(value: string): string[] {
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0)
    throw new UsageError('--fields: give at least one field name, such as --fields accountIdentifier,status');
  return fields;
}
