/**
 * `tango alerts list <customer> <account>`: GET .../lowbalance with the API's filters. This list
 * pages by number, not cursor: --page is the API's own page number (the first page is 0, as
 * `page.number` shows) and --per-page its `elementsPerBlock`; --all walks every page from 0.
 */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import type { AlertFilters, LowBalanceAlertList } from '../../domain/alerts.js';
import { MAX_ALERTS_PER_PAGE } from '../../domain/alerts.js';
import { alertView } from '../../output/columns.js';
import { action, examples, sendsMany } from '../action.js';
import { followsPages, streamPages } from '../lists.js';
import { collectByRule, integerIn, threshold } from '../parse.js';
import { alertArguments, currencyForTable, orAlertNotFound } from './common.js';

interface ListOptions {
  displayName?: string;
  threshold?: number;
  email?: string[];
  page?: number;
  perPage?: number;
  all?: boolean;
  limit?: number;
}

export function alertsListCommand(): Command {
  const command = new Command('list').description("list an account's low-balance alerts");
  const withOptions = alertArguments(command, false)
    .option('--display-name <name>', 'only alerts whose name contains this (ignoring case)')
    .option('--threshold <amount>', 'only alerts with exactly this threshold', threshold)
    .option(
      '--email <address>',
      'only alerts sent to this address (repeatable: any of them)',
      collectByRule('alertEmail'),
    )
    .option('--page <n>', "the API's page number; the first page is 0", integerIn(0, Number.MAX_SAFE_INTEGER))
    .option(
      '--per-page <n>',
      `alerts per page, 1-${MAX_ALERTS_PER_PAGE} (the API's default is 10)`,
      integerIn(1, MAX_ALERTS_PER_PAGE),
    )
    .addOption(
      new Option('--all', 'every alert, walking the pages from 0 and printing each page as it comes').conflicts('page'),
    )
    .addOption(
      new Option('--limit <n>', 'at most n alerts, walking the pages as --all does and stopping there')
        .argParser(integerIn(1, Number.MAX_SAFE_INTEGER))
        .conflicts('page'),
    )
    .addHelpText(
      'after',
      examples(
        ['tango alerts list acme-co acme-main', "a table of the account's alerts (first page)"],
        ['tango alerts list acme-co acme-main --page 1 --per-page 50', 'the second page of 50'],
        ['tango alerts list acme-co acme-main --email ops@acme.example', 'alerts sent to this address'],
        ['tango alerts list acme-co acme-main --all -o ndjson', 'every alert, one JSON object a line'],
        ['tango alerts list acme-co acme-main --json', "the API's {page, lowBalanceAlerts}, unchanged"],
      ),
    )
    .action(action(list));
  // Every page ahead: V8 keeps memory flat for them (src/v8-tuning.ts).
  return sendsMany(withOptions, followsPages);
}

async function list(ctx: Context, customer: string, account: string, opts: ListOptions): Promise<void> {
  ctx.output.checkFields(alertView());
  const filters: AlertFilters = {
    balanceAlertDisplayName: opts.displayName,
    balanceAlertThreshold: opts.threshold,
    emails: opts.email,
  };
  const api = await ctx.api();
  const view = alertView(await currencyForTable(ctx, api, account));
  await orAlertNotFound({ customer, account }, async () => {
    if (followsPages(opts)) {
      const start = { elementsPerBlock: opts.perPage, limit: opts.limit };
      const pages = api.alertPages(customer, account, filters, start);
      return streamPages(ctx, view, pages, (page) => page.lowBalanceAlerts);
    }
    const body = await api.listAlerts(customer, account, filters, { page: opts.page, elementsPerBlock: opts.perPage });
    await ctx.output.list(body.lowBalanceAlerts ?? [], view, body);
    pageNumberHint(ctx, body);
  });
}

/** Where the other pages are, on stderr; JSON carries `page` itself. */
function pageNumberHint(ctx: Context, body: LowBalanceAlertList): void {
  if (ctx.output.format === 'json' || !body.page) return;
  const { number, totalPages, totalElements } = body.page;
  if (number + 1 < totalPages) {
    ctx.log.note(`Page ${number} of 0-${totalPages - 1} (${totalElements} alerts). Next page: --page ${number + 1}`);
  }
}
