/**
 * Conformance: the emulator driven through every documented operation, each answer (status and
 * body) checked against the API descriptions in spec/ with a JSON Schema validator: error bodies
 * also against ErrorInfo with all eight fields, `requestId` equal to the `x-request-id` header;
 * creates in both shapes (the documented 201, and the 2020 Swagger's 200 under `full`); the OAuth
 * token endpoint against tango-auth-openapi.json. The spec is the truth: a failure here means
 * the emulator drifted, not the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import {
  type Answer,
  createCustomer,
  EmulatorClient,
  newAccountBody,
  newCustomerBody,
  uniqueId,
  useEmulator,
} from '../support/emulator-client.js';
import {
  componentErrors,
  errorInfoErrors,
  responseErrors,
  specOperations,
  swaggerResponseErrors,
  tokenRequestErrors,
  tokenRequestFields,
  tokenResponseErrors,
} from '../support/openapi.js';

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

/** The operations the emulator serves, each driven below; the spec's others are listed as not emulated. */
const EMULATED = [
  'POST /customers',
  'GET /customers',
  'GET /customers/{customerIdentifier}',
  'POST /customers/{customerIdentifier}/accounts',
  'GET /customers/{customerIdentifier}/accounts',
  'PATCH /customers/{customerIdentifier}/accounts/{accountIdentifier}',
  'GET /accounts',
  'GET /accounts/{accountIdentifier}',
];
/** Low-balance alerts: driven, and checked against the spec, in emulator-alerts.test.ts. */
const ALERTS = [
  'GET /customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance',
  'POST /customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance',
  'DELETE /customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance/{balanceAlertID}',
  'GET /customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance/{balanceAlertID}',
  'PATCH /customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance/{balanceAlertID}',
];

function expectConforms(answer: Answer, method: string, template: string, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(responseErrors(method, template, status, answer.body)).toEqual([]);
  if (status >= 400) expectErrorInfo(answer);
}

function expectErrorInfo(answer: Answer) {
  expect(errorInfoErrors(answer.body)).toEqual([]);
  expect(Object.keys(answer.body).sort()).toEqual(
    ['errors', 'httpCode', 'httpPhrase', 'i18nKey', 'message', 'path', 'requestId', 'timestamp'].sort(),
  );
  expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
  expect(answer.body.httpCode).toBe(answer.status);
}

describe('coverage', () => {
  it('every operation of the spec is driven, here or in emulator-alerts.test.ts', () => {
    expect([...EMULATED, ...ALERTS].sort()).toEqual(specOperations().sort());
  });
});

describe('success answers match the spec', () => {
  it('POST /customers 201: the created fields (CreateCustomerCriteria), nothing more', async () => {
    const body = newCustomerBody();
    const answer = await emulator.client().post('/customers', body);
    expectConforms(answer, 'POST', '/customers', 201);
    expect(answer.body).toEqual(body);
  });

  it('GET /customers 200, bare and paginated', async () => {
    const client = emulator.client();
    expectConforms(await client.get('/customers'), 'GET', '/customers', 200);
    // The spec has no page wrapper for customers (docs/emulator.md: an extrapolation); the accounts
    // one with customer items is the shape.
    const page = await client.get('/customers', { paginate: true, maxResults: 1 });
    expect(componentErrors('PaginatedGetCustomerAccountsResponse', { ...page.body, items: [] })).toEqual([]);
    for (const item of page.body.items) expect(componentErrors('CustomerViewSummary', item)).toEqual([]);
  });

  it('GET /customers/{customerIdentifier} 200', async () => {
    const answer = await emulator.client().get(`/customers/${customer}`);
    expectConforms(answer, 'GET', '/customers/{customerIdentifier}', 200);
    expect(answer.body.accounts).toHaveLength(3);
  });

  it('GET /customers/{customerIdentifier}/accounts 200, bare and paginated, with every filter', async () => {
    const client = emulator.client();
    const template = '/customers/{customerIdentifier}/accounts';
    expectConforms(await client.get(`/customers/${customer}/accounts`), 'GET', template, 200);
    const page = await client.get(`/customers/${customer}/accounts`, { paginate: true, maxResults: 2 });
    expectConforms(page, 'GET', template, 200);
    expect(componentErrors('PaginatedGetCustomerAccountsResponse', page.body)).toEqual([]);
    const filtered = await client.get(`/customers/${customer}/accounts`, {
      accountNumber: 'A00000000',
      displayName: 'x',
      status: 'ACTIVE',
      contactEmail: 'ops@example.com',
      currencyCode: ['USD', 'PLN'],
      minBalance: 0,
      maxBalance: 10,
      minDateCreatedAt: '2020-01-01T00:00:00Z',
      maxDateCreatedAt: '2100-01-01T00:00:00+02:00',
      fundingNotificationEmail: ['ap@example.com', 'ar@example.com'],
    });
    expectConforms(filtered, 'GET', template, 200);
  });

  it('POST /customers/{customerIdentifier}/accounts 201: the created fields (CreateAccountCriteria)', async () => {
    const body = newAccountBody();
    const answer = await emulator.client().post(`/customers/${customer}/accounts`, body);
    expectConforms(answer, 'POST', '/customers/{customerIdentifier}/accounts', 201);
    expect(answer.body).toEqual({ ...body, currencyCode: 'USD', fundingNotification: [] });
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

  it('paginate=false ignores maxResults and the cursors (the docs: "ignored if paginate is false")', async () => {
    const answer = await emulator
      .client()
      .get('/accounts', { paginate: false, maxResults: 9999, nextCursor: 'anything', prevCursor: 'else' });
    expectConforms(answer, 'GET', '/accounts', 200);
    expect(Array.isArray(answer.body)).toBe(true);
  });
});

describe('createAnswer "full": the 2020 Swagger\'s 200 with the whole resource', () => {
  let full: RunningEmulator;
  beforeAll(async () => {
    full = await startEmulator({ createAnswer: 'full' });
  });
  afterAll(() => full.close());

  it('POST /customers 200 is a CustomerViewNew, POST .../accounts 200 an AccountView', async () => {
    const client = new EmulatorClient(full);
    const body = newCustomerBody();
    const created = await client.post('/customers', body);
    expect(created.status).toBe(200);
    expect(swaggerResponseErrors('POST', '/customers', 200, created.body)).toEqual([]);
    const account = await client.post(`/customers/${body.customerIdentifier}/accounts`, newAccountBody());
    expect(account.status).toBe(200);
    expect(swaggerResponseErrors('POST', '/customers/{customerIdentifier}/accounts', 200, account.body)).toEqual([]);
    expect(componentErrors('AccountView', account.body)).toEqual([]);
  });
});

describe('error answers match the spec', () => {
  const noAuth = { authorization: null } as const;

  it('400 on every endpoint that validates', async () => {
    const client = emulator.client();
    expectConforms(await client.post('/customers', { customerIdentifier: 'x' }), 'POST', '/customers', 400);
    expectConforms(
      await client.get('/customers', { customerMinDateCreatedAt: '2025-01-01' }),
      'GET',
      '/customers',
      400,
    );
    expectConforms(
      await client.get(`/customers/${customer}/accounts`, { paginate: true, maxResults: 0 }),
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

  it('400 for what the spec refuses: funding items that are not objects, repeats, loose date-times', async () => {
    const client = emulator.client();
    const accounts = '/customers/{customerIdentifier}/accounts';
    const patch = '/customers/{customerIdentifier}/accounts/{accountIdentifier}';
    expectConforms(
      await client.post(
        `/customers/${customer}/accounts`,
        newAccountBody(undefined, { fundingNotification: ['a@example.com'] }),
      ),
      'POST',
      accounts,
      400,
    );
    expectConforms(
      await client.patch(`/customers/${customer}/accounts/${account}`, {
        fundingNotification: [{ emailAddress: 'a@example.com' }, { emailAddress: 'a@example.com' }],
      }),
      'PATCH',
      patch,
      400,
    );
    expectConforms(
      await client.get(`/customers/${customer}/accounts`, {
        fundingNotificationEmail: ['a@example.com', 'a@example.com'],
      }),
      'GET',
      accounts,
      400,
    );
    for (const loose of ['2025-01-01', '2025-01-01T10:00', 'yesterday']) {
      expectConforms(await client.get('/accounts', { minDateCreatedAt: loose }), 'GET', '/accounts', 400);
    }
  });

  it('400 with the error body for a JSON body sent without a JSON content type', async () => {
    const client = emulator.client();
    const cases: Array<[string, string, string]> = [
      ['POST', '/customers', '/customers'],
      ['POST', '/customers/{customerIdentifier}/accounts', `/customers/${customer}/accounts`],
      [
        'PATCH',
        '/customers/{customerIdentifier}/accounts/{accountIdentifier}',
        `/customers/${customer}/accounts/${account}`,
      ],
    ];
    for (const [method, template, path] of cases) {
      const answer = await client.request(method, path, { body: {}, headers: { 'content-type': 'text/plain' } });
      expectConforms(answer, method, template, 400);
      expect(answer.body.i18nKey).toBe('error.badRequest.contentType');
    }
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

  it('404 for an unknown customer where the spec lists no 404 (a known difference) is still an ErrorInfo', async () => {
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

  it('the other errors (unknown path, wrong method, 429) carry the same eight fields', async () => {
    const client = emulator.client();
    expectErrorInfo(await client.get('/no-such-thing'));
    expectErrorInfo(await client.request('DELETE', '/customers'));
    const limited = await startEmulator({ rateLimit: 1, random: 4 });
    try {
      const other = new EmulatorClient(limited);
      const answers = await Promise.all([1, 2, 3].map(() => other.get('/customers')));
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) expectErrorInfo(answer);
    } finally {
      await limited.close();
    }
  });
});

describe('the OAuth token endpoint matches tango-auth-openapi.json', () => {
  const { required, enums } = tokenRequestFields();
  const documented = (e: RunningEmulator, audience = enums.audience![0]!): Record<string, string> => ({
    client_id: e.oauthClient.clientId,
    client_secret: e.oauthClient.clientSecret,
    username: e.serviceAccount.username,
    password: e.serviceAccount.password,
    scope: enums.scope![0]!,
    grant_type: enums.grant_type![0]!,
    audience,
  });

  async function ask(e: RunningEmulator, form: Record<string, string>) {
    const response = await fetch(e.tokenUrl, { method: 'POST', body: new URLSearchParams(form) });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  it('the documented request, for each audience, is a 200 with the documented fields', async () => {
    const e = emulator.client().emulator;
    for (const audience of enums.audience!) {
      const form = documented(e, audience);
      expect(tokenRequestErrors(form)).toEqual([]);
      const answer = await ask(e, form);
      expect(answer.status).toBe(200);
      expect(tokenResponseErrors(answer.status, answer.type, answer.text)).toEqual([]);
    }
  });

  it('each required field left out is a 400 in text/plain, as the spec lists', async () => {
    const e = emulator.client().emulator;
    for (const field of required) {
      const { [field]: _left, ...form } = documented(e);
      expect(tokenRequestErrors(form)).not.toEqual([]);
      const answer = await ask(e, form);
      expect(answer.status, field).toBe(400);
      expect(tokenResponseErrors(answer.status, answer.type, answer.text)).toEqual([]);
      expect(answer.text).toContain(field);
    }
  });

  it('a value outside each enum is a 400, wrong credentials a 401, both in text/plain', async () => {
    const e = emulator.client().emulator;
    for (const field of Object.keys(enums)) {
      const form = { ...documented(e), [field]: 'something-else' };
      expect(tokenRequestErrors(form)).not.toEqual([]);
      const answer = await ask(e, form);
      expect(answer.status, field).toBe(400);
      expect(tokenResponseErrors(answer.status, answer.type, answer.text)).toEqual([]);
    }
    for (const field of ['client_secret', 'password']) {
      const answer = await ask(e, { ...documented(e), [field]: 'wrong' });
      expect(answer.status, field).toBe(401);
      expect(tokenResponseErrors(answer.status, answer.type, answer.text)).toEqual([]);
    }
  });
});

describe('the schema checks themselves', () => {
  it('reject bodies that break the spec, so the passes above mean something', () => {
    const account = { accountIdentifier: 'abcde', displayName: 'Name here', createdAt: 'x', status: 'ACTIVE' };
    expect(responseErrors('GET', '/accounts/{accountIdentifier}', 200, account)).not.toEqual([]);
    expect(
      responseErrors('POST', '/customers', 201, { customerIdentifier: 'a b', displayName: 'Fine name' }),
    ).not.toEqual([]);
    expect(responseErrors('GET', '/accounts', 200, { items: 'no' })).not.toEqual([]);
    expect(responseErrors('GET', '/accounts', 418, [])).not.toEqual([]);
    expect(errorInfoErrors({ message: 'only a message' })).not.toEqual([]);
    expect(swaggerResponseErrors('POST', '/customers', 200, { customerIdentifier: 'abcde' })).not.toEqual([]);
    expect(tokenRequestErrors({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' })).not.toEqual(
      [],
    );
    expect(tokenResponseErrors(200, 'application/json', '{"access_token":"x"}')).not.toEqual([]);
    expect(tokenResponseErrors(400, 'application/json', '{}')).not.toEqual([]);
    expect(tokenResponseErrors(403, 'text/plain', '')).not.toEqual([]);
  });
});
