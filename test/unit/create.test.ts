/**
 * Creating without creating twice (src/api/create.ts), against undici's MockAgent: a lost answer
 * followed by 409 is our own success when the read-back matches, someone else's resource is a
 * conflict (exit 5), and --if-not-exists accepts only an identical resource.
 */
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import {
  accountDifferences,
  alertDifferences,
  createAccount,
  createAlert,
  createCustomer,
} from '../../src/api/create.js';
import { HttpClient } from '../../src/api/http.js';
import { TangoApi } from '../../src/api/tango.js';
import { ApiError, ConflictError, ExitCode, OutcomeUnknownError } from '../../src/errors.js';
import { hintFor } from '../../src/hints.js';

const ORIGIN = 'https://api.test';
const BASE = `${ORIGIN}/raas/v2`;

let agent: MockAgent;
let api: TangoApi;
let sent: Array<{ method: string; path: string; body: unknown }>;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  sent = [];
  api = new TangoApi(
    new HttpClient({
      baseUrl: BASE,
      auth: basicAuth('acme', 'key'),
      dispatcher: agent,
      maxRetries: 3,
      sleep: async () => {},
      random: () => 0.5,
    }),
  );
});

afterEach(async () => {
  // Every scripted answer, dropped connections included, was asked for: no more, no fewer requests.
  agent.assertNoPendingInterceptors();
  await agent.close();
});

type Reply = { status: number; body?: unknown } | 'drop';

/** Answers one request per entry, in order, and records what was sent (a dropped one has no record). */
function answer(method: string, path: string, ...replies: Reply[]): void {
  const pool = agent.get(ORIGIN);
  for (const reply of replies) {
    const interceptor = pool.intercept({ method, path: `/raas/v2${path}` });
    const record = (body: unknown) => sent.push({ method, path, body: body ? JSON.parse(String(body)) : undefined });
    if (reply === 'drop') {
      interceptor.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    } else {
      interceptor.reply((options) => {
        record(options.body);
        return { statusCode: reply.status, data: JSON.stringify(reply.body ?? {}) };
      });
    }
  }
}

const conflictBody = { requestId: 'req-409', message: 'A customer with that identifier already exists', i18nKey: 'x' };
const customer = (displayName: string) => ({
  customerIdentifier: 'acme-co',
  displayName,
  status: 'ACTIVE',
  createdAt: '2025-01-01T00:00:00.000Z',
  accounts: [],
});
const customerBody = { customerIdentifier: 'acme-co', displayName: 'Acme Co' };

const gets = () => sent.filter((s) => s.method === 'GET').length;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('createCustomer', () => {
  it('returns the created customer from a 201, after one POST with the body given', async () => {
    answer('POST', '/customers', { status: 201, body: customer('Acme Co') });
    const result = await createCustomer(api, customerBody);
    expect(result).toEqual({ outcome: 'created', resource: customer('Acme Co'), recovered: false });
    expect(sent).toEqual([{ method: 'POST', path: '/customers', body: customerBody }]);
  });

  it('reports a plain duplicate as exit 5 "customer acme-co already exists", without reading it back', async () => {
    answer('POST', '/customers', { status: 409, body: conflictBody });
    const error = await rejection(createCustomer(api, customerBody));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).exitCode).toBe(ExitCode.conflict);
    expect(error.message).toBe('customer acme-co already exists');
    expect((error as ConflictError).requestId).toBe('req-409');
    expect(hintFor(error)).toMatch(/--if-not-exists/);
    expect(gets()).toBe(0);
  });

  it('with ifNotExists, accepts an existing customer with the same display name', async () => {
    answer('POST', '/customers', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: customer('Acme Co') });
    const result = await createCustomer(api, customerBody, { ifNotExists: true });
    expect(result).toEqual({ outcome: 'existed', resource: customer('Acme Co') });
  });

  it('with ifNotExists, refuses a different display name and shows both', async () => {
    answer('POST', '/customers', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: customer('Someone Else') });
    const error = (await rejection(createCustomer(api, customerBody, { ifNotExists: true }))) as ConflictError;
    expect(error.exitCode).toBe(ExitCode.conflict);
    expect(error.message).toBe('customer acme-co already exists with different values');
    expect(error.details).toEqual(['displayName: existing "Someone Else", requested "Acme Co"']);
  });

  it('a dropped connection, then 409, then a matching read-back is our own create: success', async () => {
    answer('POST', '/customers', 'drop', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: customer('Acme Co') });
    const result = await createCustomer(api, customerBody);
    expect(result).toEqual({ outcome: 'created', resource: customer('Acme Co'), recovered: true });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /customers', 'GET /customers/acme-co']);
  });

  it('a dropped connection, then 409, then a different customer is a conflict (someone else was first)', async () => {
    answer('POST', '/customers', 'drop', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: customer('Not Ours') });
    const error = (await rejection(createCustomer(api, customerBody))) as ConflictError;
    expect(error.exitCode).toBe(ExitCode.conflict);
    expect(error.details).toEqual(['displayName: existing "Not Ours", requested "Acme Co"']);
  });

  it('a 500 may have applied the create, so its retry meeting 409 is checked too', async () => {
    answer('POST', '/customers', { status: 500, body: { message: 'oops' } }, { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: customer('Acme Co') });
    const result = await createCustomer(api, customerBody);
    expect(result).toMatchObject({ outcome: 'created', recovered: true });
  });

  it('a 503 refused the request, so a 409 on its retry is somebody else: exit 5', async () => {
    answer('POST', '/customers', { status: 503, body: { message: 'busy' } }, { status: 409, body: conflictBody });
    const error = await rejection(createCustomer(api, customerBody));
    expect(error).toBeInstanceOf(ConflictError);
    expect(gets()).toBe(0);
  });

  it('passes other API errors through unchanged (a 400 is exit 2)', async () => {
    answer('POST', '/customers', {
      status: 400,
      body: { message: 'Invalid', errors: [{ path: 'displayName', message: 'bad' }] },
    });
    const error = (await rejection(createCustomer(api, customerBody))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.details).toEqual(['displayName: bad']);
  });
});

describe('createAccount', () => {
  const accountBody = {
    accountIdentifier: 'acme-main',
    displayName: 'Acme Main',
    contactEmail: 'ops@acme.example',
    fundingNotification: [{ emailAddress: 'B@acme.example' }, { emailAddress: 'a@acme.example' }],
  };
  const account = {
    accountIdentifier: 'acme-main',
    accountNumber: 'A1234',
    displayName: 'Acme Main',
    contactEmail: 'ops@acme.example',
    currencyCode: 'USD',
    currentBalance: 0,
    status: 'ACTIVE',
    createdAt: '2025-01-01T00:00:00.000Z',
    fundingNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
  };
  const owner = (accounts: string[]) => ({
    ...customer('Acme Co'),
    accounts: accounts.map((id) => ({ ...account, accountIdentifier: id })),
  });

  it('posts under the customer and returns the created account', async () => {
    answer('POST', '/customers/acme-co/accounts', { status: 201, body: account });
    const result = await createAccount(api, 'acme-co', accountBody);
    expect(result).toEqual({ outcome: 'created', resource: account, recovered: false });
    expect(sent[0]?.body).toEqual(accountBody);
  });

  it('with ifNotExists, accepts an identical account (default currency, funding emails in any order or case)', async () => {
    answer('POST', '/customers/acme-co/accounts', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: owner(['acme-main']) });
    answer('GET', '/accounts/acme-main', { status: 200, body: account });
    const result = await createAccount(api, 'acme-co', accountBody, { ifNotExists: true });
    expect(result).toEqual({ outcome: 'existed', resource: account });
  });

  it('with ifNotExists, refuses an account of that identifier under another customer, naming it, though this one has others', async () => {
    answer('POST', '/customers/acme-co/accounts', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: owner(['acme-other']) });
    answer('GET', '/accounts/acme-main', { status: 200, body: account });
    const error = (await rejection(createAccount(api, 'acme-co', accountBody, { ifNotExists: true }))) as ConflictError;
    expect(error.exitCode).toBe(ExitCode.conflict);
    expect(error.details).toEqual(['customer: existing "another customer", requested "acme-co"']);
  });

  it('recovers a create whose answer was lost', async () => {
    answer('POST', '/customers/acme-co/accounts', 'drop', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 200, body: owner(['acme-main']) });
    answer('GET', '/accounts/acme-main', { status: 200, body: account });
    const result = await createAccount(api, 'acme-co', accountBody);
    expect(result).toMatchObject({ outcome: 'created', recovered: true });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('an unknown customer is the API 404, passed on (exit 3)', async () => {
    answer('POST', '/customers/nobody/accounts', { status: 404, body: { message: 'No customer nobody' } });
    const error = (await rejection(createAccount(api, 'nobody', accountBody))) as ApiError;
    expect(error.status).toBe(404);
    expect(error.exitCode).toBe(ExitCode.notFound);
  });
});

describe('accountDifferences', () => {
  const existing = {
    accountIdentifier: 'acme-main',
    accountNumber: 'A1',
    displayName: 'Acme Main',
    contactEmail: 'ops@acme.example',
    currencyCode: 'EUR',
    currentBalance: 0,
    status: 'ACTIVE',
    createdAt: '2025-01-01T00:00:00.000Z',
  };

  it('lists each field sent that differs, with both values', () => {
    const differences = accountDifferences(
      {
        accountIdentifier: 'acme-main',
        displayName: 'Other Name',
        contactEmail: 'ops@acme.example',
        currencyCode: 'USD',
        fundingNotification: [{ emailAddress: 'ap@acme.example' }],
      },
      existing,
    );
    expect(differences).toEqual([
      { field: 'displayName', existing: 'Acme Main', requested: 'Other Name' },
      { field: 'currencyCode', existing: 'EUR', requested: 'USD' },
      { field: 'fundingNotification', existing: [], requested: ['ap@acme.example'] },
    ]);
  });

  it('compares only the fields the request sent: a left-out currency or funding list is no difference', () => {
    const sent = { accountIdentifier: 'acme-main', displayName: 'Acme Main', contactEmail: 'ops@acme.example' };
    expect(
      accountDifferences(sent, { ...existing, fundingNotification: [{ emailAddress: 'ap@acme.example' }] }),
    ).toEqual([]);
  });

  it('treats a missing funding list and an empty one as the same', () => {
    expect(
      accountDifferences(
        { ...existing, currencyCode: 'EUR', fundingNotification: [] },
        { ...existing, fundingNotification: undefined },
      ),
    ).toEqual([]);
  });
});

// Mutation survivors of src/api/create.ts (npm run mutation): alerts had no unit test at all, and a
// read-back that fails after our own lost create was never checked.
describe('createAlert', () => {
  const alertBody = {
    balanceAlertDisplayName: 'Low-funds',
    balanceAlertThreshold: 100,
    balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
  };
  const alert = (name: string, threshold: number) => ({
    balanceAlertID: '0b7c2f9e-1111-4222-8333-944445555666',
    customerIdentifier: 'acme-co',
    accountIdentifier: 'acme-main',
    balanceAlertDisplayName: name,
    balanceAlertThreshold: threshold,
    balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  const alertsPath = '/raas/v2/customers/acme-co/accounts/acme-main/lowbalance';
  /** One page of the account's alerts, whatever the query; records the query asked. */
  const listing = (...alerts: ReturnType<typeof alert>[]) => {
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: (path: string) => path.startsWith(`${alertsPath}?`) })
      .reply((options) => {
        sent.push({ method: 'GET', path: options.path, body: undefined });
        const page = { size: 200, totalElements: alerts.length, totalPages: 1, number: 0 };
        return { statusCode: 200, data: JSON.stringify({ page, lowBalanceAlerts: alerts }) };
      });
  };

  it('returns the created alert from a 201', async () => {
    answer('POST', '/customers/acme-co/accounts/acme-main/lowbalance', { status: 201, body: alert('Low-funds', 100) });
    const result = await createAlert(api, 'acme-co', 'acme-main', alertBody);
    expect(result).toEqual({ outcome: 'created', resource: alert('Low-funds', 100), recovered: false });
  });

  it('a plain duplicate names the alert and its account (kills the identifier text)', async () => {
    answer('POST', '/customers/acme-co/accounts/acme-main/lowbalance', { status: 409, body: conflictBody });
    const error = await rejection(createAlert(api, 'acme-co', 'acme-main', alertBody));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe('alert "Low-funds" on account acme-main already exists');
  });

  it('with ifNotExists, finds the twin by name ignoring case among the others, asking by name (kills the find and its filter)', async () => {
    answer('POST', '/customers/acme-co/accounts/acme-main/lowbalance', { status: 409, body: conflictBody });
    listing(alert('Other-alert', 100), alert('LOW-FUNDS', 100), alert('Low-funds', 100));
    const error = (await rejection(
      createAlert(api, 'acme-co', 'acme-main', alertBody, { ifNotExists: true }),
    )) as ConflictError;
    // The first of that name, ignoring case, is the one: its name differs in case only, which is a difference.
    expect(error.details).toEqual(['balanceAlertDisplayName: existing "LOW-FUNDS", requested "Low-funds"']);
    expect(sent.at(-1)?.path).toContain('balanceAlertDisplayName=Low-funds');
  });

  it('with ifNotExists, an identical alert is "existed"; another threshold is a conflict showing both', async () => {
    answer(
      'POST',
      '/customers/acme-co/accounts/acme-main/lowbalance',
      { status: 409, body: conflictBody },
      {
        status: 409,
        body: conflictBody,
      },
    );
    listing(alert('Low-funds', 100));
    listing(alert('Low-funds', 250));

    const same = await createAlert(api, 'acme-co', 'acme-main', alertBody, { ifNotExists: true });
    const other = (await rejection(
      createAlert(api, 'acme-co', 'acme-main', alertBody, { ifNotExists: true }),
    )) as ConflictError;

    expect(same).toEqual({ outcome: 'existed', resource: alert('Low-funds', 100) });
    expect(other.message).toBe('alert "Low-funds" on account acme-main already exists with different values');
    expect(other.details).toEqual(['balanceAlertThreshold: existing 250, requested 100']);
  });

  it('a 409 whose alert cannot be found again is a conflict that says so', async () => {
    answer('POST', '/customers/acme-co/accounts/acme-main/lowbalance', { status: 409, body: conflictBody });
    listing(alert('Other-alert', 100));
    const error = await rejection(createAlert(api, 'acme-co', 'acme-main', alertBody, { ifNotExists: true }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'alert "Low-funds" on account acme-main conflicts with an alert that could not be found again',
    );
  });

  it('alertDifferences lists the name and the threshold, each with both values', () => {
    expect(alertDifferences(alertBody, alert('Low-funds', 100))).toEqual([]);
    expect(alertDifferences(alertBody, alert('Other', 5))).toEqual([
      { field: 'balanceAlertDisplayName', existing: 'Other', requested: 'Low-funds' },
      { field: 'balanceAlertThreshold', existing: 5, requested: 100 },
    ]);
  });
});

describe('a read-back that fails', () => {
  it('after our own lost create, the outcome is unknown, with the read error as its cause (kills the ours check)', async () => {
    answer('POST', '/customers', 'drop', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', ...Array(4).fill({ status: 500, body: { message: 'down' } }));
    const error = (await rejection(createCustomer(api, customerBody))) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ resource: 'customer', identifier: 'acme-co', exitCode: ExitCode.error });
    expect(error.message).toMatch(/^customer acme-co may have been created: .* reading it back failed: down$/);
  });

  it('with ifNotExists only (nothing of ours was lost), the read error itself is the answer', async () => {
    answer('POST', '/customers', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', { status: 404, body: { message: 'gone' } });
    const error = await rejection(createCustomer(api, customerBody, { ifNotExists: true }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });
});

// Mutation survivor of src/api/create.ts: the ownership check's some() turned into every().
describe("an existing account among the customer's others", () => {
  it('with ifNotExists, is found under this customer when it has other accounts too (kills some turned into every)', async () => {
    const accountBody = {
      accountIdentifier: 'acme-main',
      displayName: 'Acme Main',
      contactEmail: 'ops@acme.example',
    };
    const account = {
      ...accountBody,
      accountNumber: 'A1234',
      currencyCode: 'USD',
      currentBalance: 0,
      status: 'ACTIVE',
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    answer('POST', '/customers/acme-co/accounts', { status: 409, body: conflictBody });
    answer('GET', '/customers/acme-co', {
      status: 200,
      body: { ...customer('Acme Co'), accounts: [{ ...account, accountIdentifier: 'acme-other' }, account] },
    });
    answer('GET', '/accounts/acme-main', { status: 200, body: account });

    const result = await createAccount(api, 'acme-co', accountBody, { ifNotExists: true });

    expect(result).toEqual({ outcome: 'existed', resource: account });
  });
});
