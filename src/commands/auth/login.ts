/**
 * `tango auth login`: asks or reads credentials, verifies them, and only then stores them.
 * At a terminal it asks what is missing (how the platform signs in, the secrets hidden, which
 * server); in a script every value comes from flags and stdin, and nothing is ever asked.
 */
import { Command, Option } from 'commander';
import { AUDIENCE_NAMES, type AudienceName, DEFAULT_AUDIENCE, ENVIRONMENTS } from '../../config/environments.js';
import type { Credentials, OAuthCredentials } from '../../config/settings.js';
import type { Context, ServerOverride } from '../../context.js';
import { ApiError, CliError, ExitCode, InterruptedError, UsageError } from '../../errors.js';
import { action, examples } from '../action.js';
import { missingFlags, valueOrAsk } from '../prompt.js';
import { whose } from './logout.js';

interface LoginOptions {
  platformName?: string;
  platformKeyStdin?: boolean;
  clientId?: string;
  clientSecretStdin?: boolean;
  username?: string;
  /** Undefined when not given: 24h, or asked at a terminal. */
  audience?: AudienceName;
  authUrl?: string;
  verify: boolean;
  yes?: boolean;
}

/** Where the credentials go: what the profile stores, and the server they are checked against. */
interface Target {
  stored: { env?: string; baseUrl?: string; authUrl?: string };
  /** Undefined: the resolved settings' server (flags, environment variables, the profile). */
  check?: ServerOverride;
}

export function authLoginCommand(): Command {
  return new Command('login')
    .description('store credentials in a profile, after checking them against the API')
    .option('--platform-name <name>', 'platform name (the HTTP Basic user)')
    .option('--platform-key-stdin', 'read the platform key from stdin, so it never shows in ps or history')
    .option('--client-id <id>', 'OAuth client id, for platforms that use OAuth instead of a platform key')
    .option('--username <name>', "the OAuth service account's username")
    .option(
      '--client-secret-stdin',
      "read two lines from stdin: the OAuth client secret, then the service account's password",
    )
    .addOption(
      new Option('--audience <lifetime>', 'OAuth token lifetime: 24h (the default) or 5m').choices(AUDIENCE_NAMES),
    )
    .option('--auth-url <url>', "OAuth token URL (default: the environment's; needed with --base-url)")
    .option('--no-verify', 'store without checking against the API')
    .option('-y, --yes', "replace the profile's credentials without asking (without a terminal nothing is asked)")
    .addHelpText(
      'after',
      examples(
        ['tango auth login', 'asks for everything at a terminal: Basic or OAuth, the secrets, the server'],
        ['printf %s "$KEY" | tango auth login --platform-name acme --platform-key-stdin', 'for scripts'],
        ['tango auth login --profile prod --env production', 'a second, independent profile'],
        [
          'printf \'%s\\n%s\\n\' "$SECRET" "$PASSWORD" | tango auth login --client-id abc --username svc-acme --client-secret-stdin',
          'OAuth: the client and its service account',
        ],
      ),
    )
    .action(action(login));
}

async function login(ctx: Context, opts: LoginOptions): Promise<void> {
  await recoverDamagedStore(ctx);
  const profile = ctx.settings.profile.value;
  if (opts.authUrl) {
    const { checkBaseUrl } = await import('../../config/settings.js');
    checkBaseUrl(opts.authUrl);
  }
  await confirmReplacing(ctx, profile, opts.yes);
  const credentials = await gatherCredentials(ctx, opts);
  const target = await chooseTarget(ctx, credentials, opts.authUrl);
  let verified = false;
  if (opts.verify) verified = await verifyOrStoreAnyway(ctx, credentials, profile, target.check);
  await ctx.store.update(profile, {
    ...target.stored,
    platformName: credentials.kind === 'basic' ? credentials.platformName.value : undefined,
    platformKey: credentials.kind === 'basic' ? credentials.platformKey.value : undefined,
    ...oauthFields(credentials.kind === 'oauth' ? credentials : undefined),
    token: undefined,
  });
  const who =
    credentials.kind === 'basic'
      ? credentials.platformName.value
      : `client ${credentials.clientId.value}, service account ${credentials.username.value}`;
  if (opts.verify && !verified) {
    ctx.log.warn(
      `Credentials for ${who} stored UNVERIFIED in profile "${profile}" (${ctx.store.path}).`,
      'credentials_unverified',
    );
    ctx.log.info('Check them once the server accepts them: tango auth status');
    return;
  }
  const checked = verified ? 'verified and ' : '';
  ctx.log.success(`Credentials for ${who} ${checked}stored in profile "${profile}" (${ctx.store.path}).`);
}

/** A person at a terminal is asked before a profile's working credentials are replaced; a script is not. */
async function confirmReplacing(ctx: Context, profile: string, yes: boolean | undefined): Promise<void> {
  const stored = ctx.store.get(profile);
  if (yes || !ctx.canPrompt || !(stored?.platformKey || stored?.clientSecret || stored?.password)) return;
  const replace = await (await ctx.prompter()).confirm({
    message: `Profile "${profile}" already has credentials (${whose(stored)}). Replace them?`,
    default: false,
  });
  if (!replace) {
    throw new InterruptedError(`Cancelled; profile "${profile}" is unchanged.`, {
      hint: `log in to another profile with --profile <name>, or replace these with --yes`,
    });
  }
}

/**
 * A damaged config file never stops a login: it is moved aside (kept as it was) and the profiles
 * still readable in it are carried into a fresh one, said on stderr, before anything else reads it.
 */
async function recoverDamagedStore(ctx: Context): Promise<void> {
  const recovery = await ctx.store.recoverDamaged();
  if (!recovery) return;
  const kept = recovery.kept.length
    ? `kept the profiles it could read: ${recovery.kept.join(', ')}`
    : 'no profile in it could be read';
  ctx.log.warn(
    `The config file ${ctx.store.path} was damaged (${recovery.why}); moved it aside to ${recovery.movedTo} and ${kept}.`,
    'config_recovered',
  );
}

/** What a profile keeps of OAuth credentials; all undefined (removed) for a Basic login. */
function oauthFields(credentials: OAuthCredentials | undefined) {
  return {
    clientId: credentials?.clientId.value,
    clientSecret: credentials?.clientSecret.value,
    username: credentials?.username.value,
    password: credentials?.password.value,
    audience: credentials?.audience.value,
  };
}

/** A --base-url server's token URL is never guessed: without --auth-url (or a stored one), say which flag. */
function checkTokenUrlKnown(ctx: Context, authUrl: string | undefined): void {
  if (authUrl || ctx.settings.authUrl.value) return;
  throw new UsageError(`--auth-url is needed with --base-url ${ctx.settings.baseUrl.value}`, {
    hint: 'the OAuth token URL of a server given by --base-url cannot be guessed; pass it: --auth-url <url>',
  });
}

type Kind = Credentials['kind'];

/** Basic or OAuth: the flags given say which; at a terminal without any, a choice. */
async function chooseKind(ctx: Context, opts: LoginOptions): Promise<Kind> {
  if (opts.clientId || opts.clientSecretStdin || opts.username) return 'oauth';
  if (opts.platformName || opts.platformKeyStdin || !ctx.canPrompt) return 'basic';
  return (await ctx.prompter()).select<Kind>({
    message: 'How does this platform sign in?',
    choices: [
      { name: 'Platform name and key (HTTP Basic)', value: 'basic' },
      {
        name: 'OAuth service account',
        value: 'oauth',
        description: 'a client id and secret, and a service account username and password',
      },
    ],
  });
}

async function gatherCredentials(ctx: Context, opts: LoginOptions): Promise<Credentials> {
  if ((await chooseKind(ctx, opts)) === 'oauth') return gatherOAuth(ctx, opts);
  const { secretFromStdin } = await import('../../config/secrets.js');
  const piped = (flag: string, example: string) =>
    secretFromStdin(() => ctx.io.readStdin(flag, example), flag, 'the platform key');
  if (!ctx.canPrompt && !opts.platformName) {
    throw missingFlags(['--platform-name', ...(opts.platformKeyStdin ? [] : ['--platform-key-stdin'])]);
  }
  const platformName = await valueOrAsk(ctx, opts.platformName, { flag: '--platform-name', message: 'Platform name' });
  const platformKey = opts.platformKeyStdin
    ? await piped(
        '--platform-key-stdin',
        'printf %s "$KEY" | tango auth login --platform-name <name> --platform-key-stdin',
      )
    : await askSecret(ctx, '--platform-key-stdin', 'Platform key');
  return {
    kind: 'basic',
    platformName: { value: platformName, source: 'flag' },
    platformKey: { value: platformKey, source: 'flag' },
  };
}

/**
 * The client and its service account. Both secrets come from stdin (two lines) with
 * --client-secret-stdin, or are asked for hidden at a terminal; never from argv.
 */
async function gatherOAuth(ctx: Context, opts: LoginOptions): Promise<OAuthCredentials> {
  if (!ctx.canPrompt) {
    const missing = [
      ...(opts.clientId ? [] : ['--client-id']),
      ...(opts.username ? [] : ['--username']),
      ...(opts.clientSecretStdin ? [] : ['--client-secret-stdin']),
    ];
    if (missing.length > 0) throw missingFlags(missing);
  }
  const clientId = await valueOrAsk(ctx, opts.clientId, { flag: '--client-id', message: 'OAuth client id' });
  const username = await valueOrAsk(ctx, opts.username, {
    flag: '--username',
    message: 'Service account username',
  });
  const [clientSecret, password] = opts.clientSecretStdin
    ? await readBothFromStdin(ctx)
    : [
        await askSecret(ctx, '--client-secret-stdin', 'OAuth client secret'),
        await askSecret(ctx, '--client-secret-stdin', 'Service account password'),
      ];
  return {
    kind: 'oauth',
    clientId: { value: clientId, source: 'flag' },
    clientSecret: { value: clientSecret!, source: 'flag' },
    username: { value: username, source: 'flag' },
    password: { value: password!, source: 'flag' },
    audience: { value: await chooseAudience(ctx, opts.audience), source: 'flag' },
  };
}

/** The token lifetime: --audience, else asked at a terminal, else 24h. */
async function chooseAudience(ctx: Context, given: AudienceName | undefined): Promise<AudienceName> {
  if (given || !ctx.canPrompt) return given ?? DEFAULT_AUDIENCE;
  return (await ctx.prompter()).select<AudienceName>({
    message: 'Token lifetime (the audience asked for)',
    choices: [
      { name: '24 hours', value: '24h', description: 'audience https://api.tangocard.com/' },
      { name: '5 minutes', value: '5m', description: 'audience tango-api.bhn.com/fiveminute' },
    ],
    default: DEFAULT_AUDIENCE,
  });
}

async function readBothFromStdin(ctx: Context): Promise<string[]> {
  const { secretLinesFromStdin } = await import('../../config/secrets.js');
  const flag = '--client-secret-stdin';
  const example = `printf '%s\\n%s\\n' "$SECRET" "$PASSWORD" | tango auth login --client-id <id> --username <name> ${flag}`;
  return secretLinesFromStdin(() => ctx.io.readStdin(flag, example), flag, [
    'the client secret',
    "the service account's password",
  ]);
}

/** Secrets never come from argv: at a terminal they are asked for hidden, otherwise piped. */
function askSecret(ctx: Context, flag: string, message: string): Promise<string> {
  return valueOrAsk(ctx, undefined, { flag, message, secret: true });
}

type Server = 'sandbox' | 'production' | 'custom';

/**
 * The server given by flag or variable, or kept from the profile; at a terminal with none, a
 * choice of sandbox, production or another base URL (checked by the rule of --base-url).
 */
async function chooseTarget(ctx: Context, credentials: Credentials, authUrl: string | undefined): Promise<Target> {
  const { env, baseUrl } = ctx.settings;
  const given = authUrl ? { authUrl } : {};
  const prompted = env.source !== 'flag' && env.source !== 'env' && env.source !== 'profile' && ctx.canPrompt;
  if (!prompted) {
    if (credentials.kind === 'oauth') checkTokenUrlKnown(ctx, authUrl);
    const check = authUrl ? { authUrl } : undefined;
    if (env.source === 'profile' || env.source === 'default') return { stored: given, check };
    const stored =
      env.value === 'custom' ? { baseUrl: baseUrl.value, env: undefined } : { env: env.value, baseUrl: undefined };
    return { stored: { ...stored, ...given }, check };
  }
  const prompter = await ctx.prompter();
  const server = await prompter.select<Server>({
    message: 'Environment',
    choices: [
      { name: 'sandbox (integration-api.tangocard.com)', value: 'sandbox' },
      { name: 'production (api.tangocard.com)', value: 'production' },
      { name: 'another server (a base URL)', value: 'custom', description: 'https://, or http:// to this machine' },
    ],
  });
  if (server !== 'custom') {
    // A token URL stored for an earlier custom server would be wrong here: the preset's, unless given.
    const preset = ENVIRONMENTS[server];
    return {
      stored: { env: server, baseUrl: undefined, authUrl },
      check: { baseUrl: preset.baseUrl, authUrl: authUrl ?? preset.authUrl },
    };
  }
  const customUrl = await askUrl(ctx, 'Base URL (for example https://api.example.com/raas/v2)', '--base-url');
  const tokenUrl =
    credentials.kind === 'oauth' ? (authUrl ?? (await askUrl(ctx, 'OAuth token URL', '--auth-url'))) : authUrl;
  return {
    stored: { env: undefined, baseUrl: customUrl, authUrl: tokenUrl },
    check: { baseUrl: customUrl, authUrl: tokenUrl },
  };
}

/** A URL typed at the prompt, refused as it is typed by the rule `flag` uses; the normalised form. */
async function askUrl(ctx: Context, message: string, flag: string): Promise<string> {
  const { checkBaseUrl } = await import('../../config/settings.js');
  const validate = (value: string) => {
    try {
      checkBaseUrl(value.trim());
      return true;
    } catch (error) {
      const hint = error instanceof CliError && error.hint ? ` (${error.hint})` : '';
      return `${(error as Error).message.replace(/^--base-url/, flag)}${hint}`;
    }
  };
  const typed = await (await ctx.prompter()).input({ message, validate });
  return checkBaseUrl(typed.trim());
}

/**
 * True when the server accepted the credentials. When it refused them (or could not be reached),
 * a person at a terminal keeps what was typed: they may store it unverified, said plainly. A
 * script gets the refusal (exit 4), and the profile is left as it was.
 */
async function verifyOrStoreAnyway(
  ctx: Context,
  credentials: Credentials,
  profile: string,
  server: ServerOverride | undefined,
): Promise<boolean> {
  try {
    await verify(ctx, credentials, profile, server);
    return true;
  } catch (error) {
    if (!ctx.canPrompt || !(error instanceof CliError) || error instanceof InterruptedError) throw error;
    ctx.log.warn(`${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`, 'credentials_refused');
    for (const line of error.details ?? []) ctx.log.warn(`  ${line}`, 'credentials_refused');
    const store = await (await ctx.prompter()).confirm({
      message: `Store these credentials in profile "${profile}" anyway, UNVERIFIED?`,
      default: false,
    });
    if (!store) throw error;
    return false;
  }
}

async function verify(
  ctx: Context,
  credentials: Credentials,
  profile: string,
  server: ServerOverride | undefined,
): Promise<void> {
  const api = await ctx.apiWith(credentials, server);
  try {
    await api.listCustomers({}, { paginate: true, maxResults: 1 });
  } catch (error) {
    if (error instanceof ApiError && error.exitCode === ExitCode.auth) {
      throw new CliError(
        ExitCode.auth,
        `The API refused these credentials (HTTP ${error.status}); nothing was stored.`,
        {
          requestId: error.requestId,
          hint: `check the credentials and the environment (${server?.baseUrl ?? ctx.settings.baseUrl.value}); profile "${profile}" is unchanged`,
        },
      );
    }
    throw error;
  }
}
