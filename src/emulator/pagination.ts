/**
 * Keyset pagination over lists kept in creation order. A cursor names a position (the `seq` of
 * the record at a page edge) and a direction, so pages stay stable while records are added and a
 * client can walk forwards and backwards. Cursors are opaque to clients: base64url JSON.
 */
import { DEFAULT_MAX_RESULTS, type Problem } from '../domain/rules.js';
import type { Page } from '../domain/types.js';
import type { Predicate } from './filters.js';
import type { QueryReader } from './query.js';

export const PAGE_PARAMS = ['paginate', 'maxResults', 'nextCursor', 'prevCursor'] as const;

interface Cursor {
  /** `after`: records with seq greater than `seq`; `before`: records with seq less than `seq`. */
  direction: 'after' | 'before';
  seq: number;
}

export interface PageRequest {
  paginate: boolean;
  maxResults: number;
  cursor?: Cursor;
}

/**
 * Reads paginate, maxResults and the cursors. As the docs say, the last three "will be ignored if
 * paginate is false": then they are neither read nor checked.
 */
export function readPageRequest(query: QueryReader): PageRequest {
  const paginate = query.boolean('paginate') ?? false;
  if (!paginate) return { paginate, maxResults: DEFAULT_MAX_RESULTS };
  const maxResults = query.rule('maxResults', 'maxResults');
  const next = readCursor(query, 'nextCursor', 'after');
  const prev = readCursor(query, 'prevCursor', 'before');
  if (next && prev) {
    query.report({
      field: 'prevCursor',
      message: 'cannot be given together with nextCursor',
      invalidValue: query.one('prevCursor'),
      constraint: 'nextCursor xor prevCursor',
      i18nKey: 'validation.cursor.both',
    });
  }
  return { paginate, maxResults: maxResults ? Number(maxResults) : DEFAULT_MAX_RESULTS, cursor: next ?? prev };
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, d: cursor.direction, s: cursor.seq })).toString('base64url');
}

function readCursor(query: QueryReader, name: string, direction: Cursor['direction']): Cursor | undefined {
  const value = query.one(name);
  if (value === undefined) return undefined;
  const cursor = decodeCursor(value);
  if (cursor?.direction === direction) return cursor;
  query.report(badCursor(name, value));
  return undefined;
}

function decodeCursor(value: string): Cursor | undefined {
  try {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as {
      v?: unknown;
      d?: unknown;
      s?: unknown;
    };
    if (data.v !== 1 || (data.d !== 'after' && data.d !== 'before')) return undefined;
    if (typeof data.s !== 'number' || !Number.isSafeInteger(data.s) || data.s < 0) return undefined;
    return { direction: data.d, seq: data.s };
  } catch {
    return undefined;
  }
}

function badCursor(name: string, value: string): Problem {
  return {
    field: name,
    message: `is not a ${name} this server handed out; pass the value from the previous page unchanged`,
    invalidValue: value,
    constraint: `the ${name} of a previous page`,
    i18nKey: 'validation.cursor.invalid',
  };
}

/**
 * One page of `items` (sorted by seq) that pass `matches`. Walks from the cursor and stops once it
 * has a page plus one more match, so paging through 100,000 records costs a page per request.
 */
export function pageOf<T extends { seq: number }>(
  items: readonly T[],
  matches: Predicate<T> | undefined,
  request: PageRequest,
): Page<T> {
  const pass = matches ?? (() => true);
  const { cursor, maxResults } = request;
  const forward = cursor?.direction !== 'before';
  // Index of the first record after the cursor (forward) or the first record not before it (backward).
  const edge = cursor ? firstIndexWith(items, cursor.direction === 'after' ? cursor.seq + 1 : cursor.seq) : 0;
  const walked = forward ? walk(items, edge, 1, pass, maxResults) : walk(items, edge - 1, -1, pass, maxResults);
  const page = forward ? walked.found : walked.found.reverse();
  const beyond = walked.more;
  // The other side of the page: is anything there at all?
  const behind = forward ? anyMatch(items, edge - 1, -1, pass) : anyMatch(items, edge, 1, pass);
  const prevPageAvailable = forward ? behind : beyond;
  const nextPageAvailable = forward ? beyond : behind;
  // An empty page still has edges: the cursor's own position.
  const lowSeq = page[0]?.seq ?? (cursor ? cursor.seq + (forward ? 1 : 0) : 0);
  const highSeq = page[page.length - 1]?.seq ?? (cursor ? cursor.seq - (forward ? 0 : 1) : 0);
  return {
    numberOfElements: page.length,
    maxResults,
    ...(prevPageAvailable ? { prevCursor: encodeCursor({ direction: 'before', seq: lowSeq }) } : {}),
    ...(nextPageAvailable ? { nextCursor: encodeCursor({ direction: 'after', seq: highSeq }) } : {}),
    items: page,
    prevPageAvailable,
    nextPageAvailable,
  };
}

/** Binary search: the index of the first item whose seq is at least `seq`. */
function firstIndexWith(items: readonly { seq: number }[], seq: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

function walk<T>(items: readonly T[], from: number, step: 1 | -1, pass: Predicate<T>, limit: number) {
  const found: T[] = [];
  let index = from;
  for (; index >= 0 && index < items.length && found.length < limit; index += step) {
    if (pass(items[index]!)) found.push(items[index]!);
  }
  return { found, more: anyMatch(items, index, step, pass) };
}

function anyMatch<T>(items: readonly T[], from: number, step: 1 | -1, pass: Predicate<T>): boolean {
  for (let index = from; index >= 0 && index < items.length; index += step) {
    if (pass(items[index]!)) return true;
  }
  return false;
}
