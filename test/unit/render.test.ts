import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/config/settings.js';
import type { Account } from '../../src/domain/types.js';
import { accountView } from '../../src/output/columns.js';
import { Output } from '../../src/output/render.js';

const accounts: Account[] = [
  {
    accountIdentifier: 'sales-team',
    accountNumber: 'A123',
    displayName: 'Sales, "West"',
    status: 'ACTIVE',
    currencyCode: 'USD',
    currentBalance: 12.5,
    createdAt: '2025-01-31T10:00:00.000Z',
    contactEmail: 'ops@acme.example',
    fundingNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
  },
  {
    accountIdentifier: 'support',
    accountNumber: 'A124',
    displayName: 'Support\tDesk',
    status: 'FROZEN',
    currencyCode: 'EUR',
    currentBalance: 0,
    createdAt: '2025-02-01T10:00:00.000Z',
  },
];

function output(format: OutputFormat, options: { fields?: string[]; isTTY?: boolean } = {}) {
  let text = '';
  const out = new Output({
    format,
    fields: options.fields,
    color: false,
    isTTY: options.isTTY ?? false,
    write: (chunk) => {
      text += chunk;
    },
  });
  return { out, text: () => text };
}

describe('output formats', () => {
  it('json prints the API value unchanged', async () => {
    const { out, text } = output('json');
    await out.list(accounts, accountView);
    expect(JSON.parse(text())).toEqual(accounts);
  });

  it('a json stream written page by page is one valid array, also when empty', async () => {
    const { out, text } = output('json');
    const stream = out.stream(accountView);
    await stream.write([accounts[0]!]);
    await stream.write([]);
    await stream.write([accounts[1]!]);
    expect(await stream.end()).toBe(2);
    expect(JSON.parse(text())).toEqual(accounts);

    const empty = output('json');
    await empty.out.stream(accountView).end();
    expect(JSON.parse(empty.text())).toEqual([]);
  });

  it('ndjson is one object per line', async () => {
    const { out, text } = output('ndjson');
    await out.list(accounts, accountView);
    expect(
      text()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(accounts);
  });

  it('csv follows RFC 4180 and carries every field: a header of API names, quotes doubled, CRLF', async () => {
    const { out, text } = output('csv');
    await out.list(accounts, accountView);
    const lines = text().split('\r\n');
    expect(lines[0]).toBe(
      'accountIdentifier,accountNumber,displayName,status,currencyCode,currentBalance,createdAt,contactEmail,fundingNotification',
    );
    expect(lines[1]).toBe(
      'sales-team,A123,"Sales, ""West""",ACTIVE,USD,12.5,2025-01-31T10:00:00.000Z,ops@acme.example,a@acme.example;b@acme.example',
    );
    expect(lines[2]).toBe('support,A124,Support\tDesk,FROZEN,EUR,0,2025-02-01T10:00:00.000Z,,');
  });

  it('a table on a pipe is plain: tab-separated, a header, no borders or colour, nothing cut', async () => {
    const { out, text } = output('table');
    await out.list(accounts, accountView);
    const lines = text().trimEnd().split('\n');
    expect(lines[0]!.split('\t')).toEqual(accountView.defaults);
    expect(lines[2]!.split('\t')[2]).toBe('Support Desk');
    expect(text()).not.toMatch(/[│┌─]|\u001b\[/);
  });

  it('a table on a terminal has borders and headers', async () => {
    const { out, text } = output('table', { isTTY: true });
    await out.list(accounts, accountView);
    expect(text()).toContain('IDENTIFIER');
    expect(text()).toMatch(/[│┌─]/);
    // Compact: top border, header, two rows, bottom border; no rule between data rows.
    expect(text().trimEnd().split('\n')).toHaveLength(5);
  });

  it('--fields picks columns in every format and refuses unknown ones', async () => {
    const csv = output('csv', { fields: ['accountIdentifier', 'fundingNotification'] });
    await csv.out.list(accounts, accountView);
    expect(csv.text().split('\r\n').slice(0, 2)).toEqual([
      'accountIdentifier,fundingNotification',
      'sales-team,a@acme.example;b@acme.example',
    ]);

    const json = output('json', { fields: ['accountIdentifier', 'status'] });
    await json.out.list(accounts, accountView);
    expect(JSON.parse(json.text())[1]).toEqual({ accountIdentifier: 'support', status: 'FROZEN' });

    const bad = output('table', { fields: ['balance'] });
    await expect(bad.out.list(accounts, accountView)).rejects.toThrow(/"balance" is not a field of accounts/);
  });
});

// Mutation gaps (issue 20): an empty list and null cells on a pipe.
describe('empty lists and null cells on a pipe', () => {
  const nulls = {
    accountIdentifier: 'nulls',
    accountNumber: null,
    displayName: null,
    status: 'ACTIVE',
    currencyCode: 'USD',
    currentBalance: null,
    createdAt: null,
    contactEmail: null,
    fundingNotification: null,
  } as unknown as Account;

  it('an empty piped table is its header line alone, so `tail -n +2` scripts still work (kills skipping the header)', async () => {
    const listed = output('table');
    await listed.out.list([], accountView);
    expect(listed.text()).toBe(`${accountView.defaults.join('\t')}\n`);

    const streamed = output('table');
    await streamed.out.stream(accountView).end();
    expect(streamed.text()).toBe(`${accountView.defaults.join('\t')}\n`);
  });

  it('null cells print nothing, never "null" (kills dropping the null check)', async () => {
    const table = output('table');
    await table.out.list([nulls], accountView);
    expect(table.text().split('\n')[1]).toBe('nulls\t\t\tACTIVE\tUSD\t\t');

    const csv = output('csv');
    await csv.out.list([nulls], accountView);
    expect(csv.text().split('\r\n')[1]).toBe('nulls,,,ACTIVE,USD,,,,');
  });
});
