/**
 * What the wizard reads from the API while asking: the customers to choose from, and whether an
 * identifier is free. Only GETs: nothing is created before the review is confirmed.
 */
import type { TangoApi } from '../api/tango.js';
import { unlessMissing } from '../commands/not-found.js';
import type { Account, Customer, Page } from '../domain/types.js';

export interface Directory {
  listCustomers(): Promise<Customer[]>;
  /** The customer with this identifier, or undefined when the API says it does not exist (it is free). */
  findCustomer(identifier: string): Promise<Customer | undefined>;
  /** The account with this identifier anywhere on the platform, or undefined when it is free. */
  findAccount(identifier: string): Promise<Account | undefined>;
}

export function apiDirectory(api: TangoApi): Directory {
  return {
    listCustomers: async () => unwrap(await api.listCustomers()),
    findCustomer: (identifier) => unlessMissing(() => api.getCustomer(identifier)),
    findAccount: (identifier) => unlessMissing(() => api.getAccount(identifier)),
  };
}

function unwrap<T>(answer: T[] | Page<T>): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}
