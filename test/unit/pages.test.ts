/** TangoApi.pages, the cursor walk behind --all, and TangoApi's other requests and walks, against MockAgent. */
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import { HttpClient } from '../../src/api/http.js';
import { Pacer } from '../../src/api/pacer.js';
import { requests, TangoApi } from '../../src/api/tango.js';
import { UnexpectedAnswerError } from '../../src/errors.js';

const ORIGIN = 'https://api.test';
let agent: MockAgent;
let api: TangoApi;
let paths: string[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  paths = [];
  api = new TangoApi(new HttpClient({ baseUrl: `${ORIGIN}/raas/v2`, auth: basicAuth('a', 'b'), dispatcher: agent }));
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

function page(items: string[], nextCursor?: string) {
  return {
    numberOfElements: items.length,
    maxResults: 2,
    items: items.map((accountIdentifier) => ({ accountIdentifier })),
    nextCursor,
    nextPageAvailable: nextCursor !== undefined,
    prevPageAvailable: false,
  };
}

function answer(body: unknown): void {
  agent
    .get(ORIGIN)
    .intercept({ method: 'GET', path: (path) => path.startsWith('/raas/v2/') })
    .reply((options) => {
      paths.push(options.path);
      return { statusCode: 200, data: JSON.stringify(body) };
    });
}

async function walk(limit?: number): Promise<string[][]> {
  const seen: string[][] = [];
  for await (const p of api.accountPages('acme-co', { status: 'ACTIVE' }, { maxResults: 2, limit })) {
    seen.push(p.items.map((a) => a.accountIdentifier));
  }
  return seen;
}

describe('pages', () => {
  it('follows nextCursor to the last page, keeping the filters and page size on every request', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3', 'a4'], 'c2'));
    answer(page(['a5']));
    expect(await walk()).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
    expect(paths).toEqual([
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2&nextCursor=c1',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2&nextCursor=c2',
    ]);
  });

  it('asks for the next page while the caller is still printing this one, and never for one past the last', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3']));
    const asked: number[] = [];
    for await (const _ of api.accountPages('acme-co', {}, { maxResults: 2 })) {
      // The caller is busy with this page (writing it out) for a while: the next answer arrives meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 50));
      asked.push(paths.length);
    }
    expect(asked).toEqual([2, 2]);
  });

  it('has sent the next page before a caller that prints synchronously (a file, a pipe) gets this one', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3', 'a4'], 'c2'));
    answer(page(['a5']));
    // As the command builds it: with the process's pacer, whose turn is a few promises away.
    const paced = new TangoApi(
      new HttpClient({
        baseUrl: `${ORIGIN}/raas/v2`,
        auth: basicAuth('a', 'b'),
        dispatcher: agent,
        pacer: new Pacer(),
      }),
    );
    const asked: number[] = [];
    // No await in the loop: writing to a file or a pipe blocks, so the request must already be out.
    for await (const _ of paced.accountPages('acme-co', {}, { maxResults: 2 })) asked.push(paths.length);
    expect(asked).toEqual([2, 3, 3]);
  });

  it('a failure of the page asked for ahead comes after the pages before it, as the walk reaches it', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: (path) => path.includes('nextCursor=c1') })
      .reply(404, { httpCode: 404, message: 'gone' });
    const seen: string[][] = [];
    const error = await (async () => {
      for await (const p of api.accountPages('acme-co', {}, { maxResults: 2 })) {
        seen.push(p.items.map((a) => a.accountIdentifier));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual([['a1', 'a2']]);
    expect((error as { status?: number }).status).toBe(404);
  });

  it('stops with an error naming the page when a server repeats a cursor, instead of looping or ending quietly', async () => {
    answer(page(['a1'], 'c1'));
    answer(page(['a2'], 'c2'));
    answer(page(['a3'], 'c1'));
    const seen: string[][] = [];
    const error = await (async () => {
      for await (const p of api.accountPages('acme-co', {}, { maxResults: 2 }))
        seen.push(p.items.map((a) => a.accountIdentifier));
    })().catch((e: unknown) => e);
    expect(seen).toEqual([['a1'], ['a2'], ['a3']]);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect((error as UnexpectedAnswerError).facts.kind).toBe('repeated-cursor');
    expect((error as Error).message).toContain('gave, on page 3, a next cursor it had already given');
  });

  it('stops with an error after the page bound when a server keeps minting new cursors', async () => {
    const bounded = new TangoApi(api.http, 3);
    for (let n = 1; n <= 3; n++) answer(page([`a${n}`], `fresh-${n}`));
    const error = await (async () => {
      for await (const _ of bounded.accountPages('acme-co')) void _;
    })().catch((e: unknown) => e);
    expect((error as UnexpectedAnswerError).facts).toMatchObject({ kind: 'too-many-pages', limit: 3 });
    expect((error as Error).message).toContain('still had a next page after 3 pages');
  });

  it('a server that ignores paginate and answers an array gives one, final page', async () => {
    answer([{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }, { accountIdentifier: 'a3' }]);
    expect(await walk()).toEqual([['a1', 'a2', 'a3']]);
  });

  it('--limit stops after that many items across pages, asking no more than it needs', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3'], 'c2'));
    expect(await walk(3)).toEqual([['a1', 'a2'], ['a3']]);
    // The last request asks for only the one item still wanted; no third page is fetched.
    expect(paths).toEqual([
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=1&nextCursor=c1',
    ]);
  });

  it('--limit cuts a page a server made longer than asked, and a whole list answered as an array', async () => {
    answer([{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }, { accountIdentifier: 'a3' }]);
    expect(await walk(2)).toEqual([['a1', 'a2']]);
  });

  it('--limit larger than the list ends at the last page', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3']));
    expect(await walk(10)).toEqual([['a1', 'a2'], ['a3']]);
  });
});

// Survivors of the mutation run at e2275b1 in src/api/tango.ts, each named by the test that kills it
// (tango.ts:line): the alert endpoints' paths and query, the retry of an alert create, a customer
// answered without its accounts, a whole list as one page, and the page-number walk of alerts.
describe('request paths and queries', () => {
  const BASE = `${ORIGIN}/raas/v2`;

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
    const pool = agent.get(ORIGIN);
    const create = { method: 'POST', path: '/raas/v2/customers/acme/accounts/acme-main/lowbalance' };
    pool.intercept(create).reply(503, { httpCode: 503, message: 'busy' });
    pool.intercept(create).reply(201, { balanceAlertID: 'A-1' });
    const http = new HttpClient({ baseUrl: BASE, auth: basicAuth('a', 'b'), dispatcher: agent, sleep: async () => {} });
    const body = { balanceAlertDisplayName: 'low', balanceAlertThreshold: 5, balanceAlertNotification: [] };
    const result = await http.send(requests.createAlert('acme', 'acme-main', body));
    expect(result).toMatchObject({ status: 201, attempts: 2, body: { balanceAlertID: 'A-1' } });
  });
});

describe('answers', () => {
  // tango.ts:159 (a made-up account given to a customer answered without its accounts)
  it('gives a customer answered without accounts an empty list of them', async () => {
    answer({ customerIdentifier: 'acme' });
    expect(await api.getCustomer('acme')).toEqual({ customerIdentifier: 'acme', accounts: [] });
  });

  // tango.ts:316 and 317 (a whole list answered as an array said to have a previous or a next page)
  it('a whole list answered as an array is one page with no page before or after it', async () => {
    answer([{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }]);
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
  const alertPage = (ids: string[], number: number, totalPages?: number) => ({
    page: { size: 2, totalElements: 5, totalPages, number },
    lowBalanceAlerts: ids.map((balanceAlertID) => ({ balanceAlertID })),
  });

  async function alerts(start: { page?: number; elementsPerBlock?: number; limit?: number } = {}) {
    const seen: string[][] = [];
    for await (const page of api.alertPages('acme', 'acme-main', {}, start)) {
      seen.push(page.lowBalanceAlerts.map((alert) => alert.balanceAlertID));
    }
    return seen;
  }

  // tango.ts:283 (page -= 1), 284 (the page number and size dropped), 288 (totalPages read as 0),
  // 289 (the stop turned always true)
  it('asks page after page, 200 alerts each by default, up to the last page', async () => {
    answer(alertPage(['a1', 'a2'], 0, 3));
    answer(alertPage(['a3', 'a4'], 1, 3));
    answer(alertPage(['a5'], 2, 3));
    expect(await alerts()).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
    expect(paths).toEqual([
      `${alertsPath}?page=0&elementsPerBlock=200`,
      `${alertsPath}?page=1&elementsPerBlock=200`,
      `${alertsPath}?page=2&elementsPerBlock=200`,
    ]);
  });

  // tango.ts:282 (?? turned &&: the size asked for replaced by 200)
  it('starts at the page asked for, with the page size asked for', async () => {
    answer(alertPage(['a3', 'a4'], 1, 2));
    expect(await alerts({ page: 1, elementsPerBlock: 2 })).toEqual([['a3', 'a4']]);
    expect(paths).toEqual([`${alertsPath}?page=1&elementsPerBlock=2`]);
  });

  // tango.ts:289 (the stop turned always false: a page past the last would be asked for, and MockAgent
  // refuses it)
  it('stops at the last page', async () => {
    answer(alertPage(['a1'], 0, 1));
    expect(await alerts()).toEqual([['a1']]);
  });

  // tango.ts:289 (a page without totalPages is the last one)
  it('takes a page without totalPages for the last', async () => {
    answer(alertPage(['a1', 'a2'], 0));
    expect(await alerts()).toEqual([['a1', 'a2']]);
  });

  // tango.ts:289:11 (|| turned &&) and 289:24 (alerts.length === 0 turned false or !==): a server that
  // answers an empty page before its last would otherwise be asked for every page it claims
  it('stops at an empty page, whatever totalPages says', async () => {
    answer(alertPage(['a1', 'a2'], 0, 50));
    answer(alertPage([], 1, 50));
    expect(await alerts()).toEqual([['a1', 'a2'], []]);
    expect(paths).toHaveLength(2);
  });

  // tango.ts:289:11 (left <= 0 turned false or <), 286 (left += ...), 285 (the page not cut to fit)
  it.each([
    [2, [['a1', 'a2']], 1],
    [3, [['a1', 'a2'], ['a3']], 2],
    [1, [['a1']], 1],
  ])('--limit %i stops once that many alerts were yielded, asking no page beyond', async (limit, expected, asked) => {
    answer(alertPage(['a1', 'a2'], 0, 3));
    if (asked > 1) answer(alertPage(['a3', 'a4'], 1, 3));
    expect(await alerts({ limit })).toEqual(expected);
    expect(paths).toHaveLength(asked);
  });

  // tango.ts listAlerts and alertPages: the OpenAPI requires neither `page` nor `lowBalanceAlerts`
  it('takes an answer that leaves both out for a last page with no alerts', async () => {
    answer({});
    expect(await alerts()).toEqual([[]]);
    expect(paths).toHaveLength(1);
  });

  // `alerts list --json` prints what listAlerts returns: the answer as received, nothing added
  it('hands a page without its alerts on unchanged from listAlerts', async () => {
    const page = { size: 0, totalElements: 0, totalPages: 1, number: 0 };
    answer({ page });
    expect(await api.listAlerts('acme', 'acme-main')).toStrictEqual({ page });
  });

  it('yields a page without its alerts from alertPages with an empty list of them, its page numbers kept', async () => {
    const page = { size: 0, totalElements: 0, totalPages: 1, number: 0 };
    answer({ page });
    const pages = [];
    for await (const each of api.alertPages('acme', 'acme-main')) pages.push(each);
    expect(pages).toStrictEqual([{ page, lowBalanceAlerts: [] }]);
  });
});
