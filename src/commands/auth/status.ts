/** `tango auth status`: which credentials and server would be used, where each came from, and whether they work. */
import { Command } from 'commander';
import type { Credentials, Resolved, Settings } from '../../config/settings.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode } from '../../errors.js';
import { noCredentials } from '../../hints.js';
import { action, examples } from '../action.js';

interface StatusOptions {
  verify: boolean;
}

export function authStatusCommand(): Command {
  return new Command('status')
    .description('show the profile, server and credentials in use, and check them against the API')
    .option('--no-verify', 'do not call the API')
    .addHelpText(
      'after',
      examples(
        ['tango auth status', 'check the default profile'],
        ['tango auth status --profile prod --json', 'for scripts'],
      ),
    )
    .action(action(status));
}

export interface StatusReport {
  profile: string;
  environment: string;
  baseUrl: string;
  authType: 'basic' | 'oauth' | 'none';
  platformName?: string;
  platformKey?: string;
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  audience?: string;
  authUrl?: string;
  configFile: string;
  sources: Record<string, string>;
  verified?: boolean;
}

async function status(ctx: Context, opts: StatusOptions): Promise<void> {
  const { mask } = await import('../../config/secrets.js');
  const report = describe(ctx.settings, ctx.store.path, mask);
  let failure: CliError | undefined;
  if (opts.verify && (ctx.settings.credentials || ctx.settings.env.value === 'local')) {
    failure = await check(ctx);
    report.verified = !failure;
  }
  await print(ctx, report);
  if (!ctx.settings.credentials && ctx.settings.env.value !== 'local') {
    throw ctx.settings.credentialsIssue ?? noCredentials(report.profile);
  }
  if (failure) throw failure;
}

function describe(settings: Settings, configFile: string, mask: (s?: string) => string): StatusReport {
  const sources: Record<string, string> = {
    profile: settings.profile.source,
    environment: settings.env.source,
    baseUrl: settings.baseUrl.source,
  };
  const report: StatusReport = {
    profile: settings.profile.value,
    environment: settings.env.value,
    baseUrl: settings.env.value === 'local' ? '(embedded emulator, port chosen at start)' : settings.baseUrl.value,
    authType: settings.credentials?.kind ?? 'none',
    configFile,
    sources,
  };
  // --env local always talks to the embedded emulator with its built-in credentials.
  if (settings.env.value === 'local') {
    report.authType = 'basic';
    report.platformName = 'tango-local (built-in emulator credentials)';
    return report;
  }
  const credentials: Credentials | undefined = settings.credentials;
  const note = (key: keyof StatusReport, value: Resolved<string>, secret = false) => {
    (report as unknown as Record<string, string>)[key] = secret ? mask(value.value) : value.value;
    sources[key] = value.source;
  };
  if (credentials?.kind === 'basic') {
    note('platformName', credentials.platformName);
    note('platformKey', credentials.platformKey, true);
  } else if (credentials?.kind === 'oauth') {
    note('clientId', credentials.clientId);
    note('clientSecret', credentials.clientSecret, true);
    note('username', credentials.username);
    note('password', credentials.password, true);
    note('audience', credentials.audience);
    note(
      'authUrl',
      settings.authUrl.value ? settings.authUrl : { value: '(none: pass --auth-url)', source: 'default' },
    );
  }
  return report;
}

async function check(ctx: Context): Promise<CliError | undefined> {
  try {
    const api = await ctx.api();
    await api.listCustomers({}, { paginate: true, maxResults: 1 });
    return undefined;
  } catch (error) {
    if (error instanceof ApiError && error.exitCode === ExitCode.auth) {
      return new CliError(
        ExitCode.auth,
        `The API refused the credentials of profile "${ctx.settings.profile.value}" (HTTP ${error.status}).`,
        {
          requestId: error.requestId,
          hint: 'store working ones with: tango auth login',
        },
      );
    }
    if (error instanceof CliError) return error;
    throw error;
  }
}

async function print(ctx: Context, report: StatusReport): Promise<void> {
  if (ctx.output.wantsDocument) return ctx.output.document(report);
  const rows: Array<[string, string | undefined, string | undefined]> = [
    ['Profile', report.profile, report.sources.profile],
    ['Environment', report.environment, report.sources.environment],
    ['Base URL', report.baseUrl, report.sources.baseUrl],
    ['Auth', report.authType, undefined],
    ['Platform name', report.platformName, report.sources.platformName],
    ['Platform key', report.platformKey, report.sources.platformKey],
    ['Client id', report.clientId, report.sources.clientId],
    ['Client secret', report.clientSecret, report.sources.clientSecret],
    ['Username', report.username, report.sources.username],
    ['Password', report.password, report.sources.password],
    ['Audience', report.audience, report.sources.audience],
    ['Token URL', report.authUrl, report.sources.authUrl],
    ['Config file', report.configFile, undefined],
    ['Verified', report.verified === undefined ? undefined : report.verified ? 'yes' : 'no', undefined],
  ];
  await ctx.output.keyValues(
    rows
      .filter(([, value]) => value !== undefined)
      .map(([label, value, source]) => ({ label, value: value as string, note: source && `from ${source}` })),
  );
}
