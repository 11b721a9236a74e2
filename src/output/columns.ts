/** Which columns each resource shows, and how a cell reads in a table or CSV. */
import { fundingEmailsCell } from '../domain/funding-emails.js';
import type { Account, AccountSummary, Customer } from '../domain/types.js';

export interface Column<T = Record<string, unknown>> {
  /** The API field name; also the CSV header and what --fields names. */
  key: string;
  /** The table header. */
  header: string;
  /** The cell, when it is not the field itself. */
  cell?: (row: T) => unknown;
}

/** Every field a resource may show; --fields chooses among these. */
export interface ResourceView<T> {
  name: string;
  columns: Column<T>[];
  /** The default columns, by key. */
  defaults: string[];
}

export const accountView: ResourceView<Account> = {
  name: 'account',
  columns: [
    { key: 'accountIdentifier', header: 'IDENTIFIER' },
    { key: 'accountNumber', header: 'NUMBER' },
    { key: 'displayName', header: 'DISPLAY NAME' },
    { key: 'status', header: 'STATUS' },
    { key: 'currencyCode', header: 'CURRENCY' },
    { key: 'currentBalance', header: 'BALANCE' },
    { key: 'createdAt', header: 'CREATED' },
    { key: 'contactEmail', header: 'CONTACT EMAIL' },
    { key: 'fundingNotification', header: 'FUNDING EMAILS', cell: (a) => fundingEmailsCell(a.fundingNotification) },
  ],
  defaults: [
    'accountIdentifier',
    'accountNumber',
    'displayName',
    'status',
    'currencyCode',
    'currentBalance',
    'createdAt',
  ],
};

export const accountSummaryView: ResourceView<AccountSummary> = {
  name: 'account',
  columns: accountView.columns.filter((c) =>
    ['accountIdentifier', 'accountNumber', 'displayName', 'status', 'currencyCode', 'createdAt'].includes(c.key),
  ) as Column<AccountSummary>[],
  defaults: ['accountIdentifier', 'accountNumber', 'displayName', 'status', 'currencyCode', 'createdAt'],
};

export const customerView: ResourceView<Customer> = {
  name: 'customer',
  columns: [
    { key: 'customerIdentifier', header: 'IDENTIFIER' },
    { key: 'displayName', header: 'DISPLAY NAME' },
    { key: 'status', header: 'STATUS' },
    { key: 'createdAt', header: 'CREATED' },
    { key: 'accounts', header: 'ACCOUNTS', cell: (c) => (Array.isArray(c.accounts) ? c.accounts.length : 0) },
  ],
  defaults: ['customerIdentifier', 'displayName', 'status', 'createdAt', 'accounts'],
};
