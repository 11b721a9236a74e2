import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  check,
  parseIsoDate,
  promptCheck,
  suggestIdentifier,
  validateCreateAccount,
  validateCreateCustomer,
  validateUpdateAccount,
} from '../../src/domain/rules.js';

const identifierChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split(''));

describe('identifiers', () => {
  it('accepts every 5-100 character string of letters, digits and -', () => {
    fc.assert(
      fc.property(fc.array(identifierChars, { minLength: 5, maxLength: 100 }), (chars) => {
        expect(check('customerIdentifier', chars.join(''))).toBeUndefined();
      }),
    );
  });

  it('refuses anything shorter, longer, or with another character', () => {
    expect(check('customerIdentifier', 'abcd')?.message).toContain('5-100');
    expect(check('customerIdentifier', 'a'.repeat(101))).toBeDefined();
    fc.assert(
      fc.property(
        fc.string({ minLength: 5, maxLength: 50 }).filter((s) => /[^-a-zA-Z0-9]/.test(s)),
        (value) => {
          expect(check('customerIdentifier', value)).toMatchObject({
            field: 'customerIdentifier',
            invalidValue: value,
          });
        },
      ),
    );
  });

  it('account identifiers must be lowercase, with a hint showing the lowercase form', () => {
    const problem = check('accountIdentifier', 'Sales-Team');

    expect(problem?.message).toContain('lowercase');
    expect(problem?.hint).toBe('use the lowercase form: sales-team');
    expect(check('accountIdentifier', 'sales-team')).toBeUndefined();
  });
});

describe('display names', () => {
  it('accepts letters of any script, digits, punctuation and spaces', () => {
    for (const name of ['Zanzibar Health Group', 'Café Müller & Söhne, Ltd.', 'Ωμέγα-Πελάτης', '東京本社 (第2)']) {
      expect(check('displayName', name)).toBeUndefined();
    }
  });

  it('refuses emoji and symbols, and names outside 5-100 characters', () => {
    expect(check('displayName', 'Acme 🚀 Rewards')?.message).toContain('no emoji');
    expect(check('displayName', 'Price $5 Club')).toBeDefined();
    expect(check('displayName', 'Acme')).toBeDefined();
    expect(check('displayName', 'x'.repeat(101))).toBeDefined();
  });
});

describe('emails, currencies, statuses, dates', () => {
  it('emails: valid addresses up to 100 characters', () => {
    expect(check('contactEmail', 'ops@acme.example')).toBeUndefined();
    expect(check('contactEmail', 'ops@localhost')).toBeDefined();
    expect(check('contactEmail', 'not-an-email')).toBeDefined();
    expect(check('contactEmail', `${'a'.repeat(90)}@example.com`)).toBeDefined();
  });

  it('currency and status: the documented lists, with a hint for the wrong case', () => {
    expect(check('currencyCode', 'EUR')).toBeUndefined();
    expect(check('currencyCode', 'eur')?.hint).toBe('use EUR');
    expect(check('currencyCode', 'JPY')?.message).toContain('USD, AUD, CAD, EUR, GBP');
    expect(check('status', 'FROZEN')).toBeUndefined();
    expect(check('status', 'active')?.hint).toBe('use ACTIVE');
  });

  it('dates: ISO 8601 dates and date-times; impossible days are refused', () => {
    expect(parseIsoDate('2025-01-31')?.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseIsoDate('2025-01-31T12:30:00+02:00')?.toISOString()).toBe('2025-01-31T10:30:00.000Z');
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('31/01/2025')).toBeUndefined();
    expect(parseIsoDate('yesterday')).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('lists every problem of a create at once, by field', () => {
    const problems = validateCreateAccount({
      accountIdentifier: 'AB',
      displayName: '🚀',
      contactEmail: 'nope',
      currencyCode: 'JPY',
      fundingNotification: [{ emailAddress: 'a@b.example' }, { emailAddress: 'A@B.example' }, { emailAddress: 'x' }],
    });

    expect(problems.map((p) => p.field)).toEqual([
      'accountIdentifier',
      'displayName',
      'contactEmail',
      'currencyCode',
      'fundingNotification[1].emailAddress',
      'fundingNotification[2].emailAddress',
    ]);
  });

  it('names missing required fields', () => {
    expect(validateCreateCustomer({}).map((p) => [p.field, p.message])).toEqual([
      ['customerIdentifier', 'is required'],
      ['displayName', 'is required'],
    ]);
  });

  it('an update may be empty of fields; an empty funding list is valid (it clears)', () => {
    expect(validateUpdateAccount({})).toEqual([]);
    expect(validateUpdateAccount({ fundingNotification: [] })).toEqual([]);
  });
});

describe('suggestions and prompt checks', () => {
  it('suggests a valid lowercase identifier from any display name', () => {
    expect(suggestIdentifier('Zanzibar Health Group')).toBe('zanzibar-health-group');
    expect(suggestIdentifier('Café Müller')).toBe('cafe-muller');
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 150 }), (name) => {
        expect(check('accountIdentifier', suggestIdentifier(name))).toBeUndefined();
      }),
    );
  });

  it('prompt checks return true or a message with the hint', () => {
    expect(promptCheck('accountIdentifier')('sales-team')).toBe(true);
    expect(promptCheck('accountIdentifier')('Sales-Team')).toBe(
      "Must be 5-100 characters, each a lowercase letter, a digit or '-' (use the lowercase form: sales-team)",
    );
  });
});
