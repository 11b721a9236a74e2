/**
 * The emulator's data: customers and accounts in creation order, with the indexes the handlers
 * need. `seq` is one counter shared by both kinds; it fixes the list order and is what a cursor
 * points at, so pages stay stable while new records are added.
 */
import type { LowBalanceAlert } from '../domain/alerts.js';
import type { FundingNotification } from '../domain/funding-emails.js';

export const STATE_FORMAT = 'tango-emulator/1';

export interface StoredCustomer {
  seq: number;
  customerIdentifier: string;
  displayName: string;
  status: string;
  createdAt: string;
}

export interface StoredAccount {
  seq: number;
  customerIdentifier: string;
  accountIdentifier: string;
  accountNumber: string;
  displayName: string;
  contactEmail: string;
  currencyCode: string;
  status: string;
  currentBalance: number;
  createdAt: string;
  fundingNotification: FundingNotification[];
}

/** A low-balance alert as kept: the API's view itself (nothing internal to hide). */
export type StoredAlert = LowBalanceAlert;

/** What the data file holds. */
export interface StateData {
  format: typeof STATE_FORMAT;
  lastSequence: number;
  customers: StoredCustomer[];
  accounts: StoredAccount[];
  /** Absent in files written before alerts existed; read as none. */
  alerts?: StoredAlert[];
}

export function emptyStateData(): StateData {
  return { format: STATE_FORMAT, lastSequence: 0, customers: [], accounts: [], alerts: [] };
}

export class EmulatorState {
  private lastSequence: number;
  readonly customers: StoredCustomer[];
  readonly accounts: StoredAccount[];
  private readonly customersById = new Map<string, StoredCustomer>();
  private readonly accountsById = new Map<string, StoredAccount>();
  private readonly accountsByCustomer = new Map<string, StoredAccount[]>();
  /** Alerts by account identifier, in creation order (account identifiers are unique platform-wide). */
  private readonly alertsByAccount = new Map<string, StoredAlert[]>();

  constructor(data: StateData = emptyStateData()) {
    this.lastSequence = data.lastSequence;
    this.customers = data.customers;
    this.accounts = data.accounts;
    for (const alert of data.alerts ?? []) this.alertsOfAccount(alert.accountIdentifier, true).push(alert);
    for (const customer of this.customers) {
      this.customersById.set(customer.customerIdentifier, customer);
      this.accountsByCustomer.set(customer.customerIdentifier, []);
    }
    for (const account of this.accounts) this.indexAccount(account);
  }

  get isEmpty(): boolean {
    return this.customers.length === 0;
  }

  nextSequence(): number {
    this.lastSequence += 1;
    return this.lastSequence;
  }

  customer(customerIdentifier: string): StoredCustomer | undefined {
    return this.customersById.get(customerIdentifier);
  }

  account(accountIdentifier: string): StoredAccount | undefined {
    return this.accountsById.get(accountIdentifier);
  }

  /** The customer's accounts in creation order (empty for an unknown customer). */
  accountsOf(customerIdentifier: string): readonly StoredAccount[] {
    return this.accountsByCustomer.get(customerIdentifier) ?? [];
  }

  addCustomer(customer: StoredCustomer): void {
    this.customers.push(customer);
    this.customersById.set(customer.customerIdentifier, customer);
    this.accountsByCustomer.set(customer.customerIdentifier, []);
  }

  addAccount(account: StoredAccount): void {
    this.accounts.push(account);
    this.indexAccount(account);
  }

  /** The account's low-balance alerts in creation order. */
  alertsOf(accountIdentifier: string): readonly StoredAlert[] {
    return this.alertsOfAccount(accountIdentifier, false);
  }

  addAlert(alert: StoredAlert): void {
    this.alertsOfAccount(alert.accountIdentifier, true).push(alert);
  }

  /** Removes the alert; false when the account has none with this id. */
  removeAlert(accountIdentifier: string, balanceAlertID: string): boolean {
    const list = this.alertsOfAccount(accountIdentifier, false);
    const index = list.findIndex((alert) => alert.balanceAlertID === balanceAlertID);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** Forgets every customer and account (and their alerts); the sequence goes on, so a cursor from before matches nothing new. */
  clear(): { customers: number; accounts: number } {
    const removed = { customers: this.customers.length, accounts: this.accounts.length };
    this.customers.length = 0;
    this.accounts.length = 0;
    this.customersById.clear();
    this.accountsById.clear();
    this.accountsByCustomer.clear();
    this.alertsByAccount.clear();
    return removed;
  }

  toData(): StateData {
    return {
      format: STATE_FORMAT,
      lastSequence: this.lastSequence,
      customers: this.customers,
      accounts: this.accounts,
      alerts: [...this.alertsByAccount.values()].flat(),
    };
  }

  private alertsOfAccount(accountIdentifier: string, create: boolean): StoredAlert[] {
    let list = this.alertsByAccount.get(accountIdentifier);
    if (!list) {
      list = [];
      if (create) this.alertsByAccount.set(accountIdentifier, list);
    }
    return list;
  }

  private indexAccount(account: StoredAccount): void {
    this.accountsById.set(account.accountIdentifier, account);
    let list = this.accountsByCustomer.get(account.customerIdentifier);
    if (!list) {
      list = [];
      this.accountsByCustomer.set(account.customerIdentifier, list);
    }
    list.push(account);
  }
}

/** Account numbers look like the real ones ("A" and eight digits) and are unique because seq is. */
export function accountNumberFor(seq: number): string {
  return `A${String(10_000_000 + seq)}`;
}

/** Checks the shape of a parsed data file, so a stray JSON file is refused instead of misread. */
export function isStateData(value: unknown): value is StateData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<StateData>;
  return (
    data.format === STATE_FORMAT &&
    typeof data.lastSequence === 'number' &&
    Array.isArray(data.customers) &&
    Array.isArray(data.accounts) &&
    (data.alerts === undefined || Array.isArray(data.alerts))
  );
}
