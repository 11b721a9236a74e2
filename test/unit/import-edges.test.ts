/**
 * What an import does at the edges that only the end-to-end tests covered before, each found as a
 * surviving mutant by `npm run mutation` (the comment above each test names the mutants it kills):
 * which columns a file may use, which cells are trimmed, the duplicate-row message, the --dry-run
 * table, and how existing accounts are read (one GET each, or the list, whichever is fewer requests).
 */
import { describe, expect, it } from 'vitest';
import type { TangoApi } from '../../src/api/tango.js';
import type { Account, Customer } from '../../src/domain/types.js';
import { fieldValue } from '../../src/import/cells.js';
import { meaningOf } from '../../src/import/columns.js';
import { readAccountsOf } from '../../src/import/existing.js';
import { parseCsv } from '../../src/import/parse-csv.js';
import { parseJson } from '../../src/import/parse-json.js';
import { planView } from '../../src/import/plan.js';
import { runPool } from '../../src/import/pool.js';
import { formatProblem, validateRows } from '../../src/import/validate.js';
import { Output } from '../../src/output/render.js';

// columns.ts: each alias emptied ("currency", "fundingEmails", "fundingEmail").
describe('the columns a file may use', () => {
  it.each([
    ['currency', 'currencyCode'],
    ['Currency Code', 'currencyCode'],
    ['fundingEmails', 'fundingNotification'],
    ['Funding Email', 'fundingNotification'],
    ['funding_notification', 'fundingNotification'],
    ['identifier', 'accountIdentifier'],
  ])('"%s" sets %s', (column, field) => {
    expect(meaningOf(column)).toEqual({ field });
  });
});

// cells.ts: TRIMMED emptied; `raw === null || raw === undefined` made false.
describe('a cell as the API gets it', () => {
  it.each([
    ['accountIdentifier', ' acme-one ', 'acme-one'],
    ['contactEmail', ' ops@acme.example\t', 'ops@acme.example'],
    ['currencyCode', ' eur ', 'EUR'],
    ['displayName', ' Acme One ', ' Acme One '],
  ] as const)(
    '%s %j is sent as %j: identifiers, emails and currencies trimmed, names as written',
    (field, raw, sent) => {
      expect(fieldValue(field, raw)).toBe(sent);
    },
  );

  it.each([null, undefined])('a %s funding list is left out, not sent as an empty or broken list', (raw) => {
    expect(fieldValue('fundingNotification', raw)).toBeUndefined();
  });
});

// validate.ts: the duplicate's field and message emptied.
describe('a repeated identifier', () => {
  it('in JSON names the field by the API name and the first row, without a line', () => {
    const parsed = parseJson(
      JSON.stringify([
        { accountIdentifier: 'acme-one', displayName: 'Acme One', contactEmail: 'one@acme.example' },
        { accountIdentifier: 'acme-one', displayName: 'Acme Again', contactEmail: 'two@acme.example' },
      ]),
    );
    const { problems } = validateRows(parsed.rows);
    expect(problems.map(formatProblem)).toEqual([
      'row 2, accountIdentifier repeats the identifier of row 1 (got "acme-one"); each account may appear once in a file',
    ]);
  });

  it('in CSV names the column as the file does, and the first row with its line', () => {
    const parsed = parseCsv(
      'identifier,displayName,contactEmail\nacme-one,Acme One,a@acme.example\nacme-one,Acme Two,b@acme.example\n',
    );
    expect(validateRows(parsed.rows).problems.map(formatProblem)).toEqual([
      'row 2 (line 3), identifier repeats the identifier of row 1 (line 2) (got "acme-one"); each account may appear once in a file',
    ]);
  });

  it('a problem of the file itself is about "the file" or its line', () => {
    expect(formatProblem({ message: 'is empty' })).toBe('the file is empty');
    expect(formatProblem({ line: 7, message: 'is not valid CSV' })).toBe('line 7 is not valid CSV');
  });
});

// plan.ts: every column, header and default of the --dry-run table.
describe('the --dry-run plan', () => {
  const planned = [
    {
      row: 1,
      line: 2,
      accountIdentifier: 'acme-one',
      displayName: 'Acme One',
      contactEmail: 'one@acme.example',
      fundingNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
    },
    {
      row: 2,
      line: 3,
      accountIdentifier: 'acme-two',
      displayName: 'Acme Two',
      contactEmail: 'two@acme.example',
      currencyCode: 'EUR',
    },
  ];

  async function printed(fields?: string[], format: 'csv' | 'table' = 'csv'): Promise<string> {
    let text = '';
    const out = new Output({
      format,
      fields,
      color: false,
      isTTY: false,
      write: (chunk) => {
        text += chunk;
      },
    });
    await out.list(planned, planView);
    return text;
  }

  it('shows each row, its line, identifier, name, email, currency (the default said so) and funding emails', async () => {
    expect(await printed()).toBe(
      [
        'row,line,accountIdentifier,displayName,contactEmail,currencyCode,fundingNotification',
        '1,2,acme-one,Acme One,one@acme.example,USD (default),a@acme.example;b@acme.example',
        '2,3,acme-two,Acme Two,two@acme.example,EUR,',
        '',
      ].join('\r\n'),
    );
  });

  it('as a table shows the default columns, without the line', async () => {
    const [header, first] = (await printed(undefined, 'table')).split('\n');
    expect(header!.split('\t')).toEqual([
      'row',
      'accountIdentifier',
      'displayName',
      'contactEmail',
      'currencyCode',
      'fundingNotification',
    ]);
    expect(first!.split('\t')[4]).toBe('USD (default)');
  });

  it('has the line of each row for --fields, and headers for a table', async () => {
    expect(await printed(['row', 'line'])).toBe('row,line\r\n1,2\r\n2,3\r\n');
    expect(planView.columns.map((column) => column.header)).toEqual([
      'ROW',
      'LINE',
      'IDENTIFIER',
      'DISPLAY NAME',
      'CONTACT EMAIL',
      'CURRENCY',
      'FUNDING EMAILS',
    ]);
    expect(planView.name).toBe('planned row');
  });
});

// existing.ts: the choice between one GET per account and the paginated list.
describe('reading the accounts a file names that already exist', () => {
  const holding = (count: number): Customer =>
    ({
      customerIdentifier: 'acme',
      accounts: Array.from({ length: count }, (_, i) => ({ accountIdentifier: `acct-${i}` })),
    }) as unknown as Customer;

  function countingApi(customer: Customer) {
    const calls = { gets: 0, pages: 0 };
    const all = customer.accounts.map((a) => ({ ...a, displayName: a.accountIdentifier }) as unknown as Account);
    const api = {
      async getAccount(identifier: string) {
        calls.gets++;
        return all.find((a) => a.accountIdentifier === identifier)!;
      },
      async *accountPages(_customer: string, _filters: unknown, { maxResults }: { maxResults: number }) {
        for (let start = 0; start < all.length; start += maxResults) {
          calls.pages++;
          yield { items: all.slice(start, start + maxResults) };
        }
      },
    } as unknown as TangoApi;
    return { api, calls };
  }

  const options = { concurrency: 4, signal: new AbortController().signal };

  it.each([
    // 450 accounts are 3 pages of 200: up to 3 wanted, one GET each; more, the list.
    [450, 3, { gets: 3, pages: 0 }],
    [450, 4, { gets: 0, pages: 3 }],
    [450, 1, { gets: 1, pages: 0 }],
    [150, 2, { gets: 0, pages: 1 }],
  ])('of %i accounts, %i wanted: %j', async (held, wanted, expected) => {
    const customer = holding(held);
    const { api, calls } = countingApi(customer);
    const ids = Array.from({ length: wanted }, (_, i) => `acct-${held - 1 - i}`);

    const found = await readAccountsOf(api, customer, [...ids, 'not-there'], options);

    expect(calls).toEqual(expected);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
  });

  it('stops listing once every wanted account is found', async () => {
    const customer = holding(450);
    const { api, calls } = countingApi(customer);
    const ids = ['acct-0', 'acct-1', 'acct-2', 'acct-3'];

    expect([...(await readAccountsOf(api, customer, ids, options)).keys()].sort()).toEqual(ids);
    expect(calls).toEqual({ gets: 0, pages: 1 });
  });

  it('names none of them: nothing is asked', async () => {
    const customer = holding(450);
    const { api, calls } = countingApi(customer);
    expect((await readAccountsOf(api, customer, ['not-there'], options)).size).toBe(0);
    expect(calls).toEqual({ gets: 0, pages: 0 });
  });
});

// parse-json.ts: a lone object's branch made true or `=== null`, its list emptied; a key repeating a field.
describe('JSON files of other shapes', () => {
  const account = { identifier: 'acme-one', displayName: 'Acme One', contactEmail: 'one@acme.example' };

  it('one object is one row', () => {
    const parsed = parseJson(JSON.stringify(account));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => row.values.accountIdentifier)).toEqual(['acme-one']);
  });

  it.each(['null', '"acme-one"', '42'])('%s is not a list of accounts', (text) => {
    const parsed = parseJson(text);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'the file must be a JSON array of account objects; such as [{"identifier": ...}]',
    ]);
  });

  it('two keys for one field: the second is a problem naming the first', () => {
    const parsed = parseJson(JSON.stringify([{ ...account, accountIdentifier: 'acme-two' }]));
    expect(parsed.problems.map(formatProblem)).toEqual([
      'row 1, accountIdentifier sets the same field as "identifier"',
    ]);
    expect(parsed.rows[0]?.values.accountIdentifier).toBe('acme-one');
  });
});

// pool.ts: the default stop rule made true; the failure never recorded.
describe('the pool that sends rows', () => {
  it('by default starts every item, never more at once than asked', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      done.push(item);
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('a failing item stops the rest from starting; its error comes after those in flight finish', async () => {
    const started: number[] = [];
    let inFlightFinished = false;
    const run = runPool([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('row 1 failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlightFinished = true;
    });
    await expect(run).rejects.toThrow('row 1 failed');
    expect(started).toEqual([1, 2]);
    expect(inFlightFinished).toBe(true);
  });
});
