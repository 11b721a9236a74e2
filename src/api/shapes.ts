/**
 * The documented shape of each answer, checked where it arrives: a 200 whose body is something
 * else (42, null, an object where a list belongs) is an unexpected answer, exit 1 with the request
 * id, never a JavaScript error further up, blank rows, or "Created".
 */
import type { DeletedAlert, LowBalanceAlert, LowBalanceAlertList } from '../domain/alerts.js';
import type { Account, Customer, Page } from '../domain/types.js';
import { echo, UnexpectedAnswerError } from '../errors.js';
import type { HttpResult, RequestSpec } from './http.js';

export type ShapeCheck<T> = ((value: unknown) => value is T) & { expected: string };

function shape<T>(expected: string, test: (value: unknown) => boolean): ShapeCheck<T> {
  return Object.assign((value: unknown): value is T => test(value), { expected });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const customerLike = (value: unknown) =>
  isObject(value) &&
  typeof value.customerIdentifier === 'string' &&
  (value.accounts === undefined || Array.isArray(value.accounts));

const accountLike = (value: unknown) => isObject(value) && typeof value.accountIdentifier === 'string';

function listOrPage(item: (value: unknown) => boolean) {
  return (value: unknown) => {
    if (Array.isArray(value)) return value.every(item);
    return isObject(value) && Array.isArray(value.items) && value.items.every(item);
  };
}

const alertLike = (value: unknown) => isObject(value) && typeof value.balanceAlertID === 'string';

/**
 * LowBalanceAlertListView: `page` numbers and the alerts of that page. The OpenAPI requires neither (an
 * account without alerts may answer `{}`), but each, when there, must be what it says.
 */
const alertListLike = (value: unknown) =>
  isObject(value) &&
  (value.page === undefined || isObject(value.page)) &&
  (value.lowBalanceAlerts === undefined ||
    (Array.isArray(value.lowBalanceAlerts) && value.lowBalanceAlerts.every(alertLike)));

export const shapes = {
  customer: shape<Customer>('a customer', customerLike),
  account: shape<Account>('an account', accountLike),
  customers: shape<Customer[] | Page<Customer>>('a list of customers', listOrPage(customerLike)),
  accounts: shape<Account[] | Page<Account>>('a list of accounts', listOrPage(accountLike)),
  alert: shape<LowBalanceAlert>('a low-balance alert', alertLike),
  alerts: shape<LowBalanceAlertList>('a page of low-balance alerts', alertListLike),
  deletedAlert: shape<DeletedAlert>(
    'a deleted alert',
    (value) => alertLike(value) && typeof (value as Record<string, unknown>).status === 'string',
  ),
};

/** The result when its body has the documented shape; else an unexpected answer, with the request id. */
export function checkShape<T>(result: HttpResult<unknown>, spec: RequestSpec, check: ShapeCheck<T>, url = spec.path) {
  if (check(result.body)) return result as HttpResult<T>;
  throw new UnexpectedAnswerError(
    { kind: 'wrong-shape', method: spec.method, url, status: result.status, expected: check.expected },
    `answered ${result.status} with ${describeValue(result.body)} where ${check.expected} belongs`,
    { requestId: result.requestId },
  );
}

/** What the body was, in a few words, for the error: "42", "null", "an object", "a list of 3". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object without the expected fields';
  return echo(value, 'json');
}
