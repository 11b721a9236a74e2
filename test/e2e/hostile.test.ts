/**
 * What the built CLI does against a hostile or broken server (test/support/hostile-server.ts):
 * each case is a defect an attack found, and the answer a user must get instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, startHostileServer, useHostileWorld } from '../support/hostile-server.js';
import { accountRows, accountsCsv, writeFile } from '../support/import.js';
import { runTango } from '../support/tango.js';

const world = useHostileWorld();
beforeEach(() => {
  world.server.requests.length = 0;
});

function tango(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000) {
  return runTango(args, {
    configDir: world.config.dir,
    timeoutMs,
    env: {
      TANGO_BASE_URL: world.server.baseUrl,
      TANGO_PLATFORM_NAME: 'hostile',
      TANGO_PLATFORM_KEY: 'hostile-key',
      ...env,
    },
  });
}

describe('a server that drips its answer one byte a second', () => {
  it('fails with exit 7 at the --timeout deadline, not whenever the last byte comes', async () => {
    world.server.setMode({ kind: 'drip', dripMs: 500, bytes: 1000 });
    const started = Date.now();
    const result = await tango(['--timeout', '2', '--max-retries', '0', 'customers', 'list']);

    expect(result.code).toBe(7);
    expect(result.stderr).toContain('No answer from 127.0.0.1');
    expect(result.stderr).toContain('within 2 s');
    // Without the deadline the drip lasts 500 s; the margin covers a child's start-up on a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('a huge answer', () => {
  it('announced by Content-Length beyond the 64 MiB cap: refused at once, clearly, and not asked for again', async () => {
    world.server.setMode({ kind: 'huge', hugeBytes: 80 * 1024 * 1024 });
    const result = await tango(['customers', 'list']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unexpected answer from the server');
    expect(result.stderr).toContain('a body larger than 64 MiB; refused, and not downloaded again');
    expect(result.stderr).toContain('TANGO_MAX_RESPONSE_MB');
    expect(world.server.requests).toHaveLength(1);
  });

  it('streamed without a length: cut off at the cap (TANGO_MAX_RESPONSE_MB), once', async () => {
    world.server.setMode({ kind: 'huge', hugeBytes: 6 * 1024 * 1024, contentLength: false });
    const result = await tango(['customers', 'list'], { TANGO_MAX_RESPONSE_MB: '2' });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a body larger than 2 MiB');
    expect(world.server.requests).toHaveLength(1);
  });
});

describe('pagination that never ends', () => {
  it('--all stops with exit 1 when the server gives a cursor it already gave, after printing what came', async () => {
    world.server.setMode({ kind: 'endless', repeat: true });
    const result = await tango(['accounts', 'list', 'hostile-customer', '--all', '-o', 'ndjson'], {}, 15_000);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a next cursor it had already given');
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(world.server.requests).toHaveLength(2);
  });

  it('tango api --paginate stops the same way, exit 1, instead of ending quietly with part of the list', async () => {
    world.server.setMode({ kind: 'endless', repeat: true });
    const result = await tango(['api', '/customers/hostile-customer/accounts', '--paginate'], {}, 15_000);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a next cursor it had already given');
    expect(world.server.requests).toHaveLength(2);
  });
});

describe('a 200 with the wrong shape', () => {
  it.each([
    ['a number', 42, ['customers', 'list']],
    ['null', null, ['customers', 'list']],
    ['an object where a list belongs', { customers: [] }, ['customers', 'list']],
    ['a list where a customer belongs', [], ['customers', 'get', 'hostile-customer']],
    ['a list of numbers', [1, 2], ['accounts', 'list', 'hostile-customer']],
    ['a list where an account belongs', [], ['accounts', 'get', 'some-account']],
  ])('%s is exit 1, "unexpected answer from the server" with the request id', async (_name, shape, args) => {
    world.server.setMode({ kind: 'wrong-shape', shape });
    const result = await tango(args);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: Unexpected answer from the server: GET');
    expect(result.stderr).toContain('Request ID: req-hostile-1');
    expect(result.stderr).not.toMatch(/TypeError|Cannot read|undefined/);
    expect(result.stdout).toBe('');
  });

  it('a create answered 200 with 42 is not "Created"', async () => {
    world.server.setMode({ kind: 'wrong-shape', shape: 42 });
    const result = await tango(['customers', 'create', '--identifier', 'shape-cust', '--display-name', 'Shape test']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered 200 with 42 where a customer belongs');
    expect(result.stderr).not.toContain('Created');
  });
});

describe('a redirect', () => {
  it('is not followed (credentials would go along): exit 1 naming where it pointed', async () => {
    const elsewhere = await startHostileServer({ kind: 'ansi' });
    try {
      world.server.setMode({ kind: 'redirect', location: `${elsewhere.baseUrl}/customers` });
      const result = await tango(['customers', 'list']);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`answered 302, redirecting to ${elsewhere.baseUrl}/customers`);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('429 with Retry-After', () => {
  it('waits what the server asks before trying again, then succeeds', async () => {
    world.server.setMode({ kind: 'rate-limited', retryAfter: '1', times429: 2 });
    const started = Date.now();
    const result = await tango(['customers', 'list', '--json']);

    expect(result.code).toBe(0);
    expect(world.server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });
});

describe('an answer lost after the create was applied, then a failed check', () => {
  const create = (id: string, ...extra: string[]) =>
    tango([
      'accounts',
      'create',
      'hostile-customer',
      '--identifier',
      id,
      '--display-name',
      'Lost answer test',
      '--contact-email',
      'ops@example.com',
      ...extra,
    ]);

  it('says the account may have been created and gives the exact command that checks; --if-not-exists then succeeds', async () => {
    world.server.setMode({ kind: 'lost-after-apply', afterLost: 'fail' });
    const lost = await create('lost-acct-1');

    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain('account lost-acct-1 may have been created');
    expect(lost.stderr).toContain('tango accounts get lost-acct-1');
    expect(lost.stderr).not.toContain('already exists');

    world.server.setMode({ kind: 'lost-after-apply', afterLost: 'ok' });
    const again = await create('lost-acct-1', '--if-not-exists');
    expect(again.code).toBe(0);
  });

  it("for an alert, the command that checks names the alert's customer, account and name, not placeholders", async () => {
    world.server.setMode({ kind: 'lost-after-apply', afterLost: 'fail' });
    const lost = await tango([
      'alerts',
      'create',
      'hostile-customer',
      'lost-acct-2',
      '--display-name',
      "Ops' budget low",
      '--threshold',
      '50',
      '--email',
      'ops@example.com',
    ]);

    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain('may have been created');
    expect(lost.stderr).toContain(
      "check whether it exists: tango alerts list hostile-customer lost-acct-2 --display-name 'Ops'\\'' budget low'",
    );
    expect(lost.stderr).not.toContain('<customer>');
  });

  it('an import reports such rows as unknown, not failed; running it again confirms them', async () => {
    world.server.setMode({ kind: 'ansi' });
    world.server.setMode({ kind: 'lost-after-apply', afterLost: 'fail' });
    const file = writeFile(world.config.dir, 'lost.csv', accountsCsv(accountRows(3, 'lostrow')));
    const reportPath = join(world.config.dir, 'lost-report.json');
    const args = ['accounts', 'import', 'hostile-customer', '--file', file, '--report', reportPath, '-c', '1'];

    const first = await tango(args);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(first.code).not.toBe(0);
    expect(report.summary).toMatchObject({ unknown: 3, failed: 0, created: 0 });
    expect(first.stderr).toContain('3 rows may or may not have been created');

    world.server.setMode({ kind: 'lost-after-apply', afterLost: 'ok' });
    const second = await tango(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(reportPath, 'utf8')).summary).toMatchObject({ existed: 3, unknown: 0 });
  });
});

describe('server text carrying terminal controls (ESC, CSI, OSC, CR, C1)', () => {
  const RAW = /[\u001b\u009b\r\u0007]/;

  it('a table on a pipe and CSV keep the data but never write a raw ESC', async () => {
    world.server.setMode({ kind: 'ansi' });
    for (const args of [
      ['customers', 'list'],
      ['customers', 'list', '-o', 'csv'],
      ['accounts', 'get', 'hostile-acct'],
    ]) {
      const result = await tango(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).not.toMatch(/\u001b/);
      expect(result.stdout).toContain('Evil\u241b]0;pwned');
    }
  });

  it('JSON stays exact', async () => {
    world.server.setMode({ kind: 'ansi' });
    const result = await tango(['customers', 'list', '--json']);
    expect(JSON.parse(result.stdout)[0].displayName).toBe(HOSTILE_TEXT);
  });

  it('an error message and its field errors are shown escaped on stderr', async () => {
    world.server.setMode({ kind: 'ansi' });
    const result = await tango(['customers', 'get', 'nosuch-customer']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('Refused: Evil\\u001b]0;pwned\\u0007\\u001b[2J\\u000dName\\u009b31m');
  });
});

// The OpenAPI's LowBalanceAlertListView requires neither `page` nor `lowBalanceAlerts`: an answer
// without them is a page with no alerts, not a broken server; each, when there, must still be what it says.
describe('an alert list answered with the properties the OpenAPI leaves optional left out', () => {
  it.each([
    ['{}', {}],
    ['alerts without page numbers', { lowBalanceAlerts: [] }],
    ['page numbers without alerts', { page: { number: 0, totalPages: 1, size: 0, totalElements: 0 } }],
  ])('%s: no alerts, exit 0, the page asked for once', async (_name, shape) => {
    world.server.setMode({ kind: 'wrong-shape', shape });
    const list = (args: string[]) => tango(['alerts', 'list', 'hostile-customer', 'hostile-account', ...args]);

    const json = await list(['--json']); // the page exactly as answered: nothing added to it
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(JSON.parse(json.stdout)).toStrictEqual(shape);
    expect(world.server.requests).toHaveLength(1);

    // --fields picks the fields of each alert; a page without alerts keeps its page numbers
    const picked = await list(['--json', '--fields', 'balanceAlertID']);
    expect([picked.code, picked.stderr]).toEqual([0, '']);
    expect(JSON.parse(picked.stdout)).toStrictEqual(shape);

    world.server.requests.length = 0;
    const every = await list(['--all', '-o', 'ndjson']); // no rows, and no second page asked for
    expect([every.code, every.stdout, every.stderr]).toEqual([0, '', '']);
    expect(world.server.requests).toHaveLength(1);
  });

  it.each([
    ['alerts that are null', { lowBalanceAlerts: null }],
    ['page numbers that are a string', { page: '0', lowBalanceAlerts: [] }],
  ])('%s: exit 1, an unexpected answer', async (_name, shape) => {
    world.server.setMode({ kind: 'wrong-shape', shape });
    const result = await tango(['alerts', 'list', 'hostile-customer', 'hostile-account', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('where a page of low-balance alerts belongs');
  });
});
