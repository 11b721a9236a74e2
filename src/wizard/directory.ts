/**
 * What the wizard reads from the API while asking: the customers to choose from, and whether an
 * identifier is free. Only GETs: nothing is created before the review is confirmed.
 */
import type { TangoApi } from '../api/tango.js';
import type { Account, Customer, Page } from '../domain/types.js';
import { ApiError } from '../errors.js';

export interface Directory {
  listCustomers(): Promise<Customer[]>;
  /** The customer with this identifier, or undefined when GET answers 404 (it is free). */
  findCustomer(identifier: string): Promise<Customer | undefined>;
  /** The account with this identifier anywhere on the platform, or undefined when it is free. */
  findAccount(identifier: string): Promise<Account | undefined>;
}

export function apiDirectory(api: TangoApi): Directory {
  return {
    listCustomers: async () => unwrap(await api.listCustomers()),
    findCustomer: (identifier) => unlessNotFound(() => api.getCustomer(identifier)),
    findAccount: (identifier) => unlessNotFound(() => api.getAccount(identifier)),
  };
}

function unwrap<T>(answer: T[] | Page<T>): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

async function unlessNotFound<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}
