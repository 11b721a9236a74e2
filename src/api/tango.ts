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
import { UnexpectedAnswerError } from '../errors.js';
import { type HttpClient, type HttpResult, type PreparedRequest, type RequestSpec, segment } from './http.js';
import { checkShape, type ShapeCheck, shapes } from './shapes.js';

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

/**
 * The most pages --all follows: 10,000 pages of 200 is two million items, far beyond any platform,
 * and a server that keeps minting cursors past it is broken.
 */
export const MAX_PAGES = 10_000;

export class TangoApi {
  constructor(
    readonly http: HttpClient,
    readonly maxPages = MAX_PAGES,
  ) {}

  describe(spec: RequestSpec): PreparedRequest {
    return this.http.describe(spec);
  }

  send<T>(spec: RequestSpec): Promise<HttpResult<T>> {
    return this.http.send<T>(spec);
  }

  /** Sends, and refuses a success whose body is not the documented shape. */
  async sendExpecting<T>(spec: RequestSpec, check: ShapeCheck<T>): Promise<HttpResult<T>> {
    return checkShape(await this.http.send<unknown>(spec), spec, check, this.http.url(spec));
  }

  async listCustomers(filters?: CustomerFilters, page?: PageQuery): Promise<Customer[] | Page<Customer>> {
    return (await this.sendExpecting(requests.listCustomers(filters, page), shapes.customers)).body;
  }

  async getCustomer(customer: string): Promise<Customer> {
    const found = (await this.sendExpecting(requests.getCustomer(customer), shapes.customer)).body;
    return { ...found, accounts: found.accounts ?? [] };
  }

  async listAccounts(
    customer: string | undefined,
    filters?: AccountFilters,
    page?: PageQuery,
  ): Promise<Account[] | Page<Account>> {
    return (await this.sendExpecting(requests.listAccounts(customer, filters, page), shapes.accounts)).body;
  }

  /**
   * Every page of a list, one page at a time, so a caller can stream them out and memory stays
   * flat whatever the total. Stops at the last page, if the server ever repeats a cursor, or once
   * `limit` items have been yielded (the last page cut to fit; no page asked for beyond it).
   */
  async *pages<T>(
    list: (page: PageQuery) => RequestSpec,
    check: ShapeCheck<T[] | Page<T>>,
    start: PageStart = {},
  ): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let cursor = start.nextCursor;
    let left = start.limit ?? Number.POSITIVE_INFINITY;
    for (let pageNumber = 1; ; pageNumber++) {
      const maxResults = Math.min(start.maxResults ?? MAX_RESULTS_LIMIT, left);
      const spec = list({ paginate: true, maxResults, nextCursor: cursor });
      const body = (await this.sendExpecting(spec, check)).body;
      // A server that ignores `paginate` answers the whole list as a plain array: that is the only page.
      const whole = Array.isArray(body) ? wholeList(body) : body;
      const page = whole.items.length > left ? { ...whole, items: whole.items.slice(0, left) } : whole;
      left -= page.items.length;
      yield page;
      if (left <= 0) return;
      if (!page.nextPageAvailable || !page.nextCursor) return;
      this.#checkCursor(spec, page.nextCursor, seen, pageNumber);
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  /** A cursor given before, or more pages than any real list has: the server would lead us on forever. */
  #checkCursor(spec: RequestSpec, cursor: string, seen: Set<string>, pageNumber: number): void {
    const facts = { method: spec.method, url: this.http.url({ ...spec, query: undefined }) };
    if (seen.has(cursor)) {
      throw new UnexpectedAnswerError(
        { ...facts, kind: 'repeated-cursor' },
        `gave, on page ${pageNumber}, a next cursor it had already given; stopped there instead of going round forever`,
      );
    }
    if (pageNumber >= this.maxPages) {
      throw new UnexpectedAnswerError(
        { ...facts, kind: 'too-many-pages', limit: this.maxPages },
        `still had a next page after ${this.maxPages.toLocaleString('en')} pages; stopped there`,
      );
    }
  }

  accountPages(
    customer: string | undefined,
    filters: AccountFilters = {},
    start: PageStart = {},
  ): AsyncGenerator<Page<Account>> {
    return this.pages<Account>((page) => requests.listAccounts(customer, filters, page), shapes.accounts, start);
  }

  customerPages(filters: CustomerFilters = {}, start: PageStart = {}): AsyncGenerator<Page<Customer>> {
    return this.pages<Customer>((page) => requests.listCustomers(filters, page), shapes.customers, start);
  }

  async getAccount(account: string): Promise<Account> {
    return (await this.sendExpecting(requests.getAccount(account), shapes.account)).body;
  }

  async updateAccount(customer: string, account: string, body: UpdateAccountBody): Promise<Account> {
    return (await this.sendExpecting(requests.updateAccount(customer, account, body), shapes.account)).body;
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
