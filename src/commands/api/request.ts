/**
 * The work of `tango api`: turn the arguments into one request (or, with --paginate, one per
 * page), send it through the same client as every other command (profile, OAuth, retries, rate
 * limit, redacted trace, exit codes) and print the answer. Loaded only when `tango api` runs.
 */
import { STATUS_CODES } from 'node:http';
import type { Method, QueryValue, RequestSpec, ResponseHeaders } from '../../api/http.js';
import { MAX_PAGES } from '../../api/tango.js';
import type { Context } from '../../context.js';
import { describeDepth, jsonTooDeep } from '../../domain/input-limits.js';
import { MAX_RESULTS_LIMIT } from '../../domain/rules.js';
import { ApiError, echo, UnexpectedAnswerError, UsageError } from '../../errors.js';
import { escapeControls } from '../../output/render.js';
import { confirmWrite } from '../confirm-write.js';
import { readInput } from '../read-input.js';
import { buildObject, type Field, parseField, queryPairs } from './fields.js';
import type { ApiOptions } from './index.js';
import { HTTP_METHODS, type HttpMethod, pagingOf } from './paths.js';

export async function sendApiRequest(
  ctx: Context,
  methodOrPath: string,
  pathArgument: string | undefined,
  opts: ApiOptions,
): Promise<void> {
  const spec = await buildRequest(ctx, methodOrPath, pathArgument, opts);
  if (spec.method !== 'GET') await confirmWrite(ctx, `${spec.method} ${spec.path}`, opts.yes);
  const api = await ctx.api();
  const send: Send = async (request) => {
    const result = await api.send<unknown>(request);
    if (opts.include) printHead(ctx, result.status, result.headers);
    return result.body;
  };
  try {
    if (opts.paginate) await printPages(ctx, send, spec, opts);
    else await ctx.output.response(await send(spec));
  } catch (error) {
    if (error instanceof ApiError) await printErrorAnswer(ctx, error, opts);
    throw error;
  }
}

/** Sends one request and answers its body (printing the status and headers first with -i). */
type Send = (spec: RequestSpec) => Promise<unknown>;

// --- the request ------------------------------------------------------------------------------

async function buildRequest(
  ctx: Context,
  methodOrPath: string,
  pathArgument: string | undefined,
  opts: ApiOptions,
): Promise<RequestSpec> {
  const method = pathArgument === undefined ? 'GET' : httpMethod(methodOrPath);
  const { path, query } = splitPath(pathArgument ?? methodOrPath);
  checkFlags(method, opts);
  const fields = [
    ...(opts.rawField ?? []).map((f) => parseField(f, false)),
    ...(opts.field ?? []).map((f) => parseField(f, true)),
  ];
  const files = await readFieldFiles(ctx, fields);
  const readFile = (name: string) => files.get(name) ?? '';
  const spec: RequestSpec = { method, path, query, headers: parseHeaders(opts.header ?? []) };
  // gh's rule: fields are the body, except on a GET or beside --input, where they join the query.
  if (method === 'GET' || opts.input !== undefined) {
    for (const [key, value] of queryPairs(fields, readFile)) appendQuery(query, key, value);
  } else if (fields.length) {
    spec.body = buildObject(fields, readFile);
  }
  if (opts.input !== undefined) {
    const text = await readInput(ctx, '--input', opts.input, 'tango api POST /customers --input - < customer.json');
    spec.body = parseBody(text, opts.input);
  }
  if (method === 'POST' && opts.retryPost) spec.retryUnsafe = true;
  return spec;
}

function httpMethod(text: string): Method {
  const upper = text.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(upper)) return upper as HttpMethod;
  throw new UsageError(`"${echo(text)}" is not an HTTP method; use ${HTTP_METHODS.join(', ')}`, {
    details: ['tango api [METHOD] <path>: with one argument it is the path of a GET'],
  });
}

/** The path below the base URL, and its own query string as parameters. Full URLs are refused: credentials go only to the profile's server. */
function splitPath(text: string): { path: string; query: Record<string, QueryValue> } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new UsageError(`${echo(text)}: give a path below the profile's base URL (e.g. /catalogs), not a URL`, {
      details: ['the credentials are sent only to the base URL of the profile, --env or --base-url'],
    });
  }
  const [rawPath = '', search] = text.split(/\?(.*)/s, 2);
  const path = `/${rawPath.replace(/^\/+/, '')}`;
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of new URLSearchParams(search ?? '')) appendQuery(query, key, value);
  return { path, query };
}

function appendQuery(query: Record<string, QueryValue>, key: string, value: string): void {
  const existing = query[key];
  if (existing === undefined) query[key] = value;
  else query[key] = [...(Array.isArray(existing) ? existing : [existing as string]), value];
}

function checkFlags(method: Method, opts: ApiOptions): void {
  if (method === 'GET' && opts.input !== undefined) {
    throw new UsageError('--input sends a body, and a GET has none; name the method: tango api POST <path> --input …');
  }
  if (opts.paginate && method !== 'GET') throw new UsageError(`--paginate follows the pages of a GET, not a ${method}`);
  if (opts.slurp && !opts.paginate) throw new UsageError('--slurp gathers the pages of --paginate; add --paginate');
  const stdinFields = (opts.field ?? []).filter((field) => field.endsWith('=@-'));
  if (stdinFields.length + (opts.input === '-' ? 1 : 0) > 1) {
    throw new UsageError('stdin can be read once: choose one of --input - and -F key=@-', {
      details: [...stdinFields.map((field) => `-F ${field}`), ...(opts.input === '-' ? ['--input -'] : [])],
    });
  }
  if (opts.retryPost && method !== 'POST') {
    throw new UsageError(`--retry-post is for a POST; a ${method} is retried anyway`);
  }
}

/** `Name: value` pairs. Authorization is the profile's and is never taken from the command line. */
function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new UsageError(`-H ${echo(line, 'json')}: a header is "Name: value"`);
    }
    if (name.toLowerCase() === 'authorization') {
      throw new UsageError('-H Authorization: the credentials come from the profile and cannot be replaced', {
        details: ['use --profile, or TANGO_PLATFORM_NAME/KEY or TANGO_CLIENT_ID/SECRET, to send other credentials'],
      });
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The files named by `-F key=@file` (`@-`: stdin), read once each before anything is sent. */
async function readFieldFiles(ctx: Context, fields: readonly Field[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const field of fields) {
    if (!field.typed || !field.raw?.startsWith('@')) continue;
    const name = field.raw.slice(1);
    if (!files.has(name)) {
      files.set(
        name,
        await readInput(ctx, `-F ${field.keys[0]}=@`, name, `echo 'text' | tango api … -F ${field.keys[0]}=@-`),
      );
    }
  }
  return files;
}

function parseBody(text: string, source: string): unknown {
  const deep = jsonTooDeep(text);
  if (deep) throw new UsageError(`--input ${source === '-' ? 'stdin' : source}: JSON ${describeDepth(deep)}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = source === '-' ? 'stdin' : source;
    throw new UsageError(
      `--input ${where}: not JSON (${(error as Error).message}); the body is sent as application/json`,
    );
  }
}

// --- the answer -------------------------------------------------------------------------------

/** An HTTP error: its status and headers with -i, and its body on stdout for scripts; then the usual exit. */
async function printErrorAnswer(ctx: Context, error: ApiError, opts: ApiOptions): Promise<void> {
  if (!error.response) return;
  if (opts.include) printHead(ctx, error.status, error.response.headers);
  const text = error.response.text;
  if (text.trim() === '') return;
  let shown = text;
  try {
    // As received, laid out like a success: indented at a terminal, one line on a pipe; never queried.
    shown = JSON.stringify(JSON.parse(text), null, ctx.io.stdoutIsTTY ? 2 : undefined);
  } catch {
    // not JSON: the text itself
  }
  if (ctx.io.stdoutIsTTY) shown = escapeControls(shown);
  await ctx.output.text(shown.endsWith('\n') ? shown : `${shown}\n`);
}

/** The status line and headers, on stderr like curl -i would show them. */
function printHead(ctx: Context, status: number, headers: ResponseHeaders): void {
  ctx.log.plain(`HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd());
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) ctx.log.plain(`${name}: ${one}`);
  }
  ctx.log.plain('');
}

// --- pages ------------------------------------------------------------------------------------

/** Every page of a GET: the items streamed (ndjson by default), or with --slurp one array. */
async function printPages(ctx: Context, send: Send, spec: RequestSpec, opts: ApiOptions): Promise<void> {
  const pages = pagingOf(spec.path) === 'page' ? numberedPages(send, spec) : cursorPages(send, spec);
  if (opts.slurp) {
    const all: unknown[] = [];
    for await (const items of pages) all.push(...items);
    await ctx.output.response(all);
    return;
  }
  const stream = ctx.output.responseItems();
  for await (const items of pages) await stream.write(items);
  await stream.end();
}

/** Tango's cursors: `paginate=true` and `maxResults=200` unless given, then `nextCursor` until the last page. */
async function* cursorPages(send: Send, spec: RequestSpec): AsyncGenerator<unknown[]> {
  const query: Record<string, QueryValue> = { paginate: 'true', maxResults: MAX_RESULTS_LIMIT, ...spec.query };
  const seen = new Set<string>();
  for (let pageNumber = 1; ; pageNumber++) {
    const body = await send({ ...spec, query });
    if (Array.isArray(body)) {
      // A server that ignores `paginate` answers the whole list at once.
      yield body;
      return;
    }
    const page = body as { items?: unknown; nextCursor?: unknown; nextPageAvailable?: unknown };
    if (!Array.isArray(page?.items)) throw notAList(spec, 'an array or a page with items[]');
    yield page.items;
    const next = page.nextCursor;
    if (page.nextPageAvailable !== true || typeof next !== 'string' || !next) return;
    if (seen.has(next))
      throw endless(
        spec,
        'repeated-cursor',
        `gave, on page ${pageNumber}, a next cursor it had already given; stopped there instead of going round forever`,
      );
    if (pageNumber >= MAX_PAGES) throw tooManyPages(spec);
    seen.add(next);
    query.nextCursor = next;
    delete query.prevCursor;
  }
}

/** Page numbers (`/orders`, `/emailTemplates`): `page` from the one given (or 0) until `totalCount` items are seen. */
async function* numberedPages(send: Send, spec: RequestSpec): AsyncGenerator<unknown[]> {
  const query: Record<string, QueryValue> = { ...spec.query };
  let number = Number(query.page ?? 0);
  if (!Number.isInteger(number) || number < 0)
    throw new UsageError(`page=${String(query.page)}: a page number is a whole number from 0`);
  for (let pageNumber = 1; ; pageNumber++) {
    const body = await send({ ...spec, query: { ...query, page: number } });
    if (Array.isArray(body)) {
      yield body;
      return;
    }
    const wrapper = (body ?? {}) as Record<string, unknown>;
    const items = Object.entries(wrapper).find(([key, value]) => key !== 'page' && Array.isArray(value))?.[1];
    if (!Array.isArray(items)) throw notAList(spec, 'a page: {page: {...}, <items>: [...]}');
    yield items;
    if (items.length === 0 || isLastPage(wrapper.page, number, items.length)) return;
    if (pageNumber >= MAX_PAGES) throw tooManyPages(spec);
    number += 1;
  }
}

/**
 * Whether page `number` (counted from the pages we asked for, never the server's own number: one
 * that always says page 0 would otherwise be asked for page 1 forever) is the last. Tango pages in
 * two shapes: `CollectionPageView` (`size`, `totalElements`, `totalPages`: low-balance alerts) and
 * the orders' `{elementsPerBlock, resultCount, totalCount}`. A page that tells neither is the last.
 */
function isLastPage(page: unknown, number: number, itemCount: number): boolean {
  const facts = (page ?? {}) as {
    totalPages?: number;
    size?: number;
    totalElements?: number;
    elementsPerBlock?: number;
    totalCount?: number;
  };
  if (typeof facts.totalPages === 'number') return number + 1 >= facts.totalPages;
  const total = facts.totalCount ?? facts.totalElements;
  const size = facts.elementsPerBlock ?? facts.size ?? itemCount;
  if (typeof total !== 'number' || size <= 0) return true;
  return (number + 1) * size >= total;
}

/** The same stops as `--all` (src/api/tango.ts): a server must not lead --paginate on forever. */
function endless(spec: RequestSpec, kind: 'repeated-cursor' | 'too-many-pages', what: string): UnexpectedAnswerError {
  return new UnexpectedAnswerError(
    { kind, method: 'GET', url: spec.path, limit: kind === 'too-many-pages' ? MAX_PAGES : undefined },
    what,
  );
}

function tooManyPages(spec: RequestSpec): UnexpectedAnswerError {
  return endless(
    spec,
    'too-many-pages',
    `still had a next page after ${MAX_PAGES.toLocaleString('en')} pages; stopped there`,
  );
}

function notAList(spec: RequestSpec, expected: string): UsageError {
  return new UsageError(`--paginate: GET ${spec.path} did not answer a list (expected ${expected})`, {
    details: ['run it without --paginate to see the answer'],
  });
}
