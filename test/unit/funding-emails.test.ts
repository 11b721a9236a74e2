/** The one place funding emails change shape: a list of addresses <-> the API's [{emailAddress}]. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressOf,
  fundingEmails,
  fundingEmailsCell,
  splitFundingEmailsCell,
  toFundingNotification,
  toFundingNotificationIfAny,
} from '../../src/domain/funding-emails.js';

const address = fc
  .tuple(fc.stringMatching(/^[a-z0-9.+]{1,12}$/), fc.stringMatching(/^[a-z0-9]{1,10}\.[a-z]{2,4}$/))
  .map(([local, domain]) => `${local}@${domain}`);

describe('funding emails', () => {
  it('addresses -> API shape -> addresses, and through a CSV cell and back, lose nothing', () => {
    fc.assert(
      fc.property(fc.array(address, { maxLength: 5 }), (emails) => {
        const api = toFundingNotification(emails);
        expect(fundingEmails(api)).toEqual(emails);
        expect(splitFundingEmailsCell(fundingEmailsCell(api))).toEqual(emails);
      }),
    );
  });

  it('a cell is the addresses joined by ";", as accounts list -o csv prints them', () => {
    expect(fundingEmailsCell([{ emailAddress: 'a@x.example' }, { emailAddress: 'b@y.example' }])).toBe(
      'a@x.example;b@y.example',
    );
    expect(fundingEmailsCell(undefined)).toBe('');
  });

  it('a cell read back accepts "," too, and drops blanks and spaces', () => {
    expect(splitFundingEmailsCell(' a@x.example ; b@y.example,, c@z.example ')).toEqual([
      'a@x.example',
      'b@y.example',
      'c@z.example',
    ]);
    expect(splitFundingEmailsCell(' ; ')).toEqual([]);
  });

  it('reads an unchecked item in either spelling, and passes anything else on for the rule to name', () => {
    expect(addressOf('a@x.example')).toBe('a@x.example');
    expect(addressOf({ emailAddress: 'a@x.example' })).toBe('a@x.example');
    expect(addressOf(42)).toBe(42);
    expect(addressOf(null)).toBeNull();
  });

  it('a create leaves the list out when there is no address; no list reads as none', () => {
    expect(toFundingNotificationIfAny([])).toBeUndefined();
    expect(toFundingNotificationIfAny(undefined)).toBeUndefined();
    expect(toFundingNotificationIfAny(['a@x.example'])).toEqual([{ emailAddress: 'a@x.example' }]);
    expect(fundingEmails(undefined)).toEqual([]);
  });
});

// Mutation survivor of src/domain/funding-emails.ts: an item without an address in a cell.
describe('a funding list item without an address', () => {
  it('prints as an empty place in the cell, not as text (kills the empty string replaced)', () => {
    expect(fundingEmailsCell([{}, { emailAddress: 'a@x.example' }])).toBe(';a@x.example');
  });
});
