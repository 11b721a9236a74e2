import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../src/api/http.js';
import type { TangoApi } from '../../src/api/tango.js';
import type { CreateAccountBody } from '../../src/domain/rules.js';
import type { Account, Customer } from '../../src/domain/types.js';
import { ApiError, ExitCode, NetworkError } from '../../src/errors.js';
import { buildReport } from '../../src/import/report.js';
import { runImport, StopRule } from '../../src/import/run.js';
import { outcomeError } from '../../src/import/summary.js';
import type { PlannedRow, RowResult } from '../../src/import/types.js';

const CUSTOMER = 'acme-group';

/** Just enough of the API for the engine: POST create, GET customer, GET account, pages. */
class FakeApi {
  readonly accounts = new Map<string, Account>();
  posts = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Throws instead of creating, for the identifiers it names. */
  failWith: (identifier: string) => Error | undefined = () => undefined;

  constructor(readonly delayMs = 2) {}

  async send<T>(
    spec: RequestSpec,
  ): Promise<{ status: number; body: T; attempts: number; earlierAttemptMayHaveLanded: boolean }> {
    const body = spec.body as CreateAccountBody;
    this.posts += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.inFlight -= 1;
    const failure = this.failWith(body.accountIdentifier);
    if (failure) throw failure;
    if (this.accounts.has(body.accountIdentifier)) throw apiError(409);
    const account = this.add(body);
    return { status: 201, body: account as T, attempts: 1, earlierAttemptMayHaveLanded: false };
  }

  add(body: CreateAccountBody): Account {
    const account: Account = {
      accountIdentifier: body.accountIdentifier,
      accountNumber: `A${this.accounts.size + 1}`,
      displayName: body.displayName,
      contactEmail: body.contactEmail,
      currencyCode: body.currencyCode ?? 'USD',
      fundingNotification: body.fundingNotification ?? [],
      status: 'ACTIVE',
      currentBalance: 0,
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    this.accounts.set(account.accountIdentifier, account);
    return account;
  }

  async getCustomer(): Promise<Customer> {
    const accounts = [...this.accounts.values()];
    return { customerIdentifier: CUSTOMER, displayName: 'Acme', status: 'ACTIVE', createdAt: '', accounts };
  }

  async getAccount(identifier: string): Promise<Account> {
    const account = this.accounts.get(identifier);
    if (!account) throw apiError(404);
    return account;
  }

  async *accountPages() {
    yield {
      items: [...this.accounts.values()],
      nextPageAvailable: false,
      numberOfElements: 0,
      maxResults: 200,
      prevPageAvailable: false,
    };
  }
}

function apiError(status: number): ApiError {
  return new ApiError({
    status,
    method: 'POST',
    url: 'http://x',
    body: { message: `HTTP ${status}`, i18nKey: `error.${status}`, requestId: `req-${status}` },
  });
}

function rows(count: number): PlannedRow[] {
  return Array.from({ length: count }, (_, index) => ({
    row: index + 1,
    body: {
      accountIdentifier: `acct-${String(index + 1).padStart(4, '0')}`,
      displayName: `Account ${index + 1}`,
      contactEmail: `a${index + 1}@acme.com`,
    },
  }));
}

function run(api: FakeApi, planned: PlannedRow[], extra: { concurrency?: number; signal?: AbortSignal } = {}) {
  return runImport({
    api: api as unknown as TangoApi,
    customer: CUSTOMER,
    rows: planned,
    concurrency: extra.concurrency ?? 4,
    signal: extra.signal ?? new AbortController().signal,
  });
}

function exitCodeOf(result: Awaited<ReturnType<typeof run>>): number {
  const report = buildReport({ customer: CUSTOMER, file: 'f', ...result }, result.results);
  return outcomeError(result, report, undefined)?.exitCode ?? 0;
}

/** What the HTTP client throws when the host refuses the connection. */
function unreachable(): NetworkError {
  return new NetworkError('Could not reach x', {
    endpoint: 'api',
    host: 'x',
    code: 'ECONNREFUSED',
    timedOut: false,
    mayHaveLanded: false,
    attempts: 1,
  });
}

describe('running an import', () => {
  it('creates every row, never more than `concurrency` at once, and reports them in file order', async () => {
    const api = new FakeApi();

    const result = await run(api, rows(40), { concurrency: 3 });

    expect(result.results.map((r) => [r.row, r.outcome])).toEqual(rows(40).map((r) => [r.row, 'created']));
    expect(api.maxInFlight).toBe(3);
    expect(api.posts).toBe(40);
    expect(exitCodeOf(result)).toBe(0);
  });

  it('settles rows that already exist without a request: same values existed, others conflict', async () => {
    const api = new FakeApi();
    const planned = rows(5);
    api.add(planned[0]!.body);
    api.add({ ...planned[1]!.body, displayName: 'Someone Else' });

    const result = await run(api, planned);

    expect(result.results.map((r) => r.outcome)).toEqual(['existed', 'conflict', 'created', 'created', 'created']);
    expect(result.results[1]?.differences).toEqual([
      { field: 'displayName', existing: 'Someone Else', requested: 'Account 2' },
    ]);
    expect(api.posts).toBe(3);
    expect(exitCodeOf(result)).toBe(ExitCode.conflict);
  });

  it('on Ctrl-C starts no new row, finishes those in flight, and leaves the rest not attempted', async () => {
    const api = new FakeApi(20);
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 50);

    const result = await run(api, rows(100), { concurrency: 4, signal: interrupt.signal });

    const created = result.results.filter((r) => r.outcome === 'created');
    const left = result.results.filter((r) => r.outcome === 'not-attempted');
    expect(result.interrupted).toBe(true);
    expect(created.length).toBeGreaterThan(0);
    expect(created.length + left.length).toBe(100);
    expect(api.accounts.size).toBe(created.length);
    expect(left[0]?.reason).toBe('interrupted');
    expect(exitCodeOf(result)).toBe(ExitCode.interrupted);
  });

  it('stops at once when credentials are refused: every later row would fail the same way', async () => {
    const api = new FakeApi();
    api.failWith = () => apiError(401);

    const result = await run(api, rows(50), { concurrency: 2 });

    expect(api.posts).toBe(2);
    expect(result.results.filter((r) => r.outcome === 'failed')).toHaveLength(2);
    expect(result.results[2]?.reason).toMatch(/^an earlier row failed/);
    expect(exitCodeOf(result)).toBe(ExitCode.auth);
  });

  it('stops after a run of unavailable rows, rather than retry every remaining row against a server that is down', async () => {
    const api = new FakeApi();
    api.failWith = () => apiError(503);

    const result = await run(api, rows(100), { concurrency: 2 });

    expect(api.posts).toBeLessThan(15);
    expect(result.stopped?.exitCode).toBe(ExitCode.unavailable);
    expect(exitCodeOf(result)).toBe(ExitCode.unavailable);
  });

  it('exits with the failed rows’ shared code, or 1 when they differ', async () => {
    const api = new FakeApi();
    api.failWith = (id) => (id === 'acct-0002' ? unreachable() : undefined);
    expect(exitCodeOf(await run(api, rows(4)))).toBe(ExitCode.network);

    const mixed = new FakeApi();
    mixed.failWith = (id) => (id === 'acct-0002' ? unreachable() : id === 'acct-0003' ? apiError(500) : undefined);
    const result = await run(mixed, rows(4));
    expect(result.results[2]).toMatchObject({
      outcome: 'failed',
      httpStatus: 500,
      i18nKey: 'error.500',
      requestId: 'req-500',
    });
    expect(exitCodeOf(result)).toBe(ExitCode.error);
  });

  it('a customer that does not exist stops the run before any create', async () => {
    const api = new FakeApi();
    api.getCustomer = async () => {
      throw apiError(404);
    };

    const result = await run(api, rows(3));

    expect(api.posts).toBe(0);
    expect(result.results.every((r) => r.outcome === 'not-attempted')).toBe(true);
    expect(exitCodeOf(result)).toBe(ExitCode.notFound);
  });
});

// Mutation gaps (issue 20): the stop rule, result by result, each case naming the mutant it kills.
describe('the stop rule, row by row', () => {
  const failed = (exitCode: number): RowResult => ({
    row: 1,
    accountIdentifier: 'acme-1',
    outcome: 'failed',
    reason: `exit ${exitCode}`,
    exitCode,
  });
  const created: RowResult = { row: 1, accountIdentifier: 'acme-1', outcome: 'created' };
  const feed = (rule: StopRule, results: RowResult[]) => {
    for (const result of results) rule.observe(result);
    return rule.stopped;
  };

  it.each([
    [1, 10],
    [4, 10],
    [5, 10],
    [6, 12], // kills 2 * concurrency changed, or max turned into min
    [16, 32],
  ])('with concurrency %i, %i unavailable rows in a row stop the run, one fewer does not', (concurrency, limit) => {
    const rule = new StopRule(concurrency);
    expect(feed(rule, Array(limit - 1).fill(failed(ExitCode.unavailable)))).toBeUndefined();
    expect(feed(rule, [failed(ExitCode.unavailable)])).toEqual({
      reason: `the server failed ${limit} rows in a row (last: exit ${ExitCode.unavailable})`,
      exitCode: ExitCode.unavailable,
    });
  });

  it('network failures count toward the streak like 5xx (kills dropping ExitCode.network)', () => {
    const rule = new StopRule(1);
    feed(rule, Array(5).fill(failed(ExitCode.unavailable)));
    expect(feed(rule, Array(5).fill(failed(ExitCode.network)))).toMatchObject({ exitCode: ExitCode.network });
  });

  it.each([
    ['a success', created],
    ['a row that failed for its own reason (409)', failed(ExitCode.conflict)],
  ])('%s resets the streak (kills dropping the reset)', (_, reset) => {
    const rule = new StopRule(1);
    feed(rule, Array(9).fill(failed(ExitCode.unavailable)));
    feed(rule, [reset]);
    expect(feed(rule, Array(9).fill(failed(ExitCode.network)))).toBeUndefined();
  });

  it.each([ExitCode.notFound, ExitCode.auth])(
    'one row failing with exit %i (customer gone, credentials refused) stops at once',
    (exitCode) => {
      expect(feed(new StopRule(4), [failed(exitCode)])).toEqual({
        reason: `an earlier row failed with "exit ${exitCode}"`,
        exitCode,
      });
    },
  );

  it('the first reason to stop is kept', () => {
    const rule = new StopRule(1);
    feed(rule, [failed(ExitCode.notFound), failed(ExitCode.auth)]);
    expect(rule.stopped?.exitCode).toBe(ExitCode.notFound);
  });
});

// Mutation gaps (issue 20): the survivors of src/import/run.ts, each case naming the mutant it kills.
describe('running an import: what each row reports', () => {
  it('tells progress which rows took a request: created ones did, existing ones did not (kills run.ts:54 and :83 sent flags flipped)', async () => {
    const api = new FakeApi();
    const planned = rows(3);
    api.add(planned[1]!.body);
    const seen: Array<[string, string, boolean]> = [];

    await runImport({
      api: api as unknown as TangoApi,
      customer: CUSTOMER,
      rows: planned,
      concurrency: 1,
      signal: new AbortController().signal,
      onResult: (result, sent) => seen.push([result.accountIdentifier, result.outcome, sent]),
    });

    expect(seen.sort()).toEqual([
      ['acct-0001', 'created', true],
      ['acct-0002', 'existed', false],
      ['acct-0003', 'created', true],
    ]);
  });

  it('a customer that cannot be read leaves every row not attempted, saying why (kills run.ts:61 reason emptied)', async () => {
    const api = new FakeApi();
    api.getCustomer = async () => {
      throw apiError(404);
    };

    const result = await run(api, rows(2));

    const reason = 'reading customer acme-group failed: HTTP 404';
    expect(result.stopped).toEqual({ reason, exitCode: ExitCode.notFound });
    expect(result.results.map((r) => [r.outcome, r.reason])).toEqual([
      ['not-attempted', reason],
      ['not-attempted', reason],
    ]);
  });

  it('an account created by someone else after the lookup, with the same values, existed: no conflict (kills run.ts:91 ifNotExists dropped)', async () => {
    const api = new FakeApi();
    const planned = rows(2);
    api.add(planned[0]!.body);
    // The lookup ran before the other writer: it sees no account, so the POST meets 409; the
    // read-back after the 409 sees it under this customer.
    const readCustomer = api.getCustomer.bind(api);
    let lookups = 0;
    api.getCustomer = async () => {
      lookups += 1;
      return lookups === 1 ? { ...(await readCustomer()), accounts: [] } : readCustomer();
    };

    const result = await run(api, planned);

    expect(api.posts).toBe(2);
    expect(result.results.map((r) => [r.accountIdentifier, r.outcome, r.accountNumber])).toEqual([
      ['acct-0001', 'existed', 'A1'],
      ['acct-0002', 'created', 'A2'],
    ]);
    expect(exitCodeOf(result)).toBe(0);
  });
});

describe('the stop rule: rows that did not fail', () => {
  const row = (outcome: RowResult['outcome'], exitCode: number): RowResult => ({
    row: 1,
    accountIdentifier: 'acme-1',
    outcome,
    reason: `${outcome} ${exitCode}`,
    exitCode,
  });

  // A row whose outcome is unknown met 409 on its retry (the server answered): it ends a streak of
  // failures instead of adding to it, whatever code its failed read-back gave (kills run.ts:113 the
  // reset turned off, which counted it as a failure).
  it.each([ExitCode.network, ExitCode.unavailable, ExitCode.auth, ExitCode.notFound])(
    'an unknown outcome with exit %i neither stops the run nor counts toward the streak',
    (exitCode) => {
      const rule = new StopRule(1);
      for (let i = 0; i < 9; i += 1) rule.observe(row('failed', ExitCode.unavailable));
      rule.observe(row('unknown', exitCode));
      for (let i = 0; i < 9; i += 1) rule.observe(row('failed', ExitCode.network));

      expect(rule.stopped).toBeUndefined();
    },
  );
});
