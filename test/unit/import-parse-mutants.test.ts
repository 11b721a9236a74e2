/**
 * What a person reads when an import file is wrong, word for word, and the edges of reading it
 * (issue 20: the survivors of src/import/parse-csv.ts and parse-json.ts, each case naming its mutant).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/parse-csv.js';
import { parseJson } from '../../src/import/parse-json.js';

/** The names an import takes, as the hints list them (columns.ts). */
const USE =
  'use identifier, accountIdentifier, displayName, contactEmail, currency, currencyCode, fundingEmails, fundingEmail, fundingNotification (ignored: accountNumber, status, currentBalance, createdAt)';

describe('CSV problems, word for word', () => {
  it('a record with a cell too many says how to quote a comma (kills parse-csv.ts:45 hint emptied)', () => {
    const parsed = parseCsv('identifier,displayName,contactEmail\nacme-one,Acme, Inc.,one@acme.com\n');

    expect(parsed.problems).toEqual([
      {
        row: 1,
        line: 2,
        message: 'has 4 cells where the header has 3',
        hint: 'a cell holding a comma must be quoted: "Acme, Inc."',
      },
    ]);
  });

  it('a header cell is read without its surrounding spaces (kills parse-csv.ts:61 trim dropped)', () => {
    const parsed = parseCsv(' identifier , displayName ,contactEmail\nacme-one,Acme One,one@acme.com\n');

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.names).toEqual({
      accountIdentifier: 'identifier',
      displayName: 'displayName',
      contactEmail: 'contactEmail',
    });
  });

  it('two columns for one field: the second is named, with which to keep (kills parse-csv.ts:67 hint emptied)', () => {
    const parsed = parseCsv('identifier,displayName,contactEmail,accountIdentifier\na,A,a@acme.com,b\n');

    expect(parsed.problems).toEqual([
      {
        field: 'accountIdentifier',
        message: 'sets the same field as column "identifier"',
        hint: 'keep one of the two columns',
      },
    ]);
  });

  // Kills parse-csv.ts:87 (the separator regex negated), :89 (the empty separator hint replaced) and
  // :93 (either join of the names emptied).
  it.each([
    ['an unknown column', 'nickname', USE],
    [
      'a header separated by ";"',
      'identifier;displayName',
      `the header looks separated by ";" or tabs; columns must be separated by commas. ${USE}`,
    ],
    [
      'a header separated by tabs',
      'identifier\tdisplayName',
      `the header looks separated by ";" or tabs; columns must be separated by commas. ${USE}`,
    ],
  ])('%s lists every accepted and ignored name', (_, column, hint) => {
    const parsed = parseCsv(`identifier,displayName,contactEmail,${column}\na,A,a@acme.com,x\n`);

    expect(parsed.problems).toEqual([
      { field: column, message: 'is not a column an account can be created with', hint },
    ]);
  });

  it('a quote never closed: how to quote, and nothing else (kills parse-csv.ts:115 hint emptied)', () => {
    const parsed = parseCsv('identifier,displayName,contactEmail\nacme-one,"Acme One,one@acme.com\n');

    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        message: expect.stringMatching(/^is not valid CSV: Quote Not Closed/),
        hint: 'a cell holding a comma, a quote or a line break must be in double quotes, a quote inside doubled ("")',
      },
    ]);
  });
});

describe('JSON input, its edges and its problems word for word', () => {
  it('reads a file that starts with a BOM (kills parse-json.ts:11 the BOM replaced by text)', () => {
    const parsed = parseJson('\uFEFF[{"identifier": "acme-one"}]');

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.values).toEqual({ accountIdentifier: 'acme-one' });
  });

  it('keeps a BOM character inside a value: only a leading one is dropped (kills parse-json.ts:11 unanchored)', () => {
    const parsed = parseJson('[{"displayName": "Acme\uFEFFOne"}]');

    expect(parsed.rows[0]?.values.displayName).toBe('Acme\uFEFFOne');
  });

  it('a row of an array has no line; an NDJSON row has its line (kills parse-json.ts:16 always with a line)', () => {
    expect(parseJson('[{"identifier": "acme-one"}]').rows[0]).toStrictEqual({
      row: 1,
      values: { accountIdentifier: 'acme-one' },
      names: { accountIdentifier: 'identifier' },
    });
    expect(parseJson('{"identifier": "acme-one"}\n{"identifier": "acme-two"}\n').rows[1]).toStrictEqual({
      row: 2,
      line: 2,
      values: { accountIdentifier: 'acme-two' },
      names: { accountIdentifier: 'identifier' },
    });
  });

  it('a file nested too deep says how deep a row is (kills parse-json.ts:30 hint emptied)', () => {
    const parsed = parseJson(`${'['.repeat(70)}1${']'.repeat(70)}`);

    expect(parsed.problems).toEqual([
      { message: expect.stringMatching(/^is nested 70 levels deep/), hint: 'an account row is 4 levels deep' },
    ]);
  });

  // Kills parse-json.ts:36 (the NDJSON test turned true, or startsWith('') always true): broken JSON
  // that does not start like an object is one problem for the file, with no line.
  it.each(['[{"identifier": "acme-one"},', '"acme-one'])('broken JSON %j is not read as NDJSON', (text) => {
    const { problems } = parseJson(text);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toStrictEqual({ message: expect.stringMatching(/^is not valid JSON: \S/) });
  });

  it('NDJSON may start with blank space before its first object (kills parse-json.ts:36 trimStart → trimEnd)', () => {
    const parsed = parseJson('  \n  {"identifier": "acme-one"}\n{"identifier": "acme-two"}\n');

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => [row.line, row.values.accountIdentifier])).toEqual([
      [2, 'acme-one'],
      [3, 'acme-two'],
    ]);
  });

  it('an NDJSON line of spaces only is skipped (kills parse-json.ts:50 trim dropped)', () => {
    const parsed = parseJson('{"identifier": "acme-one"}\n   \n{"identifier": "acme-two"}\n');

    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => row.line)).toEqual([1, 3]);
  });

  it('a broken NDJSON line is named with its number and why (kills parse-json.ts:54 message emptied)', () => {
    const parsed = parseJson('{"identifier": "acme-one"}\n{"identifier": \n');

    expect(parsed.problems).toStrictEqual([{ line: 2, message: expect.stringMatching(/^is not valid JSON: \S/) }]);
  });

  it('an unknown key lists every accepted and ignored name (kills parse-json.ts:70 and :82 hints emptied)', () => {
    const parsed = parseJson('[{"identifier": "acme-one", "nickname": "Ace"}]');

    expect(parsed.problems).toEqual([
      { row: 1, field: 'nickname', message: 'is not a field an account can be created with', hint: USE },
    ]);
  });
});
