/**
 * What the five `tango alerts` commands share: their positional arguments, the flags that carry an
 * alert's fields, the words for a 404, and the account's currency for terminal tables. Light on
 * purpose: the API layer is imported only inside the functions that send.
 */
import type { Command } from 'commander';
import type { TangoApi } from '../../api/tango.js';
import type { Context } from '../../context.js';
import { missingOnPath, orNotFound } from '../not-found.js';
import { byRule, collectByRule, threshold } from '../parse.js';

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
      "the alert's name: 5-100 letters, digits, punctuation, symbols or spaces, no emoji; unique on the account (ignoring case)",
    )
    .option(
      '--threshold <amount>',
      "alert when the balance falls below this amount (in the account's currency): greater than 0, at most two decimals",
      threshold,
    )
    .option('--email <address>', `send the alert to this address (repeatable)${replaces}`, collectByRule('alertEmail'));
}

/** Runs `send`; a 404 becomes "customer / account / alert ... not found" (exit 3), whichever the server says. */
export function orAlertNotFound<T>(
  path: { customer: string; account: string; alert?: string },
  send: () => Promise<T>,
): Promise<T> {
  return orNotFound((error) => missingOnPath(error.i18nKey, path), send);
}

/**
 * The account's currency, for a terminal table's threshold column (`500.00 USD`). Best-effort:
 * without it the threshold shows as a plain amount, and a missing account is reported by the
 * alert request itself.
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
