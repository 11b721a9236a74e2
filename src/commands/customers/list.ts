/** `tango customers list`: GET /customers with its filters, one page, or every page with --all. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { CustomerFilters } from '../../domain/types.js';
import { customerView } from '../../output/columns.js';
import { action, examples, sendsMany } from '../action.js';
import { addPageOptions, checkRange, followsPages, type PageOptions, printList } from '../lists.js';
import { byRule, isoDate, isoDateEnd } from '../parse.js';

interface ListOptions extends PageOptions {
  displayName?: string;
  status?: string;
  createdAfter?: string;
  createdBefore?: string;
  accountStatus?: string;
  accountIdentifier?: string;
  accountNumber?: string;
  accountDisplayName?: string;
  accountCreatedAfter?: string;
  accountCreatedBefore?: string;
}

export function customersListCommand(): Command {
  const command = new Command('list')
    .description('list the customers of this platform, with their number of accounts')
    .option('--display-name <name>', 'only customers whose display name contains this (ignoring case)')
    .option(
      '--status <status>',
      'only customers with this status, such as ACTIVE (any word; customer statuses are not documented)',
      byRule('customerStatus'),
    )
    .option(
      '--created-after <date>',
      'only customers created at or after this ISO 8601 date or time (a date is 00:00 UTC)',
      isoDate,
    )
    .option(
      '--created-before <date>',
      'only customers created at or before this ISO 8601 date or time (a date includes that whole day)',
      isoDateEnd,
    )
    .option('--account-status <status>', 'only customers with an account of this status', byRule('status'))
    .option('--account-identifier <id>', 'only the customer owning this account')
    .option('--account-number <number>', 'only the customer owning the account with this number')
    .option(
      '--account-display-name <name>',
      'only customers with an account whose display name contains this (ignoring case)',
    )
    .option('--account-created-after <date>', 'only customers with an account created at or after this date', isoDate)
    .option(
      '--account-created-before <date>',
      'only customers with an account created at or before this date',
      isoDateEnd,
    );
  const withPages = addPageOptions(command, 'customer')
    .addHelpText(
      'after',
      examples(
        ['tango customers list', 'a table of every customer'],
        ['tango customers list --json', "the API's array, unchanged"],
        ['tango customers list --created-after 2025-01-01 --status ACTIVE', 'filtered'],
        ['tango customers list --paginate --max-results 50', 'one page of 50, with a hint naming the next cursor'],
        ['tango customers list --all -o ndjson', 'every customer, one JSON object per line'],
      ),
    )
    .action(action(list));
  // Every page ahead: V8 keeps memory flat for them (src/v8-tuning.ts).
  return sendsMany(withPages, followsPages);
}

function filters(opts: ListOptions): CustomerFilters {
  checkRange(
    { flag: '--created-after', value: opts.createdAfter },
    { flag: '--created-before', value: opts.createdBefore },
  );
  checkRange(
    { flag: '--account-created-after', value: opts.accountCreatedAfter },
    { flag: '--account-created-before', value: opts.accountCreatedBefore },
  );
  return {
    displayName: opts.displayName,
    status: opts.status,
    customerMinDateCreatedAt: opts.createdAfter,
    customerMaxDateCreatedAt: opts.createdBefore,
    accountStatus: opts.accountStatus,
    accountIdentifier: opts.accountIdentifier,
    accountNumber: opts.accountNumber,
    accountDisplayName: opts.accountDisplayName,
    accountMinDateCreatedAt: opts.accountCreatedAfter,
    accountMaxDateCreatedAt: opts.accountCreatedBefore,
  };
}

async function list(ctx: Context, opts: ListOptions): Promise<void> {
  ctx.output.checkFields(customerView);
  const query = filters(opts);
  const api = await ctx.api();
  await printList(ctx, customerView, opts, {
    page: (page) => api.listCustomers(query, page),
    pages: () => api.customerPages(query, opts),
  });
}
