/** `tango auth logout`: forgets a profile's credentials and cached token; other settings stay. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { action, examples } from '../action.js';

export function authLogoutCommand(): Command {
  return new Command('logout')
    .description("remove a profile's stored credentials (its other settings stay)")
    .addHelpText(
      'after',
      examples(['tango auth logout', 'the default profile'], ['tango auth logout --profile prod', 'another profile']),
    )
    .action(action(logout));
}

async function logout(ctx: Context): Promise<void> {
  const name = ctx.settings.profile.value;
  const profile = ctx.store.get(name);
  if (!profile?.platformKey && !profile?.clientSecret && !profile?.password && !profile?.token) {
    ctx.log.note(`Profile "${name}" has no stored credentials; nothing to remove.`);
    return;
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
