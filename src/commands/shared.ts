/**
 * What the customers and accounts commands share: the pagination flags, the all-problems-at-once
 * usage error, "not found" wording, --dry-run printing and the report after a create. Light on
 * purpose: the API layer (and undici with it) is imported only inside the functions that send.
 */
import { type Command, Option } from 'commander';
import type { PreparedRequest, RequestSpec } from '../api/http.js';
import type { Context } from '../context.js';
import { DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT, type Problem } from '../domain/rules.js';
import type { Page, PageQuery } from '../domain/types.js';
import { ApiError, CliError, ExitCode, UsageError } from '../errors.js';
import type { ResourceView } from '../output/columns.js';
import { integerIn, pageSize } from './parse.js';
import { type Ask, missingFlags, valueOrAsk } from './prompt.js';

// --- pagination -------------------------------------------------------------------------------

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

// --- validation -------------------------------------------------------------------------------

/** The flag that sets an API field, for messages that must name what the user typed. */
export const FLAG_OF_FIELD: Record<string, string> = {
  customerIdentifier: '--identifier',
  accountIdentifier: '--identifier',
  displayName: '--display-name',
  contactEmail: '--contact-email',
  currencyCode: '--currency',
  fundingNotification: '--funding-email',
};

export function flagOf(field: string): string {
  const base = field.replace(/\[.*$/, '');
  return FLAG_OF_FIELD[base] ?? field;
}

/**
 * Every broken rule at once, each with its flag, the rule and the value typed, so one run shows
 * all there is to fix; `missing` adds the flags that were not given. Nothing has been sent.
 */
export function invalidValues(problems: readonly Problem[], missing: readonly string[] = []): UsageError {
  const flags = [...new Set([...problems.map((p) => flagOf(p.field)), ...missing])];
  const details = [
    ...problems.map((p) => {
      const value = p.invalidValue === undefined ? '' : ` ${JSON.stringify(p.invalidValue)}`;
      return `${flagOf(p.field)}${value}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
    }),
    ...missing.map((flag) => `${flag}: missing`),
  ];
  const hints = problems.filter((p) => p.hint).map((p) => `${flagOf(p.field)}: ${p.hint}`);
  const noun = missing.length ? 'invalid or missing values' : problems.length > 1 ? 'invalid values' : 'invalid value';
  return new UsageError(`${noun} for ${flags.join(', ')}; nothing was sent`, {
    details,
    hint: hints.length ? hints.join('; ') : undefined,
  });
}

/**
 * A create body from the flags given: every given value is checked first (all problems at once);
 * then each missing required value is asked for at a terminal, or, when nobody can answer, named
 * in a usage error. `validate` is the domain's own validator, so the rules are the API's.
 */
export async function completeBody<B extends object>(
  ctx: Context,
  given: Partial<B>,
  validate: (body: Record<string, unknown>) => Problem[],
  asks: Partial<Record<keyof B & string, Omit<Ask, 'flag'>>>,
): Promise<B> {
  const body = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
  const problems = validate(body);
  const invalid = problems.filter((p) => p.constraint !== 'required');
  const missing = problems.filter((p) => p.constraint === 'required').map((p) => p.field);
  if (invalid.length) throw invalidValues(invalid, ctx.canPrompt ? [] : missing.map(flagOf));
  if (missing.length && !ctx.canPrompt) throw missingFlags(missing.map(flagOf));
  for (const field of missing) {
    const ask = asks[field as keyof B & string];
    if (!ask) throw missingFlags([flagOf(field)]);
    body[field] = await valueOrAsk(ctx, undefined, { ...ask, flag: flagOf(field) });
  }
  const after = validate(body);
  if (after.length) throw invalidValues(after);
  return body as B;
}

// --- errors from the API ----------------------------------------------------------------------

/** A 404 in the user's words ("customer acme not found"), keeping the server's message and request id. */
export function notFound(what: string, error: ApiError): CliError {
  return new CliError(ExitCode.notFound, `${what} not found`, {
    details: error.message ? [`server: ${error.message}`] : [],
    requestId: error.requestId,
    cause: error,
  });
}

/** Whether an error is the API's answer with this status. */
export function isStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

// --- dry run ----------------------------------------------------------------------------------

/**
 * Shows the exact request (method, URL, headers with credentials redacted, body) on stdout and
 * sends nothing. Works without stored credentials: only the base URL is needed to describe it.
 */
export async function printDryRun(ctx: Context, spec: RequestSpec): Promise<void> {
  const prepared = await describeRequest(ctx, spec);
  const format = ctx.output.format;
  if (format === 'json' || format === 'ndjson') {
    await ctx.output.document(prepared);
  } else {
    const headers = Object.entries(prepared.headers).map(([name, value]) => `${name}: ${value}`);
    const body = prepared.body === undefined ? [] : ['', JSON.stringify(prepared.body, null, 2)];
    await ctx.output.lines([`${prepared.method} ${prepared.url}`, ...headers, ...body]);
  }
  ctx.log.note('Dry run: nothing was sent.');
}

async function describeRequest(ctx: Context, spec: RequestSpec): Promise<PreparedRequest> {
  if (ctx.settings.credentials || ctx.settings.env.value === 'local') return (await ctx.api()).describe(spec);
  const { describingClient } = await import('../api/client.js');
  const client = describingClient(ctx.settings.baseUrl.value);
  try {
    return client.describe(spec);
  } finally {
    await client.close();
  }
}

// --- after a create ---------------------------------------------------------------------------

export type CreateResult<T = unknown> =
  | { outcome: 'created'; resource: T; recovered: boolean }
  | { outcome: 'exists'; resource: T };

/** --outcome, on the creates that take --if-not-exists. */
export function addOutcomeOption(command: Command): Command {
  return command.option(
    '--outcome',
    'with -o json or ndjson, print {"outcome": "created" or "existed", "resource": <the API object>}',
  );
}

/** Refused before anything is sent: --outcome only has a place in JSON. */
export function checkOutcome(ctx: Context, outcome: boolean | undefined): void {
  if (outcome && ctx.output.format !== 'json' && ctx.output.format !== 'ndjson') {
    throw new UsageError('--outcome needs -o json or -o ndjson; nothing was sent', {
      hint: 'add --json, or leave out --outcome (a table says on stderr whether it was created)',
    });
  }
}

/**
 * What happened, in words on stderr (at a terminal) and as data on stdout: the API's object, or
 * with --outcome the documented wrapper a script tests (`jq -r .outcome`).
 */
export async function printCreated<T>(
  ctx: Context,
  what: string,
  result: CreateResult<T>,
  view: ResourceView<T>,
  outcome: boolean | undefined,
): Promise<void> {
  reportCreate(ctx, what, result);
  if (!outcome) return ctx.output.item(result.resource, view);
  const resource = ctx.output.pickFields(result.resource);
  await ctx.output.document({ outcome: result.outcome === 'exists' ? 'existed' : 'created', resource });
}

/** One line on stderr saying what happened; stdout gets the resource itself. */
function reportCreate(ctx: Context, what: string, result: CreateResult): void {
  if (result.outcome === 'exists') {
    ctx.log.note(`${what} already exists with the same values; nothing was changed (--if-not-exists).`);
  } else if (result.recovered) {
    ctx.log.success(
      `Created ${what}. The first answer was lost and the retry met "already exists"; a read-back confirmed it is this one.`,
    );
  } else {
    ctx.log.success(`Created ${what}.`);
  }
}
