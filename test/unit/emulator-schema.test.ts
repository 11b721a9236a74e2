/**
 * Every endpoint's answers, success and error, checked against the reference OpenAPI schemas
 * with a JSON Schema validator; error bodies also against ErrorInfo with every field present.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import {
  type Answer,
  createCustomer,
  EmulatorClient,
  newAccountBody,
  newCustomerBody,
  uniqueId,
  useEmulator,
} from '../support/emulator-client.js';
import { componentErrors, errorInfoErrors, responseErrors } from '../support/openapi.js';

const emulator = useEmulator();
let customer: string;
let account: string;

beforeAll(async () => {
  const client = emulator.client();
  customer = await createCustomer(client);
  for (let i = 0; i < 3; i += 1) {
    const body = newAccountBody(uniqueId('schema'), { fundingNotification: [{ emailAddress: 'ap@example.com' }] });
    await client.post(`/customers/${customer}/accounts`, body);
    account = body.accountIdentifier;
  }
});

function expectConforms(answer: Answer, method: string, template: string, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(responseErrors(method, template, status, answer.body)).toEqual([]);
  if (status >= 400) expectErrorInfo(answer);
}

function expectErrorInfo(answer: Answer) {
  expect(errorInfoErrors(answer.body)).toEqual([]);
  expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
  expect(answer.body.httpCode).toBe(answer.status);
}

describe('success answers match the spec', () => {
  it('POST /customers 201', async () => {
    const answer = await emulator.client().post('/customers', newCustomerBody());
    expectConforms(answer, 'POST', '/customers', 201);
    expect(componentErrors('CustomerViewSummary', answer.body)).toEqual([]);
  });

  it('GET /customers 200, bare and paginated', async () => {
    const client = emulator.client();
    expectConforms(await client.get('/customers'), 'GET', '/customers', 200);
    // The spec has no page wrapper for customers; the accounts one with customer items is the shape.
    const page = await client.get('/customers', { paginate: true, maxResults: 1 });
    expect(componentErrors('PaginatedGetCustomerAccountsResponse', { ...page.body, items: [] })).toEqual([]);
    for (const item of page.body.items) expect(componentErrors('CustomerViewSummary', item)).toEqual([]);
  });

  it('GET /customers/{customerIdentifier} 200', async () => {
    const answer = await emulator.client().get(`/customers/${customer}`);
    expectConforms(answer, 'GET', '/customers/{customerIdentifier}', 200);
    expect(answer.body.accounts).toHaveLength(3);
  });

  it('GET /customers/{customerIdentifier}/accounts 200, bare and paginated', async () => {
    const client = emulator.client();
    const template = '/customers/{customerIdentifier}/accounts';
    expectConforms(await client.get(`/customers/${customer}/accounts`), 'GET', template, 200);
    const page = await client.get(`/customers/${customer}/accounts`, { paginate: true, maxResults: 2 });
    expectConforms(page, 'GET', template, 200);
    expect(componentErrors('PaginatedGetCustomerAccountsResponse', page.body)).toEqual([]);
  });

  it('POST /customers/{customerIdentifier}/accounts 201', async () => {
    const answer = await emulator.client().post(`/customers/${customer}/accounts`, newAccountBody());
    expectConforms(answer, 'POST', '/customers/{customerIdentifier}/accounts', 201);
    expect(componentErrors('AccountView', answer.body)).toEqual([]);
  });

  it('PATCH /customers/{customerIdentifier}/accounts/{accountIdentifier} 200', async () => {
    const answer = await emulator.client().patch(`/customers/${customer}/accounts/${account}`, {
      displayName: 'Renamed account',
    });
    expectConforms(answer, 'PATCH', '/customers/{customerIdentifier}/accounts/{accountIdentifier}', 200);
  });

  it('GET /accounts 200, bare and paginated', async () => {
    const client = emulator.client();
    expectConforms(await client.get('/accounts'), 'GET', '/accounts', 200);
    const page = await client.get('/accounts', { paginate: true, maxResults: 2 });
    expectConforms(page, 'GET', '/accounts', 200);
    expect(componentErrors('PaginatedGetAccountsResponse', page.body)).toEqual([]);
  });

  it('GET /accounts/{accountIdentifier} 200', async () => {
    expectConforms(await emulator.client().get(`/accounts/${account}`), 'GET', '/accounts/{accountIdentifier}', 200);
  });
});

describe('error answers match the spec', () => {
  const noAuth = { authorization: null } as const;

  it('400 on every endpoint that validates', async () => {
    const client = emulator.client();
    expectConforms(await client.post('/customers', { customerIdentifier: 'x' }), 'POST', '/customers', 400);
    expectConforms(await client.get('/customers', { status: 'nope' }), 'GET', '/customers', 400);
    expectConforms(
      await client.get(`/customers/${customer}/accounts`, { maxResults: 0 }),
      'GET',
      '/customers/{customerIdentifier}/accounts',
      400,
    );
    expectConforms(
      await client.post(`/customers/${customer}/accounts`, { accountIdentifier: 'UPPER-case' }),
      'POST',
      '/customers/{customerIdentifier}/accounts',
      400,
    );
    expectConforms(
      await client.patch(`/customers/${customer}/accounts/${account}`, { contactEmail: 'not-an-email' }),
      'PATCH',
      '/customers/{customerIdentifier}/accounts/{accountIdentifier}',
      400,
    );
    expectConforms(await client.get('/accounts', { currencyCode: 'XYZ' }), 'GET', '/accounts', 400);
  });

  it('401 on every endpoint', async () => {
    const client = emulator.client();
    const cases: Array<[string, string, string, unknown?]> = [
      ['GET', '/customers', '/customers'],
      ['POST', '/customers', '/customers', newCustomerBody()],
      ['GET', '/customers/{customerIdentifier}', `/customers/${customer}`],
      ['GET', '/customers/{customerIdentifier}/accounts', `/customers/${customer}/accounts`],
      ['POST', '/customers/{customerIdentifier}/accounts', `/customers/${customer}/accounts`, newAccountBody()],
      [
        'PATCH',
        '/customers/{customerIdentifier}/accounts/{accountIdentifier}',
        `/customers/${customer}/accounts/${account}`,
        {},
      ],
      ['GET', '/accounts', '/accounts'],
      ['GET', '/accounts/{accountIdentifier}', `/accounts/${account}`],
    ];
    for (const [method, template, path, body] of cases) {
      const answer = await client.request(method, path, { ...noAuth, body });
      expectConforms(answer, method, template, 401);
    }
  });

  it('404 where the spec lists it', async () => {
    const client = emulator.client();
    expectConforms(await client.get('/customers/no-such-customer'), 'GET', '/customers/{customerIdentifier}', 404);
    expectConforms(await client.get('/accounts/no-such-account'), 'GET', '/accounts/{accountIdentifier}', 404);
    expectConforms(
      await client.patch(`/customers/${customer}/accounts/no-such-account`, {}),
      'PATCH',
      '/customers/{customerIdentifier}/accounts/{accountIdentifier}',
      404,
    );
  });

  it('404 for an unknown customer where the spec lists no 404 is still an ErrorInfo', async () => {
    const client = emulator.client();
    const list = await client.get('/customers/no-such-customer/accounts');
    expect(list.status).toBe(404);
    expectErrorInfo(list);
    const create = await client.post('/customers/no-such-customer/accounts', newAccountBody());
    expect(create.status).toBe(404);
    expectErrorInfo(create);
  });

  it('409 on duplicates', async () => {
    const client = emulator.client();
    expectConforms(await client.post('/customers', newCustomerBody(customer)), 'POST', '/customers', 409);
    expectConforms(
      await client.post(`/customers/${customer}/accounts`, newAccountBody(account)),
      'POST',
      '/customers/{customerIdentifier}/accounts',
      409,
    );
  });

  it('503 from --fail-rate on every endpoint', async () => {
    const failing = await startEmulator({ failRate: 1, random: 3 });
    try {
      const client = new EmulatorClient(failing);
      const cases: Array<[string, string, string, unknown?]> = [
        ['GET', '/customers', '/customers'],
        ['POST', '/customers', '/customers', newCustomerBody()],
        ['GET', '/customers/{customerIdentifier}', '/customers/anything'],
        ['GET', '/customers/{customerIdentifier}/accounts', '/customers/anything/accounts'],
        ['POST', '/customers/{customerIdentifier}/accounts', '/customers/anything/accounts', newAccountBody()],
        ['PATCH', '/customers/{customerIdentifier}/accounts/{accountIdentifier}', '/customers/a/accounts/b', {}],
        ['GET', '/accounts', '/accounts'],
        ['GET', '/accounts/{accountIdentifier}', '/accounts/anything'],
      ];
      for (const [method, template, path, body] of cases) {
        expectConforms(await client.request(method, path, { body }), method, template, 503);
      }
    } finally {
      await failing.close();
    }
  });
});

describe('the schema check itself', () => {
  it('rejects bodies that break the spec, so the passes above mean something', () => {
    const account = { accountIdentifier: 'abcde', displayName: 'Name here', createdAt: 'x', status: 'ACTIVE' };
    expect(responseErrors('GET', '/accounts/{accountIdentifier}', 200, account)).not.toEqual([]);
    expect(
      responseErrors('POST', '/customers', 201, { customerIdentifier: 'a b', displayName: 'Fine name' }),
    ).not.toEqual([]);
    expect(responseErrors('GET', '/accounts', 200, { items: 'no' })).not.toEqual([]);
    expect(errorInfoErrors({ message: 'only a message' })).not.toEqual([]);
  });
});
