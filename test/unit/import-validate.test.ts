import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateAccount } from '../../src/domain/rules.js';
import { parseCsv } from '../../src/import/parse-csv.js';
import { parseJson } from '../../src/import/parse-json.js';
import { formatProblem, validateRows } from '../../src/import/validate.js';

const HEADER = 'identifier,displayName,contactEmail,currency,fundingEmails\n';

describe('validating rows before anything is sent', () => {
  it('turns valid rows into create bodies, leaving out what the file leaves out', () => {
    const { planned, problems } = validateRows(
      parseCsv(`${HEADER}acme-one,Acme One,one@acme.com,,\nacme-two,Acme Two,two@acme.com,EUR,a@acme.com;b@acme.com\n`)
        .rows,
    );

    expect(problems).toEqual([]);
    expect(planned).toEqual([
      {
        row: 1,
        line: 2,
        body: { accountIdentifier: 'acme-one', displayName: 'Acme One', contactEmail: 'one@acme.com' },
      },
      {
        row: 2,
        line: 3,
        body: {
          accountIdentifier: 'acme-two',
          displayName: 'Acme Two',
          contactEmail: 'two@acme.com',
          currencyCode: 'EUR',
          fundingNotification: [{ emailAddress: 'a@acme.com' }, { emailAddress: 'b@acme.com' }],
        },
      },
    ]);
  });

  it('lists every problem of every row, by row, line and the file’s own column name', () => {
    const { planned, problems } = validateRows(
      parseCsv(
        `${HEADER}` +
          'Acme-One,Acme One,one@acme.com,usd,\n' +
          ',Ac,not-an-email,XXX,a@acme.com;oops;a@acme.com\n' +
          'acme-three,Acme Three,three@acme.com,,\n',
      ).rows,
    );

    expect(planned.map((row) => row.row)).toEqual([3]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^row 1 \(line 2\), identifier must be .* \(got "Acme-One"\); use the lowercase form: acme-one$/,
      ),
      'row 2 (line 3), identifier is required',
      expect.stringMatching(/^row 2 \(line 3\), displayName must be 5-100 characters/),
      expect.stringMatching(/^row 2 \(line 3\), contactEmail must be a valid email address/),
      expect.stringMatching(/^row 2 \(line 3\), currency must be one of/),
      expect.stringMatching(/^row 2 \(line 3\), fundingEmails #2 must be a valid email address .* \(got "oops"\)$/),
      expect.stringMatching(/^row 2 \(line 3\), fundingEmails #3 appears more than once/),
    ]);
  });

  it('reads a currency in any case as the API writes it', () => {
    const { planned, problems } = validateRows(parseCsv(`${HEADER}acme-one,Acme One,one@acme.com, eur ,\n`).rows);

    expect(problems).toEqual([]);
    expect(planned[0]?.body.currencyCode).toBe('EUR');
  });

  it('names a repeated identifier at each repeat, pointing at its first row', () => {
    const { planned, problems } = validateRows(
      parseCsv(
        `${HEADER}acme-one,Acme One,a@acme.com,,\nacme-two,Acme Two,b@acme.com,,\nacme-one,Acme Uno,c@acme.com,,\nacme-one,Acme 1,d@acme.com,,\n`,
      ).rows,
    );

    expect(planned.map((row) => row.row)).toEqual([1, 2]);
    expect(problems.map(formatProblem)).toEqual([
      'row 3 (line 4), identifier repeats the identifier of row 1 (line 2) (got "acme-one"); each account may appear once in a file',
      'row 4 (line 5), identifier repeats the identifier of row 1 (line 2) (got "acme-one"); each account may appear once in a file',
    ]);
  });

  it('a required column missing from the header is one problem, not one on every row', () => {
    const parsed = parseCsv(
      'accountIdentifier,accountNumber,displayName,status,currencyCode\nacme-one,A1,Acme One,ACTIVE,USD\nacme-two,A2,X,ACTIVE,USD\n',
    );
    const { planned, problems } = validateRows(parsed.rows);

    expect(parsed.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^column "contactEmail" is missing; every account needs one; .*`tango accounts list <customer> -o csv` prints every column/,
      ),
    ]);
    expect(planned).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^row 2 \(line 3\), displayName must be/)]);
  });

  it('names whole-file and header problems without a row', () => {
    expect(formatProblem({ message: 'is not valid JSON: x' })).toBe('the file is not valid JSON: x');
    expect(formatProblem({ field: 'email', message: 'is not a column', hint: 'use contactEmail' })).toBe(
      'column "email" is not a column; use contactEmail',
    );
    expect(formatProblem({ row: 4, message: 'must be an object' })).toBe('row 4 must be an object');
  });

  it('accepts a row exactly when the shared field rules accept its body', () => {
    const cell = fc.oneof(
      fc.constantFrom(undefined, 'acme-one', 'Acme One', 'one@acme.com', 'EUR', 'usd'),
      fc.string(),
    );
    fc.assert(
      fc.property(cell, cell, cell, cell, (accountIdentifier, displayName, contactEmail, currencyCode) => {
        const values = { accountIdentifier, displayName, contactEmail, currencyCode };
        const body = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
        const { planned } = validateRows([{ row: 1, names: {}, values }]);
        expect(planned.length === 1).toBe(validateCreateAccount(body).length === 0);
      }),
    );
  });
});

// Issue 20: a null inside fundingNotification once crashed with a TypeError; it is a problem naming row and item.
describe('null inside fundingNotification in an import file', () => {
  it.each([
    [[null], 'row 1, fundingNotification #1 must be an {"emailAddress": "..."} object (got null)'],
    [[{ emailAddress: null }], 'row 1, fundingNotification #1 must be a string (got null)'],
  ])('fundingNotification %j is a problem, not a crash', (funding, words) => {
    const item = { accountIdentifier: 'sales-1', displayName: 'Sales One', contactEmail: 'a@b.example' };
    const { planned, problems } = validateRows(
      parseJson(JSON.stringify([{ ...item, fundingNotification: funding }])).rows,
    );

    expect(planned).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([words]);
  });
});
