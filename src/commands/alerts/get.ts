/** `tango alerts get <customer> <account> <alert-id>`: GET .../lowbalance/{balanceAlertID}. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { alertView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { alertArguments, currencyForTable, orAlertNotFound } from './common.js';

export function alertsGetCommand(): Command {
  return alertArguments(new Command('get').description('show one low-balance alert'), true)
    .addHelpText(
      'after',
      examples(
        ['tango alerts get acme-co acme-main 3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b', 'the alert as a table'],
        ['tango alerts get acme-co acme-main <alert-id> --json', "the API's object, unchanged"],
      ),
    )
    .action(action(get));
}

async function get(ctx: Context, customer: string, account: string, alertId: string): Promise<void> {
  ctx.output.checkFields(alertView());
  const api = await ctx.api();
  const alert = await orAlertNotFound({ customer, account, alert: alertId }, () =>
    api.getAlert(customer, account, alertId),
  );
  await ctx.output.item(alert, alertView(await currencyForTable(ctx, api, account)));
}
