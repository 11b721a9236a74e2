/**
 * "Where am I writing?" Every write against production says so on stderr before it starts (the
 * environment, the base URL and the profile), and at a terminal asks once unless --yes. Sandbox
 * and local stay banner-free. Without a terminal (cron) the banner is printed and the write goes
 * ahead: the line is a warning, so -q keeps it, and a log says where each write went.
 *
 * The one place every write command (and `tango apply`) asks this, so they all ask alike.
 */
import type { Command } from 'commander';
import { ENVIRONMENTS } from '../config/environments.js';
import type { Settings } from '../config/settings.js';
import type { Context } from '../context.js';
import { InterruptedError } from '../errors.js';

const PRODUCTION_HOST = new URL(ENVIRONMENTS.production.baseUrl).hostname;

/**
 * --env production, or any base URL on production's host given by hand (a profile, --base-url):
 * the host decides, not the spelling, so `API.tangocard.com.:443/raas/v2/` asks like the preset.
 */
export function writesToProduction(settings: Pick<Settings, 'env' | 'baseUrl'>): boolean {
  return settings.env.value === 'production' || hostOf(settings.baseUrl.value) === PRODUCTION_HOST;
}

/** The host in its one spelling: lower case (URL does that) and without DNS's optional trailing dot. */
function hostOf(baseUrl: string | undefined): string | undefined {
  if (!baseUrl || !URL.canParse(baseUrl)) return undefined;
  return new URL(baseUrl).hostname.replace(/\.+$/, '');
}

/**
 * Before the first request of a write: `what` names it ("create account acme-main"). Answers true
 * when a person was asked and said yes, so a command with a question of its own (alerts delete)
 * does not ask a second time; false when nobody was asked. A "no" is exit 130, nothing sent.
 */
export async function confirmWrite(ctx: Context, what: string, yes: boolean | undefined): Promise<boolean> {
  if (!writesToProduction(ctx.settings)) return false;
  const { baseUrl, profile } = ctx.settings;
  ctx.log.warn(`production (${baseUrl.value}), profile "${profile.value}": ${what}`, 'production_write');
  if (yes || !ctx.canPrompt) return false;
  const prompter = await ctx.prompter();
  const agreed = await prompter.confirm({ message: `${capitalized(what)} in production?`, default: false });
  if (!agreed) throw new InterruptedError('Cancelled; nothing was changed.');
  return true;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `--yes` of a write command: the answer to confirmWrite's question, given in advance. */
export function addYesOption(command: Command): Command {
  return command.option('-y, --yes', 'do not ask before writing to production (asked only at a terminal)');
}
