/** `tango config list|get|set|unset|path`: the stored settings of each profile. */
import { Argument, Command } from 'commander';
import { completeWith } from '../../completion/values.js';
import { CONFIG_KEYS, configKey, settingsHelp } from '../../config/keys.js';
import { mask } from '../../config/secrets.js';
import type { Profile } from '../../config/store.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { action, examples } from '../action.js';

/** `<key>`: checked by configKey() with a friendlier error than commander's choices; completed from the same list. */
function keyArgument(): Argument {
  return completeWith(new Argument('<key>', 'a setting, from the list below'), Object.keys(CONFIG_KEYS));
}

export function configCommand(): Command {
  return new Command('config')
    .description('read and change stored settings, per profile')
    .addHelpText(
      'after',
      examples(
        ['tango config list', 'every profile and its settings'],
        ['tango config set output json', 'JSON by default'],
      ),
    )
    .addCommand(
      new Command('list')
        .description('every profile and its settings (secrets masked)')
        .addHelpText(
          'after',
          examples(['tango config list', 'all profiles'], ['tango config list --json', 'for scripts']),
        )
        .action(action(list)),
    )
    .addCommand(
      new Command('get')
        .description('print one setting of the profile')
        .addArgument(keyArgument())
        .addHelpText('after', settingsHelp())
        .addHelpText(
          'after',
          examples(
            ['tango config get env', 'the default profile'],
            ['tango config get output --profile prod', 'another profile'],
          ),
        )
        .action(action(get)),
    )
    .addCommand(
      new Command('set')
        .description('change one setting of the profile (credentials: use tango auth login)')
        .addArgument(keyArgument())
        .addHelpText('after', settingsHelp())
        .argument('<value>', 'the new value')
        .addHelpText(
          'after',
          examples(
            ['tango config set env production --profile prod', 'a production profile'],
            ['tango config set output json', 'JSON by default'],
          ),
        )
        .action(action(set)),
    )
    .addCommand(
      new Command('unset')
        .description('remove one setting from the profile')
        .addArgument(keyArgument())
        .addHelpText('after', settingsHelp())
        .addHelpText('after', examples(['tango config unset rate', "back to the environment's default pace"]))
        .action(action(unset)),
    )
    .addCommand(
      new Command('path')
        .description('print where the config file is')
        .addHelpText('after', examples(['tango config path', 'e.g. ~/.config/tango-admin/config.json']))
        .action(action(path)),
    );
}

function shown(profile: Profile): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS)) {
    const value = profile[key.property];
    if (value === undefined || typeof value === 'object') continue;
    values[name] = key.secret ? mask(String(value)) : value;
  }
  if (profile.token) values['oauth-token'] = `cached until ${new Date(profile.token.expiresAt).toISOString()}`;
  return values;
}

async function list(ctx: Context): Promise<void> {
  const profiles = Object.fromEntries(ctx.store.names().map((name) => [name, shown(ctx.store.get(name) ?? {})]));
  if (ctx.output.wantsDocument) {
    return ctx.output.document({ configFile: ctx.store.path, profiles });
  }
  const rows = Object.entries(profiles).flatMap(([profile, values]) =>
    Object.entries(values).map(([key, value]) => ({ profile, key, value })),
  );
  if (rows.length === 0) ctx.log.note(`No profiles yet. Start with: tango auth login (config file: ${ctx.store.path})`);
  await ctx.output.list(rows, {
    name: 'setting',
    columns: [
      { key: 'profile', header: 'PROFILE' },
      { key: 'key', header: 'KEY' },
      { key: 'value', header: 'VALUE' },
    ],
    defaults: ['profile', 'key', 'value'],
  });
}

async function get(ctx: Context, name: string): Promise<void> {
  const key = configKey(name);
  const profile = ctx.settings.profile.value;
  const value = ctx.store.get(profile)?.[key.property];
  if (value === undefined) {
    throw new CliError(ExitCode.notFound, `"${name}" is not set in profile "${profile}"`);
  }
  await ctx.output.lines([key.secret ? mask(String(value)) : String(value)]);
}

const BASIC_LOGIN = 'use: printf %s "$KEY" | tango auth login --platform-name <name> --platform-key-stdin';
const OAUTH_LOGIN =
  'use: printf \'%s\\n%s\\n\' "$SECRET" "$PASSWORD" | tango auth login --client-id <id> --username <user> --client-secret-stdin';

async function set(ctx: Context, name: string, value: string): Promise<void> {
  const key = configKey(name);
  if (key.secret) {
    throw new UsageError(`${name} is a secret and is never set from the command line`, {
      hint: name === 'client-secret' ? OAUTH_LOGIN : BASIC_LOGIN,
    });
  }
  const profile = ctx.settings.profile.value;
  await ctx.store.update(profile, { [key.property]: key.parse ? key.parse(value) : value });
  ctx.log.success(`Set ${name} in profile "${profile}".`);
  if (key.property === 'env') warnIfBaseUrlWins(ctx, profile);
}

/** At each level a base URL beats an environment name: an env set beside one changes nothing until it goes. */
function warnIfBaseUrlWins(ctx: Context, profile: string): void {
  const baseUrl = ctx.store.get(profile)?.baseUrl;
  if (!baseUrl) return;
  const flag = profile === 'default' ? '' : ` --profile ${profile}`;
  ctx.log.warn(
    `profile "${profile}" also has base-url ${baseUrl}, which wins over env; to use the env: tango config unset base-url${flag}`,
    'base_url_wins',
  );
}

async function unset(ctx: Context, name: string): Promise<void> {
  const key = configKey(name);
  const profile = ctx.settings.profile.value;
  await ctx.store.update(profile, { [key.property]: undefined });
  ctx.log.success(`Removed ${name} from profile "${profile}".`);
}

async function path(ctx: Context): Promise<void> {
  await ctx.output.lines([ctx.store.path]);
}
