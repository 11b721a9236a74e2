/** `tango customers get <customer>`: the customer's details, then a table of its accounts. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { accountSummaryView, customerView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { orNotFound } from '../not-found.js';
import { byRule } from '../parse.js';

export function customersGetCommand(): Command {
  return new Command('get')
    .description('show one customer and its accounts')
    .argument('<customer>', 'the customer identifier', byRule('customerIdentifier'))
    .addHelpText(
      'after',
      examples(
        ['tango customers get acme-co', 'details, then a table of its accounts'],
        ['tango customers get acme-co --json', "the API's object, unchanged"],
      ),
    )
    .action(action(get));
}

async function get(ctx: Context, customerIdentifier: string): Promise<void> {
  ctx.output.checkFields(customerView);
  const api = await ctx.api();
  const customer = await orNotFound(`customer ${customerIdentifier}`, () => api.getCustomer(customerIdentifier));
  await ctx.output.item(customer, customerView);
  // The accounts table belongs to the table view only: JSON (and --query) already holds them, and --fields picks customer fields.
  if (ctx.output.wantsDocument || ctx.output.format !== 'table' || ctx.settings.fields) return;
  const accounts = Array.isArray(customer.accounts) ? customer.accounts : [];
  await ctx.output.section(accounts.length ? `Accounts (${accounts.length}):` : 'No accounts.');
  await ctx.output.list(accounts, accountSummaryView);
}
