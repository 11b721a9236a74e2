/**
 * `tango accounts list [customer]`: GET /customers/{customer}/accounts, or GET /accounts for the
 * whole platform, with every documented filter; one page, or with --all every page, streamed.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { AccountFilters } from '../../domain/types.js';
import { accountView } from '../../output/columns.js';
import { action, examples, sendsMany } from '../action.js';
import { addPageOptions, checkRange, followsPages, type PageOptions, printList } from '../lists.js';
import { orNotFound } from '../not-found.js';
import { amount, byRule, collectByRule, isoDate, isoDateEnd } from '../parse.js';

interface ListOptions extends PageOptions {
  status?: string;
  currency?: string[];
  displayName?: string;
  accountNumber?: string;
  contactEmail?: string;
  minBalance?: number;
  maxBalance?: number;
  createdAfter?: string;
  createdBefore?: string;
  fundingEmail?: string[];
}

export function accountsListCommand(): Command {
  const command = new Command('list')
    .description("list a customer's accounts, or without <customer> every account of the platform")
    .argument(
      '[customer]',
      'the customer identifier; leave out for all accounts (GET /accounts)',
      byRule('customerIdentifier'),
    )
    .option(
      '--status <status>',
      'only accounts with this status: ACTIVE, INACTIVE, DISABLED, FROZEN or DELETED',
      byRule('status'),
    )
    .option(
      '--currency <code>',
      'only accounts in this currency: AUD, CAD, EUR, GBP, USD, MXN, SGD or PLN (repeatable)',
      collectByRule('currencyFilter'),
    )
    .option('--display-name <name>', 'only accounts whose display name contains this (ignoring case)')
    .option('--account-number <number>', 'only the account with this account number')
    .option(
      '--contact-email <email>',
      'only accounts with exactly this contact email (ignoring case)',
      byRule('contactEmailFilter'),
    )
    .option('--min-balance <amount>', 'only accounts with a current balance of at least this', amount)
    .option('--max-balance <amount>', 'only accounts with a current balance of at most this', amount)
    .option(
      '--created-after <date>',
      'only accounts created at or after this ISO 8601 date or time (a date is 00:00 UTC)',
      isoDate,
    )
    .option(
      '--created-before <date>',
      'only accounts created at or before this ISO 8601 date or time (a date includes that whole day)',
      isoDateEnd,
    )
    .option(
      '--funding-email <email>',
      'only accounts notifying this funding email (repeatable: any of them)',
      collectByRule('fundingEmail'),
    );
  const withPages = addPageOptions(command, 'account')
    .addHelpText(
      'after',
      examples(
        ['tango accounts list acme-co', "a table of the customer's accounts"],
        ['tango accounts list acme-co --status ACTIVE --currency USD --currency EUR', 'filtered'],
        ['tango accounts list acme-co --min-balance 100 --created-after 2025-01-01', 'by balance and date'],
        ['tango accounts list acme-co --max-results 50', 'one page; the next cursor is shown on stderr'],
        ['tango accounts list acme-co --next-cursor <cursor> --max-results 50', 'the page after it'],
        ['tango accounts list acme-co --all -o ndjson > accounts.ndjson', 'every account, streamed'],
        ['tango accounts list --status FROZEN', 'across every customer of the platform'],
      ),
    )
    .action(action(list));
  // Every page ahead: V8 keeps memory flat for them (src/v8-tuning.ts).
  return sendsMany(withPages, followsPages);
}

function filters(opts: ListOptions): AccountFilters {
  checkRange({ flag: '--min-balance', value: opts.minBalance }, { flag: '--max-balance', value: opts.maxBalance });
  checkRange(
    { flag: '--created-after', value: opts.createdAfter },
    { flag: '--created-before', value: opts.createdBefore },
  );
  return {
    accountNumber: opts.accountNumber,
    displayName: opts.displayName,
    status: opts.status,
    contactEmail: opts.contactEmail,
    currencyCode: opts.currency,
    minBalance: opts.minBalance,
    maxBalance: opts.maxBalance,
    minDateCreatedAt: opts.createdAfter,
    maxDateCreatedAt: opts.createdBefore,
    fundingNotificationEmail: opts.fundingEmail,
  };
}

async function list(ctx: Context, customer: string | undefined, opts: ListOptions): Promise<void> {
  ctx.output.checkFields(accountView);
  const query = filters(opts);
  const api = await ctx.api();
  // Without a customer, GET /accounts has no path segment that could be missing.
  const missing = () => (customer === undefined ? undefined : `customer ${customer}`);
  await orNotFound(missing, () =>
    printList(ctx, accountView, opts, {
      page: (page) => api.listAccounts(customer, query, page),
      pages: () => api.accountPages(customer, query, opts),
    }),
  );
}
