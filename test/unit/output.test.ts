/**
 * What the customers and accounts commands print, in each format: the columns the issues ask for,
 * JSON unchanged from the API, one object per ndjson line, RFC 4180 CSV, and --fields.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/config/settings.js';
import type { DeletedAlert } from '../../src/domain/alerts.js';
import type { Account, Customer, Page } from '../../src/domain/types.js';
import { accountSummaryView, accountView, customerView, deletedAlertView } from '../../src/output/columns.js';
import { Output } from '../../src/output/render.js';

function output(format: OutputFormat, options: { fields?: string[]; isTTY?: boolean } = {}) {
  const chunks: string[] = [];
  const out = new Output({
    format,
    fields: options.fields,
    color: false,
    isTTY: options.isTTY ?? false,
    write: (text) => {
      chunks.push(text);
    },
  });
  return { out, text: () => chunks.join(''), chunks };
}

const account = (n: number, extra: Partial<Account> = {}): Account => ({
  accountIdentifier: `acme-${String(n).padStart(3, '0')}`,
  accountNumber: `A${1000 + n}`,
  displayName: `Acme ${n}`,
  status: 'ACTIVE',
  currencyCode: 'USD',
  currentBalance: n * 10.5,
  createdAt: `2025-01-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
  contactEmail: 'ops@acme.example',
  fundingNotification: [{ emailAddress: 'a@acme.example' }],
  ...extra,
});

const customer: Customer = {
  customerIdentifier: 'acme-co',
  displayName: 'Acme, "the" Company',
  status: 'ACTIVE',
  createdAt: '2025-01-01T00:00:00.000Z',
  accounts: [account(1), account(2)],
};

describe('customers', () => {
  it('plain table (stdout not a terminal): identifier, name, status, created and the number of accounts', async () => {
    const { out, text } = output('table');
    await out.list([customer], customerView);
    expect(text()).toBe(
      'customerIdentifier\tdisplayName\tstatus\tcreatedAt\taccounts\n' +
        'acme-co\tAcme, "the" Company\tACTIVE\t2025-01-01T00:00:00.000Z\t2\n',
    );
  });

  it('terminal table: headers and cells drawn with borders', async () => {
    const { out, text } = output('table', { isTTY: true });
    await out.list([customer], customerView);
    const lines = text().split('\n');
    expect(lines[0]).toMatch(/^┌─+┬/);
    expect(lines[1]).toMatch(/IDENTIFIER.*DISPLAY NAME.*STATUS.*CREATED.*ACCOUNTS/);
    // Dates to the minute, in UTC (the header says so); the count right-aligned.
    expect(lines[1]).toContain('CREATED (UTC)');
    expect(text()).toMatch(/acme-co\s+│ Acme, "the" Company\s+│ ACTIVE\s+│ 2025-01-01 00:00\s+│\s+2 │/);
  });

  it('json prints the API array unchanged', async () => {
    const { out, text } = output('json');
    await out.list([customer], customerView);
    expect(JSON.parse(text())).toEqual([customer]);
  });

  it('csv quotes commas and quotes (RFC 4180) and ends lines with CRLF', async () => {
    const { out, text } = output('csv');
    await out.list([customer], customerView);
    expect(text()).toContain('"Acme, ""the"" Company"');
    expect(text().endsWith('\r\n')).toBe(true);
    expect(parse(text())).toEqual([
      ['customerIdentifier', 'displayName', 'status', 'createdAt', 'accounts'],
      ['acme-co', 'Acme, "the" Company', 'ACTIVE', '2025-01-01T00:00:00.000Z', '2'],
    ]);
  });

  it('one customer as a table lists every field, as json the object unchanged', async () => {
    const table = output('table');
    await table.out.item(customer, customerView);
    expect(table.text()).toContain('customerIdentifier\tacme-co\n');
    expect(table.text()).toContain('accounts\t2\n');
    const json = output('json');
    await json.out.item(customer, customerView);
    expect(JSON.parse(json.text())).toEqual(customer);
  });

  it('at a terminal, one resource shows only the fields the server answered (a documented 201), unless --fields asks', async () => {
    const created = { customerIdentifier: 'acme-co', displayName: 'Acme Co' } as unknown as Customer;
    const terminal = output('table', { isTTY: true });
    await terminal.out.item(created, customerView);
    expect(terminal.text()).toContain('acme-co');
    expect(terminal.text()).not.toMatch(/STATUS|status/);
    const asked = output('table', { isTTY: true, fields: ['customerIdentifier', 'status'] });
    await asked.out.item(created, customerView);
    expect(asked.text()).toMatch(/STATUS|status/);
    const piped = output('table');
    await piped.out.item(created, customerView);
    expect(piped.text()).toContain('status\t\n');
  });

  it("a customer's accounts table has the summary columns", async () => {
    const { out, text } = output('table');
    await out.list(customer.accounts, accountSummaryView);
    expect(text().split('\n')[0]).toBe(
      'accountIdentifier\taccountNumber\tdisplayName\tstatus\tcurrencyCode\tcreatedAt',
    );
  });
});

describe('accounts', () => {
  it('the default columns are the seven the issue names, in order', async () => {
    const { out, text } = output('table');
    await out.list([account(1)], accountView);
    expect(text()).toBe(
      'accountIdentifier\taccountNumber\tdisplayName\tstatus\tcurrencyCode\tcurrentBalance\tcreatedAt\n' +
        'acme-001\tA1001\tAcme 1\tACTIVE\tUSD\t10.5\t2025-01-02T00:00:00.000Z\n',
    );
  });

  it('json keeps the page wrapper unchanged, cursors included', async () => {
    const page: Page<Account> = {
      numberOfElements: 1,
      maxResults: 1,
      nextCursor: 'n1',
      prevCursor: 'p1',
      items: [account(1)],
      nextPageAvailable: true,
      prevPageAvailable: false,
    };
    const { out, text } = output('json');
    await out.list(page.items, accountView, page);
    expect(JSON.parse(text())).toEqual(page);
  });

  it('ndjson: one complete object per line', async () => {
    const { out, text } = output('ndjson');
    await out.list([account(1), account(2)], accountView);
    const lines = text().trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([account(1), account(2)]);
  });

  it('--fields picks columns in a table and keys in json, for each item of a page too', async () => {
    const table = output('table', { fields: ['accountIdentifier', 'currentBalance'] });
    await table.out.list([account(1)], accountView);
    expect(table.text()).toBe('accountIdentifier\tcurrentBalance\nacme-001\t10.5\n');
    const json = output('json', { fields: ['accountIdentifier'] });
    await json.out.list([account(1)], accountView, { items: [account(1)], nextCursor: 'x' });
    expect(JSON.parse(json.text())).toEqual({ items: [{ accountIdentifier: 'acme-001' }], nextCursor: 'x' });
  });

  it('--fields with an unknown field is a usage error listing the known ones', async () => {
    const { out } = output('table', { fields: ['balance'] });
    await expect(out.list([account(1)], accountView)).rejects.toMatchObject({
      exitCode: 2,
      message: '--fields: "balance" is not a field of accounts',
    });
  });

  it('--fields with an unknown field is refused in json too, not silently emptied', async () => {
    const { out, text } = output('json', { fields: ['accountIdentifer'] });
    await expect(out.list([account(1)], accountView)).rejects.toMatchObject({ exitCode: 2 });
    expect(text()).toBe('');
  });

  it('funding emails show as one cell in a table or csv', async () => {
    const { out, text } = output('csv', { fields: ['accountIdentifier', 'fundingNotification'] });
    await out.list(
      [account(1, { fundingNotification: [{ emailAddress: 'a@x.example' }, { emailAddress: 'b@x.example' }] })],
      accountView,
    );
    expect(parse(text())).toEqual([
      ['accountIdentifier', 'fundingNotification'],
      ['acme-001', 'a@x.example;b@x.example'],
    ]);
  });

  it('an empty list: an empty json array, a header-only csv and plain table', async () => {
    const json = output('json');
    await json.out.list([], accountView);
    expect(JSON.parse(json.text())).toEqual([]);
    const csv = output('csv');
    await csv.out.list([], accountView);
    expect(parse(csv.text())).toHaveLength(1);
    const ndjson = output('ndjson');
    await ndjson.out.list([], accountView);
    expect(ndjson.text()).toBe('');
  });
});

describe('streaming page by page (--all)', () => {
  const pages = [[account(1), account(2)], [account(3)], [account(4), account(5)]];

  it('json: pages written as they come still make one valid array', async () => {
    const { out, text, chunks } = output('json');
    const stream = out.stream(accountView);
    for (const page of pages) await stream.write(page);
    expect(chunks.length).toBe(3);
    expect(await stream.end()).toBe(5);
    expect(JSON.parse(text())).toEqual(pages.flat());
  });

  it('ndjson: each page is written before the next is asked for', async () => {
    const { out, chunks } = output('ndjson');
    const stream = out.stream(accountView);
    await stream.write(pages[0]!);
    expect(chunks.join('').trimEnd().split('\n')).toHaveLength(2);
    await stream.write(pages[1]!);
    await stream.end();
    expect(chunks.join('').trimEnd().split('\n')).toHaveLength(3);
  });

  it('csv and plain table: the header once, then rows', async () => {
    for (const format of ['csv', 'table'] as const) {
      const { out, text } = output(format);
      const stream = out.stream(accountView);
      for (const page of pages) await stream.write(page);
      await stream.end();
      const rows = format === 'csv' ? parse(text()) : text().trimEnd().split('\n');
      expect(rows).toHaveLength(6);
    }
  });
});

describe('server text with terminal controls', () => {
  const hostile = {
    customerIdentifier: 'acme-corp',
    displayName: 'Evil\u001b]0;pwned\u0007\u001b[2J\rName\u009b31m',
    status: 'ACTIVE',
    createdAt: '2025-01-01T00:00:00Z',
  } as unknown as Customer;

  it('a table at a terminal shows every control character escaped, cell by cell', async () => {
    const { out, text } = output('table', { isTTY: true });
    await out.list([hostile], customerView);
    expect(text()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text()).toContain('Evil\\u001b]0;pwned');
  });

  it('a pipe keeps the data but never a raw ESC; JSON stays exact', async () => {
    const plain = output('table');
    await plain.out.list([hostile], customerView);
    expect(plain.text()).not.toMatch(/\u001b/);
    const json = output('json');
    await json.out.list([hostile], customerView);
    expect(JSON.parse(json.text())[0].displayName).toBe(hostile.displayName);
  });
});

// columns.ts (the static pass's survivors: headers, the deleted alert's view and the create hint
// emptied): what a person sees at a terminal, and what a script reads from a pipe.
describe('views at a terminal and piped', () => {
  function terminal(fields?: string[]) {
    const notices: string[] = [];
    let text = '';
    const out = new Output({
      format: 'table',
      fields,
      color: false,
      isTTY: true,
      width: 200,
      notice: (line) => void notices.push(line),
      write: (chunk) => {
        text += chunk;
      },
    });
    const headings = () =>
      text
        .split('\n')[1]!
        .split('│')
        .map((cell) => cell.trim())
        .filter(Boolean);
    return { out, headings, notices };
  }

  it('an account list: every default column under its heading', async () => {
    const { out, headings } = terminal();
    await out.list([account(1)], accountView);
    expect(headings()).toEqual(expect.arrayContaining(['IDENTIFIER', 'NUMBER', 'DISPLAY NAME', 'STATUS', 'BALANCE']));
  });

  it('an empty account list says how to create one', async () => {
    const { out, notices } = terminal();
    await out.list([], accountView);
    expect(notices).toEqual(['No accounts match. Create one with `tango accounts create <customer>`.']);
  });

  it('a deleted alert: its id and status, headed at a terminal, by field name piped', async () => {
    const deleted = { balanceAlertID: 'alert-7', status: 'DELETED' } as DeletedAlert;
    const { out, headings } = terminal();
    await out.list([deleted], deletedAlertView);
    expect(headings()).toEqual(['ID', 'STATUS']);
    const piped = output('table');
    await piped.out.list([deleted], deletedAlertView);
    expect(piped.text()).toBe('balanceAlertID\tstatus\nalert-7\tDELETED\n');
  });
});
