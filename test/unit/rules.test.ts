import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  check,
  normalizeInput,
  parseIsoDate,
  parseRfc3339,
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
  const decomposedCafe = 'Cafe\u0301 Society';
  const devanagari = 'नमस्ते भारत समूह';

  it('accepts letters with their marks, digits, punctuation, symbols and spaces (the examples the API takes)', () => {
    for (const name of [
      'Zanzibar Health Group',
      'Café Müller & Söhne, Ltd.',
      'Ωμέγα-Πελάτης',
      '東京本社 (第2)',
      'Acme + Partners',
      'Rewards $100',
      'Acme™ Co',
      'Acme © ® Co',
      decomposedCafe,
      devanagari,
      'Smile ☺ Club',
    ]) {
      expect(check('displayName', name), name).toBeUndefined();
    }
  });

  it('refuses emoji in each of their forms, with a hint naming where', () => {
    for (const name of [
      'Acme 🚀 Rewards', // Emoji_Presentation
      'Heart ❤️ Club', // a text symbol turned emoji by U+FE0F
      'Team 👩‍💻 Ops', // ZWJ sequence
      'Flag 🇫🇷 Group', // regional indicators
      'Keycap 1️⃣ Team', // keycap
      'Keycap 1⃣ Team', // keycap without the selector
      'Wave 👋🏽 Group', // skin tone
    ]) {
      const problem = check('displayName', name);
      expect(problem, name).toMatchObject({ field: 'displayName', invalidValue: name });
      expect(problem?.message).toContain('no emoji');
      expect(problem?.hint).toMatch(/^remove the emoji at character \d+$/);
    }
    expect(check('displayName', 'Acme 🚀 Rewards')?.hint).toBe('remove the emoji at character 6');
  });

  it('refuses control characters, names of spaces only, and lengths outside 5-100 code points', () => {
    expect(check('displayName', 'Acme\tRewards')?.hint).toBe('remove U+0009 at character 5');
    expect(check('displayName', 'Acme\u202ERewards')?.hint).toBe('remove U+202E at character 5');
    expect(check('displayName', '     ')?.hint).toBe('it is only spaces');
    expect(check('displayName', 'Acme')?.hint).toBe('it has 4 characters');
    expect(check('displayName', 'x'.repeat(101))?.hint).toBe('it has 101 characters');
    // Counted in code points, as the spec's pattern does: five astral letters are five characters.
    expect(check('displayName', '𝒜𝒷𝒸𝒹𝑒')).toBeUndefined();
  });

  const allowedCharacter = fc.oneof(
    fc.constantFrom(...'abcXYZéßΩжд東京ñ0123456789.,;:!?-()&/\'"$€+=™©®%#@*^~ '.split('')),
    fc.constantFrom('\u0301', '\u0308', '\u093F', '\u094D'), // combining marks
  );
  const emoji = fc.constantFrom('🚀', '😀', '🇫🇷', '❤️', '👩‍💻', '1️⃣', '👍🏽', '🎉', '⌚');

  it('generated: any 5-100 allowed characters with one that is not a space are accepted', () => {
    fc.assert(
      fc.property(
        fc.array(allowedCharacter, { minLength: 4, maxLength: 99 }),
        fc.constantFrom('A', 'z', '9', 'é', '!'),
        (chars, solid) => {
          const name = [solid, ...chars].join('');
          fc.pre([...name].length <= 100);
          expect(check('displayName', name)).toBeUndefined();
        },
      ),
    );
  });

  it('generated: an emoji anywhere in an otherwise good name is refused', () => {
    fc.assert(
      fc.property(
        fc.array(allowedCharacter, { minLength: 5, maxLength: 80 }),
        emoji,
        fc.nat(),
        (chars, pictograph, at) => {
          const position = at % (chars.length + 1);
          const name = [...chars.slice(0, position), pictograph, ...chars.slice(position)].join('');
          expect(check('displayName', `Name ${name}`)?.hint).toMatch(/emoji/);
        },
      ),
    );
  });

  it('generated: a control character anywhere is refused, and so is any name of only spaces', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 5, maxLength: 50, unit: fc.constantFrom('a', 'B', ' ', '1') }),
        fc.integer({ min: 0, max: 0x1f }),
        fc.nat(),
        (text, control, at) => {
          const position = at % (text.length + 1);
          const name = `${text.slice(0, position)}${String.fromCharCode(control)}${text.slice(position)}`;
          expect(check('displayName', name)).toBeDefined();
        },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\u00A0', '\u3000'), { minLength: 5, maxLength: 100 }), (spaces) => {
        expect(check('displayName', spaces.join(''))?.hint).toBe('it is only spaces');
      }),
    );
  });
});

describe('input is read the way a person means it', () => {
  it('enumerated values in any case become the API value; other rules keep the input', () => {
    expect(normalizeInput('status', 'frozen')).toBe('FROZEN');
    expect(normalizeInput('currencyCode', ' eur ')).toBe('EUR');
    expect(normalizeInput('currencyFilter', 'mxn')).toBe('MXN');
    expect(normalizeInput('displayName', 'frozen')).toBe('frozen');
  });

  it('filters take the values the API holds, creates only the documented five currencies', () => {
    for (const code of ['AUD', 'CAD', 'EUR', 'GBP', 'USD', 'MXN', 'SGD', 'PLN']) {
      expect(check('currencyFilter', code)).toBeUndefined();
    }
    expect(check('currencyCode', 'MXN')?.message).toBe('must be one of USD, AUD, CAD, EUR, GBP');
    expect(check('currencyFilter', 'JPY')).toBeDefined();
    const long = `${'a'.repeat(240)}@example.com`;
    expect(check('contactEmailFilter', long)).toBeUndefined();
    expect(check('contactEmail', long)).toBeDefined();
    expect(check('contactEmailFilter', `${'a'.repeat(250)}@example.com`)).toBeDefined();
  });

  it('a customer status filter is any single word, sent in capitals', () => {
    expect(normalizeInput('customerStatus', 'pending')).toBe('PENDING');
    expect(check('customerStatus', 'PENDING')).toBeUndefined();
    expect(check('customerStatus', 'two words')).toBeDefined();
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
    expect(check('currencyCode', 'eur')).toBeDefined(); // checked as sent; input is normalised first
    expect(check('status', 'FROZEN')).toBeUndefined();
    expect(check('status', 'active')?.hint).toBe('use ACTIVE');
  });

  it('dates: ISO 8601 dates and date-times; impossible days are refused', () => {
    expect(parseIsoDate('2025-01-31')?.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseIsoDate('2025-01-31T12:30:00+02:00')?.toISOString()).toBe('2025-01-31T10:30:00.000Z');
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('2025-03-02T12:00:00')).toBeDefined();
    expect(parseIsoDate('31/01/2025')).toBeUndefined();
    expect(parseIsoDate('yesterday')).toBeUndefined();
  });
});

describe('date-times without an offset', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("are UTC whatever the machine's time zone, like bare dates", () => {
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      process.env.TZ = tz;
      expect(parseIsoDate('2025-03-02T12:00')?.toISOString(), tz).toBe('2025-03-02T12:00:00.000Z');
      expect(parseIsoDate('2025-03-02 12:00:30')?.toISOString(), tz).toBe('2025-03-02T12:00:30.000Z');
      expect(parseIsoDate('2025-03-02T12:00-05:00')?.toISOString(), tz).toBe('2025-03-02T17:00:00.000Z');
    }
  });

  it("the API's own date-time values (RFC 3339) need the offset; the emulator reads them strictly", () => {
    expect(parseRfc3339('2025-03-02T12:00:00Z')?.toISOString()).toBe('2025-03-02T12:00:00.000Z');
    expect(parseRfc3339('2025-03-02T12:00:00.5+01:00')?.toISOString()).toBe('2025-03-02T11:00:00.500Z');
    for (const loose of ['2025-03-02', '2025-03-02T12:00', '2025-03-02T12:00:00', '2025-02-30T00:00:00Z', 'now']) {
      expect(check('dateTimeQuery', loose), loose).toBeDefined();
    }
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

  it('funding items must be {emailAddress} objects, each address once', () => {
    const problems = validateUpdateAccount({
      fundingNotification: ['a@b.example', { emailAddress: 'c@d.example' }, { emailAddress: 'c@d.example' }, null],
    });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['fundingNotification[0]', 'must be an {"emailAddress": "..."} object'],
      ['fundingNotification[2].emailAddress', 'appears more than once; each address may be listed once'],
      ['fundingNotification[3]', 'must be an {"emailAddress": "..."} object'],
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

// Mutation gaps (issue 20): each table kills the regex mutants named in its title.
describe('rules pinned case by case', () => {
  it.each([
    ['jane@mail.example.co.uk', true], // kills the domain's repeated (\.label)+ cut to one
    ["o'neil+ops@acme.example", true],
    ['jane doe@acme.example', false], // kills dropping the local part's character class
    ['jane@acme .example', false],
    ['jane@-acme.example', false],
    [' jane@acme.example', false], // kills a dropped ^ anchor
    ['jane@acme.example ', false], // kills a dropped $ anchor
    ['jane@@acme.example', false],
  ])('email %j valid: %s', (address, valid) => {
    expect(check('contactEmail', address) === undefined).toBe(valid);
    expect(check('fundingEmail', address) === undefined).toBe(valid);
  });

  it.each([
    ['2025-01-31T12:00:00.123Z', '2025-01-31T12:00:00.123Z'], // kills dropping the fraction group
    ['2025-01-31T12:00:00.5+01:00', '2025-01-31T11:00:00.500Z'],
    ['2025-01-31T23:59:59Z', '2025-01-31T23:59:59.000Z'],
    ['2025-01-31T25:00:00Z', undefined], // kills dropping the NaN check
    ['2025-01-31T12:60Z', undefined],
    ['2025-13-01', undefined],
    ['x2025-01-31', undefined], // kills a dropped ^ anchor
    ['2025-01-31Tnoon', undefined], // kills a dropped $ anchor
  ])('date-time %j reads as %s', (value, iso) => {
    expect(parseIsoDate(value)?.toISOString()).toBe(iso);
  });

  it.each([
    ['customerIdentifier', 'acme-1', true],
    ['customerIdentifier', ' acme-1', false], // kills a dropped ^ anchor
    ['customerIdentifier', 'acme-1!', false], // kills a dropped $ anchor
    ['customerIdentifier', 'acme 1', false],
    ['accountIdentifier', 'sales-team', true],
    ['accountIdentifier', '_sales-team', false],
    ['accountIdentifier', 'sales-team_', false],
    ['customerStatus', 'ACTIVE', true],
    ['customerStatus', 'ACTIVE NOW', false],
    ['customerStatus', 'X1', false],
    ['balance', '12.50', true],
    ['balance', '12.50x', false],
    ['balance', 'x12.50', false],
  ] as const)('%s %j valid: %s', (rule, value, valid) => {
    expect(check(rule, value) === undefined).toBe(valid);
  });

  it.each([
    ['1', true],
    ['200', true],
    ['0', false],
    ['201', false],
    ['1.5', false], // kills a dropped $ anchor on /^\d+$/ (1.5 is 1 <= n <= 200)
    ['x1', false], // kills a dropped ^ anchor
    ['', false],
  ])('--max-results %j valid: %s', (value, valid) => {
    expect(check('maxResults', value) === undefined).toBe(valid);
  });
});

// Mutation survivors of src/domain/rules.ts (npm run mutation, runtime mutants).
describe('rules at their edges', () => {
  it('a contact-email filter takes an address of 255 characters, not 256 (kills <= turned into <)', () => {
    const address = (length: number) => `${'a'.repeat(length - '@acme.example'.length)}@acme.example`;
    expect(check('contactEmailFilter', address(255))).toBeUndefined();
    expect(check('contactEmailFilter', address(256))?.message).toBe(
      'must be a valid email address of at most 255 characters',
    );
  });

  it('a balance is read without the spaces around it (kills the trim dropped)', () => {
    expect(check('balance', ' 12.50 ')).toBeUndefined();
    expect(check('balance', ' 12.50 x')).toBeDefined();
  });

  it.each([
    ['2025-01-31', true],
    ['2025-01-31T12:00:00Z', true],
    ['2025-02-30', false],
    ['yesterday', false],
  ])('the dateTime rule: %j valid: %s (no unit test called its test)', (value, valid) => {
    const problem = check('dateTime', value);
    expect(problem === undefined).toBe(valid);
    if (!valid) expect(problem?.message).toContain('must be an ISO 8601 date or date-time');
  });
});
