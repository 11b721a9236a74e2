/**
 * The API's endpoints as typed calls. Each call is first a plain RequestSpec, so --dry-run can
 * show exactly what would be sent without sending it.
 */
import type {
  AlertFilters,
  AlertPage,
  AlertPageQuery,
  CreateAlertBody,
  DeletedAlert,
  LowBalanceAlert,
  LowBalanceAlertList,
  UpdateAlertBody,
} from '../domain/alerts.js';
import {
  type CreateAccountBody,
  type CreateCustomerBody,
  MAX_RESULTS_LIMIT,
  type UpdateAccountBody,
} from '../domain/rules.js';
import type { Account, AccountFilters, Customer, CustomerFilters, Page, PageQuery } from '../domain/types.js';
import { UnexpectedAnswerError } from '../errors.js';
import {
  type HttpClient,
  type HttpResult,
  type PreparedRequest,
  type QueryValue,
  type RequestSpec,
  segment,
} from './http.js';
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
  listAlerts: (
    customer: string,
    account: string,
    filters: AlertFilters = {},
    page: AlertPageQuery = {},
  ): RequestSpec => ({
    method: 'GET',
    path: alertsPath(customer, account),
    query: alertQuery(filters, page),
  }),
  getAlert: (customer: string, account: string, alertId: string): RequestSpec => ({
    method: 'GET',
    path: alertsPath(customer, account, alertId),
  }),
  // Retried like the other creates: an alert's name is unique on its account, so a retry that
  // meets 409 can look the alert up and tell whether the first attempt landed.
  createAlert: (customer: string, account: string, body: CreateAlertBody): RequestSpec => ({
    method: 'POST',
    path: alertsPath(customer, account),
    body,
    retryUnsafe: true,
  }),
  updateAlert: (customer: string, account: string, alertId: string, body: UpdateAlertBody): RequestSpec => ({
    method: 'PATCH',
    path: alertsPath(customer, account, alertId),
    body,
  }),
  deleteAlert: (customer: string, account: string, alertId: string): RequestSpec => ({
    method: 'DELETE',
    path: alertsPath(customer, account, alertId),
  }),
};

/** `.../accounts/{account}/lowbalance[/{id}]`. */
function alertsPath(customer: string, account: string, alertId?: string): string {
  const base = `/customers/${segment(customer)}/accounts/${segment(account)}/lowbalance`;
  return alertId === undefined ? base : `${base}/${segment(alertId)}`;
}

/**
 * The alert filters as query parameters. The spec types the email filter as a list of
 * `{emailAddress}` objects, which the server binds from `balanceAlertNotification[0].emailAddress`.
 */
function alertQuery(filters: AlertFilters, page: AlertPageQuery): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {
    balanceAlertDisplayName: filters.balanceAlertDisplayName,
    balanceAlertThreshold: filters.balanceAlertThreshold,
  };
  for (const [index, email] of (filters.emails ?? []).entries()) {
    query[`balanceAlertNotification[${index}].emailAddress`] = email;
  }
  return { ...query, page: page.page, elementsPerBlock: page.elementsPerBlock };
}

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
   * flat whatever the total (two pages at most). Stops at the last page, if the server ever repeats
   * a cursor, or once `limit` items have been yielded (the last page cut to fit; no page asked for
   * beyond it). The next page is sent before this one is yielded, so the server's time overlaps
   * the printing; its failure, if any, comes when that page is asked for.
   */
  async *pages<T>(
    list: (page: PageQuery) => RequestSpec,
    check: ShapeCheck<T[] | Page<T>>,
    start: PageStart = {},
  ): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let left = start.limit ?? Number.POSITIVE_INFINITY;
    const ask = (cursor: string | undefined) => {
      const spec = list({
        paginate: true,
        maxResults: Math.min(start.maxResults ?? MAX_RESULTS_LIMIT, left),
        nextCursor: cursor,
      });
      const body = this.sendExpecting(spec, check).then((result) => result.body);
      // Awaited at the next turn; a caller that stops early must not leave it an unhandled rejection.
      body.catch(() => {});
      return { spec, body };
    };
    let next = ask(start.nextCursor);
    for (let pageNumber = 1; ; pageNumber++) {
      const { spec, body } = next;
      const answer = await body;
      // A server that ignores `paginate` answers the whole list as a plain array: that is the only page.
      const whole = Array.isArray(answer) ? wholeList(answer) : answer;
      const page = { ...whole, items: whole.items.slice(0, left) };
      left -= page.items.length;
      const cursor = left > 0 && page.nextPageAvailable ? page.nextCursor : undefined;
      let stop: Error | undefined;
      if (cursor) {
        try {
          this.#checkCursor(spec, cursor, seen, pageNumber);
          seen.add(cursor);
          next = ask(cursor);
        } catch (error) {
          stop = error as Error;
        }
      }
      // The next page's request is queued, not yet sent: undici writes it in a later microtask, and a
      // caller printing to a file or a pipe (synchronous writes) would hold it back until the whole
      // page is printed, so nothing would overlap. One turn of the event loop sends it first (after the
      // last page, or a cursor refused, nothing is queued; one turn costs too little to be worth a condition).
      await new Promise((resolve) => setImmediate(resolve));
      yield page;
      if (stop) throw stop;
      if (!cursor) return;
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

  async listAlerts(
    customer: string,
    account: string,
    filters?: AlertFilters,
    page?: AlertPageQuery,
  ): Promise<LowBalanceAlertList> {
    return (await this.sendExpecting(requests.listAlerts(customer, account, filters, page), shapes.alerts)).body;
  }

  /**
   * Every page of an account's alerts by page number, from `start.page` (0 by default), one page at
   * a time; stops after the last page (`page.totalPages`), at an empty page, or once `limit` alerts
   * have been yielded (the last page cut to fit). Each page's alerts are a list, empty when the answer
   * left them out.
   */
  async *alertPages(
    customer: string,
    account: string,
    filters: AlertFilters = {},
    start: AlertPageQuery & { limit?: number } = {},
  ): AsyncGenerator<AlertPage> {
    let left = start.limit ?? Number.POSITIVE_INFINITY;
    const elementsPerBlock = start.elementsPerBlock ?? MAX_RESULTS_LIMIT;
    for (let page = start.page ?? 0; ; page += 1) {
      const body = await this.listAlerts(customer, account, filters, { page, elementsPerBlock });
      const alerts = (body.lowBalanceAlerts ?? []).slice(0, left);
      left -= alerts.length;
      yield { ...body, lowBalanceAlerts: alerts };
      const lastPage = (body.page?.totalPages ?? 0) - 1;
      if (left <= 0 || alerts.length === 0 || page >= lastPage) return;
    }
  }

  async getAlert(customer: string, account: string, alertId: string): Promise<LowBalanceAlert> {
    return (await this.sendExpecting(requests.getAlert(customer, account, alertId), shapes.alert)).body;
  }

  async updateAlert(
    customer: string,
    account: string,
    alertId: string,
    body: UpdateAlertBody,
  ): Promise<LowBalanceAlert> {
    return (await this.sendExpecting(requests.updateAlert(customer, account, alertId, body), shapes.alert)).body;
  }

  async deleteAlert(customer: string, account: string, alertId: string): Promise<HttpResult<DeletedAlert>> {
    return this.sendExpecting(requests.deleteAlert(customer, account, alertId), shapes.deletedAlert);
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
