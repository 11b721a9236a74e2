/** The two shapes of a list answer: a bare array, or with `paginate=true` the page wrapper. */
import type { Predicate } from '../filters.js';
import { type PageRequest, pageOf } from '../pagination.js';
import type { Reply } from '../router.js';

export function listReply<T extends { seq: number }, V>(
  items: readonly T[],
  matches: Predicate<T> | undefined,
  request: PageRequest,
  view: (item: T) => V,
): Reply {
  if (!request.paginate) {
    const chosen = matches ? items.filter(matches) : items;
    return { status: 200, body: chosen.map(view) };
  }
  const page = pageOf(items, matches, request);
  return { status: 200, body: { ...page, items: page.items.map(view) } };
}
