import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/parse-csv.js';
import { parseJson } from '../../src/import/parse-json.js';
import { formatFromContent, formatFromName, readSource } from '../../src/import/source.js';

describe('CSV input', () => {
  it('reads the create flags’ names, with each record’s row and first line', () => {
    const parsed = parseCsv(
      'identifier,displayName,contactEmail,currency,fundingEmails\r\n' +
        'acme-one,Acme One,one@acme.com,EUR,a@acme.com;b@acme.com\r\n' +
        '\r\n' +
        'acme-two,"Acme, Two",two@acme.com,,\r\n',
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 1,
        line: 2,
        names: expect.objectContaining({ accountIdentifier: 'identifier', currencyCode: 'currency' }),
        values: {
          accountIdentifier: 'acme-one',
          displayName: 'Acme One',
          contactEmail: 'one@acme.com',
          currencyCode: 'EUR',
          fundingNotification: [{ emailAddress: 'a@acme.com' }, { emailAddress: 'b@acme.com' }],
        },
      },
      expect.objectContaining({
        row: 2,
        line: 4,
        values: {
          accountIdentifier: 'acme-two',
          displayName: 'Acme, Two',
          contactEmail: 'two@acme.com',
          currencyCode: undefined,
          fundingNotification: undefined,
        },
      }),
    ]);
  });

  it('reads what `accounts list -o csv` prints: API names, read-only columns ignored', () => {
    const parsed = parseCsv(
      'accountIdentifier,accountNumber,displayName,status,currencyCode,currentBalance,createdAt,contactEmail,fundingNotification\n' +
        'acme-one,A1234,Acme One,ACTIVE,USD,0,2025-01-01T00:00:00.000Z,one@acme.com,a@acme.com;b@acme.com\n',
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.values).toEqual({
      accountIdentifier: 'acme-one',
      displayName: 'Acme One',
      currencyCode: 'USD',
      contactEmail: 'one@acme.com',
      fundingNotification: [{ emailAddress: 'a@acme.com' }, { emailAddress: 'b@acme.com' }],
    });
  });

  it('matches column names without case, spaces, dashes or underscores; strips a BOM', () => {
    const parsed = parseCsv(
      '\uFEFFIdentifier,Display Name,contact_email,Funding-Emails\nacme-one,Acme One,one@acme.com,\n',
    );

    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.rows[0]?.names ?? {})).toEqual([
      'accountIdentifier',
      'displayName',
      'contactEmail',
      'fundingNotification',
    ]);
  });

  it('trims identifiers, emails and currency, never display names', () => {
    const parsed = parseCsv(
      'identifier,displayName,contactEmail,currency\n  acme-one , Acme One , one@acme.com ,EUR \n',
    );

    expect(parsed.rows[0]?.values).toMatchObject({
      accountIdentifier: 'acme-one',
      displayName: ' Acme One ',
      contactEmail: 'one@acme.com',
      currencyCode: 'EUR',
    });
  });

  it('lists unknown and doubled columns and short rows, and still reads the other rows', () => {
    const parsed = parseCsv(
      'identifier,accountIdentifier,displayName,contactEmail,email\n' +
        'acme-one,acme-one,Acme One,one@acme.com,x\n' +
        'acme-two,acme-two,Acme Two\n',
    );

    expect(parsed.problems).toEqual([
      expect.objectContaining({ field: 'accountIdentifier', message: 'sets the same field as column "identifier"' }),
      expect.objectContaining({ field: 'email', message: 'is not a column an account can be created with' }),
      expect.objectContaining({ row: 2, line: 3, message: 'has 3 cells where the header has 5' }),
    ]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('names the line where a quoted cell spanning lines begins', () => {
    const parsed = parseCsv(
      'identifier,displayName,contactEmail\nacme-one,"Acme\nOne",one@acme.com\nacme-two,Two Co.,t@acme.com\n',
    );

    expect(parsed.rows.map((row) => [row.row, row.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });

  it('a broken quote is one problem for the whole file', () => {
    const parsed = parseCsv('identifier,displayName,contactEmail\n"acme-one,Acme One,one@acme.com\n');

    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/^is not valid CSV/) })]);
  });

  it('hints at the separator when the header is not comma-separated', () => {
    const parsed = parseCsv('identifier;displayName;contactEmail\nacme-one;Acme One;one@acme.com\n');

    expect(parsed.problems[0]?.hint).toMatch(/separated by commas/);
  });

  it('an empty file, or a header alone, has no rows and no problems', () => {
    expect(parseCsv('')).toEqual({ format: 'csv', rows: [], problems: [] });
    expect(parseCsv('identifier,displayName,contactEmail\n').rows).toEqual([]);
  });
});

describe('JSON input', () => {
  it('reads an array of objects, with funding emails as strings or as the API’s objects', () => {
    const parsed = parseJson(
      JSON.stringify([
        {
          identifier: 'acme-one',
          displayName: 'Acme One',
          contactEmail: 'one@acme.com',
          fundingEmails: ['a@acme.com'],
        },
        {
          accountIdentifier: 'acme-two',
          displayName: 'Acme Two',
          contactEmail: 'two@acme.com',
          currencyCode: 'GBP',
          fundingNotification: [{ emailAddress: 'b@acme.com' }],
          accountNumber: 'A1',
          currentBalance: 0,
        },
      ]),
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => [row.row, row.values])).toEqual([
      [
        1,
        {
          accountIdentifier: 'acme-one',
          displayName: 'Acme One',
          contactEmail: 'one@acme.com',
          fundingNotification: [{ emailAddress: 'a@acme.com' }],
        },
      ],
      [
        2,
        {
          accountIdentifier: 'acme-two',
          displayName: 'Acme Two',
          contactEmail: 'two@acme.com',
          currencyCode: 'GBP',
          fundingNotification: [{ emailAddress: 'b@acme.com' }],
        },
      ],
    ]);
  });

  it('reads the page wrapper of `accounts list --paginate -o json` and NDJSON with line numbers', () => {
    const page = parseJson(JSON.stringify({ items: [{ identifier: 'acme-one' }], nextPageAvailable: false }));
    const ndjson = parseJson('{"identifier":"acme-one"}\n\n{"identifier":"acme-two"}\n');

    expect(page.rows.map((row) => row.values.accountIdentifier)).toEqual(['acme-one']);
    expect(ndjson.rows.map((row) => [row.row, row.line, row.values.accountIdentifier])).toEqual([
      [1, 1, 'acme-one'],
      [2, 3, 'acme-two'],
    ]);
  });

  it('keeps values of the wrong type for the field rules to name', () => {
    const parsed = parseJson('[{"identifier": 12345, "fundingEmails": "a@acme.com; b@acme.com", "currency": null}]');

    expect(parsed.rows[0]?.values).toEqual({
      accountIdentifier: 12345,
      fundingNotification: [{ emailAddress: 'a@acme.com' }, { emailAddress: 'b@acme.com' }],
      currencyCode: undefined,
    });
  });

  it('names items that are not objects, and unknown keys', () => {
    const parsed = parseJson('[{"identifier": "acme-one", "colour": "red"}, "acme-two"]');

    expect(parsed.problems).toEqual([
      expect.objectContaining({ row: 1, field: 'colour' }),
      expect.objectContaining({ row: 2, message: 'must be an object of account fields', invalidValue: 'acme-two' }),
    ]);
  });

  it('reports JSON that does not parse, and JSON that is not a list', () => {
    expect(parseJson('[{"identifier": ').problems[0]?.message).toMatch(/^is not valid JSON/);
    expect(parseJson('{"a": 1}\n{"b": ').problems[0]).toMatchObject({ line: 2 });
    expect(parseJson('"acme"').problems[0]?.message).toMatch(/array of account objects/);
  });
});

describe('telling the format', () => {
  it('by the file name, else by the first character', () => {
    expect(formatFromName('a.CSV')).toBe('csv');
    expect(formatFromName('a.jsonl')).toBe('json');
    expect(formatFromName('-')).toBeUndefined();
    expect(formatFromContent('\uFEFF  [{}]')).toBe('json');
    expect(formatFromContent('{"a":1}\n')).toBe('json');
    expect(formatFromContent('identifier,displayName\n')).toBe('csv');
  });
});

// source.ts's STDIN emptied (the static pass's survivor): `--file -` reads stdin, its format told
// from the content; any other name is a file.
describe('the input source', () => {
  it('`-` is stdin, JSON or CSV told by its first character', async () => {
    const json = '[{"accountIdentifier":"acme-1","displayName":"One","contactEmail":"a@acme.example"}]';
    const fromJson = await readSource({ file: '-', readStdin: async () => json });
    expect(fromJson.format).toBe('json');
    expect(fromJson.rows.map((row) => row.values.accountIdentifier)).toEqual(['acme-1']);
    const csv = 'accountIdentifier,displayName,contactEmail\nacme-2,Two,b@acme.example\n';
    const fromCsv = await readSource({ file: '-', readStdin: async () => csv });
    expect(fromCsv.format).toBe('csv');
    expect(fromCsv.rows.map((row) => row.values.accountIdentifier)).toEqual(['acme-2']);
  });

  it('another name is a file, never stdin', async () => {
    const readStdin = async () => {
      throw new Error('stdin was read');
    };
    await expect(readSource({ file: '/nonexistent/accounts.csv', readStdin })).rejects.toThrow(/--file/);
  });
});
