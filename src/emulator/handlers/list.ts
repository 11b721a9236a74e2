/**
 * The shapes of answers that vary: a list (a bare array, or with `paginate=true` the page
 * wrapper) and a create (the documented 201 with the created fields, or the 2020 Swagger's 200
 * with the whole resource).
 */
import type { Predicate } from '../filters.js';
import type { CreateAnswer } from '../option-rules.js';
import { type PageRequest, pageOf } from '../pagination.js';
import type { Reply } from '../router.js';

export function createdReply(answer: CreateAnswer, created: unknown, whole: unknown, location: string): Reply {
  const headers = { location };
  return answer === 'full' ? { status: 200, body: whole, headers } : { status: 201, body: created, headers };
}

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
