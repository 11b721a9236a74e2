/** Cursor pagination: forwards and backwards, bounds, bad cursors, and 100,000 accounts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import { createCustomer, EmulatorClient, newAccountBody, useEmulator } from '../support/emulator-client.js';

const emulator = useEmulator();
let customer: string;
let created: string[];

beforeAll(async () => {
  const client = emulator.client();
  customer = await createCustomer(client);
  created = [];
  for (let i = 0; i < 25; i += 1) {
    const body = newAccountBody(`page-${String(i).padStart(2, '0')}-${customer}`);
    await client.post(`/customers/${customer}/accounts`, body);
    created.push(body.accountIdentifier);
  }
});

const ids = (items: Array<{ accountIdentifier: string }>) => items.map((item) => item.accountIdentifier);

describe('paginate=true', () => {
  it('walks forward then back over 25 accounts, 10 at a time, each exactly once and in order', async () => {
    const client = emulator.client();
    const path = `/customers/${customer}/accounts`;
    const first = await client.get(path, { paginate: true, maxResults: 10 });
    expect(first.body).toMatchObject({ numberOfElements: 10, maxResults: 10, prevPageAvailable: false });
    expect(first.body.prevCursor).toBeUndefined();
    const second = await client.get(path, { paginate: true, maxResults: 10, nextCursor: first.body.nextCursor });
    const third = await client.get(path, { paginate: true, maxResults: 10, nextCursor: second.body.nextCursor });
    expect(third.body).toMatchObject({ numberOfElements: 5, nextPageAvailable: false, prevPageAvailable: true });
    expect(third.body.nextCursor).toBeUndefined();
    expect([...ids(first.body.items), ...ids(second.body.items), ...ids(third.body.items)]).toEqual(created);

    const backSecond = await client.get(path, { paginate: true, maxResults: 10, prevCursor: third.body.prevCursor });
    const backFirst = await client.get(path, {
      paginate: true,
      maxResults: 10,
      prevCursor: backSecond.body.prevCursor,
    });
    expect(ids(backSecond.body.items)).toEqual(created.slice(10, 20));
    expect(ids(backFirst.body.items)).toEqual(created.slice(0, 10));
    expect(backSecond.body).toMatchObject({ prevPageAvailable: true, nextPageAvailable: true });
    expect(backFirst.body).toMatchObject({ prevPageAvailable: false, nextPageAvailable: true });
  });

  it('defaults maxResults to 10 and answers a bare array without paginate', async () => {
    const client = emulator.client();
    const page = await client.get(`/customers/${customer}/accounts`, { paginate: true });
    expect(page.body.maxResults).toBe(10);
    expect(page.body.items).toHaveLength(10);
    const bare = await client.get(`/customers/${customer}/accounts`);
    expect(Array.isArray(bare.body)).toBe(true);
    expect(ids(bare.body)).toEqual(created);
  });

  it('keeps pages stable while accounts are added behind the cursor', async () => {
    const client = emulator.client();
    const other = await createCustomer(client);
    const path = `/customers/${other}/accounts`;
    for (let i = 0; i < 3; i += 1) await client.post(path, newAccountBody());
    const first = await client.get(path, { paginate: true, maxResults: 2 });
    await client.post(path, newAccountBody());
    const second = await client.get(path, { paginate: true, maxResults: 2, nextCursor: first.body.nextCursor });
    expect(second.body.numberOfElements).toBe(2);
    expect(ids(second.body.items)).not.toContain(ids(first.body.items)[0]);
  });

  it('pages filtered lists too', async () => {
    const client = emulator.client();
    const query = { paginate: true, maxResults: 2, displayName: 'page-0' };
    const first = await client.get(`/customers/${customer}/accounts`, query);
    const rest = await client.get(`/customers/${customer}/accounts`, { ...query, nextCursor: first.body.nextCursor });
    expect([...ids(first.body.items), ...ids(rest.body.items)].length).toBeGreaterThan(2);
    expect(ids(first.body.items).every((id) => id.startsWith('page-0'))).toBe(true);
  });

  it('pages GET /customers and GET /accounts', async () => {
    const client = emulator.client();
    const customers = await client.get('/customers', { paginate: true, maxResults: 1 });
    expect(customers.body.items).toHaveLength(1);
    expect(customers.body.nextPageAvailable).toBe(true);
    const accounts = await client.get('/accounts', { paginate: true, maxResults: 200 });
    expect(accounts.body.numberOfElements).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['0', 'maxResults'],
    ['201', 'maxResults'],
    ['ten', 'maxResults'],
  ])('refuses maxResults=%s with a 400 naming the parameter', async (value, param) => {
    const answer = await emulator
      .client()
      .get(`/customers/${customer}/accounts`, { paginate: true, maxResults: value });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: param, invalidValue: value, constraint: '1..200' }),
    ]);
  });

  it('accepts maxResults=200', async () => {
    const answer = await emulator.client().get('/accounts', { paginate: true, maxResults: 200 });
    expect(answer.status).toBe(200);
  });

  it('refuses a cursor it did not hand out, a cursor of the wrong direction, and both at once', async () => {
    const client = emulator.client();
    const path = `/customers/${customer}/accounts`;
    const first = await client.get(path, { paginate: true });
    const bad = await client.get(path, { paginate: true, nextCursor: 'garbage' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('nextCursor');
    const swapped = await client.get(path, { paginate: true, prevCursor: first.body.nextCursor });
    expect(swapped.body.errors[0].path).toBe('prevCursor');
    const both = await client.get(path, { paginate: true, nextCursor: first.body.nextCursor, prevCursor: 'x' });
    expect(both.status).toBe(400);
    const paginateBad = await client.get(path, { paginate: 'yes' });
    expect(paginateBad.body.errors[0]).toMatchObject({ path: 'paginate', invalidValue: 'yes' });
  });
});

describe('100,000 accounts under one customer', () => {
  // Speed is npm run bench's to measure (a timed unit test fails on a loaded machine, not on slow code);
  // this pins that all 100,000 are seeded and each is paged exactly once.
  it('seeds them and pages through all of them, each once', async () => {
    const big = await startEmulator({ seed: 1, seedAccounts: 100_000, random: 9 });
    try {
      const client = new EmulatorClient(big);
      const [customer] = (await client.get('/customers', { paginate: true, maxResults: 1 })).body.items;
      const path = `/customers/${customer.customerIdentifier}/accounts`;
      let seen = 0;
      let cursor: string | undefined;
      let last = '';
      do {
        const page = await client.get(path, {
          paginate: true,
          maxResults: 200,
          ...(cursor ? { nextCursor: cursor } : {}),
        });
        seen += page.body.numberOfElements;
        expect(page.body.items[0].accountIdentifier).not.toBe(last);
        last = page.body.items.at(-1).accountIdentifier;
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toBe(100_000);
    } finally {
      await big.close();
    }
  }, 120_000);
});
