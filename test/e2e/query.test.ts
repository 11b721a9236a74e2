/**
 * --query and -o text end to end: the built bin against the emulator, one seeded customer of 45
 * accounts (five pages at --max-results 10), some frozen by the seed and three more through the
 * emulator's control route.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../src/domain/types.js';
import { json, useTangoWithEmulator } from '../support/tango-emulator.js';

const h = useTangoWithEmulator({ seed: 1, seedAccounts: 45 });
const { tango } = h;

let customer: string;
let accounts: Account[];
let frozen: string[];

beforeAll(async () => {
  customer = (await h.client().get<Customer[]>('/customers')).body[0]!.customerIdentifier;
  const listed = (await h.client().get<Account[]>(`/customers/${customer}/accounts`)).body;
  for (const id of [listed[3]!, listed[17]!, listed[40]!].map((a) => a.accountIdentifier)) {
    const changed = await h.client().request('PATCH', `//_emulator/accounts/${id}`, { body: { status: 'FROZEN' } });
    expect(changed.status).toBe(200);
  }
  accounts = (await h.client().get<Account[]>(`/customers/${customer}/accounts`)).body;
  frozen = accounts.filter((a) => a.status === 'FROZEN').map((a) => a.accountIdentifier);
  expect(frozen.length).toBeGreaterThanOrEqual(3);
  expect(frozen.length).toBeLessThan(accounts.length);
});

/** `tango accounts list <customer> ...flags` */
const listed = (...flags: string[]) => tango(['accounts', 'list', customer, ...flags]);

describe('--query', () => {
  it('filters and projects a list, printed as JSON with --json', async () => {
    const result = await listed('--query', "[?status=='FROZEN'].accountIdentifier", '--json');
    expect(json(result)).toEqual(frozen);
  });

  it('picks one field of a single resource; -o text prints it bare', async () => {
    const account = accounts[5]!;
    const result = await tango([
      'accounts',
      'get',
      account.accountIdentifier,
      '--query',
      'currentBalance',
      '-o',
      'text',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: `${account.currentBalance}\n` });
  });

  it('applies to the whole list that --all streams, across every page', async () => {
    const result = await listed(
      '--all',
      '--max-results',
      '10',
      '--query',
      '{count: length(@), last: [-1].accountIdentifier}',
      '-o',
      'json',
    );
    expect(json(result)).toEqual({ count: 45, last: accounts[44]!.accountIdentifier });
  });

  it('queries the page wrapper the API answers with --paginate', async () => {
    const result = await listed('--max-results', '7', '--query', 'numberOfElements', '--json');
    expect(json(result)).toBe(7);
  });

  it('prints a list of objects as a table whose columns are the keys it asked for', async () => {
    const result = await listed('--query', "[?status=='FROZEN'].{id: accountIdentifier, state: status}");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(['id\tstate', ...frozen.map((id) => `${id}\tFROZEN`)].join('\n') + '\n');
  });

  it('an invalid expression is exit 2 with the position, and nothing is sent', async () => {
    const before = h.requestCount();
    const result = await listed('--query', "[?status=='FROZEN'] accountIdentifier");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--query: invalid JMESPath at position 21');
    expect(result.stderr).toContain(`\n  [?status=='FROZEN'] accountIdentifier\n  ${' '.repeat(20)}^\n`);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown function is refused before any request too', async () => {
    const before = h.requestCount();
    const result = await listed('--all', '--query', 'lenght(@)');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown function lenght()');
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown function inside a multi-select hash is refused before any request as well', async () => {
    const before = h.requestCount();
    const result = await listed('--all', '--query', '[].{id: accountIdentifier, n: nope(@)}');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--query: invalid JMESPath at position 31: unknown function nope()');
    expect(h.requestCount()).toBe(before);
  });

  it('an expression that does not fit the data is exit 2 naming it', async () => {
    const result = await tango(['accounts', 'get', accounts[0]!.accountIdentifier, '--query', 'abs(displayName)']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--query "abs(displayName)"');
  });

  it('an API error keeps its exit code and message; the query is not applied to it', async () => {
    const result = await tango(['accounts', 'get', 'no-such-account', '--query', 'currentBalance']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('account no-such-account not found');
  });
});

describe('-o text', () => {
  it('a scalar on its own line', async () => {
    const result = await listed('--query', 'length(@)', '-o', 'text');
    expect(result.stdout).toBe('45\n');
  });

  it('an array of scalars one per line', async () => {
    const result = await listed('--query', "[?status=='FROZEN'].accountIdentifier", '-o', 'text');
    expect(result.stdout).toBe(frozen.map((id) => `${id}\n`).join(''));
  });

  it('an array of arrays one row a line, tab-separated', async () => {
    const result = await listed(
      '--query',
      "[?status=='FROZEN'].[accountIdentifier, currencyCode, currentBalance]",
      '-o',
      'text',
    );
    const expected = accounts
      .filter((a) => a.status === 'FROZEN')
      .map((a) => `${a.accountIdentifier}\t${a.currencyCode}\t${a.currentBalance}\n`);
    expect(result.stdout).toBe(expected.join(''));
  });

  it('without --query, a list is its table without the header, streamed by --all', async () => {
    const table = await tango(['accounts', 'list', customer]);
    const text = await listed('--all', '--max-results', '20', '-o', 'text');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(table.stdout.split('\n').slice(1).join('\n'));
  });
});
