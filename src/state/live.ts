/**
 * What the platform holds now, read through the API: for `tango diff` and `apply`, only what a
 * state file names (its customers, their accounts, the alerts of accounts whose alerts it
 * manages); for `tango export`, every customer (or those named) with all its accounts and alerts.
 * Reads go through the one client, so they are paced and retried like every other request.
 */
import type { TangoApi } from '../api/tango.js';
import { orNotFound, unlessMissing } from '../commands/not-found.js';
import type { LowBalanceAlert } from '../domain/alerts.js';
import type { Account, Customer } from '../domain/types.js';
import { readAccountsOf } from '../import/existing.js';
import type { DesiredState } from './types.js';

export interface LiveAccount {
  account: Account;
  /** Read only when needed (the file manages them, or an export); undefined otherwise. */
  alerts?: LowBalanceAlert[];
}

export interface LiveCustomer {
  /** Undefined: no such customer yet. */
  customer?: Customer;
  /** The file's accounts found under this customer, by identifier. */
  accounts: Map<string, LiveAccount>;
  /** The file's accounts that exist, but under another customer (identifiers are platform-wide). */
  elsewhere: Set<string>;
}

/** By customer identifier. */
export type LiveState = Map<string, LiveCustomer>;

export interface ReadOptions {
  signal?: AbortSignal;
}

/** The live state of everything `desired` names. */
export async function readLiveFor(api: TangoApi, desired: DesiredState, options: ReadOptions = {}): Promise<LiveState> {
  const live: LiveState = new Map();
  for (const want of desired.customers) {
    const customer = await unlessMissing(() => api.getCustomer(want.customerIdentifier));
    const identifiers = want.accounts.map((account) => account.accountIdentifier);
    const found = customer
      ? await readAccountsOf(api, customer, identifiers, { concurrency: 1, signal: options.signal ?? NEVER })
      : new Map<string, Account>();
    const accounts = new Map<string, LiveAccount>();
    const elsewhere = new Set<string>();
    for (const account of want.accounts) {
      const id = account.accountIdentifier;
      const here = found.get(id);
      if (here) {
        const alerts = account.lowBalanceAlerts ? await readAlerts(api, want.customerIdentifier, id) : undefined;
        accounts.set(id, { account: here, alerts });
      } else if (await unlessMissing(() => api.getAccount(id))) elsewhere.add(id);
    }
    live.set(want.customerIdentifier, { customer, accounts, elsewhere });
  }
  return live;
}

export interface ExportedCustomer {
  customer: Customer;
  accounts: Array<{ account: Account; alerts: LowBalanceAlert[] }>;
}

/**
 * Every customer (or those named, in that order), each with all its accounts and their alerts.
 * A named customer that does not exist is "customer X not found" (exit 3).
 */
export async function readLiveAll(api: TangoApi, named: readonly string[]): Promise<ExportedCustomer[]> {
  const customers: Customer[] = [];
  if (named.length) {
    for (const id of named) customers.push(await orNotFound(`customer ${id}`, () => api.getCustomer(id)));
  } else {
    for await (const page of api.customerPages()) customers.push(...page.items);
  }
  const exported: ExportedCustomer[] = [];
  for (const customer of customers) {
    const accounts: ExportedCustomer['accounts'] = [];
    for await (const page of api.accountPages(customer.customerIdentifier)) {
      for (const account of page.items) {
        accounts.push({
          account,
          alerts: await readAlerts(api, customer.customerIdentifier, account.accountIdentifier),
        });
      }
    }
    exported.push({ customer, accounts });
  }
  return exported;
}

async function readAlerts(api: TangoApi, customer: string, account: string): Promise<LowBalanceAlert[]> {
  const alerts: LowBalanceAlert[] = [];
  for await (const page of api.alertPages(customer, account)) alerts.push(...page.lowBalanceAlerts);
  return alerts;
}

const NEVER = new AbortController().signal;
