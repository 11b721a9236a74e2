/**
 * `tango api` end to end: the built bin against the emulator (one seeded customer of 45 accounts,
 * five pages at maxResults 10), with the emulator's fault injection for the retry rules. The
 * emulator's 503s are drawn from `draws`, so each test decides which attempts fail.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../src/domain/types.js';
import { uniqueId } from '../support/emulator-client.js';
import { json, useTangoWithEmulator } from '../support/tango-emulator.js';

const draws: number[] = [];
const h = useTangoWithEmulator({ seed: 1, seedAccounts: 45, random: () => draws.shift() ?? 0.999 });
const { tango } = h;

let customer: string;
let accounts: Account[];
const files = mkdtempSync(join(tmpdir(), 'tango-api-'));

beforeAll(async () => {
  customer = (await h.client().get<Customer[]>('/customers')).body[0]!.customerIdentifier;
  accounts = (await h.client().get<Account[]>(`/customers/${customer}/accounts`)).body;
});

beforeEach(() => {
  draws.length = 0;
  h.emulator().setFaults({ failRate: 0 });
  h.emulator().resetStats();
});

/** `tango api POST /customers` with a new identifier and these extra arguments. */
const postCustomer = (id: string, displayName: string, ...flags: string[]) =>
  tango(['api', 'POST', '/customers', ...flags, '-f', `customerIdentifier=${id}`, '-f', `displayName=${displayName}`]);

const count = (key: string) => h.emulator().stats().requests[key] ?? 0;
const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

async function newCustomer(): Promise<string> {
  const id = uniqueId('api');
  expect((await h.client().post('/customers', { customerIdentifier: id, displayName: 'Api Test Co' })).status).toBe(
    201,
  );
  return id;
}

async function newAccount(owner: string): Promise<string> {
  const id = uniqueId('acct');
  const created = await h.client().post(`/customers/${owner}/accounts`, {
    accountIdentifier: id,
    displayName: 'Api Account',
    contactEmail: 'ops@example.com',
  });
  expect(created.status).toBe(201);
  return id;
}

describe('tango api GET', () => {
  it('prints the body as received, on one line on a pipe', async () => {
    const result = await tango(['api', `/accounts/${accounts[2]!.accountIdentifier}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(accounts[2])}\n`);
  });

  it('sends fields as query parameters: -f strings, -F numbers and booleans', async () => {
    const result = await tango([
      'api',
      'GET',
      `/customers/${customer}/accounts`,
      '-f',
      'status=FROZEN',
      '-F',
      'paginate=true',
      '-F',
      'maxResults=2',
    ]);
    const page = json<{ items: Account[]; maxResults: number }>(result);
    expect(page.maxResults).toBe(2);
    expect(page.items.map((a) => a.accountIdentifier)).toEqual(
      accounts
        .filter((a) => a.status === 'FROZEN')
        .slice(0, 2)
        .map((a) => a.accountIdentifier),
    );
  });

  it('keeps a query string written in the path', async () => {
    const result = await tango(['api', `/customers/${customer}/accounts?paginate=true&maxResults=3`]);
    expect(json<{ items: unknown[] }>(result).items).toHaveLength(3);
  });

  it('--query and -o text apply to the answer', async () => {
    const result = await tango([
      'api',
      `/accounts/${accounts[0]!.accountIdentifier}`,
      '--query',
      'currentBalance',
      '-o',
      'text',
    ]);
    expect(result.stdout).toBe(`${accounts[0]!.currentBalance}\n`);
  });
});

describe('tango api POST and PATCH: every body form', () => {
  it('POST with -f fields creates, and prints the 201 body', async () => {
    const id = uniqueId('api');
    const result = await postCustomer(id, 'Made By Api');
    expect(json<Customer>(result)).toMatchObject({ customerIdentifier: id, displayName: 'Made By Api' });
    expect((await h.client().get(`/customers/${id}`)).status).toBe(200);
  });

  it('PATCH with nested list fields: a[][k]=v builds a list of objects', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    const result = await tango([
      'api',
      'patch',
      `/customers/${owner}/accounts/${account}`,
      '-f',
      'displayName=Renamed By Api',
      '-f',
      'fundingNotification[][emailAddress]=first@example.com',
      '-f',
      'fundingNotification[][emailAddress]=second@example.com',
    ]);
    expect(json<Account>(result)).toMatchObject({
      displayName: 'Renamed By Api',
      fundingNotification: [{ emailAddress: 'first@example.com' }, { emailAddress: 'second@example.com' }],
    });
  });

  it('PATCH with -F a[] alone sends an empty list, which clears it', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    await h.client().patch(`/customers/${owner}/accounts/${account}`, {
      fundingNotification: [{ emailAddress: 'old@example.com' }],
    });
    const result = await tango([
      'api',
      'PATCH',
      `/customers/${owner}/accounts/${account}`,
      '-F',
      'fundingNotification[]',
    ]);
    expect(json<Account>(result).fundingNotification ?? []).toEqual([]);
  });

  it('-F key=@file sends the file as the value', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    const name = join(files, 'name.txt');
    writeFileSync(name, 'Name From File');
    const result = await tango([
      'api',
      'PATCH',
      `/customers/${owner}/accounts/${account}`,
      '-F',
      `displayName=@${name}`,
    ]);
    expect(json<Account>(result).displayName).toBe('Name From File');
  });

  it("-F types numbers: a number where the API wants a string is the API's 400", async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    const result = await tango(['api', 'PATCH', `/customers/${owner}/accounts/${account}`, '-F', 'displayName=12345']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).errors[0]).toMatchObject({ path: 'displayName', invalidValue: 12345 });
  });

  it('--input file sends the file as the body', async () => {
    const id = uniqueId('api');
    const body = join(files, 'customer.json');
    writeFileSync(body, JSON.stringify({ customerIdentifier: id, displayName: 'From A File' }));
    const result = await tango(['api', 'POST', '/customers', '--input', body]);
    expect(json<Customer>(result)).toMatchObject({ customerIdentifier: id, displayName: 'From A File' });
  });

  it('--input - reads the body from stdin', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    const result = await tango(['api', 'PATCH', `/customers/${owner}/accounts/${account}`, '--input', '-'], {
      input: JSON.stringify({ displayName: 'From Standard Input' }),
    });
    expect(json<Account>(result).displayName).toBe('From Standard Input');
  });

  it('--input that is not JSON is exit 2 naming the file, and nothing is sent', async () => {
    const body = join(files, 'broken.json');
    writeFileSync(body, '{"displayName": ');
    const before = h.requestCount();
    const result = await tango(['api', 'POST', '/customers', '--input', body]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--input ${body}: not JSON`);
    expect(h.requestCount()).toBe(before);
  });
});

describe('tango api --paginate', () => {
  it('follows the cursors over more than 3 pages: the same items as accounts list --all', async () => {
    const paged = await tango(['api', `/customers/${customer}/accounts`, '--paginate', '-F', 'maxResults=10']);
    expect(paged.code).toBe(0);
    expect(count('GET /raas/v2/customers/{customerIdentifier}/accounts 200')).toBe(5);
    const listed = await tango(['accounts', 'list', customer, '--all', '-o', 'ndjson']);
    expect(lines(paged.stdout)).toHaveLength(45);
    expect(paged.stdout).toBe(listed.stdout);
  });

  it('walks page numbers from 0 on a page-numbered list (low-balance alerts): every alert once, then stops', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    const path = `/customers/${owner}/accounts/${account}/lowbalance`;
    for (let i = 0; i < 7; i += 1) {
      const alert = {
        balanceAlertDisplayName: `Low balance ${i}`,
        balanceAlertThreshold: 100 + i,
        balanceAlertNotification: [{ emailAddress: 'ops@example.com' }],
      };
      expect((await h.client().post(path, alert)).status).toBe(200); // the spec documents 200 for this create
    }
    h.emulator().resetStats();
    const result = await tango([
      'api',
      path,
      '--paginate',
      '-F',
      'elementsPerBlock=2',
      '--query',
      'balanceAlertThreshold',
    ]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([100, 101, 102, 103, 104, 105, 106]);
    expect(h.requestCount()).toBe(4); // pages 0 to 3, and none after the 7th alert
  });

  it('asks for pages of 200 unless told otherwise, and --slurp gathers one array', async () => {
    const all = (await h.client().get<Account[]>('/accounts')).body;
    h.emulator().resetStats();
    const result = await tango(['api', '/accounts', '--paginate', '--slurp', '--query', 'length(@)']);
    expect(json(result)).toBe(all.length);
    expect(count('GET /raas/v2/accounts 200')).toBe(Math.ceil(all.length / 200));
  });

  it('--query applies to each item as it streams', async () => {
    const result = await tango([
      'api',
      `/customers/${customer}/accounts`,
      '--paginate',
      '-F',
      'maxResults=20',
      '--query',
      'accountIdentifier',
      '-o',
      'text',
    ]);
    expect(result.stdout).toBe(accounts.map((a) => `${a.accountIdentifier}\n`).join(''));
  });
});

describe('tango api errors', () => {
  it('an HTTP error prints its body on stdout and exits with the usual code', async () => {
    const result = await tango(['api', '/accounts/no-such-account']);
    expect(result.code).toBe(3);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ httpCode: 404, path: expect.stringContaining('/accounts/no-such-account') });
    expect(result.stderr).toContain(body.message);
    expect(result.stderr).toContain(body.requestId);
  });

  it('a 400 prints the field errors on stdout, exit 2', async () => {
    const result = await tango(['api', 'POST', '/customers', '-f', 'customerIdentifier=no', '-f', 'displayName=x']);
    expect(result.code).toBe(2);
    const paths = JSON.parse(result.stdout).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['customerIdentifier', 'displayName']));
  });

  it.each([
    [['api', 'FETCH', '/customers'], '"FETCH" is not an HTTP method'],
    [['api', 'GET', '/customers', '--input', '-'], 'a GET has none'],
    [['api', 'https://example.com/raas/v2/customers'], 'not a URL'],
    [['api', 'POST', '/customers', '--paginate'], '--paginate follows the pages of a GET'],
    [['api', '/customers', '-f', 'a[b=c'], 'a field is key=value'],
    [['api', 'POST', '/customers', '-f', 'a=1', '-f', 'a=2'], '"a" is set twice'],
    [['api', '/customers', '--query', 'items[?'], '--query: invalid JMESPath at position'],
    [['api', '/customers', '-H', 'Authorization: Basic c2VjcmV0OnNlY3JldA=='], 'cannot be replaced'],
    [['api', 'POST', '/customers', '--input', '-', '-F', 'note=@-'], 'stdin can be read once'],
  ])('tango %j is exit 2 before any request', async (args, message) => {
    const before = h.requestCount();
    const result = await tango(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(h.requestCount()).toBe(before);
  });
});

describe('tango api: credentials and headers', () => {
  it('-v and -i show the exchange but never the Authorization header or the key', async () => {
    const result = await tango(['api', '-v', '-i', '/customers', '-H', 'X-Trace-Note: checked']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('HTTP 200 OK');
    expect(result.stderr).toMatch(/x-request-id: \S+/);
    expect(result.stderr).toMatch(/http: GET \S+\/customers -> 200/);
    const { platformName, platformKey } = h.emulator().credentials;
    const basic = Buffer.from(`${platformName}:${platformKey}`).toString('base64');
    expect(result.stderr).not.toMatch(/authorization/i);
    expect(result.stderr).not.toContain(platformKey);
    expect(result.stderr).not.toContain(basic);
    expect(result.stdout).not.toContain(platformKey);
  });

  it('-i on an error shows its status line too', async () => {
    const result = await tango(['api', '-i', '/customers/no-such-customer']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('HTTP 404 Not Found');
  });
});

describe('tango api: retries', () => {
  it('a POST is sent once under 503s without --retry-post: exit 6', async () => {
    h.emulator().setFaults({ failRate: 1 });
    const id = uniqueId('api');
    const result = await postCustomer(id, 'Not Retried');
    expect(result.code).toBe(6);
    expect(count('POST /raas/v2/customers 503')).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ httpCode: 503 });
  });

  it('with --retry-post the POST rides out two 503s and succeeds', async () => {
    h.emulator().setFaults({ failRate: 0.5 });
    draws.push(0.1, 0.2);
    const id = uniqueId('api');
    const result = await postCustomer(id, 'Retried Twice', '--retry-post');
    expect(json<Customer>(result).customerIdentifier).toBe(id);
    expect(count('POST /raas/v2/customers 503')).toBe(2);
    expect(count('POST /raas/v2/customers 201')).toBe(1);
  });

  it('a PATCH is retried without asking', async () => {
    const owner = await newCustomer();
    const account = await newAccount(owner);
    h.emulator().setFaults({ failRate: 0.5 });
    draws.push(0.1);
    const result = await tango([
      'api',
      'PATCH',
      `/customers/${owner}/accounts/${account}`,
      '-f',
      'displayName=Patched Again',
    ]);
    expect(json<Account>(result).displayName).toBe('Patched Again');
    expect(count('PATCH /raas/v2/customers/{customerIdentifier}/accounts/{accountIdentifier} 503')).toBe(1);
  });
});
