/** -o text and --query in the output layer: every JSON shape a query can give, in every format. */
import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/config/settings.js';
import type { Account } from '../../src/domain/types.js';
import { accountView } from '../../src/output/columns.js';
import { Output, valueRows } from '../../src/output/render.js';

const accounts = [
  { accountIdentifier: 'sales-team', status: 'ACTIVE', currentBalance: 12.5, note: 'two\twords' },
  {
    accountIdentifier: 'support',
    status: 'FROZEN',
    currentBalance: 0,
    fundingNotification: [{ emailAddress: 'a@b.co' }],
  },
] as unknown as Account[];

async function printed(format: OutputFormat, query: string | undefined, print: (out: Output) => Promise<unknown>) {
  let text = '';
  const out = new Output({
    format,
    fields: undefined,
    query,
    formatGiven: true,
    color: false,
    isTTY: false,
    write: (chunk) => {
      text += chunk;
    },
  });
  await out.prepare();
  await print(out);
  return text;
}

describe('valueRows: any JSON value as rows of text cells', () => {
  it.each([
    [1234.5, [['1234.5']]],
    ['acme', [['acme']]],
    [true, [['true']]],
    [null, []],
    [
      ['a', 'b'],
      [['a'], ['b']],
    ],
    [
      [
        ['a', 1],
        ['b', 2],
      ],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    [{ id: 'a', n: 1 }, [['a', '1']]],
    [
      [{ id: 'a' }, { id: 'b', n: 2 }],
      [
        ['a', ''],
        ['b', '2'],
      ],
    ],
    [[{ list: [1, 2] }], [['[1,2]']]],
  ])('%j', (value, rows) => {
    expect(valueRows(value)).toEqual(rows);
  });
});

describe('--query in each format', () => {
  const list = (out: Output) => out.list(accounts, accountView);

  it('json prints the result as JSON', async () => {
    expect(await printed('json', '[].accountIdentifier', list)).toBe('[\n  "sales-team",\n  "support"\n]\n');
  });

  it('ndjson prints an array one element a line', async () => {
    expect(await printed('ndjson', '[].{id: accountIdentifier}', list)).toBe('{"id":"sales-team"}\n{"id":"support"}\n');
  });

  it('csv prints a list of objects with its keys as the header', async () => {
    expect(await printed('csv', '[].{id: accountIdentifier, balance: currentBalance}', list)).toBe(
      'id,balance\r\nsales-team,12.5\r\nsupport,0\r\n',
    );
  });

  it('a table on a pipe prints a list of objects with its keys as the header, scalars bare', async () => {
    expect(await printed('table', '[].{id: accountIdentifier, status: status}', list)).toBe(
      'id\tstatus\nsales-team\tACTIVE\nsupport\tFROZEN\n',
    );
    expect(await printed('table', 'length(@)', list)).toBe('2\n');
  });

  it('text flattens tabs inside a value so columns stay columns', async () => {
    expect(await printed('text', '[].[accountIdentifier, note]', list)).toBe('sales-team\ttwo words\nsupport\t\n');
  });

  it('a null result prints nothing in text, null in JSON', async () => {
    expect(await printed('text', 'missing', (out) => out.item(accounts[0]!, accountView))).toBe('');
    expect(await printed('json', 'missing', (out) => out.item(accounts[0]!, accountView))).toBe('null\n');
  });

  it('a stream is queried once, at its end, over every page', async () => {
    const text = await printed('text', 'length(@)', async (out) => {
      const stream = out.stream(accountView);
      await stream.write([accounts[0]!]);
      await stream.write([accounts[1]!]);
      await stream.end();
    });
    expect(text).toBe('2\n');
  });
});

describe('-o text without --query', () => {
  it('a list is the table rows without the header; one resource one row', async () => {
    const rows = await printed('text', undefined, (out) => out.list(accounts, accountView));
    expect(rows.split('\n')[0]).toBe('sales-team\t\t\tACTIVE\t\t12.5\t');
    const one = await printed('text', undefined, (out) => out.item(accounts[1]!, accountView));
    expect(one.split('\t')[0]).toBe('support');
    expect(one.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe("tango api's answers", () => {
  it('JSON as received, on one line on a pipe, the query applied', async () => {
    expect(await printed('json', 'a', (out) => out.response({ a: [1, 2] }))).toBe('[1,2]\n');
  });

  it('--paginate items each queried, one line each', async () => {
    const text = await printed('ndjson', 'id', async (out) => {
      const items = out.responseItems();
      await items.write([{ id: 'x' }, { id: 'y' }]);
      await items.write([{ id: 'z' }]);
      await items.end();
    });
    expect(text).toBe('"x"\n"y"\n"z"\n');
  });
});

describe('server text at a terminal', () => {
  async function atTerminal(print: (out: Output) => Promise<unknown>, format: OutputFormat = 'text') {
    let text = '';
    const out = new Output({
      format,
      fields: undefined,
      color: false,
      isTTY: true,
      write: (chunk) => {
        text += chunk;
      },
    });
    await print(out);
    return text;
  }

  it('-o text shows escape sequences as \\u001b, never raw', async () => {
    const hostile = { ...accounts[0]!, accountIdentifier: 'evil\u001b[2J\u009b31m' };
    expect(await atTerminal((out) => out.item(hostile, accountView))).toMatch(/^evil\\u001b\[2J\\u009b31m\t/);
  });

  it("tango api's JSON at a terminal escapes the C1 controls JSON leaves raw", async () => {
    const text = await atTerminal((out) => out.response({ name: 'a\u009bb\u001bc' }), 'json');
    expect(text).toBe('{\n  "name": "a\\u009bb\\u001bc"\n}\n');
    expect(JSON.parse(text)).toEqual({ name: 'a\u009bb\u001bc' });
  });

  it('on a pipe the data stays as it is', async () => {
    expect(await printed('text', 'accountIdentifier', (out) => out.response({ accountIdentifier: 'a\u009bb' }))).toBe(
      'a\u009bb\n',
    );
  });
});
