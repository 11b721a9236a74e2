/**
 * The emulator's pages one call at a time: which cursors it takes, and the edges and flags of a page
 * over a filtered list, forwards and backwards (issue 20: the survivors of src/emulator/pagination.ts,
 * each case naming its mutant).
 */
import { describe, expect, it } from 'vitest';
import { encodeCursor, PAGE_PARAMS, type PageRequest, pageOf, readPageRequest } from '../../src/emulator/pagination.js';
import type { FieldErrorEntry, HttpProblem } from '../../src/emulator/problems.js';
import { QueryReader } from '../../src/emulator/query.js';

/** What the emulator makes of these query parameters: the page request, and the 400's errors if any. */
function read(params: Record<string, string>): { request: PageRequest; errors: FieldErrorEntry[] } {
  const query = new QueryReader(new URLSearchParams({ paginate: 'true', ...params }), PAGE_PARAMS);
  const request = readPageRequest(query);
  try {
    query.done();
    return { request, errors: [] };
  } catch (error) {
    return { request, errors: (error as HttpProblem).fieldErrors };
  }
}

/** A cursor as a client might forge it: base64url of any JSON. */
const forged = (data: unknown) => Buffer.from(JSON.stringify(data)).toString('base64url');

const invalid = (name: string, value: string): FieldErrorEntry => ({
  path: name,
  message: `is not a ${name} this server handed out; pass the value from the previous page unchanged`,
  invalidValue: value,
  constraint: `the ${name} of a previous page`,
  i18nKey: 'validation.cursor.invalid',
});

describe('cursors the emulator takes', () => {
  it('refuses nextCursor and prevCursor together, naming prevCursor (kills pagination.ts:35 to :41)', () => {
    const next = encodeCursor({ direction: 'after', seq: 3 });
    const prev = encodeCursor({ direction: 'before', seq: 1 });

    expect(read({ nextCursor: next, prevCursor: prev }).errors).toEqual([
      {
        path: 'prevCursor',
        message: 'cannot be given together with nextCursor',
        invalidValue: prev,
        constraint: 'nextCursor xor prevCursor',
        i18nKey: 'validation.cursor.both',
      },
    ]);
  });

  // Kills pagination.ts:67 (the version check turned off), :68 (a negative position let through) and
  // :78 to :81 (the problem's words emptied). JSON null and text that is not base64url JSON are
  // refused by the catch (emptied, it still answers undefined: that mutant is equivalent).
  it.each([
    ['another version', forged({ v: 2, d: 'after', s: 1 })],
    ['a negative position', forged({ v: 1, d: 'after', s: -1 })],
    ['a fractional position', forged({ v: 1, d: 'after', s: 1.5 })],
    ['JSON null', forged(null)],
    ['not JSON', 'garbage'],
  ])('refuses a cursor with %s as one it did not hand out', (_, value) => {
    const { request, errors } = read({ nextCursor: value });

    expect(errors).toEqual([invalid('nextCursor', value)]);
    expect(request.cursor).toBeUndefined();
  });

  it('takes position 0, the first record’s (kills pagination.ts:68 `s <= 0`)', () => {
    expect(read({ nextCursor: forged({ v: 1, d: 'after', s: 0 }) })).toEqual({
      request: { paginate: true, maxResults: 10, cursor: { direction: 'after', seq: 0 } },
      errors: [],
    });
  });
});

type Item = { seq: number };
/** Records with seq 1..count, as a store keeps them. */
const items = (count: number): Item[] => Array.from({ length: count }, (_, i) => ({ seq: i + 1 }));
const seqs = (page: { items: Item[] }) => page.items.map((item) => item.seq);
const page = (list: Item[], maxResults: number, cursor?: PageRequest['cursor'], matches?: (item: Item) => boolean) =>
  pageOf(list, matches, { paginate: true, maxResults, cursor });

describe('a page of a list', () => {
  it('backwards to the start with room left: the first records, nothing before (kills pagination.ts:135 walking past the start)', () => {
    const back = page(items(5), 10, { direction: 'before', seq: 3 });

    expect(seqs(back)).toEqual([1, 2]);
    expect(back).toMatchObject({ numberOfElements: 2, prevPageAvailable: false, nextPageAvailable: true });
  });

  it('holds only records that pass the filter (kills pagination.ts:136 the filter ignored)', () => {
    const first = page(items(6), 2, undefined, (item) => item.seq % 2 === 0);

    expect(seqs(first)).toEqual([2, 4]);
    expect(first.nextPageAvailable).toBe(true);
  });

  // Kills pagination.ts:143 (any record counting as a match) and :142 (walking back into the page).
  it('has no next page when no record after it passes the filter', () => {
    const only = page(items(4), 2, undefined, (item) => item.seq <= 2);

    expect(seqs(only)).toEqual([1, 2]);
    expect(only).toMatchObject({ nextPageAvailable: false, prevPageAvailable: false });
    expect(only.nextCursor).toBeUndefined();
  });

  it('after the first record, has a previous page holding just it (kills pagination.ts:142 `index > 0`)', () => {
    const second = page(items(3), 10, { direction: 'after', seq: 1 });

    expect(seqs(second)).toEqual([2, 3]);
    expect(second.prevPageAvailable).toBe(true);
    expect(seqs(page(items(3), 10, { direction: 'before', seq: 2 }))).toEqual([1]);
  });

  it('has no previous page when the records before it do not pass the filter (kills pagination.ts:103 looking the wrong way)', () => {
    const rest = page(items(4), 10, { direction: 'after', seq: 1 }, (item) => item.seq > 1);

    expect(seqs(rest)).toEqual([2, 3, 4]);
    expect(rest.prevPageAvailable).toBe(false);
    expect(rest.prevCursor).toBeUndefined();
  });

  it('an empty page past the end points back at every record before it (kills pagination.ts:107 `seq - 1`)', () => {
    const list = items(3);
    const past = page(list, 10, { direction: 'after', seq: 3 });

    expect(past).toMatchObject({ numberOfElements: 0, prevPageAvailable: true, nextPageAvailable: false });
    expect(past.prevCursor).toBe(encodeCursor({ direction: 'before', seq: 4 }));
    expect(seqs(page(list, 10, read({ prevCursor: past.prevCursor! }).request.cursor))).toEqual([1, 2, 3]);
  });

  it('an empty page before the start points on at every record after it (kills pagination.ts:108 `seq + 1`)', () => {
    const list = items(3);
    const before = page(list, 10, { direction: 'before', seq: 1 });

    expect(before).toMatchObject({ numberOfElements: 0, prevPageAvailable: false, nextPageAvailable: true });
    expect(before.nextCursor).toBe(encodeCursor({ direction: 'after', seq: 0 }));
    expect(seqs(page(list, 10, read({ nextCursor: before.nextCursor! }).request.cursor))).toEqual([1, 2, 3]);
  });
});
