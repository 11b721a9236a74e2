/**
 * Which file column (or JSON key) sets which create field. A file may use the create flags' names
 * (identifier, currency, fundingEmails) or the API's (accountIdentifier, currencyCode,
 * fundingNotification), so the output of `tango accounts list -o csv` can be imported as it is.
 */
import type { AccountField } from './types.js';

/** Accepted names, compared without case, spaces, '-' or '_' ("Display Name" is displayName). */
const NAMES: Record<AccountField, readonly string[]> = {
  accountIdentifier: ['identifier', 'accountIdentifier'],
  displayName: ['displayName'],
  contactEmail: ['contactEmail'],
  currencyCode: ['currency', 'currencyCode'],
  fundingNotification: ['fundingEmails', 'fundingEmail', 'fundingNotification'],
};

/**
 * Columns `accounts list` prints that describe an existing account but cannot be set when creating
 * one: ignored, so a listing can be fed back.
 */
const READ_ONLY = ['accountNumber', 'status', 'currentBalance', 'createdAt'];

export type ColumnMeaning = { field: AccountField } | { ignored: true } | { unknown: true };

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_NAME = new Map<string, ColumnMeaning>([
  ...Object.entries(NAMES).flatMap(([field, names]) =>
    names.map((name) => [normaliseName(name), { field: field as AccountField }] as const),
  ),
  ...READ_ONLY.map((name) => [normaliseName(name), { ignored: true } as const] as const),
]);

export function meaningOf(name: string): ColumnMeaning {
  return BY_NAME.get(normaliseName(name)) ?? { unknown: true };
}

/** For the hint under an unknown column. */
export const ACCEPTED_NAMES = Object.values(NAMES).flat();
export const IGNORED_NAMES = READ_ONLY;
