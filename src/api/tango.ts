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
   * flat whatever the total. Stops at the last page, or if the server ever repeats a cursor.
   */
  async *pages<T>(
    list: (page: PageQuery) => RequestSpec,
    start: Omit<PageQuery, 'paginate' | 'prevCursor'> = {},
  ): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let cursor = start.nextCursor;
    const maxResults = start.maxResults ?? MAX_RESULTS_LIMIT;
    for (;;) {
      const body = (await this.send<Page<T> | T[]>(list({ paginate: true, maxResults, nextCursor: cursor }))).body;
      // A server that ignores `paginate` answers the whole list as a plain array: that is the only page.
      const page = Array.isArray(body) ? wholeList(body) : body;
      yield page;
      if (!page.nextPageAvailable || !page.nextCursor || seen.has(page.nextCursor)) return;
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  accountPages(
    customer: string | undefined,
    filters: AccountFilters = {},
    start: Omit<PageQuery, 'paginate' | 'prevCursor'> = {},
  ): AsyncGenerator<Page<Account>> {
    return this.pages<Account>((page) => requests.listAccounts(customer, filters, page), start);
  }

  customerPages(
    filters: CustomerFilters = {},
    start: Omit<PageQuery, 'paginate' | 'prevCursor'> = {},
  ): AsyncGenerator<Page<Customer>> {
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
