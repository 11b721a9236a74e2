/**
 * Which columns each resource shows, how a cell reads in CSV and on a pipe, and how it reads and
 * gives way in a terminal table (money and dates formatted there only; see fit.ts).
 */
import type { DeletedAlert, LowBalanceAlert } from '../domain/alerts.js';
import { fundingEmails, fundingEmailsCell } from '../domain/funding-emails.js';
import type { Account, AccountSummary, Customer } from '../domain/types.js';
import type { FitKind } from './fit.js';
import { formatDateTime, formatMoney } from './format.js';

export interface Column<T = Record<string, unknown>> {
  /** The API field name; also the CSV header and what --fields names. */
  key: string;
  /** The table header. */
  header: string;
  /** The cell, when it is not the field itself. */
  cell?: (row: T) => unknown;
  /** The cell in a terminal table, when it reads differently there (money, dates). */
  display?: (row: T) => string;
  /** How it gives way in a narrow terminal; default 'fixed'. */
  fit?: FitKind;
  /** Dropped from a terminal table that cannot fit, lowest first; undefined: never dropped. */
  dropRank?: number;
  align?: 'right';
  /** Coloured as an account status. */
  status?: true;
}

/** Every field a resource may show; --fields chooses among these. */
export interface ResourceView<T> {
  name: string;
  /** Said on stderr under an empty terminal table: how to make one. */
  create?: string;
  columns: Column<T>[];
  /** The default columns, by key. */
  defaults: string[];
}

const when = (row: { createdAt?: unknown }) => formatDateTime(row.createdAt);

export const accountView: ResourceView<Account> = {
  name: 'account',
  create: 'tango accounts create <customer>',
  // Dropped first: what another column already says (the currency is in BALANCE), then the rightmost.
  columns: [
    { key: 'accountIdentifier', header: 'IDENTIFIER', fit: 'identifier' },
    { key: 'accountNumber', header: 'NUMBER', fit: 'identifier', dropRank: 4 },
    { key: 'displayName', header: 'DISPLAY NAME', fit: 'text' },
    { key: 'status', header: 'STATUS', status: true, dropRank: 6 },
    { key: 'currencyCode', header: 'CURRENCY', dropRank: 1 },
    {
      key: 'currentBalance',
      header: 'BALANCE',
      display: (a) => formatMoney(a.currentBalance, a.currencyCode),
      align: 'right',
      dropRank: 5,
    },
    { key: 'createdAt', header: 'CREATED (UTC)', display: when, dropRank: 3 },
    { key: 'contactEmail', header: 'CONTACT EMAIL', fit: 'text', dropRank: 2 },
    {
      key: 'fundingNotification',
      header: 'FUNDING EMAILS',
      cell: (a) => fundingEmailsCell(a.fundingNotification),
      display: (a) => fundingEmails(a.fundingNotification).join(', '),
      fit: 'text',
      dropRank: 0,
    },
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
  create: 'tango customers create',
  columns: [
    { key: 'customerIdentifier', header: 'IDENTIFIER', fit: 'identifier' },
    { key: 'displayName', header: 'DISPLAY NAME', fit: 'text' },
    { key: 'status', header: 'STATUS', status: true, dropRank: 3 },
    { key: 'createdAt', header: 'CREATED (UTC)', display: when, dropRank: 1 },
    {
      key: 'accounts',
      header: 'ACCOUNTS',
      cell: (c) => (Array.isArray(c.accounts) ? c.accounts.length : 0),
      align: 'right',
      dropRank: 2,
    },
  ],
  defaults: ['customerIdentifier', 'displayName', 'status', 'createdAt', 'accounts'],
};

/**
 * A low-balance alert. A terminal table shows the threshold in the account's currency when the
 * command knows it (`500.00 USD`); pipes, CSV and JSON keep the API's number.
 */
export function alertView(currency?: string): ResourceView<LowBalanceAlert> {
  return {
    name: 'alert',
    create: 'tango alerts create <customer> <account>',
    // Dropped first: the date, then the emails; the id (what get/update/delete need) never.
    columns: [
      { key: 'balanceAlertID', header: 'ID', fit: 'identifier' },
      { key: 'balanceAlertDisplayName', header: 'NAME', fit: 'text' },
      {
        key: 'balanceAlertThreshold',
        header: 'THRESHOLD',
        display: (a) => formatMoney(a.balanceAlertThreshold, currency),
        align: 'right',
        dropRank: 2,
      },
      {
        key: 'balanceAlertNotification',
        header: 'EMAILS',
        cell: (a) => fundingEmailsCell(a.balanceAlertNotification),
        display: (a) => fundingEmails(a.balanceAlertNotification).join(', '),
        fit: 'text',
        dropRank: 1,
      },
      { key: 'createdAt', header: 'CREATED (UTC)', display: when, dropRank: 0 },
      { key: 'customerIdentifier', header: 'CUSTOMER', fit: 'identifier' },
      { key: 'accountIdentifier', header: 'ACCOUNT', fit: 'identifier' },
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
