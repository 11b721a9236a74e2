/**
 * The only door between a command and the outside world, like gh's Factory: the streams (with
 * what is known about them), the environment, the Ctrl-C signal, the Prompter and the HTTP
 * dispatcher all reach a command through its Context. The entry point hands the process's own
 * to `run()`; a test hands fakes, and runs any command in-process.
 *
 * Built per command by the action wrapper. Settings are resolved on first use, so commands that
 * only print text (help, completion) never read the profile; the API client (and undici with it)
 * loads only when a command asks for it.
 */
import type { Command } from 'commander';
import type { Dispatcher } from 'undici';
import type { RetryListener } from './api/http.js';
import type { TangoApi } from './api/tango.js';
import { ShownIdentifiers } from './completion/cache.js';
import {
  type Credentials,
  checkOutputFlags,
  type GlobalOptions,
  type OptionSource,
  quietWanted,
  resolveSettings,
  type Settings,
  verboseWanted,
} from './config/settings.js';
import { ProfileStore } from './config/store.js';
import type { EmbeddedEmulator } from './emulator/embedded.js';
import { noCredentials } from './hints.js';
import { jsonErrorsChosen } from './output/error-object.js';
import { wrap } from './output/fit.js';
import type { IOStreams, StandardStreams } from './output/iostreams.js';
import { createLogger, type Logger } from './output/logger.js';
import type { Prompter } from './output/prompter.js';
import { Output, type OutputOptions } from './output/render.js';
import { createRetryStatus, type RetryStatusMode } from './output/retry-status.js';
import { createStatusLine, type StatusLine } from './output/status-line.js';

/** What the entry point hands the program: the process's outside world, or a test's fakes. */
export interface ContextIO extends StandardStreams {
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C (and SIGTERM). */
  signal: AbortSignal;
  /**
   * Aborted on a second Ctrl-C: requests that the first let finish are abandoned too, so an import
   * can still write its report at once (its rows in flight marked unknown) before the process ends.
   */
  abandon?: AbortSignal;
  /** Answers every prompt; default: inquirer's prompts on stdin, drawn on stderr. */
  prompter?: Prompter;
  /** Sends every request; default: a keep-alive undici Agent per client. Tests pass a MockAgent. */
  dispatcher?: Dispatcher;
}

export interface Context {
  readonly settings: Settings;
  readonly store: ProfileStore;
  /** stderr: everything that is not data. */
  readonly log: Logger;
  /**
   * The one line redrawn in place (an import's progress bar, the retry status), shared so neither
   * erases the other; undefined where nothing is redrawn (not a terminal, or -q).
   */
  readonly statusLine: StatusLine | undefined;
  /** stdout: the data, in the format asked for. */
  readonly output: Output;
  /** The streams' facts (terminal or not, width) and stdin, for readers that take a stream. */
  readonly io: IOStreams;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** A person is there to answer prompts: stdin and stdout are terminals, no --no-input, no CI. */
  readonly canPrompt: boolean;
  /** Asks a person; only when canPrompt. */
  prompter(): Promise<Prompter>;
  /**
   * A Prompter that still asks once Ctrl-C has stopped the work (prompter()'s questions end with
   * the signal): the wizard's offer to save its answers. Ctrl-C at its question is a "no".
   */
  prompterAfterInterrupt(): Promise<Prompter>;
  api(): Promise<TangoApi>;
  /**
   * A client whose requests are not abandoned on Ctrl-C, for work that stops starting requests
   * on the signal but lets those in flight finish (an import's rows). Use instead of `api()`.
   */
  apiFinishingInFlight(): Promise<TangoApi>;
  /**
   * A client for other credentials than the resolved ones, and optionally another server (auth
   * login verifies what was typed, against the environment chosen at its prompt, before storing).
   */
  apiWith(credentials: Credentials, server?: ServerOverride): Promise<TangoApi>;
  /** The customer, account and alert identifiers this command printed; the completion cache learns them. */
  readonly shown: ShownIdentifiers;
  /** Runs `fn` when the command ends, first registered last run. */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** A server other than the resolved one: its base URL and, for OAuth, its token URL. */
export interface ServerOverride {
  baseUrl?: string;
  authUrl?: string;
}

export function globalOptions(cmd: Command): { opts: GlobalOptions; source: OptionSource } {
  return {
    opts: cmd.optsWithGlobals<GlobalOptions>(),
    source: (name) => cmd.getOptionValueSourceWithGlobals(name),
  };
}

export function promptAllowed(opts: GlobalOptions, env: NodeJS.ProcessEnv, io: IOStreams): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI);
  // stdout first: with output to a pipe (a script), stdin is never opened just to ask whether it is a terminal.
  return opts.input !== false && !ci && io.stdoutIsTTY && io.stdinIsTTY;
}

/**
 * Success lines, notes and progress: at a terminal, not with -q/TANGO_QUIET=1. TANGO_QUIET=0 asks
 * for them where stderr is not a terminal too (a log file that should say what was done).
 */
function chatterWanted(opts: GlobalOptions, env: NodeJS.ProcessEnv, io: IOStreams): boolean {
  if (quietWanted(opts, env)) return false;
  return io.stderrIsTTY || env.TANGO_QUIET === '0';
}

/**
 * The retry status line: redrawn in place at a terminal; as lines with --verbose (beside the trace)
 * or where TANGO_QUIET=0 asks for chatter off a terminal; otherwise (a pipe, cron, -q) none.
 */
function retryStatusMode(opts: GlobalOptions, env: NodeJS.ProcessEnv, io: IOStreams): RetryStatusMode {
  if (verboseWanted(opts, env)) return 'lines';
  if (!chatterWanted(opts, env, io)) return 'off';
  return io.stderrIsTTY ? 'redraw' : 'lines';
}

export function createContext(cmd: Command, outside: ContextIO, io: IOStreams): Context {
  const { opts, source } = globalOptions(cmd);
  checkOutputFlags(opts, source);
  const env = outside.env;
  const store = new ProfileStore(env);
  const profileName = opts.profile || 'default';
  let settings: Settings | undefined;
  const resolved = () => {
    settings ??= resolveSettings(opts, source, env, store.get(profileName));
    return settings;
  };
  // Every line of stderr a JSON object when errors are (a script reads it); see logger.ts.
  const json = jsonErrorsChosen(opts.json ? 'json' : opts.output, opts.errorFormat);
  const log = createLogger({
    verbose: verboseWanted(opts, env),
    chatter: chatterWanted(opts, env, io),
    color: io.colorOn('stderr', opts.color),
    json,
    write: (text) => io.writeErr(text),
  });
  const retryMode = retryStatusMode(opts, env, io);
  // Only where something is redrawn in place: a terminal, chatter wanted (not -q).
  const statusLine =
    io.stderrIsTTY && chatterWanted(opts, env, io)
      ? createStatusLine({
          color: io.colorOn('stderr', opts.color),
          columns: io.stderrColumns,
          write: (text) => io.writeErr(text),
        })
      : undefined;
  const retries = createRetryStatus({
    mode: retryMode,
    color: io.colorOn('stderr', opts.color),
    line: statusLine,
    json,
    write: (text) => io.writeErr(text),
  });
  const outputOptions: OutputOptions = {
    // Read when something is printed in a format, so printing plain text resolves no settings.
    get format() {
      return resolved().output.value;
    },
    get fields() {
      return resolved().fields;
    },
    query: opts.query,
    csvRaw: opts.csvRaw,
    get formatGiven() {
      const source = resolved().output.source;
      return source === 'flag' || source === 'env';
    },
    color: io.colorOn('stdout', opts.color),
    isTTY: io.stdoutIsTTY,
    width: io.stdoutColumns,
    write: (text) => io.writeOut(text),
    notice: (line) => log.aside(wrap(line, io.stderrColumns ?? Number.POSITIVE_INFINITY)),
    onRows: (resource, rows) => shown.add(resource, rows),
  };
  const shown = new ShownIdentifiers();
  const closers: Array<() => Promise<void> | void> = [];
  let prompter: Promise<Prompter> | undefined;
  let api: Promise<TangoApi> | undefined;
  let finishing: Promise<TangoApi> | undefined;

  const makePrompter = (signal: AbortSignal | undefined): Promise<Prompter> =>
    outside.prompter
      ? Promise.resolve(outside.prompter)
      : import('./output/prompter.js').then(({ inquirerPrompter }) =>
          inquirerPrompter({
            input: io.stdin,
            output: io.promptOutput,
            signal,
            color: io.colorOn('stderr', opts.color),
          }),
        );

  const context: Context = {
    get settings() {
      return resolved();
    },
    store,
    log,
    statusLine,
    output: new Output(outputOptions),
    io,
    env,
    signal: outside.signal,
    canPrompt: promptAllowed(opts, env, io),
    prompter: () => {
      prompter ??= makePrompter(outside.signal);
      return prompter;
    },
    prompterAfterInterrupt: () => makePrompter(undefined),
    api: () => {
      api ??= connect(context, outside, profileName, { retries });
      return api;
    },
    apiFinishingInFlight: () => {
      finishing ??= connect(context, outside, profileName, { finishInFlight: true, retries });
      return finishing;
    },
    apiWith: (credentials, server = {}) => connect(context, outside, profileName, { credentials, ...server, retries }),
    shown,
    onClose: (fn) => closers.push(fn),
    close: async () => {
      for (const fn of closers.reverse()) await fn();
    },
  };
  return context;
}

/**
 * TANGO_PLATFORM_* (or the OAuth variables) beat every stored profile: right for a script, a surprise
 * for someone who chose a profile by name (--profile, TANGO_PROFILE) and gets another platform.
 */
function warnIfVariablesBeatProfile(settings: Settings, credentials: Credentials, log: Logger): void {
  const { profile } = settings;
  if (profile.source === 'default') return;
  const variables =
    credentials.kind === 'basic'
      ? credentials.platformName.source === 'env' && 'TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY'
      : credentials.clientId.source === 'env' &&
        'TANGO_CLIENT_ID, TANGO_CLIENT_SECRET, TANGO_USERNAME and TANGO_PASSWORD';
  if (!variables) return;
  const chosen = profile.source === 'env' ? 'TANGO_PROFILE' : '--profile';
  log.warn(
    `${variables} are set: their credentials are used, not those of profile "${profile.value}" (chosen with ${chosen}). Unset them to use the profile's.`,
    'credentials_override',
  );
}

const embedded = new WeakMap<Context, Promise<EmbeddedEmulator>>();

/**
 * `--env local`: one embedded emulator per command, however many clients it makes (apply reads with
 * one and writes with another), so its banner is said once and one server holds the state file.
 */
function localEmulator(context: Context): Promise<EmbeddedEmulator> {
  let started = embedded.get(context);
  if (!started) {
    started = startLocal(context);
    embedded.set(context, started);
  }
  return started;
}

async function startLocal(context: Context): Promise<EmbeddedEmulator> {
  const { startEmbeddedEmulator } = await import('./emulator/embedded.js');
  const { configDir } = await import('./config/paths.js');
  const emulator = await startEmbeddedEmulator(configDir(context.env));
  context.onClose(() => emulator.close());
  if (emulator.movedAside) {
    context.log.warn(
      `The local emulator's state was damaged: moved aside to ${emulator.movedAside}; starting empty.`,
      'emulator_state_reset',
    );
  }
  context.log.note(`Local emulator at ${emulator.baseUrl}; nothing leaves this machine.`);
  return emulator;
}

interface ConnectOptions extends ServerOverride {
  credentials?: Credentials;
  finishInFlight?: boolean;
  retries?: RetryListener;
}

/** The API client for this command; for `--env local`, the embedded emulator started behind it. */
async function connect(
  context: Context,
  outside: ContextIO,
  profileName: string,
  { credentials: override, authUrl, baseUrl: otherServer, finishInFlight = false, retries }: ConnectOptions = {},
): Promise<TangoApi> {
  const { settings, log } = context;
  let baseUrl = otherServer ?? settings.baseUrl.value;
  let credentials = override ?? settings.credentials;
  if (settings.env.value === 'local') {
    const emulator = await localEmulator(context);
    baseUrl = emulator.baseUrl;
    // The embedded emulator knows only its own credentials; real ones must never be sent to it either.
    credentials = {
      kind: 'basic',
      platformName: { value: emulator.credentials.platformName, source: 'default' },
      platformKey: { value: emulator.credentials.platformKey, source: 'default' },
    };
  }
  if (!credentials) throw settings.credentialsIssue ?? noCredentials(profileName);
  if (!override && settings.env.value !== 'local') warnIfVariablesBeatProfile(settings, credentials, log);
  const { createApiClient } = await import('./api/client.js');
  const persistToken = !override && credentials.kind === 'oauth' && credentials.clientId.source === 'profile';
  const client = createApiClient({
    settings,
    baseUrl,
    credentials,
    authUrl,
    tokenProfile: persistToken ? { store: context.store, name: profileName } : undefined,
    env: context.env,
    signal: finishInFlight ? undefined : context.signal,
    abandon: outside.abandon,
    dispatcher: outside.dispatcher,
    trace: settings.verbose ? (line: string) => log.debug(`http: ${line}`) : undefined,
    retries,
  });
  context.onClose(client.close);
  return client.api;
}
