/**
 * TangoApi's requests and walks (src/api/tango.ts) that no other unit test pinned down, against
 * MockAgent: the paths and query of the alert endpoints, the retry of an alert create, a customer
 * answered without its accounts, a whole list answered as an array, and the page-number walk of an
 * account's alerts. Each test names the mutation-testing survivor it kills (tango.ts:line).
 */
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import { HttpClient } from '../../src/api/http.js';
import { requests, TangoApi } from '../../src/api/tango.js';
import type { LowBalanceAlertList } from '../../src/domain/alerts.js';

const ORIGIN = 'https://api.test';
const BASE = `${ORIGIN}/raas/v2`;
let agent: MockAgent;
let api: TangoApi;
let paths: string[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  paths = [];
  api = new TangoApi(
    new HttpClient({ baseUrl: BASE, auth: basicAuth('a', 'b'), dispatcher: agent, sleep: async () => {} }),
  );
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

/** One answer to the next request of `method`, recording its path and query. */
function answer(status: number, body: unknown, method = 'GET'): void {
  agent
    .get(ORIGIN)
    .intercept({ method, path: (path) => path.startsWith('/raas/v2/') })
    .reply((options) => {
      paths.push(decodeURIComponent(options.path));
      return { statusCode: status, data: JSON.stringify(body) };
    });
}

describe('request paths and queries', () => {
  // tango.ts:47 (the path of every account emptied)
  it("lists every account at /accounts when no customer is given, and a customer's below it", () => {
    expect(api.http.url(requests.listAccounts(undefined))).toBe(`${BASE}/accounts`);
    expect(api.http.url(requests.listAccounts('acme'))).toBe(`${BASE}/customers/acme/accounts`);
  });

  // tango.ts:98 (the path of one alert emptied)
  it('addresses one alert below its account, its id a path segment of its own', () => {
    expect(requests.getAlert('acme', 'acme-main', 'A.1').path).toBe(
      '/customers/acme/accounts/acme-main/lowbalance/A%2E1',
    );
    expect(requests.deleteAlert('acme', 'acme-main', 'A-1')).toEqual({
      method: 'DELETE',
      path: '/customers/acme/accounts/acme-main/lowbalance/A-1',
    });
    expect(requests.listAlerts('acme', 'acme-main').path).toBe('/customers/acme/accounts/acme-main/lowbalance');
  });

  // tango.ts:110 and 111 (the email filter's loop emptied, its parameter name emptied, a made-up email
  // sent when none is asked for)
  it('sends each email filter as balanceAlertNotification[i].emailAddress, and none when none is asked for', () => {
    const filtered = requests.listAlerts('acme', 'acme-main', { emails: ['a@acme.example', 'b@acme.example'] });
    expect(decodeURIComponent(api.http.url(filtered))).toBe(
      `${BASE}/customers/acme/accounts/acme-main/lowbalance` +
        '?balanceAlertNotification[0].emailAddress=a@acme.example&balanceAlertNotification[1].emailAddress=b@acme.example',
    );
    expect(api.http.url(requests.listAlerts('acme', 'acme-main', {}, { page: 2 }))).toBe(
      `${BASE}/customers/acme/accounts/acme-main/lowbalance?page=2`,
    );
  });

  // tango.ts:82 (retryUnsafe of an alert create turned false): its 409 can be looked up, so it is retried
  it('retries an alert create that met a 503, like the other creates', async () => {
    answer(503, { httpCode: 503, message: 'busy' }, 'POST');
    answer(201, { balanceAlertID: 'A-1' }, 'POST');
    const body = { balanceAlertDisplayName: 'low', balanceAlertThreshold: 5, balanceAlertNotification: [] };
    const result = await api.send(requests.createAlert('acme', 'acme-main', body));
    expect(result).toMatchObject({ status: 201, attempts: 2, body: { balanceAlertID: 'A-1' } });
  });
});

describe('answers', () => {
  // tango.ts:159 (a made-up account given to a customer answered without its accounts)
  it('gives a customer answered without accounts an empty list of them', async () => {
    answer(200, { customerIdentifier: 'acme' });
    expect(await api.getCustomer('acme')).toEqual({ customerIdentifier: 'acme', accounts: [] });
  });

  // tango.ts:316 and 317 (a whole list answered as an array said to have a previous or a next page)
  it('a whole list answered as an array is one page with no page before or after it', async () => {
    answer(200, [{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }]);
    const pages = [];
    for await (const page of api.accountPages('acme')) pages.push(page);
    expect(pages).toEqual([
      {
        numberOfElements: 2,
        maxResults: 2,
        items: [{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }],
        prevPageAvailable: false,
        nextPageAvailable: false,
      },
    ]);
  });
});

describe("alertPages: an account's alerts, page by page number", () => {
  const alertsPath = '/raas/v2/customers/acme/accounts/acme-main/lowbalance';
  const alertPage = (ids: string[], number: number, totalPages?: number): LowBalanceAlertList =>
    ({
      page: { size: 2, totalElements: 5, totalPages, number },
      lowBalanceAlerts: ids.map((balanceAlertID) => ({ balanceAlertID })),
    }) as LowBalanceAlertList;

  async function walk(start: { page?: number; elementsPerBlock?: number; limit?: number } = {}) {
    const seen: string[][] = [];
    for await (const page of api.alertPages('acme', 'acme-main', {}, start)) {
      seen.push(page.lowBalanceAlerts.map((alert) => alert.balanceAlertID));
    }
    return seen;
  }

  // tango.ts:283 (page -= 1), 284 (the page number and size dropped), 288 (totalPages read as 0),
  // 289 (the stop turned always true)
  it('asks page after page, 200 alerts each by default, up to the last page', async () => {
    answer(200, alertPage(['a1', 'a2'], 0, 3));
    answer(200, alertPage(['a3', 'a4'], 1, 3));
    answer(200, alertPage(['a5'], 2, 3));
    expect(await walk()).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
    expect(paths).toEqual([
      `${alertsPath}?page=0&elementsPerBlock=200`,
      `${alertsPath}?page=1&elementsPerBlock=200`,
      `${alertsPath}?page=2&elementsPerBlock=200`,
    ]);
  });

  // tango.ts:282 (?? turned &&: the size asked for replaced by 200)
  it('starts at the page asked for, with the page size asked for', async () => {
    answer(200, alertPage(['a3', 'a4'], 1, 2));
    expect(await walk({ page: 1, elementsPerBlock: 2 })).toEqual([['a3', 'a4']]);
    expect(paths).toEqual([`${alertsPath}?page=1&elementsPerBlock=2`]);
  });

  // tango.ts:289 (the stop turned always false: a page past the last would be asked for, and MockAgent
  // refuses it)
  it('stops at the last page', async () => {
    answer(200, alertPage(['a1'], 0, 1));
    expect(await walk()).toEqual([['a1']]);
  });

  // tango.ts:289 (a page without totalPages is the last one)
  it('takes a page without totalPages for the last', async () => {
    answer(200, alertPage(['a1', 'a2'], 0));
    expect(await walk()).toEqual([['a1', 'a2']]);
  });

  // tango.ts:289:11 (|| turned &&) and 289:24 (alerts.length === 0 turned false or !==): a server that
  // answers an empty page before its last would otherwise be asked for every page it claims
  it('stops at an empty page, whatever totalPages says', async () => {
    answer(200, alertPage(['a1', 'a2'], 0, 50));
    answer(200, alertPage([], 1, 50));
    expect(await walk()).toEqual([['a1', 'a2'], []]);
    expect(paths).toHaveLength(2);
  });

  // tango.ts:289:11 (left <= 0 turned false or <), 286 (left += ...), 285 (the page not cut to fit)
  it.each([
    [2, [['a1', 'a2']], 1],
    [3, [['a1', 'a2'], ['a3']], 2],
    [1, [['a1']], 1],
  ])('--limit %i stops once that many alerts were yielded, asking no page beyond', async (limit, expected, asked) => {
    answer(200, alertPage(['a1', 'a2'], 0, 3));
    if (asked > 1) answer(200, alertPage(['a3', 'a4'], 1, 3));
    expect(await walk({ limit })).toEqual(expected);
    expect(paths).toHaveLength(asked);
  });
});
