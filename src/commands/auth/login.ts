/** `tango auth login`: asks or reads credentials, verifies them, and only then stores them. */
import { Command, Option } from 'commander';
import { AUDIENCE_NAMES, type AudienceName, DEFAULT_AUDIENCE } from '../../config/environments.js';
import type { Credentials, OAuthCredentials } from '../../config/settings.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { action, examples } from '../action.js';
import { missingFlags, valueOrAsk } from '../prompt.js';

interface LoginOptions {
  platformName?: string;
  platformKeyStdin?: boolean;
  clientId?: string;
  clientSecretStdin?: boolean;
  username?: string;
  audience: AudienceName;
  authUrl?: string;
  verify: boolean;
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
      new Option('--audience <lifetime>', 'OAuth token lifetime: 24h or 5m')
        .choices(AUDIENCE_NAMES)
        .default(DEFAULT_AUDIENCE),
    )
    .option('--auth-url <url>', "OAuth token URL (default: the environment's; needed with --base-url)")
    .option('--no-verify', 'store without checking against the API')
    .addHelpText(
      'after',
      examples(
        ['tango auth login', 'asks for everything at a terminal'],
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
  const credentials = await gatherCredentials(ctx, opts);
  const target = await chooseEnvironment(ctx);
  const profile = ctx.settings.profile.value;
  if (opts.authUrl) {
    const { checkBaseUrl } = await import('../../config/settings.js');
    checkBaseUrl(opts.authUrl);
  }
  if (credentials.kind === 'oauth') checkTokenUrlKnown(ctx, opts.authUrl);
  if (opts.verify) await verify(ctx, credentials, profile, opts.authUrl);
  await ctx.store.update(profile, {
    ...target,
    ...(opts.authUrl ? { authUrl: opts.authUrl } : {}),
    platformName: credentials.kind === 'basic' ? credentials.platformName.value : undefined,
    platformKey: credentials.kind === 'basic' ? credentials.platformKey.value : undefined,
    ...oauthFields(credentials.kind === 'oauth' ? credentials : undefined),
    token: undefined,
  });
  const who =
    credentials.kind === 'basic'
      ? credentials.platformName.value
      : `client ${credentials.clientId.value}, service account ${credentials.username.value}`;
  const checked = opts.verify ? 'verified and ' : '';
  ctx.log.success(`Credentials for ${who} ${checked}stored in profile "${profile}" (${ctx.store.path}).`);
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

async function gatherCredentials(ctx: Context, opts: LoginOptions): Promise<Credentials> {
  const { secretFromStdin } = await import('../../config/secrets.js');
  const piped = (flag: string, example: string) =>
    secretFromStdin(() => ctx.io.readStdin(flag, example), flag, 'the platform key');
  if (opts.clientId || opts.clientSecretStdin || opts.username) return gatherOAuth(ctx, opts);
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
    audience: { value: opts.audience, source: 'flag' },
  };
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

/** The environment given by flag or variable; at a terminal with none given, a choice. */
async function chooseEnvironment(ctx: Context): Promise<{ env?: string; baseUrl?: string }> {
  const { env, baseUrl } = ctx.settings;
  if (env.source === 'flag' || env.source === 'env') {
    return env.value === 'custom' ? { baseUrl: baseUrl.value, env: undefined } : { env: env.value, baseUrl: undefined };
  }
  if (env.source === 'profile' || !ctx.canPrompt) return {};
  const prompter = await ctx.prompter();
  const chosen = await prompter.select({
    message: 'Environment',
    choices: [
      { name: 'sandbox (integration-api.tangocard.com)', value: 'sandbox' },
      { name: 'production (api.tangocard.com)', value: 'production' },
    ],
  });
  return { env: chosen, baseUrl: undefined };
}

async function verify(ctx: Context, credentials: Credentials, profile: string, authUrl?: string): Promise<void> {
  const api = await ctx.apiWith(credentials, authUrl);
  try {
    await api.listCustomers({}, { paginate: true, maxResults: 1 });
  } catch (error) {
    if (error instanceof ApiError && error.exitCode === ExitCode.auth) {
      throw new CliError(
        ExitCode.auth,
        `The API refused these credentials (HTTP ${error.status}); nothing was stored.`,
        {
          requestId: error.requestId,
          hint: `check the credentials and the environment (${ctx.settings.env.value}); profile "${profile}" is unchanged`,
        },
      );
    }
    throw error;
  }
}
