/** Which columns each resource shows, and how a cell reads in a table or CSV. */
import type { DeletedAlert, LowBalanceAlert } from '../domain/alerts.js';
import type { Account, AccountSummary, Customer } from '../domain/types.js';
import { formatMoney } from './format.js';

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

const emails = (list: unknown): string =>
  Array.isArray(list) ? list.map((n: { emailAddress?: string }) => n.emailAddress ?? '').join(';') : '';

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
    { key: 'fundingNotification', header: 'FUNDING EMAILS', cell: (a) => emails(a.fundingNotification) },
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

/**
 * A low-balance alert. A table shows the threshold in the account's currency when the command
 * knows it (`500.00 USD`); CSV and JSON keep the API's number.
 */
export function alertView(currency?: string): ResourceView<LowBalanceAlert> {
  return {
    name: 'alert',
    columns: [
      { key: 'balanceAlertID', header: 'ID' },
      { key: 'balanceAlertDisplayName', header: 'NAME' },
      {
        key: 'balanceAlertThreshold',
        header: 'THRESHOLD',
        cell: currency ? (a) => formatMoney(a.balanceAlertThreshold, currency) : undefined,
      },
      { key: 'balanceAlertNotification', header: 'EMAILS', cell: (a) => emails(a.balanceAlertNotification) },
      { key: 'createdAt', header: 'CREATED' },
      { key: 'customerIdentifier', header: 'CUSTOMER' },
      { key: 'accountIdentifier', header: 'ACCOUNT' },
    ],
    defaults: [
      'balanceAlertID',
      'balanceAlertDisplayName',
      'balanceAlertThreshold',
      'balanceAlertNotification',
      'createdAt',
    ],
  };
}

/** What `alerts delete` prints: the API's answer. */
export const deletedAlertView: ResourceView<DeletedAlert> = {
  name: 'deleted alert',
  columns: [
    { key: 'balanceAlertID', header: 'ID' },
    { key: 'status', header: 'STATUS' },
  ],
  defaults: ['balanceAlertID', 'status'],
};
