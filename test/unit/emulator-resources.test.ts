/** Creating, reading and updating customers and accounts, and the error bodies around them. */
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createCustomer,
  newAccountBody,
  newCustomerBody,
  uniqueId,
  useEmulator,
} from '../support/emulator-client.js';

const emulator = useEmulator();

describe('customers', () => {
  it('creates one: 201 with the created fields (as documented), then GET shows the whole customer', async () => {
    const client = emulator.client();
    const body = newCustomerBody();
    const created = await client.post('/customers', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(body);
    expect(created.headers.get('location')).toBe(`/raas/v2/customers/${body.customerIdentifier}`);
    const whole = await client.get(`/customers/${body.customerIdentifier}`);
    expect(whole.body).toMatchObject({ ...body, status: 'ACTIVE', accounts: [] });
    expect(new Date(whole.body.createdAt).toISOString()).toBe(whole.body.createdAt);
    await client.post(`/customers/${body.customerIdentifier}/accounts`, newAccountBody());
    const fetched = await client.get(`/customers/${body.customerIdentifier}`);
    expect(fetched.body.accounts).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        currencyCode: 'USD',
        accountNumber: expect.stringMatching(/^A\d{8}$/),
      }),
    ]);
    expect(fetched.body.accounts[0]).not.toHaveProperty('currentBalance');
  });

  it('409 for a duplicate identifier, naming it', async () => {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const again = await client.post('/customers', newCustomerBody(customer));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(customer);
    expect(again.body.i18nKey).toBe('error.conflict.customerIdentifier');
  });

  it('400 with one errors[] entry per bad field, with the rule', async () => {
    const answer = await emulator
      .client()
      .post('/customers', { customerIdentifier: 'bad id!', displayName: '🎉🎉🎉🎉🎉' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        path: 'customerIdentifier',
        i18nKey: 'validation.customerIdentifier.pattern',
        message: expect.stringContaining('5-100'),
        invalidValue: 'bad id!',
        constraint: '^[-a-zA-Z0-9]{5,100}$',
      },
      expect.objectContaining({ path: 'displayName', invalidValue: '🎉🎉🎉🎉🎉' }),
    ]);
  });

  it('400 for missing fields, with invalidValue null', async () => {
    const answer = await emulator.client().post('/customers', {});
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'customerIdentifier', constraint: 'required', invalidValue: null }),
      expect.objectContaining({ path: 'displayName', constraint: 'required', invalidValue: null }),
    ]);
  });

  it.each([
    ['not JSON', '{"customerIdentifier":'],
    ['an array', '[]'],
    ['empty', ''],
  ])('400 for a body that is %s', async (_name, raw) => {
    const client = emulator.client();
    const response = await fetch(client.url('/customers'), {
      method: 'POST',
      headers: {
        authorization: basicAuth(client.emulator.credentials.platformName, client.emulator.credentials.platformKey),
        'content-type': 'application/json',
      },
      body: raw,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { i18nKey: string }).i18nKey).toBe('error.badRequest.json');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['missing', undefined],
  ])('400 with the error body for a JSON body whose Content-Type is %s', async (_name, type) => {
    const client = emulator.client();
    const response = await fetch(client.url('/customers'), {
      method: 'POST',
      headers: {
        authorization: basicAuth(client.emulator.credentials.platformName, client.emulator.credentials.platformKey),
        ...(type ? { 'content-type': type } : {}),
      },
      body: type ? JSON.stringify(newCustomerBody()) : new Blob([JSON.stringify(newCustomerBody())]),
    });
    const body = (await response.json()) as { i18nKey: string; requestId: string; message: string };
    expect(response.status).toBe(400);
    expect(body.i18nKey).toBe('error.badRequest.contentType');
    expect(body.message).toContain('application/json');
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('a JSON type with a charset, or a +json type, is JSON', async () => {
    const client = emulator.client();
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const answer = await client.request('POST', '/customers', {
        body: newCustomerBody(),
        headers: { 'content-type': type },
      });
      expect(answer.status, type).toBe(201);
    }
  });

  it('404 for an unknown customer', async () => {
    const answer = await emulator.client().get('/customers/nobody-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      httpCode: 404,
      httpPhrase: 'Not Found',
      path: '/raas/v2/customers/nobody-here',
      i18nKey: 'error.notFound.customer',
      errors: [],
    });
  });
});

describe('accounts', () => {
  it('creates one with the documented defaults: 201 with the created fields, the rest on GET', async () => {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const body = newAccountBody();
    const created = await client.post(`/customers/${customer}/accounts`, body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...body, currencyCode: 'USD', fundingNotification: [] });
    expect((await client.get(`/accounts/${body.accountIdentifier}`)).body).toEqual({
      ...created.body,
      accountNumber: expect.stringMatching(/^A\d{8}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      status: 'ACTIVE',
      currentBalance: 0,
    });
  });

  it('refuses funding items that are not {emailAddress} objects', async () => {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const answer = await client.post(
      `/customers/${customer}/accounts`,
      newAccountBody(undefined, { fundingNotification: ['a@b.example', { emailAddress: 'c@d.example' }] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'fundingNotification[0]', invalidValue: 'a@b.example' }),
    ]);
  });

  it('keeps the given currency and funding addresses', async () => {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const body = newAccountBody(undefined, {
      currencyCode: 'CAD',
      fundingNotification: [{ emailAddress: 'a@b.example' }],
    });
    const created = await client.post(`/customers/${customer}/accounts`, body);
    expect(created.body).toMatchObject({ currencyCode: 'CAD', fundingNotification: [{ emailAddress: 'a@b.example' }] });
  });

  it('409 for an account identifier used under any customer (unique platform-wide)', async () => {
    const client = emulator.client();
    const first = await createCustomer(client);
    const second = await createCustomer(client);
    const body = newAccountBody();
    expect((await client.post(`/customers/${first}/accounts`, body)).status).toBe(201);
    const again = await client.post(`/customers/${second}/accounts`, body);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(first);
  });

  it('400 for the account rules: lowercase identifier, email, currency, duplicate funding address', async () => {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const answer = await client.post(`/customers/${customer}/accounts`, {
      accountIdentifier: 'Has-Capitals',
      displayName: 'Fine name',
      contactEmail: 'nope',
      currencyCode: 'JPY',
      fundingNotification: [{ emailAddress: 'x@y.example' }, { emailAddress: 'X@y.example' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'accountIdentifier',
      'contactEmail',
      'currencyCode',
      'fundingNotification[1].emailAddress',
    ]);
  });

  it('404 when creating under an unknown customer', async () => {
    const answer = await emulator.client().post('/customers/nobody-here/accounts', newAccountBody());
    expect(answer.status).toBe(404);
    expect(answer.body.i18nKey).toBe('error.notFound.customer');
  });

  it('404 for an unknown account', async () => {
    const answer = await emulator.client().get('/accounts/no-such-account');
    expect(answer.status).toBe(404);
    expect(answer.body.i18nKey).toBe('error.notFound.account');
  });
});

describe('PATCH /customers/{c}/accounts/{a}', () => {
  async function accountWithFunding() {
    const client = emulator.client();
    const customer = await createCustomer(client);
    const body = newAccountBody(uniqueId('patch'), {
      currencyCode: 'EUR',
      fundingNotification: [{ emailAddress: 'one@example.com' }, { emailAddress: 'two@example.com' }],
    });
    await client.post(`/customers/${customer}/accounts`, body);
    return { client, path: `/customers/${customer}/accounts/${body.accountIdentifier}`, body, customer };
  }

  it('an omitted field stays as it was', async () => {
    const { client, path, body } = await accountWithFunding();
    const answer = await client.patch(path, { displayName: 'New display name' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      displayName: 'New display name',
      contactEmail: body.contactEmail,
      fundingNotification: body.fundingNotification,
    });
    const nulled = await client.patch(path, { fundingNotification: null });
    expect(nulled.body.fundingNotification).toEqual(body.fundingNotification);
  });

  it('a list replaces the old one', async () => {
    const { client, path } = await accountWithFunding();
    const answer = await client.patch(path, { fundingNotification: [{ emailAddress: 'three@example.com' }] });
    expect(answer.body.fundingNotification).toEqual([{ emailAddress: 'three@example.com' }]);
    expect((await client.get(`/accounts/${answer.body.accountIdentifier}`)).body.fundingNotification).toEqual([
      { emailAddress: 'three@example.com' },
    ]);
  });

  it('an empty list clears it', async () => {
    const { client, path } = await accountWithFunding();
    const answer = await client.patch(path, { fundingNotification: [], contactEmail: 'new@example.com' });
    expect(answer.body).toMatchObject({ fundingNotification: [], contactEmail: 'new@example.com' });
  });

  it('never changes the currency', async () => {
    const { client, path } = await accountWithFunding();
    const same = await client.patch(path, { currencyCode: 'EUR' });
    expect(same.status).toBe(200);
    const other = await client.patch(path, { currencyCode: 'USD' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ path: 'currencyCode', invalidValue: 'USD' });
    expect((await client.get(path.replace(/^\/customers\/[^/]+/, ''))).body.currencyCode).toBe('EUR');
  });

  it('400 for bad values, and nothing changes', async () => {
    const { client, path, body } = await accountWithFunding();
    const answer = await client.patch(path, { displayName: 'ok name', contactEmail: 'bad', fundingNotification: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'contactEmail',
      'fundingNotification',
    ]);
    const account = await client.get(`/accounts/${body.accountIdentifier}`);
    expect(account.body.displayName).toBe(body.displayName);
  });

  it('404 for an account addressed under the wrong customer, which is left unchanged', async () => {
    const { client, body } = await accountWithFunding();
    const stranger = await createCustomer(client);
    const answer = await client.patch(`/customers/${stranger}/accounts/${body.accountIdentifier}`, {
      displayName: 'Hijacked name',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain(stranger);
    expect((await client.get(`/accounts/${body.accountIdentifier}`)).body.displayName).toBe(body.displayName);
  });

  it('404 for an unknown customer or account', async () => {
    const { client, body } = await accountWithFunding();
    expect((await client.patch(`/customers/nobody-here/accounts/${body.accountIdentifier}`, {})).status).toBe(404);
    expect((await client.patch(`/customers/${body.accountIdentifier}/accounts/nothing`, {})).status).toBe(404);
  });
});

describe('every answer', () => {
  it('carries an x-request-id, and an error body the same requestId', async () => {
    const client = emulator.client();
    const ok = await client.get('/customers');
    const bad = await client.get('/customers/nobody-here');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.body.requestId).toBe(bad.headers.get('x-request-id'));
    expect(bad.body.requestId).not.toBe(ok.headers.get('x-request-id'));
  });

  it('404 for an unknown path and 405 for a known path with the wrong method', async () => {
    const client = emulator.client();
    const unknown = await client.get('/vouchers');
    expect(unknown.status).toBe(404);
    expect(unknown.body.i18nKey).toBe('error.notFound.path');
    const wrongMethod = await client.request('DELETE', '/customers');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });

  it('413 for a body over 1 MB', async () => {
    const answer = await emulator.client().post('/customers', { displayName: 'x'.repeat(1_100_000) });
    expect(answer.status).toBe(413);
  });

  it('decodes percent-encoded path segments and refuses malformed ones', async () => {
    const client = emulator.client();
    expect((await client.get('/customers/a%20b%20c')).status).toBe(404);
    const malformed = await client.get('/customers/%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(malformed.body.i18nKey).toBe('error.badRequest.path');
  });
});

describe('with createAnswer "full" (the 2020 Swagger\'s answer)', () => {
  const full = useEmulator({ createAnswer: 'full' });

  it('a create answers 200 with the whole resource', async () => {
    const client = full.client();
    const customerBody = newCustomerBody();
    const customer = await client.post('/customers', customerBody);
    expect(customer.status).toBe(200);
    expect(customer.body).toMatchObject({ ...customerBody, status: 'ACTIVE', accounts: [] });
    const accountBody = newAccountBody();
    const account = await client.post(`/customers/${customerBody.customerIdentifier}/accounts`, accountBody);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ ...accountBody, status: 'ACTIVE', currentBalance: 0 });
    expect(account.body.accountNumber).toMatch(/^A\d{8}$/);
    expect(account.headers.get('location')).toBe(`/raas/v2/accounts/${accountBody.accountIdentifier}`);
  });
});
