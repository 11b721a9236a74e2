/**
 * The emulator's low-balance alerts: stateful per account, page-number paging, filters, 404/409/400,
 * the tri-state PATCH of emails and delete; every answer checked against the OpenAPI description.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  createCustomer,
  type EmulatorClient,
  type Json,
  newAccountBody,
  uniqueId,
  useEmulator,
} from '../support/emulator-client.js';
import { errorInfoErrors, responseErrors } from '../support/openapi.js';

const LIST = '/customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance';
const ONE = `${LIST}/{balanceAlertID}`;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const emulator = useEmulator();
let customer: string;
let account: string;
let other: string; // a second account of the same customer
let base: string;

const alertBody = (name: string, threshold = 500, emails = ['ops@acme.example']) => ({
  balanceAlertDisplayName: name,
  balanceAlertThreshold: threshold,
  balanceAlertNotification: emails.map((emailAddress) => ({ emailAddress })),
});

async function newAccount(client: EmulatorClient): Promise<string> {
  const body = newAccountBody(uniqueId('alerts'));
  expect((await client.post(`/customers/${customer}/accounts`, body)).status).toBe(201);
  return body.accountIdentifier;
}

beforeAll(async () => {
  const client = emulator.client();
  customer = await createCustomer(client);
  account = await newAccount(client);
  other = await newAccount(client);
  base = `/customers/${customer}/accounts/${account}/lowbalance`;
});

function expectConforms(answer: Answer, method: string, template: string, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(responseErrors(method, template, status, answer.body)).toEqual([]);
  if (status >= 400) {
    expect(errorInfoErrors(answer.body)).toEqual([]);
    expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
  }
}

async function create(path: string, body: Json): Promise<Json> {
  const answer = await emulator.client().post(path, body);
  expectConforms(answer, 'POST', LIST, 200);
  return answer.body;
}

describe('create, get, update, delete', () => {
  it('POST answers 200 with the alert: a UUID, the path identifiers, the values sent, createdAt', async () => {
    const alert = await create(base, alertBody('Create and read', 250.5, ['a@acme.example', 'b@acme.example']));
    expect(alert).toMatchObject({
      customerIdentifier: customer,
      accountIdentifier: account,
      balanceAlertDisplayName: 'Create and read',
      balanceAlertThreshold: 250.5,
      balanceAlertNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
    });
    expect(alert.balanceAlertID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(alert.createdAt)).not.toBeNaN();
    const read = await emulator.client().get(`${base}/${alert.balanceAlertID}`);
    expectConforms(read, 'GET', ONE, 200);
    expect(read.body).toEqual(alert);
  });

  it('PATCH changes only what it carries; an empty list clears the emails, null and absent keep them', async () => {
    const client = emulator.client();
    const alert = await create(base, alertBody('Tri-state emails', 100, ['keep@acme.example']));
    const path = `${base}/${alert.balanceAlertID}`;
    const renamed = await client.patch(path, { balanceAlertThreshold: 75.25 });
    expectConforms(renamed, 'PATCH', ONE, 200);
    expect(renamed.body).toEqual({ ...alert, balanceAlertThreshold: 75.25 });
    const kept = await client.patch(path, { balanceAlertNotification: null, balanceAlertDisplayName: 'Tri-state 2' });
    expect(kept.body.balanceAlertNotification).toEqual([{ emailAddress: 'keep@acme.example' }]);
    expect(kept.body.balanceAlertDisplayName).toBe('Tri-state 2');
    const replaced = await client.patch(path, { balanceAlertNotification: [{ emailAddress: 'new@acme.example' }] });
    expect(replaced.body.balanceAlertNotification).toEqual([{ emailAddress: 'new@acme.example' }]);
    const cleared = await client.patch(path, { balanceAlertNotification: [] });
    expectConforms(cleared, 'PATCH', ONE, 200);
    expect(cleared.body.balanceAlertNotification).toEqual([]);
    expect((await client.get(path)).body).toEqual(cleared.body);
  });

  it('DELETE answers {balanceAlertID, status: DELETED}; the alert is gone afterwards', async () => {
    const client = emulator.client();
    const alert = await create(base, alertBody('Soon deleted'));
    const path = `${base}/${alert.balanceAlertID}`;
    const deleted = await client.request('DELETE', path);
    expectConforms(deleted, 'DELETE', ONE, 200);
    expect(deleted.body).toEqual({ balanceAlertID: alert.balanceAlertID, status: 'DELETED' });
    expect((await client.get(path)).status).toBe(404);
    expect((await client.request('DELETE', path)).status).toBe(404);
    const names = (await client.get(base, { elementsPerBlock: 200 })).body.lowBalanceAlerts.map(
      (a: Json) => a.balanceAlertDisplayName,
    );
    expect(names).not.toContain('Soon deleted');
  });
});

describe('errors', () => {
  it('404 for an unknown customer, account or alert, and for an alert of another account', async () => {
    const client = emulator.client();
    const alert = await create(base, alertBody('Belongs to one account'));
    const otherPath = `/customers/${customer}/accounts/${other}/lowbalance/${alert.balanceAlertID}`;
    for (const [method, path] of [
      ['GET', `/customers/nosuch-customer/accounts/${account}/lowbalance`],
      ['GET', `/customers/${customer}/accounts/nosuch-account/lowbalance`],
      ['GET', `${base}/${MISSING_ID}`],
      ['GET', otherPath],
      ['PATCH', otherPath],
      ['DELETE', otherPath],
    ] as const) {
      const answer = await client.request(
        method,
        path,
        method === 'PATCH' ? { body: { balanceAlertThreshold: 1 } } : {},
      );
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(errorInfoErrors(answer.body)).toEqual([]);
    }
    const answer = await client.post(`/customers/${customer}/accounts/nosuch-account/lowbalance`, alertBody('Nowhere'));
    expect(answer.status).toBe(404);
    expect((await client.get(`${base}/${alert.balanceAlertID}`)).status).toBe(200);
  });

  it('409 for a second alert of the same name on the account, ignoring case; another account may use it', async () => {
    const client = emulator.client();
    await create(base, alertBody('Unique Name'));
    const twin = await client.post(base, alertBody('UNIQUE name', 1));
    expectConforms(twin, 'POST', LIST, 409);
    expect(twin.body.message).toContain('Unique Name');
    await create(`/customers/${customer}/accounts/${other}/lowbalance`, alertBody('Unique Name'));
    const second = await create(base, alertBody('Another name'));
    const rename = await client.patch(`${base}/${second.balanceAlertID}`, { balanceAlertDisplayName: 'unique name' });
    expectConforms(rename, 'PATCH', ONE, 409);
    // Renaming an alert to its own name (another case) is no conflict.
    const self = await client.patch(`${base}/${second.balanceAlertID}`, { balanceAlertDisplayName: 'ANOTHER NAME' });
    expect(self.status).toBe(200);
  });

  it('400 with every field error at once', async () => {
    const client = emulator.client();
    const answer = await client.post(base, {
      balanceAlertDisplayName: 'ab',
      balanceAlertThreshold: 12.345,
      balanceAlertNotification: [{ emailAddress: 'nope' }],
    });
    expectConforms(answer, 'POST', LIST, 400);
    expect(answer.body.errors.map((e: Json) => e.path)).toEqual([
      'balanceAlertDisplayName',
      'balanceAlertThreshold',
      'balanceAlertNotification[0].emailAddress',
    ]);
    const none = await client.post(base, { balanceAlertDisplayName: 'No emails here', balanceAlertThreshold: 5 });
    expect(none.body.errors.map((e: Json) => e.path)).toEqual(['balanceAlertNotification']);
    const negative = await client.patch(`${base}/${MISSING_ID}`, { balanceAlertThreshold: -1 });
    expectConforms(negative, 'PATCH', ONE, 400);
    const badId = await client.get(`${base}/not-a-uuid`);
    expectConforms(badId, 'GET', ONE, 400);
    expect(badId.body.errors[0].path).toBe('balanceAlertID');
    const badPage = await client.get(base, { page: -1, elementsPerBlock: 500, nope: 1 });
    expectConforms(badPage, 'GET', LIST, 400);
    expect(badPage.body.errors.map((e: Json) => e.path).sort()).toEqual(['elementsPerBlock', 'nope', 'page']);
  });
});

describe('list: page numbers and filters', () => {
  let path: string;
  let all: Json[];

  beforeAll(async () => {
    const id = await newAccount(emulator.client());
    path = `/customers/${customer}/accounts/${id}/lowbalance`;
    all = [];
    for (let i = 0; i < 23; i += 1) {
      const emails = i % 3 === 0 ? ['finance@acme.example'] : [`team${i}@acme.example`];
      all.push(
        await create(path, alertBody(`${i % 2 ? 'Odd' : 'Even'} alert ${i}`, i % 5 === 0 ? 1000 : 100 + i, emails)),
      );
    }
  });

  it('pages from 0 in creation order, with CollectionPageView numbers', async () => {
    const client = emulator.client();
    const first = await client.get(path, { elementsPerBlock: 10 });
    expectConforms(first, 'GET', LIST, 200);
    expect(first.body.page).toEqual({ size: 10, totalElements: 23, totalPages: 3, number: 0 });
    expect(first.body.lowBalanceAlerts).toEqual(all.slice(0, 10));
    const last = await client.get(path, { elementsPerBlock: 10, page: 2 });
    expect(last.body.page.number).toBe(2);
    expect(last.body.lowBalanceAlerts).toEqual(all.slice(20));
    const beyond = await client.get(path, { elementsPerBlock: 10, page: 3 });
    expectConforms(beyond, 'GET', LIST, 200);
    expect(beyond.body.lowBalanceAlerts).toEqual([]);
    expect((await client.get(path)).body.page.size).toBe(10);
  });

  it('filters: name substring ignoring case, exact threshold, any of the emails in the bound list form', async () => {
    const client = emulator.client();
    const names = async (query: Json) =>
      (await client.get(path, { elementsPerBlock: 200, ...query })).body.lowBalanceAlerts.map(
        (a: Json) => a.balanceAlertDisplayName,
      );
    const pick = (keep: (a: Json) => boolean) => all.filter(keep).map((a) => a.balanceAlertDisplayName);
    expect(await names({ balanceAlertDisplayName: 'odd ALERT' })).toEqual(
      pick((a) => a.balanceAlertDisplayName.startsWith('Odd')),
    );
    expect(await names({ balanceAlertThreshold: 1000 })).toEqual(pick((a) => a.balanceAlertThreshold === 1000));
    const finance = pick((a) => a.balanceAlertNotification[0].emailAddress === 'finance@acme.example');
    expect(await names({ 'balanceAlertNotification[0].emailAddress': 'FINANCE@acme.example' })).toEqual(finance);
    expect(
      await names({
        'balanceAlertNotification[0].emailAddress': 'finance@acme.example',
        'balanceAlertNotification[1].emailAddress': 'team1@acme.example',
      }),
    ).toEqual(
      pick((a) => ['finance@acme.example', 'team1@acme.example'].includes(a.balanceAlertNotification[0].emailAddress)),
    );
    const both = await client.get(path, {
      balanceAlertDisplayName: 'even',
      balanceAlertThreshold: 1000,
      elementsPerBlock: 2,
    });
    expect(both.body.page.totalElements).toBe(
      pick((a) => a.balanceAlertDisplayName.startsWith('Even') && a.balanceAlertThreshold === 1000).length,
    );
    const bad = await client.get(path, {
      balanceAlertThreshold: 'lots',
      'balanceAlertNotification[0].emailAddress': 'x',
    });
    expectConforms(bad, 'GET', LIST, 400);
  });

  it('an account without alerts lists an empty page', async () => {
    const answer = await emulator
      .client()
      .get(`/customers/${customer}/accounts/${other}/lowbalance`, { balanceAlertThreshold: 3 });
    expectConforms(answer, 'GET', LIST, 200);
    expect(answer.body).toEqual({
      page: { size: 10, totalElements: 0, totalPages: 0, number: 0 },
      lowBalanceAlerts: [],
    });
  });
});

describe('faults', () => {
  it('apply to the alert routes like the others: a 503 share, and a drop after the change is applied', async () => {
    const client = emulator.client();
    await client.request('PATCH', '//_emulator/faults', { body: { failRate: 1 } });
    try {
      const refused = await client.get(base);
      expect(refused.status).toBe(503);
      expect(errorInfoErrors(refused.body)).toEqual([]);
    } finally {
      await client.request('PATCH', '//_emulator/faults', { body: { failRate: 0 } });
    }
    await client.request('PATCH', '//_emulator/faults', { body: { dropRate: 1, dropMode: 'after' } });
    try {
      await expect(client.post(base, alertBody('Dropped answer'))).rejects.toThrow();
    } finally {
      await client.request('PATCH', '//_emulator/faults', { body: { dropRate: 0 } });
    }
    const listed = await client.get(base, { balanceAlertDisplayName: 'Dropped answer' });
    expect(listed.body.lowBalanceAlerts).toHaveLength(1);
  });
});

describe('the data file', () => {
  it('keeps alerts across a save and a load; a file from before alerts loads with none', async () => {
    const { EmulatorState, STATE_FORMAT } = await import('../../src/emulator/state.js');
    const old = new EmulatorState({ format: STATE_FORMAT, lastSequence: 0, customers: [], accounts: [] });
    expect(old.alertsOf('any-account')).toEqual([]);
    const alert = {
      balanceAlertID: MISSING_ID,
      customerIdentifier: 'acme-co',
      accountIdentifier: 'acme-main',
      balanceAlertDisplayName: 'Saved alert',
      balanceAlertThreshold: 10,
      balanceAlertNotification: [{ emailAddress: 'a@acme.example' }],
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    old.addAlert(alert);
    const reloaded = new EmulatorState(JSON.parse(JSON.stringify(old.toData())));
    expect(reloaded.alertsOf('acme-main')).toEqual([alert]);
    expect(reloaded.removeAlert('acme-main', MISSING_ID)).toBe(true);
    expect(reloaded.toData().alerts).toEqual([]);
  });
});
