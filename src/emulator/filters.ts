/**
 * The list filters and what "match" means for each, in one place (docs/emulator.md repeats it):
 * - display names: case-insensitive substring ("well" finds "Employee Wellness 1");
 * - identifiers, account numbers, emails: exact, ignoring case;
 * - account status, currency: exact, one of the spec's enum values, in capitals (the spec's
 *   filter currencies are eight, more than the five an account may be created with);
 * - customer status and accountStatus on GET /customers: exact, any value (the spec leaves them
 *   plain strings; customer statuses are undocumented);
 * - currencyCode[]: the account's currency is any of the given ones;
 * - fundingNotificationEmail[]: any of the account's funding addresses is any of the given ones;
 *   the same address twice is a 400 (the spec's uniqueItems);
 * - min/max balance and min/max creation date: inclusive bounds; dates are RFC 3339 date-times
 *   with an offset (the spec's `format: date-time`);
 * - several filters together: all must hold.
 */
import { emailKey } from '../domain/rules.js';
import type { QueryReader } from './query.js';
import type { StoredAccount, StoredCustomer } from './state.js';

export type Predicate<T> = (item: T) => boolean;

export const ACCOUNT_FILTER_PARAMS = [
  'accountNumber',
  'displayName',
  'status',
  'contactEmail',
  'currencyCode',
  'minBalance',
  'maxBalance',
  'minDateCreatedAt',
  'maxDateCreatedAt',
  'fundingNotificationEmail',
] as const;

export const CUSTOMER_FILTER_PARAMS = [
  'displayName',
  'status',
  'customerMinDateCreatedAt',
  'customerMaxDateCreatedAt',
  'accountStatus',
  'accountIdentifier',
  'accountNumber',
  'accountDisplayName',
  'accountMinDateCreatedAt',
  'accountMaxDateCreatedAt',
] as const;

/** Reads the account filters (GET /accounts, GET /customers/{c}/accounts); undefined = no filter. */
export function readAccountFilter(query: QueryReader): Predicate<StoredAccount> | undefined {
  const minBalance = query.number('minBalance');
  const maxBalance = query.number('maxBalance');
  query.ordered('minBalance', minBalance, 'maxBalance', maxBalance);
  const createdFrom = query.dateBound('minDateCreatedAt');
  const createdUntil = query.dateBound('maxDateCreatedAt');
  query.ordered('minDateCreatedAt', createdFrom, 'maxDateCreatedAt', createdUntil);
  const currencies = query.ruleList('currencyCode', 'currencyFilter');
  const fundingEmails = query.uniqueList('fundingNotificationEmail');
  return allOf<StoredAccount>([
    equalsIgnoringCase(query.one('accountNumber'), (account) => account.accountNumber),
    containsIgnoringCase(query.one('displayName'), (account) => account.displayName),
    equals(query.rule('status', 'status'), (account) => account.status),
    equalsIgnoringCase(query.rule('contactEmail', 'contactEmailFilter'), (account) => account.contactEmail),
    currencies && ((account) => currencies.includes(account.currencyCode)),
    between(minBalance, maxBalance, (account) => account.currentBalance),
    between(createdFrom, createdUntil, (account) => Date.parse(account.createdAt)),
    fundingEmails && fundingAddressIn(fundingEmails),
  ]);
}

/**
 * Reads the GET /customers filters. The account* filters keep a customer when at least one of its
 * accounts meets all of them together; the customer's `accounts` list itself is not narrowed.
 */
export function readCustomerFilter(
  query: QueryReader,
  accountsOf: (customer: StoredCustomer) => readonly StoredAccount[],
): Predicate<StoredCustomer> | undefined {
  const createdFrom = query.dateBound('customerMinDateCreatedAt');
  const createdUntil = query.dateBound('customerMaxDateCreatedAt');
  query.ordered('customerMinDateCreatedAt', createdFrom, 'customerMaxDateCreatedAt', createdUntil);
  const accountFrom = query.dateBound('accountMinDateCreatedAt');
  const accountUntil = query.dateBound('accountMaxDateCreatedAt');
  query.ordered('accountMinDateCreatedAt', accountFrom, 'accountMaxDateCreatedAt', accountUntil);
  const accountMatches = allOf<StoredAccount>([
    equals(query.one('accountStatus'), (account) => account.status),
    equalsIgnoringCase(query.one('accountIdentifier'), (account) => account.accountIdentifier),
    equalsIgnoringCase(query.one('accountNumber'), (account) => account.accountNumber),
    containsIgnoringCase(query.one('accountDisplayName'), (account) => account.displayName),
    between(accountFrom, accountUntil, (account) => Date.parse(account.createdAt)),
  ]);
  return allOf<StoredCustomer>([
    containsIgnoringCase(query.one('displayName'), (customer) => customer.displayName),
    equals(query.one('status'), (customer) => customer.status),
    between(createdFrom, createdUntil, (customer) => Date.parse(customer.createdAt)),
    accountMatches && ((customer) => accountsOf(customer).some(accountMatches)),
  ]);
}

function allOf<T>(predicates: ReadonlyArray<Predicate<T> | undefined>): Predicate<T> | undefined {
  const active = predicates.filter((predicate): predicate is Predicate<T> => predicate !== undefined);
  if (active.length === 0) return undefined;
  return (item) => active.every((predicate) => predicate(item));
}

function equals<T>(wanted: string | undefined, field: (item: T) => string): Predicate<T> | undefined {
  return wanted === undefined ? undefined : (item) => field(item) === wanted;
}

function equalsIgnoringCase<T>(wanted: string | undefined, field: (item: T) => string): Predicate<T> | undefined {
  if (wanted === undefined) return undefined;
  const lower = wanted.toLowerCase();
  return (item) => field(item).toLowerCase() === lower;
}

function containsIgnoringCase<T>(wanted: string | undefined, field: (item: T) => string): Predicate<T> | undefined {
  if (wanted === undefined) return undefined;
  const lower = wanted.toLowerCase();
  return (item) => field(item).toLowerCase().includes(lower);
}

function between<T>(
  low: number | undefined,
  high: number | undefined,
  field: (item: T) => number,
): Predicate<T> | undefined {
  if (low === undefined && high === undefined) return undefined;
  return (item) => {
    const value = field(item);
    return (low === undefined || value >= low) && (high === undefined || value <= high);
  };
}

function fundingAddressIn(emails: readonly string[]): Predicate<StoredAccount> {
  const wanted = new Set(emails.map(emailKey));
  return (account) => account.fundingNotification.some((entry) => wanted.has(emailKey(entry.emailAddress)));
}
