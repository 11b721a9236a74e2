/**
 * What the five `tango alerts` commands share: their positional arguments, the flags that carry an
 * alert's fields, the words for a 404, and the account's currency for tables. Light on purpose:
 * the API layer is imported only inside the functions that send.
 */
import type { Command } from 'commander';
import type { TangoApi } from '../../api/tango.js';
import type { Context } from '../../context.js';
import type { ApiError } from '../../errors.js';
import { byRule, collectByRule, threshold } from '../parse.js';
import { notFound } from '../shared.js';

/** `<customer> <account>`, and `<alert-id>` (a UUID, checked before anything is sent) when `withId`. */
export function alertArguments(command: Command, withId: boolean): Command {
  command.argument('<customer>', 'the customer identifier').argument('<account>', 'the account identifier');
  return withId
    ? command.argument(
        '<alert-id>',
        "the alert's balanceAlertID (a UUID; `tango alerts list` shows them)",
        byRule('balanceAlertID'),
      )
    : command;
}

/** --display-name, --threshold and --email, as create and update spell them. */
export function addAlertFieldOptions(command: Command, verb: 'create' | 'update'): Command {
  const replaces = verb === 'update' ? '; the list given replaces the old one' : '';
  return command
    .option(
      '--display-name <name>',
      "the alert's name: 5-100 letters, digits, punctuation or spaces; unique on the account",
    )
    .option(
      '--threshold <amount>',
      "alert when the balance falls below this amount (in the account's currency): greater than 0, at most two decimals",
      threshold,
    )
    .option('--email <address>', `send the alert to this address (repeatable)${replaces}`, collectByRule('alertEmail'));
}

/** A 404 in the user's words: which of customer, account or alert the server did not find. */
export function alertNotFound(error: ApiError, customer: string, account: string, alertId?: string) {
  return notFound(whichIsMissing(error.i18nKey, customer, account, alertId), error);
}

function whichIsMissing(i18nKey: string | undefined, customer: string, account: string, alertId?: string): string {
  const key = (i18nKey ?? '').toLowerCase();
  if (key.includes('customer')) return `customer ${customer}`;
  if (key.includes('account')) return `account ${account} under customer ${customer}`;
  if (alertId !== undefined && key.includes('alert')) return `alert ${alertId} on account ${account}`;
  return alertId === undefined
    ? `account ${account} under customer ${customer}`
    : `alert ${alertId} on account ${account} under customer ${customer}`;
}

/**
 * The account's currency, for a terminal table's threshold column (`500.00 USD`).
 * Best-effort: without it the threshold is printed as the API's number, and a missing account is
 * reported by the alert request itself.
 */
export async function currencyForTable(ctx: Context, api: TangoApi, account: string): Promise<string | undefined> {
  // A piped table is for awk and friends: the API's plain number, and no extra request.
  if (ctx.output.format !== 'table' || !ctx.io.stdoutIsTTY) return undefined;
  try {
    return (await api.getAccount(account)).currencyCode;
  } catch {
    return undefined;
  }
}

/**
 * Feeds `tango alerts get|update|delete <TAB>`: the customer and account a command reached, and
 * the alerts it saw. Best-effort, like every completion cache write.
 */
export async function rememberAlerts(
  ctx: Context,
  customer: string,
  account: string,
  alerts: ReadonlyArray<{ balanceAlertID: string }>,
): Promise<void> {
  const { cacheScope, remember } = await import('../../completion/cache.js');
  const scope = cacheScope(ctx);
  remember(scope, 'customer', [customer]);
  remember(scope, 'account', [account]);
  remember(
    scope,
    'alert',
    alerts.map((alert) => alert.balanceAlertID),
  );
}
