/**
 * What a command's action works with: resolved settings, the stderr logger, the stdout output,
 * whether a person can be asked, and the API client, built on first use (and for `--env local`,
 * the embedded emulator started behind it).
 */
import type { Command } from 'commander';
import { basicAuth, oauthClientCredentials, type TokenCache } from './api/auth.js';
import { HttpClient } from './api/http.js';
import { processPacer } from './api/pacer.js';
import { TangoApi } from './api/tango.js';
import {
  type Credentials,
  type GlobalOptions,
  type OptionSource,
  resolveSettings,
  type Settings,
} from './config/settings.js';
import { ProfileStore } from './config/store.js';
import { CliError, ExitCode } from './errors.js';
import { colorEnabled } from './output/color.js';
import { createLogger, type Logger } from './output/logger.js';
import { Output } from './output/render.js';
import { VERSION } from './version.js';

export interface Context {
  readonly settings: Settings;
  readonly store: ProfileStore;
  readonly log: Logger;
  readonly output: Output;
  /** A person is there to answer prompts: stdin and stdout are terminals, no --no-input, no CI. */
  readonly canPrompt: boolean;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  readonly env: NodeJS.ProcessEnv;
  api(): Promise<TangoApi>;
  /**
   * A client whose requests are not abandoned on Ctrl-C, for work that stops starting requests
   * on the signal but lets those in flight finish (an import's rows). Use instead of `api()`.
   */
  apiFinishingInFlight(): Promise<TangoApi>;
  /** A client for other credentials than the resolved ones (auth login verifies before storing). */
  apiWith(credentials: Credentials, authUrl?: string): Promise<TangoApi>;
  /** Runs `fn` when the command ends, first registered last run. */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export interface ContextIO {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  signal: AbortSignal;
}

export const USER_AGENT = `tango-admin/${VERSION} node/${process.versions.node}`;

export function globalOptions(cmd: Command): { opts: GlobalOptions; source: OptionSource } {
  return {
    opts: cmd.optsWithGlobals<GlobalOptions>(),
    source: (name) => cmd.getOptionValueSourceWithGlobals(name),
  };
}

export function promptAllowed(opts: GlobalOptions, io: Pick<ContextIO, 'env' | 'stdin' | 'stdout'>): boolean {
  const ci = io.env.CI !== undefined && !['', '0', 'false'].includes(io.env.CI);
  return opts.input !== false && !ci && Boolean(io.stdin.isTTY) && Boolean(io.stdout.isTTY);
}

export function createContext(cmd: Command, io: ContextIO): Context {
  const { opts, source } = globalOptions(cmd);
  const store = new ProfileStore(io.env);
  const profileName = opts.profile || 'default';
  const settings = resolveSettings(opts, source, io.env, store.get(profileName));
  const log = createLogger({
    verbose: settings.verbose,
    color: colorEnabled({ flag: opts.color, env: io.env, isTTY: io.stderr.isTTY }),
    write: (text) => io.stderr.write(text),
  });
  const output = new Output({
    format: settings.output.value,
    fields: settings.fields,
    color: colorEnabled({ flag: opts.color, env: io.env, isTTY: io.stdout.isTTY }),
    isTTY: Boolean(io.stdout.isTTY),
    write: (text) => writeOut(io.stdout, text),
  });
  const closers: Array<() => Promise<void> | void> = [];
  let api: Promise<TangoApi> | undefined;
  let finishing: Promise<TangoApi> | undefined;

  const context: Context = {
    settings,
    store,
    log,
    output,
    canPrompt: promptAllowed(opts, io),
    signal: io.signal,
    env: io.env,
    api: () => {
      api ??= buildApi(context, profileName);
      return api;
    },
    apiFinishingInFlight: () => {
      finishing ??= buildApi(context, profileName, undefined, undefined, { finishInFlight: true });
      return finishing;
    },
    apiWith: (credentials, authUrl) => buildApi(context, profileName, credentials, authUrl),
    onClose: (fn) => closers.push(fn),
    close: async () => {
      for (const fn of closers.reverse()) await fn();
    },
  };
  return context;
}

/** Writes respecting back-pressure, so streaming 100,000 rows into a slow pipe keeps memory flat. */
function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve) => stream.once('drain', resolve));
}

async function buildApi(
  context: Context,
  profileName: string,
  override?: Credentials,
  authUrl?: string,
  { finishInFlight = false } = {},
): Promise<TangoApi> {
  const { settings, log } = context;
  let baseUrl = settings.baseUrl.value;
  let credentials = override ?? settings.credentials;
  if (settings.env.value === 'local') {
    const { startEmbeddedEmulator } = await import('./emulator/embedded.js');
    const { configDir } = await import('./config/paths.js');
    const emulator = await startEmbeddedEmulator(configDir(context.env));
    context.onClose(() => emulator.close());
    baseUrl = emulator.baseUrl;
    // The embedded emulator knows only its own credentials; real ones must never be sent to it either.
    credentials = {
      kind: 'basic',
      platformName: { value: emulator.credentials.platformName, source: 'default' },
      platformKey: { value: emulator.credentials.platformKey, source: 'default' },
    };
    if (process.stderr.isTTY) log.note(`Using the local emulator (${baseUrl}); nothing leaves this machine.`);
  }
  if (!credentials) throw noCredentials(profileName);
  const trace = settings.verbose ? (line: string) => log.debug(`http: ${line}`) : undefined;
  const auth =
    credentials.kind === 'basic'
      ? basicAuth(credentials.platformName.value, credentials.platformKey.value)
      : oauthClientCredentials({
          tokenUrl: authUrl ?? settings.authUrl.value,
          clientId: credentials.clientId.value,
          clientSecret: credentials.clientSecret.value,
          cache: profileTokenCache(context.store, profileName, !override && credentials.clientId.source === 'profile'),
          userAgent: USER_AGENT,
          timeoutMs: settings.timeoutMs,
          trace,
        });
  const http = new HttpClient({
    baseUrl,
    auth,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    pacer: processPacer(settings.rate),
    userAgent: USER_AGENT,
    trace,
    signal: finishInFlight ? undefined : context.signal,
    backoff: retryBaseFromEnv(context.env),
  });
  context.onClose(() => http.close());
  return new TangoApi(http);
}

/** TANGO_RETRY_BASE_MS shortens the backoff, for tests and rehearsals against the emulator. */
function retryBaseFromEnv(env: NodeJS.ProcessEnv): { baseMs: number } | undefined {
  const value = Number(env.TANGO_RETRY_BASE_MS);
  return env.TANGO_RETRY_BASE_MS && Number.isFinite(value) && value >= 0 ? { baseMs: value } : undefined;
}

/** Tokens for profile credentials live in the profile; tokens for env-var credentials only in memory. */
function profileTokenCache(store: ProfileStore, profile: string, persist: boolean): TokenCache {
  let memory = persist ? store.get(profile)?.token : undefined;
  return {
    load: () => memory as ReturnType<TokenCache['load']>,
    save: async (token) => {
      memory = token;
      if (persist) await store.update(profile, { token });
    },
  };
}

export function noCredentials(profile: string): CliError {
  return new CliError(ExitCode.auth, `No credentials for profile "${profile}".`, {
    details: [
      'Store them:        tango auth login' + (profile === 'default' ? '' : ` --profile ${profile}`),
      'Or, for scripts:   TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY (or TANGO_CLIENT_ID and TANGO_CLIENT_SECRET)',
      'Or try it locally: tango --env local customers list',
    ],
  });
}
