/** Injected faults, observed over real sockets: 503 share, 429 with Retry-After, drops, latency. */
import { describe, expect, it } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EmulatorClient, newAccountBody, newCustomerBody } from '../support/emulator-client.js';

async function withEmulator<T>(options: EmulatorOptions, run: (client: EmulatorClient) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await run(new EmulatorClient(emulator));
  } finally {
    await emulator.close();
  }
}

async function statuses(client: EmulatorClient, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await client.get('/customers')).status);
  return result;
}

/** The error a client sees when the connection is destroyed under it. */
async function requestError(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the request succeeded but should have been dropped');
}

describe('--fail-rate', () => {
  it('answers about that share of requests with 503, the same ones for the same seed', async () => {
    const first = await withEmulator({ failRate: 0.3, random: 42 }, (client) => statuses(client, 200));
    const second = await withEmulator({ failRate: 0.3, random: 42 }, (client) => statuses(client, 200));
    const other = await withEmulator({ failRate: 0.3, random: 43 }, (client) => statuses(client, 200));
    const failures = first.filter((status) => status === 503).length;
    expect(failures / first.length).toBeGreaterThan(0.2);
    expect(failures / first.length).toBeLessThan(0.4);
    expect(first.filter((status) => status !== 503 && status !== 200)).toEqual([]);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('tells the seed it drew, which replays the same run', async () => {
    const emulator = await startEmulator({ failRate: 0.5 });
    const seed = emulator.randomSeed!;
    const first = await statuses(new EmulatorClient(emulator), 20).finally(() => emulator.close());
    expect(await withEmulator({ failRate: 0.5, random: seed }, (client) => statuses(client, 20))).toEqual(first);
  });

  it('answers 503 with an ErrorInfo body and counts it', async () => {
    await withEmulator({ failRate: 1 }, async (client) => {
      const answer = await client.get('/customers');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ httpCode: 503, i18nKey: 'error.serviceUnavailable' });
      expect(client.emulator.stats().faults.failed).toBe(1);
    });
  });
});

describe('--rate-limit', () => {
  it('answers 429 with Retry-After in seconds once over the limit, and recovers', async () => {
    await withEmulator({ rateLimit: 5 }, async (client) => {
      const answers = await Promise.all(Array.from({ length: 12 }, () => client.get('/customers')));
      const limited = answers.filter((answer) => answer.status === 429);
      // A burst of one second's worth passes; a slow machine may refill a token during the burst.
      const passed = answers.filter((answer) => answer.status === 200).length;
      expect(passed).toBeGreaterThanOrEqual(5);
      expect(passed).toBeLessThanOrEqual(6);
      expect(limited.length + passed).toBe(12);
      for (const answer of limited) {
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(answer.body).toMatchObject({ httpCode: 429, i18nKey: 'error.rateLimited' });
      }
      // Five per second: a token is back after 200 ms.
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await client.get('/customers')).status).toBe(200);
    });
  });
});

describe('--drop-rate', () => {
  it('destroys the connection: the client sees a socket error', async () => {
    await withEmulator({ dropRate: 1 }, async (client) => {
      const error = await requestError(() => client.get('/customers'));
      expect(error).toBeInstanceOf(TypeError);
      expect(String((error.cause as Error)?.message ?? error.message)).toMatch(/closed|reset|socket|terminated/i);
      expect(client.emulator.stats().faults.dropped).toBe(1);
    });
  });

  it('dropped before handling: the POST was not applied', async () => {
    await withEmulator({ dropRate: 1, dropMode: 'before' }, async (client) => {
      const body = newCustomerBody();
      await requestError(() => client.post('/customers', body));
      client.emulator.setFaults({ dropRate: 0 });
      expect((await client.get(`/customers/${body.customerIdentifier}`)).status).toBe(404);
    });
  });

  it('dropped after handling: the response is lost but the POST was applied (a retry gets 409)', async () => {
    await withEmulator({ dropRate: 1, dropMode: 'after' }, async (client) => {
      const body = newCustomerBody();
      await requestError(() => client.post('/customers', body));
      client.emulator.setFaults({ dropRate: 0 });
      expect((await client.get(`/customers/${body.customerIdentifier}`)).status).toBe(200);
      expect((await client.post('/customers', body)).status).toBe(409);
    });
  });

  it('mixed (the default): some dropped POSTs were applied and some were not, the same for the same seed', async () => {
    const outcome = () =>
      withEmulator({ dropRate: 0.5, random: 7 }, async (client) => {
        const customer = newCustomerBody();
        client.emulator.setFaults({ dropRate: 0 });
        await client.post('/customers', customer);
        client.emulator.setFaults({ dropRate: 0.5 });
        const results: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          const body = newAccountBody(`drop-${i}-${customer.customerIdentifier}`);
          const status = await client.post(`/customers/${customer.customerIdentifier}/accounts`, body).then(
            (answer) => String(answer.status),
            () => 'dropped',
          );
          results.push(status);
        }
        client.emulator.setFaults({ dropRate: 0 });
        const kept = await client.get(`/customers/${customer.customerIdentifier}/accounts`);
        return { results, kept: kept.body.length as number };
      });
    const first = await outcome();
    const created = first.results.filter((status) => status === '201').length;
    const dropped = first.results.filter((status) => status === 'dropped').length;
    expect(created + dropped).toBe(30);
    expect(dropped).toBeGreaterThan(5);
    // Some drops happened after the account was stored: more accounts exist than 201s were seen.
    expect(first.kept).toBeGreaterThan(created);
    expect(first.kept).toBeLessThan(30);
    expect(await outcome()).toEqual(first);
  });
});

describe('--latency', () => {
  it('delays every answer by about that long', async () => {
    await withEmulator({ latencyMs: 150 }, async (client) => {
      const started = performance.now();
      expect((await client.get('/customers')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });
  });
});

describe('control surface', () => {
  async function control(emulator: RunningEmulator, method: string, path: string, body?: unknown) {
    const response = await fetch(`${emulator.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  it('counts requests by method, route and status; resets; reports health', async () => {
    await withEmulator({}, async (client) => {
      await client.get('/customers');
      await client.get('/customers');
      await client.get('/customers/nobody-here');
      await client.request('GET', '/customers', { authorization: null });
      const stats = await control(client.emulator, 'GET', '/stats');
      expect(stats.body.requests).toEqual({
        'GET /raas/v2/customers 200': 2,
        'GET /raas/v2/customers/{customerIdentifier} 404': 1,
        'GET /raas/v2/customers 401': 1,
      });
      expect(stats.body.total).toBe(4);
      expect((await control(client.emulator, 'DELETE', '/stats')).status).toBe(204);
      expect(client.emulator.stats().total).toBe(0);
      const health = await control(client.emulator, 'GET', '/health');
      expect(health.body).toEqual({
        status: 'ok',
        baseUrl: client.emulator.baseUrl,
        tokenUrl: client.emulator.tokenUrl,
      });
    });
  });

  it('changes faults at run time, checks the values, and is itself never faulted', async () => {
    await withEmulator({ failRate: 1 }, async (client) => {
      expect((await control(client.emulator, 'GET', '/stats')).status).toBe(200);
      const changed = await control(client.emulator, 'PATCH', '/faults', { failRate: 0, latencyMs: 5 });
      expect(changed.body).toMatchObject({ failRate: 0, latencyMs: 5, rateLimit: 0, dropRate: 0, dropMode: 'mixed' });
      expect((await client.get('/customers')).status).toBe(200);
      const bad = await control(client.emulator, 'PATCH', '/faults', { failRate: 2, dropMode: 'sometimes' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(['failRate', 'dropMode']);
    });
  });

  it('sets an account status and balance, which the API cannot', async () => {
    await withEmulator({ seed: 1, seedAccounts: 1 }, async (client) => {
      const [account] = (await client.get('/accounts')).body;
      const path = `/accounts/${account.accountIdentifier}`;
      const changed = await control(client.emulator, 'PATCH', path, { status: 'FROZEN', currentBalance: 12.5 });
      expect(changed.body).toMatchObject({ status: 'FROZEN', currentBalance: 12.5 });
      expect((await control(client.emulator, 'PATCH', path, { status: 'frozen' })).status).toBe(400);
      expect((await control(client.emulator, 'PATCH', '/accounts/nothing-here', {})).status).toBe(404);
    });
  });
});

describe('request log', () => {
  it('writes one line per request: method, path, status, milliseconds, request id', async () => {
    const lines: string[] = [];
    await withEmulator({ log: (line) => lines.push(line) }, async (client) => {
      const answer = await client.get('/customers', { displayName: 'x' });
      expect(lines).toEqual([
        `GET /raas/v2/customers?displayName=x 200 ${lines[0]?.split(' ')[3]} ${answer.headers.get('x-request-id')}`,
      ]);
      expect(lines[0]).toMatch(/ \d+ms /);
    });
  });
});
