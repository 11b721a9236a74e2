/**
 * The API's endpoints as typed calls. Each call is first a plain RequestSpec, so --dry-run can
 * show exactly what would be sent without sending it.
 */
import {
  type CreateAccountBody,
  type CreateCustomerBody,
  MAX_RESULTS_LIMIT,
  type UpdateAccountBody,
} from '../domain/rules.js';
import type { Account, AccountFilters, Customer, CustomerFilters, Page, PageQuery } from '../domain/types.js';
import { type HttpClient, type HttpResult, type PreparedRequest, type RequestSpec, segment } from './http.js';

export const requests = {
  listCustomers: (filters: CustomerFilters = {}, page: PageQuery = {}): RequestSpec => ({
    method: 'GET',
    path: '/customers',
    query: { ...filters, ...pageQuery(page) },
  }),
  getCustomer: (customer: string): RequestSpec => ({ method: 'GET', path: `/customers/${segment(customer)}` }),
  createCustomer: (body: CreateCustomerBody): RequestSpec => ({
    method: 'POST',
    path: '/customers',
    body,
    retryUnsafe: true,
  }),
  listAccounts: (customer: string | undefined, filters: AccountFilters = {}, page: PageQuery = {}): RequestSpec => ({
    method: 'GET',
    path: customer === undefined ? '/accounts' : `/customers/${segment(customer)}/accounts`,
    query: { ...filters, ...pageQuery(page) },
  }),
  getAccount: (account: string): RequestSpec => ({ method: 'GET', path: `/accounts/${segment(account)}` }),
  createAccount: (customer: string, body: CreateAccountBody): RequestSpec => ({
    method: 'POST',
    path: `/customers/${segment(customer)}/accounts`,
    body,
    retryUnsafe: true,
  }),
  updateAccount: (customer: string, account: string, body: UpdateAccountBody): RequestSpec => ({
    method: 'PATCH',
    path: `/customers/${segment(customer)}/accounts/${segment(account)}`,
    body,
  }),
};

function pageQuery(page: PageQuery): Record<string, string | number | boolean | undefined> {
  if (!page.paginate) return {};
  return { paginate: true, maxResults: page.maxResults, nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}

/** Where a walk through every page starts, its page size, and how many items it stops after. */
export interface PageStart {
  nextCursor?: string;
  maxResults?: number;
  limit?: number;
}

export class TangoApi {
  constructor(readonly http: HttpClient) {}

  describe(spec: RequestSpec): PreparedRequest {
    return this.http.describe(spec);
  }

  send<T>(spec: RequestSpec): Promise<HttpResult<T>> {
    return this.http.send<T>(spec);
  }

  async listCustomers(filters?: CustomerFilters, page?: PageQuery): Promise<Customer[] | Page<Customer>> {
    return (await this.send<Customer[] | Page<Customer>>(requests.listCustomers(filters, page))).body;
  }

  async getCustomer(customer: string): Promise<Customer> {
    return (await this.send<Customer>(requests.getCustomer(customer))).body;
  }

  async listAccounts(
    customer: string | undefined,
    filters?: AccountFilters,
    page?: PageQuery,
  ): Promise<Account[] | Page<Account>> {
    return (await this.send<Account[] | Page<Account>>(requests.listAccounts(customer, filters, page))).body;
  }

  /**
   * Every page of a list, one page at a time, so a caller can stream them out and memory stays
   * flat whatever the total. Stops at the last page, if the server ever repeats a cursor, or once
   * `limit` items have been yielded (the last page cut to fit; no page asked for beyond it).
   */
  async *pages<T>(list: (page: PageQuery) => RequestSpec, start: PageStart = {}): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let cursor = start.nextCursor;
    let left = start.limit ?? Number.POSITIVE_INFINITY;
    for (;;) {
      const maxResults = Math.min(start.maxResults ?? MAX_RESULTS_LIMIT, left);
      const body = (await this.send<Page<T> | T[]>(list({ paginate: true, maxResults, nextCursor: cursor }))).body;
      // A server that ignores `paginate` answers the whole list as a plain array: that is the only page.
      const whole = Array.isArray(body) ? wholeList(body) : body;
      const page = whole.items.length > left ? { ...whole, items: whole.items.slice(0, left) } : whole;
      left -= page.items.length;
      yield page;
      if (left <= 0) return;
      if (!page.nextPageAvailable || !page.nextCursor || seen.has(page.nextCursor)) return;
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  accountPages(
    customer: string | undefined,
    filters: AccountFilters = {},
    start: PageStart = {},
  ): AsyncGenerator<Page<Account>> {
    return this.pages<Account>((page) => requests.listAccounts(customer, filters, page), start);
  }

  customerPages(filters: CustomerFilters = {}, start: PageStart = {}): AsyncGenerator<Page<Customer>> {
    return this.pages<Customer>((page) => requests.listCustomers(filters, page), start);
  }

  async getAccount(account: string): Promise<Account> {
    return (await this.send<Account>(requests.getAccount(account))).body;
  }

  async updateAccount(customer: string, account: string, body: UpdateAccountBody): Promise<Account> {
    return (await this.send<Account>(requests.updateAccount(customer, account, body))).body;
  }
}

function wholeList<T>(items: T[]): Page<T> {
  return {
    numberOfElements: items.length,
    maxResults: items.length,
    items,
    prevPageAvailable: false,
    nextPageAvailable: false,
  };
}
