/** `tango auth logout`: forgets a profile's credentials and cached token; other settings stay. */
import { Command } from 'commander';
import type { Profile } from '../../config/store.js';
import type { Context } from '../../context.js';
import { InterruptedError } from '../../errors.js';
import { action, examples } from '../action.js';

interface LogoutOptions {
  yes?: boolean;
}

export function authLogoutCommand(): Command {
  return new Command('logout')
    .description("remove a profile's stored credentials (its other settings stay)")
    .option('-y, --yes', 'remove without asking (without a terminal nothing is asked anyway)')
    .addHelpText(
      'after',
      examples(
        ['tango auth logout', 'the default profile; asks first at a terminal'],
        ['tango auth logout --profile prod --yes', 'another profile, without a question'],
      ),
    )
    .action(action(logout));
}

async function logout(ctx: Context, opts: LogoutOptions): Promise<void> {
  const name = ctx.settings.profile.value;
  const profile = ctx.store.get(name);
  if (!profile?.platformKey && !profile?.clientSecret && !profile?.password && !profile?.token) {
    ctx.log.note(`Profile "${name}" has no stored credentials; nothing to remove.`);
    return;
  }
  // A person at a terminal may have typed the wrong profile; a script (no terminal) logs out as it always did.
  if (ctx.canPrompt && !opts.yes) {
    const prompter = await ctx.prompter();
    const agreed = await prompter.confirm({
      message: `Remove the credentials of profile "${name}" (${whose(profile)})?`,
      default: false,
    });
    if (!agreed) throw new InterruptedError(`Cancelled; the credentials of profile "${name}" were kept.`);
  }
  await ctx.store.update(name, {
    platformName: undefined,
    platformKey: undefined,
    clientId: undefined,
    clientSecret: undefined,
    username: undefined,
    password: undefined,
    audience: undefined,
    token: undefined,
  });
  ctx.log.success(`Removed the credentials of profile "${name}".`);
}

/** Who the stored credentials are for, never a secret: the platform name, or the OAuth client and service account. */
export function whose(profile: Profile): string {
  if (profile.platformName) return `platform ${profile.platformName}`;
  if (profile.clientId)
    return `OAuth client ${profile.clientId}${profile.username ? `, service account ${profile.username}` : ''}`;
  return 'a cached token';
}
