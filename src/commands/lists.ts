/**
 * Printing a list of customers or accounts, the same way for both: the paging flags, one page
 * (with the cursors on stderr), or with --all / --limit every page streamed as it comes (an
 * account's alerts, which page by number, stream the same way).
 */
import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT } from '../domain/rules.js';
import type { Page, PageQuery } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { ResourceView } from '../output/columns.js';
import { integerIn, pageSize } from './parse.js';

export interface PageOptions {
  paginate?: boolean;
  maxResults?: number;
  nextCursor?: string;
  prevCursor?: string;
  all?: boolean;
  limit?: number;
}

/** --paginate, --max-results, --next-cursor, --prev-cursor, --all and --limit, the same on every list. */
export function addPageOptions(command: Command, resource: string): Command {
  return command
    .option('--paginate', `one page at a time, with cursors (default page size ${DEFAULT_MAX_RESULTS})`)
    .option('--max-results <n>', `page size, 1-${MAX_RESULTS_LIMIT} (implies --paginate)`, pageSize)
    .addOption(
      new Option('--next-cursor <cursor>', 'the page after this cursor (implies --paginate)').conflicts('prevCursor'),
    )
    .option('--prev-cursor <cursor>', 'the page before this cursor (implies --paginate)')
    .addOption(
      new Option(
        '--all',
        `every ${resource}, following the cursors to the last page and printing each page as it comes`,
      ).conflicts(['paginate', 'prevCursor']),
    )
    .addOption(
      new Option('--limit <n>', `at most n ${resource}s, following the cursors as --all does and stopping there`)
        .argParser(integerIn(1, Number.MAX_SAFE_INTEGER))
        .conflicts(['paginate', 'prevCursor']),
    );
}

/** Whether the flags ask for every page (or every page up to --limit), streamed as they come. */
export function followsPages(opts: PageOptions): boolean {
  return Boolean(opts.all) || opts.limit !== undefined;
}

/** The page the flags ask for; undefined for the API's plain, unpaginated array. */
export function pageQuery(opts: PageOptions): PageQuery | undefined {
  const paginate =
    opts.paginate || opts.maxResults !== undefined || opts.nextCursor !== undefined || opts.prevCursor !== undefined;
  if (!paginate) return undefined;
  return { paginate: true, maxResults: opts.maxResults, nextCursor: opts.nextCursor, prevCursor: opts.prevCursor };
}

export function isPage<T>(body: T[] | Page<T>): body is Page<T> {
  return !Array.isArray(body) && typeof body === 'object' && body !== null && Array.isArray(body.items);
}

/** The cursors of a page, on stderr, so a person can ask for the next one; JSON carries them itself. */
export function pageHint(ctx: Context, page: Page<unknown>): void {
  if (ctx.output.format === 'json') return;
  if (page.nextPageAvailable && page.nextCursor) ctx.log.note(`Next page: --next-cursor ${page.nextCursor}`);
  if (page.prevPageAvailable && page.prevCursor) ctx.log.note(`Previous page: --prev-cursor ${page.prevCursor}`);
}

/** Lower bound above upper bound can never match: say so instead of printing an empty list. */
export function checkRange(
  low: { flag: string; value: number | string | undefined },
  high: { flag: string; value: number | string | undefined },
): void {
  if (low.value === undefined || high.value === undefined || low.value <= high.value) return;
  const relation = typeof low.value === 'number' ? 'is greater than' : 'is later than';
  throw new UsageError(`${low.flag} ${low.value} ${relation} ${high.flag} ${high.value}; nothing could match`, {
    hint: 'swap the two values',
  });
}

/** Where a list comes from: one request for the page the flags ask for, or every page in turn. */
export interface ListSource<T> {
  page(query: PageQuery | undefined): Promise<T[] | Page<T>>;
  pages(): AsyncIterable<Page<T>>;
}

/** The list the flags ask for, on stdout; with --all or --limit, page by page so memory holds one page. */
export async function printList<T>(
  ctx: Context,
  view: ResourceView<T>,
  opts: PageOptions,
  source: ListSource<T>,
): Promise<void> {
  if (followsPages(opts)) return streamPages(ctx, view, source.pages(), (page) => page.items);
  const body = await source.page(pageQuery(opts));
  if (isPage(body)) {
    await ctx.output.list(body.items, view, body);
    pageHint(ctx, body);
  } else {
    await ctx.output.list(body, view);
  }
}

/** Every page into the output as it comes (`rows` picks a page's rows), so memory holds one page whatever the total. */
export async function streamPages<P, T>(
  ctx: Context,
  view: ResourceView<T>,
  pages: AsyncIterable<P>,
  rows: (page: P) => readonly T[],
): Promise<void> {
  const stream = ctx.output.stream(view);
  for await (const page of pages) await stream.write(rows(page));
  await stream.end();
}
