/** `tango accounts get <account>`: GET /accounts/{account}, account identifiers being unique platform-wide. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { accountView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { orNotFound } from '../not-found.js';
import { byRule } from '../parse.js';

export function accountsGetCommand(): Command {
  return new Command('get')
    .description('show one account: balance, contact and funding emails')
    .argument('<account>', 'the account identifier', byRule('accountIdentifier'))
    .addHelpText(
      'after',
      examples(
        ['tango accounts get acme-main', 'the account as a table'],
        ['tango accounts get acme-main --json', "the API's object, unchanged"],
        ['tango accounts get acme-main --fields currentBalance -o csv', 'just the balance'],
      ),
    )
    .action(action(get));
}

async function get(ctx: Context, accountIdentifier: string): Promise<void> {
  ctx.output.checkFields(accountView);
  const api = await ctx.api();
  const account = await orNotFound(`account ${accountIdentifier}`, () => api.getAccount(accountIdentifier));
  await ctx.output.item(account, accountView);
}
