/** Every documented list filter: what it matches, and a 400 naming the parameter for bad values. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorClient, useEmulator } from '../support/emulator-client.js';

let clock = new Date('2025-01-01T00:00:00.000Z');
const emulator = useEmulator({ now: () => clock });

const CUSTOMER = 'filter-customer';
const OTHER = 'Filter-Other-Customer';

interface Fixture {
  id: string;
  at: string;
  displayName: string;
  contactEmail: string;
  currencyCode?: string;
  funding: string[];
  balance: number;
  status: string;
  customer?: string;
}

const FIXTURES: Fixture[] = [
  {
    id: 'wellness-usd',
    at: '2025-01-10T10:00:00.000Z',
    displayName: 'Employee Wellness',
    contactEmail: 'ops@acme.example.com',
    funding: ['finance@acme.example.com'],
    balance: 100,
    status: 'ACTIVE',
  },
  {
    id: 'engagement-eur',
    at: '2025-01-31T23:00:00.000Z',
    displayName: 'Client Engagement',
    contactEmail: 'cx@acme.example.com',
    currencyCode: 'EUR',
    funding: [],
    balance: 250.5,
    status: 'FROZEN',
  },
  {
    id: 'bonus-gbp',
    at: '2025-02-15T00:00:00.000Z',
    displayName: 'Sales WELLNESS Bonus',
    contactEmail: 'sales@acme.example.com',
    currencyCode: 'GBP',
    funding: ['treasury@acme.example.com', 'finance@acme.example.com'],
    balance: 0,
    status: 'INACTIVE',
  },
  {
    id: 'other-usd',
    at: '2025-03-01T00:00:00.000Z',
    displayName: 'Other Wellness',
    contactEmail: 'ops@other.example.com',
    funding: [],
    balance: 5000,
    status: 'ACTIVE',
    customer: OTHER,
  },
];

let numbers: Record<string, string> = {};

beforeAll(async () => {
  const client = emulator.client();
  clock = new Date('2025-01-05T00:00:00.000Z');
  await client.post('/customers', { customerIdentifier: CUSTOMER, displayName: 'Acme Filters' });
  clock = new Date('2025-02-20T00:00:00.000Z');
  await client.post('/customers', { customerIdentifier: OTHER, displayName: 'Other Company' });
  for (const fixture of FIXTURES) {
    clock = new Date(fixture.at);
    const created = await client.post(`/customers/${fixture.customer ?? CUSTOMER}/accounts`, {
      accountIdentifier: fixture.id,
      displayName: fixture.displayName,
      contactEmail: fixture.contactEmail,
      ...(fixture.currencyCode ? { currencyCode: fixture.currencyCode } : {}),
      fundingNotification: fixture.funding.map((emailAddress) => ({ emailAddress })),
    });
    expect(created.status).toBe(201);
    const hook = await client.request('PATCH', `//_emulator/accounts/${fixture.id}`, {
      body: { currentBalance: fixture.balance, status: fixture.status },
    });
    expect(hook.status).toBe(200);
    // The create answers only the fields sent (as documented); the number comes with the full view.
    numbers = { ...numbers, [fixture.id]: hook.body.accountNumber };
  }
});

async function listIds(client: EmulatorClient, path: string, query: Record<string, string | string[]>) {
  const answer = await client.get(path, query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.map((item: { accountIdentifier?: string; customerIdentifier?: string }) =>
    'accountIdentifier' in item ? item.accountIdentifier : item.customerIdentifier,
  );
}

describe('account filters (GET /customers/{c}/accounts)', () => {
  const path = `/customers/${CUSTOMER}/accounts`;
  it.each<[string, Record<string, string | string[]>, string[]]>([
    ['accountNumber (exact)', { accountNumber: 'A' }, []],
    ['displayName (case-insensitive substring)', { displayName: 'wellness' }, ['wellness-usd', 'bonus-gbp']],
    ['status (exact)', { status: 'FROZEN' }, ['engagement-eur']],
    ['status[] (brackets on a single value)', { 'status[]': 'FROZEN' }, ['engagement-eur']],
    ['contactEmail (exact, any case)', { contactEmail: 'OPS@acme.example.com' }, ['wellness-usd']],
    ['currencyCode (one)', { currencyCode: 'USD' }, ['wellness-usd']],
    ['currencyCode (repeated)', { currencyCode: ['EUR', 'GBP'] }, ['engagement-eur', 'bonus-gbp']],
    ['currencyCode (comma-separated)', { currencyCode: 'USD,GBP' }, ['wellness-usd', 'bonus-gbp']],
    ['currencyCode[] (brackets)', { 'currencyCode[]': 'EUR' }, ['engagement-eur']],
    ['minBalance (inclusive)', { minBalance: '100' }, ['wellness-usd', 'engagement-eur']],
    ['maxBalance (inclusive)', { maxBalance: '100' }, ['wellness-usd', 'bonus-gbp']],
    ['min and maxBalance', { minBalance: '0.01', maxBalance: '250.50' }, ['wellness-usd', 'engagement-eur']],
    ['minDateCreatedAt (inclusive)', { minDateCreatedAt: '2025-01-31T23:00:00Z' }, ['engagement-eur', 'bonus-gbp']],
    [
      'maxDateCreatedAt (an offset other than Z)',
      { maxDateCreatedAt: '2025-02-01T00:00:00+01:00' },
      ['wellness-usd', 'engagement-eur'],
    ],
    ['maxDateCreatedAt (a date-time is exact)', { maxDateCreatedAt: '2025-01-31T22:59:59Z' }, ['wellness-usd']],
    [
      'fundingNotificationEmail (any of)',
      { fundingNotificationEmail: 'finance@acme.example.com' },
      ['wellness-usd', 'bonus-gbp'],
    ],
    [
      'fundingNotificationEmail (repeated)',
      { fundingNotificationEmail: ['treasury@acme.example.com', 'nobody@acme.example.com'] },
      ['bonus-gbp'],
    ],
    ['currencyCode: a filter currency no account here holds', { currencyCode: ['MXN', 'SGD', 'PLN'] }, []],
    ['contactEmail: up to 255 characters as a filter', { contactEmail: `${'a'.repeat(240)}@example.com` }, []],
    [
      'paginate=false: maxResults and cursors are ignored, as the docs say',
      { paginate: 'false', maxResults: '500', nextCursor: 'not-a-cursor', prevCursor: 'neither' },
      ['wellness-usd', 'engagement-eur', 'bonus-gbp'],
    ],
    [
      'no paginate at all: the same',
      { maxResults: '0', nextCursor: 'x' },
      ['wellness-usd', 'engagement-eur', 'bonus-gbp'],
    ],
    [
      'several at once (all must hold)',
      { displayName: 'wellness', currencyCode: 'GBP', status: 'INACTIVE' },
      ['bonus-gbp'],
    ],
  ])('%s', async (_name, query, expected) => {
    expect(await listIds(emulator.client(), path, query)).toEqual(expected);
  });

  it('accountNumber matches the generated number', async () => {
    const query = { accountNumber: numbers['engagement-eur']!.toLowerCase() };
    expect(await listIds(emulator.client(), path, query)).toEqual(['engagement-eur']);
  });

  it('filters GET /accounts across customers', async () => {
    const client = emulator.client();
    expect(await listIds(client, '/accounts', { displayName: 'wellness', status: 'ACTIVE' })).toEqual(
      expect.arrayContaining(['wellness-usd', 'other-usd']),
    );
    expect(await listIds(client, '/accounts', { minBalance: '5000' })).toEqual(['other-usd']);
  });
});

describe('bad filter values are a 400 naming the parameter', () => {
  it.each<[Record<string, string | string[]>, string]>([
    [{ status: 'active' }, 'status'],
    [{ status: 'OPEN' }, 'status'],
    [{ contactEmail: 'not-an-email' }, 'contactEmail'],
    [{ currencyCode: 'usd' }, 'currencyCode'],
    [{ currencyCode: ['USD', 'XXX'] }, 'currencyCode[1]'],
    [{ minBalance: 'lots' }, 'minBalance'],
    [{ maxBalance: '1e3' }, 'maxBalance'],
    [{ minBalance: '10', maxBalance: '5' }, 'minBalance'],
    [{ minDateCreatedAt: '2025-02-30' }, 'minDateCreatedAt'],
    [{ maxDateCreatedAt: 'yesterday' }, 'maxDateCreatedAt'],
    [{ minDateCreatedAt: '2025-03-01T00:00:00Z', maxDateCreatedAt: '2025-01-01T00:00:00Z' }, 'minDateCreatedAt'],
    // The spec's format is date-time (RFC 3339): a bare date, or a time without its offset, is not one.
    [{ maxDateCreatedAt: '2025-01-31' }, 'maxDateCreatedAt'],
    [{ minDateCreatedAt: '2025-01-31T12:00' }, 'minDateCreatedAt'],
    [{ minDateCreatedAt: '2025-01-31T12:00:00' }, 'minDateCreatedAt'],
    [{ currencyCode: 'JPY' }, 'currencyCode'],
    [{ contactEmail: `${'a'.repeat(250)}@example.com` }, 'contactEmail'],
    // uniqueItems in the spec: the same address twice is refused.
    [{ fundingNotificationEmail: ['a@acme.example.com', 'a@acme.example.com'] }, 'fundingNotificationEmail'],
    [{ paginate: 'true', maxResults: '500' }, 'maxResults'],
    [{ paginate: 'true', nextCursor: 'not-a-cursor' }, 'nextCursor'],
    [{ status: ['ACTIVE', 'FROZEN'] }, 'status'],
    [{ colour: 'blue' }, 'colour'],
  ])('%j', async (query, param) => {
    for (const path of [`/customers/${CUSTOMER}/accounts`, '/accounts']) {
      const answer = await emulator.client().get(path, query);
      expect(answer.status).toBe(400);
      expect(answer.body.i18nKey).toBe('error.validation');
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual([param]);
      expect(answer.body.message).toContain(param);
    }
  });

  it('lists every bad parameter at once, with the rule and the value', async () => {
    const answer = await emulator.client().get('/accounts', { status: 'nope', minBalance: 'x' });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'minBalance', invalidValue: 'x', constraint: 'number' }),
      expect.objectContaining({ path: 'status', invalidValue: 'nope', i18nKey: 'validation.status.enum' }),
    ]);
  });

  it('treats an empty value as absent', async () => {
    expect(await listIds(emulator.client(), `/customers/${CUSTOMER}/accounts`, { status: '' })).toHaveLength(3);
  });
});

describe('customer filters (GET /customers)', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['displayName (case-insensitive substring)', { displayName: 'acme' }, [CUSTOMER]],
    ['status', { status: 'ACTIVE' }, [CUSTOMER, OTHER]],
    ['customerMinDateCreatedAt', { customerMinDateCreatedAt: '2025-02-01T00:00:00Z' }, [OTHER]],
    ['customerMaxDateCreatedAt', { customerMaxDateCreatedAt: '2025-01-05T00:00:00Z' }, [CUSTOMER]],
    ['accountStatus', { accountStatus: 'FROZEN' }, [CUSTOMER]],
    ['accountIdentifier', { accountIdentifier: 'other-usd' }, [OTHER]],
    ['accountDisplayName', { accountDisplayName: 'engagement' }, [CUSTOMER]],
    ['accountMinDateCreatedAt', { accountMinDateCreatedAt: '2025-02-20T00:00:00Z' }, [OTHER]],
    // The spec leaves these plain strings (customer statuses are undocumented): exact, any value.
    ['status: any value, matched exactly', { status: 'PENDING' }, []],
    ['accountStatus: matched exactly', { accountStatus: 'frozen' }, []],
    ['accountMaxDateCreatedAt', { accountMaxDateCreatedAt: '2025-01-10T10:00:00Z' }, [CUSTOMER]],
    ['account filters hold together on one account', { accountStatus: 'ACTIVE', accountDisplayName: 'bonus' }, []],
  ])('%s', async (_name, query, expected) => {
    expect(await listIds(emulator.client(), '/customers', query)).toEqual(expected);
  });

  it('accountNumber', async () => {
    const query = { accountNumber: numbers['other-usd']! };
    expect(await listIds(emulator.client(), '/customers', query)).toEqual([OTHER]);
  });

  it('keeps the whole accounts list of a matching customer', async () => {
    const answer = await emulator.client().get('/customers', { accountStatus: 'FROZEN' });
    expect(answer.body[0].accounts).toHaveLength(3);
  });

  it.each([
    ['customerMinDateCreatedAt', '01/02/2025'],
    ['customerMaxDateCreatedAt', '2025-01-05'],
    ['accountMaxDateCreatedAt', '2025-13-01T00:00:00Z'],
    ['maxResults', '500'],
  ])('400 for %s=%s', async (param, value) => {
    const answer = await emulator.client().get('/customers', { [param]: value, paginate: 'true' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe(param);
  });
});

// filters.ts: the upper bound's name emptied in either ordered() call.
describe('a range given upside down', () => {
  it.each([
    [{ minBalance: '10', maxBalance: '5' }, 'minBalance', 'maxBalance'],
    [
      { minDateCreatedAt: '2025-03-01T00:00:00Z', maxDateCreatedAt: '2025-01-01T00:00:00Z' },
      'minDateCreatedAt',
      'maxDateCreatedAt',
    ],
  ])('%j: a 400 naming both ends', async (query, low, high) => {
    const answer = await emulator.client().get(`/customers/${CUSTOMER}/accounts`, query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        path: low,
        constraint: `${low} <= ${high}`,
        message: `must not be greater than ${high}`,
      }),
    ]);
  });
});
