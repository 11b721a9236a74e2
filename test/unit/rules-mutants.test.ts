/**
 * Survivors of mutation testing in src/domain/rules.ts (issue 20), case by case. Many of them sit in
 * module-level code (the rule table, its regexes and words): what a refusal says is what the emulator
 * answers and the CLI prints, so each rule's words are pinned here whole. Each table names the
 * mutants it kills.
 */
import { describe, expect, it } from 'vitest';
import {
  check,
  displayNameFault,
  emailListProblems,
  isThreshold,
  type Problem,
  parseDateBound,
  parseIsoDate,
  parseRfc3339,
  type RuleName,
  requireField,
  suggestIdentifier,
} from '../../src/domain/rules.js';

const identifierSource = '^[-a-zA-Z0-9]{5,100}$';
const emailWords = 'must be a valid email address of at most 100 characters';

// Kills every field, message, constraint and i18nKey of the rule table emptied (StringLiteral), and the
// enumerated rules' constraint joined without '|'.
describe('each rule says which field, what rule and which key', () => {
  it.each<[RuleName, string, Omit<Problem, 'invalidValue'>]>([
    [
      'customerIdentifier',
      'ab',
      {
        field: 'customerIdentifier',
        message: "must be 5-100 characters, each a letter, a digit or '-'",
        constraint: identifierSource,
        i18nKey: 'validation.customerIdentifier.pattern',
      },
    ],
    [
      'accountIdentifier',
      'ab',
      {
        field: 'accountIdentifier',
        message: "must be 5-100 characters, each a lowercase letter, a digit or '-'",
        constraint: '^[-a-z0-9]{5,100}$',
        i18nKey: 'validation.accountIdentifier.pattern',
      },
    ],
    [
      'displayName',
      'ab',
      {
        field: 'displayName',
        message:
          'must be 5-100 characters of letters, digits, punctuation, symbols or spaces (not only spaces; no emoji)',
        constraint: '5-100 characters of \\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}, no emoji',
        i18nKey: 'validation.displayName.pattern',
      },
    ],
    [
      'contactEmail',
      'nope',
      {
        field: 'contactEmail',
        message: emailWords,
        constraint: 'email, maxLength 100',
        i18nKey: 'validation.contactEmail.email',
      },
    ],
    [
      'fundingEmail',
      'nope',
      {
        field: 'emailAddress',
        message: emailWords,
        constraint: 'email, maxLength 100',
        i18nKey: 'validation.fundingNotification.email',
      },
    ],
    [
      'contactEmailFilter',
      'nope',
      {
        field: 'contactEmail',
        message: 'must be a valid email address of at most 255 characters',
        constraint: 'email, maxLength 255',
        i18nKey: 'validation.contactEmail.email',
      },
    ],
    [
      'currencyCode',
      'JPY',
      {
        field: 'currencyCode',
        message: 'must be one of USD, AUD, CAD, EUR, GBP',
        constraint: 'USD|AUD|CAD|EUR|GBP',
        i18nKey: 'validation.currencyCode.enum',
      },
    ],
    [
      'currencyFilter',
      'JPY',
      {
        field: 'currencyCode',
        message: 'must be one of AUD, CAD, EUR, GBP, USD, MXN, SGD, PLN',
        constraint: 'AUD|CAD|EUR|GBP|USD|MXN|SGD|PLN',
        i18nKey: 'validation.currencyCode.enum',
      },
    ],
    [
      'status',
      'GONE',
      {
        field: 'status',
        message: 'must be one of ACTIVE, INACTIVE, DISABLED, FROZEN, DELETED',
        constraint: 'ACTIVE|INACTIVE|DISABLED|FROZEN|DELETED',
        i18nKey: 'validation.status.enum',
      },
    ],
    [
      'customerStatus',
      'two words',
      {
        field: 'status',
        message: 'must be a single word, such as ACTIVE',
        constraint: '^[A-Za-z_]+$',
        i18nKey: 'validation.status.word',
      },
    ],
    [
      'maxResults',
      '0',
      {
        field: 'maxResults',
        message: 'must be a whole number from 1 to 200',
        constraint: '1..200',
        i18nKey: 'validation.maxResults.range',
      },
    ],
    [
      'balance',
      'lots',
      {
        field: 'balance',
        message: 'must be a number, such as 100 or 12.50',
        constraint: 'number',
        i18nKey: 'validation.balance.number',
      },
    ],
    [
      'dateTime',
      'soon',
      {
        field: 'date',
        message: 'must be an ISO 8601 date or date-time, such as 2025-01-31 or 2025-01-31T12:00:00Z',
        constraint: 'date-time',
        i18nKey: 'validation.date.format',
      },
    ],
    [
      'dateTimeQuery',
      '2025-01-31',
      {
        field: 'date',
        message: 'must be an RFC 3339 date-time with a time zone, such as 2025-01-31T12:00:00Z',
        constraint: 'date-time',
        i18nKey: 'validation.date.format',
      },
    ],
    [
      'balanceAlertDisplayName',
      'ab',
      {
        field: 'balanceAlertDisplayName',
        message:
          'must be 5-100 characters of letters, digits, punctuation, symbols or spaces (not only spaces; no emoji)',
        constraint: '5-100 characters of \\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}, no emoji',
        i18nKey: 'validation.balanceAlertDisplayName.pattern',
      },
    ],
    [
      'balanceAlertThreshold',
      '0',
      {
        field: 'balanceAlertThreshold',
        message:
          'must be an amount greater than 0 and at most 1000000000, with at most two decimals, such as 500 or 99.50',
        constraint: '0 < amount <= 1000000000, 2 decimals',
        i18nKey: 'validation.balanceAlertThreshold.amount',
      },
    ],
    [
      'balanceAlertID',
      'nope',
      {
        field: 'balanceAlertID',
        message: 'must be a UUID such as 3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b',
        constraint: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        i18nKey: 'validation.balanceAlertID.uuid',
      },
    ],
    [
      'alertEmail',
      'nope',
      {
        field: 'emailAddress',
        message: emailWords,
        constraint: 'email, maxLength 100',
        i18nKey: 'validation.balanceAlertNotification.email',
      },
    ],
  ])('%s refusing %j', (rule, value, words) => {
    expect(check(rule, value)).toMatchObject({ ...words, invalidValue: value });
  });

  it('a value that is not a string is refused as such (kills the constraint emptied)', () => {
    expect(check('contactEmail', 42)).toEqual({
      field: 'contactEmail',
      message: 'must be a string',
      invalidValue: 42,
      constraint: 'string',
      i18nKey: 'validation.contactEmail.email',
    });
  });
});

describe('a required field', () => {
  it.each([
    ['left out', undefined],
    ['null', null], // kills `value === null` turned false
    ['empty', ''], // kills `value === ''` turned false, and '' turned into another string
  ])('%s is missing, not a broken value', (_, value) => {
    expect(requireField({ contactEmail: value }, 'contactEmail', 'contactEmail')).toEqual([
      {
        field: 'contactEmail',
        message: 'is required',
        invalidValue: undefined,
        constraint: 'required', // kills the constraint emptied
        i18nKey: 'validation.required',
      },
    ]);
  });
});

describe('a notification email list', () => {
  it.each([
    ['fundingNotification', 'fundingEmail', 'FundingNotificationCriteria'],
    ['balanceAlertNotification', 'alertEmail', 'BalanceAlertContactDTO'],
  ] as const)(
    '%s that is no list, or holds no object, names the list and its item type (kills the constraint ternary and its words)',
    (list, rule, itemType) => {
      expect(emailListProblems('ops@acme.example', list, rule)).toEqual([
        {
          field: list,
          message: 'must be a list of {"emailAddress": "..."} objects',
          invalidValue: 'ops@acme.example',
          constraint: 'array',
          i18nKey: `validation.${list}.type`,
        },
      ]);
      expect(emailListProblems(['ops@acme.example'], list, rule)).toEqual([
        {
          field: `${list}[0]`,
          message: 'must be an {"emailAddress": "..."} object',
          invalidValue: 'ops@acme.example',
          constraint: itemType,
          i18nKey: `validation.${list}.type`,
        },
      ]);
    },
  );

  it.each([
    ['fundingNotification', 'fundingEmail'],
    ['balanceAlertNotification', 'alertEmail'],
  ] as const)('%s with an address twice names the repeat and its key (kills the unique key emptied)', (list, rule) => {
    const problems = emailListProblems(
      [{ emailAddress: 'a@acme.example' }, { emailAddress: 'A@acme.example' }],
      list,
      rule,
    );
    expect(problems).toEqual([
      {
        field: `${list}[1].emailAddress`,
        message: 'appears more than once; each address may be listed once',
        invalidValue: 'A@acme.example',
        constraint: 'uniqueItems',
        i18nKey: `validation.${list}.unique`,
      },
    ]);
  });

  it('a bare address beside the same address as an object is only the wrong shape, not a repeat (kills the object test dropped)', () => {
    const problems = emailListProblems(
      ['a@acme.example', { emailAddress: 'a@acme.example' }],
      'fundingNotification',
      'fundingEmail',
    );
    expect(problems.map((p) => p.field)).toEqual(['fundingNotification[0]']);
  });
});

describe('identifiers, ids and thresholds at their edges', () => {
  it.each([
    ['customerIdentifier', 'abcd', false],
    ['customerIdentifier', 'Ab-12', true], // kills {5,100} dropped and the class negated
    ['customerIdentifier', 'A'.repeat(100), true],
    ['customerIdentifier', 'A'.repeat(101), false],
    ['customerIdentifier', '!acme-1', false], // kills a dropped ^ anchor
    ['customerIdentifier', 'acme-1 ', false], // kills a dropped $ anchor
    ['accountIdentifier', 'ab-12', true],
    ['accountIdentifier', 'a'.repeat(100), true],
    ['accountIdentifier', 'a'.repeat(101), false],
    ['accountIdentifier', 'abcd', false],
    ['accountIdentifier', 'Xsales-team', false],
    ['accountIdentifier', 'sales-teamX', false],
  ] as const)('%s %j valid: %s', (rule, value, valid) => {
    expect(check(rule, value) === undefined).toBe(valid);
  });

  it.each([
    ['3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b', true], // kills each group's class negated or its length dropped
    ['3F2A6C1E-8B7D-4E5F-9A0B-1C2D3E4F5A6B', true],
    ['x3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b', false], // kills a dropped ^ anchor
    ['3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6bx', false], // kills a dropped $ anchor
    ['3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6', false],
    ['3f2a6c1e8b7d-4e5f-9a0b-1c2d3e4f5a6b', false],
    ['3f2a6c1g-8b7d-4e5f-9a0b-1c2d3e4f5a6b', false],
  ])('alert id %j valid: %s', (id, valid) => {
    expect(check('balanceAlertID', id) === undefined).toBe(valid);
  });

  it.each([
    ['500', true], // kills \d{1,10} cut to one digit or negated
    ['999999999.99', true],
    ['99.5', true], // kills the fraction's digits negated
    ['99.50', true], // kills the fraction's {1,2} dropped
    [' 500 ', true], // kills the trim dropped
    ['1e2', false], // kills a dropped ^ or $ anchor (Number('1e2') is 100)
    ['+5', false],
    ['99.505', false],
    ['12345678901', false],
  ])('threshold %j valid: %s (an optional fraction: kills its ? dropped)', (value, valid) => {
    expect(isThreshold(value)).toBe(valid);
  });
});

describe('email addresses, part by part', () => {
  it.each([
    ['jane@acme.example', true], // kills the local part's + dropped, any class negated, each label's {0,61} dropped
    ['j@acme.example', true],
    ['jane@x.example', true], // kills the first label's optional tail made required
    ['jane@acme.x.example', true], // kills a later label's optional tail made required
    ['jane@acme-corp.example', true],
    [`${'a'.repeat(87)}@acme.example`, true], // 100 characters: kills <= turned into <
    [`${'a'.repeat(88)}@acme.example`, false],
    ['jane@acme-.example', false],
    ['jane@acme.-example', false],
    ['jane@acme.example-', false],
    ['@acme.example', false],
  ])('%j valid: %s', (address, valid) => {
    expect(check('contactEmail', address) === undefined).toBe(valid);
  });
});

describe('dates, read as a person types them', () => {
  it.each([
    [' 2025-01-31 ', '2025-01-31T00:00:00.000Z'], // kills the trim dropped
    ['2025-01-31T12:00:00+0200', '2025-01-31T10:00:00.000Z'], // kills the offset's optional colon made required
    ['2025-01-31t12:00:00z', '2025-01-31T12:00:00.000Z'],
    ['2025-04-31', undefined], // a day the month does not have
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2025-02-29', undefined],
  ])('%j reads as %s', (value, iso) => {
    expect(parseIsoDate(value)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2025-01-31T12:00:00.123Z', '2025-01-31T12:00:00.123Z'], // kills the fraction's \d+ cut to one digit
    [' 2025-01-31T12:00:00Z', undefined], // kills a dropped ^ anchor: the API's values are read strictly
    ['2025-01-31T12:00:00Z ', undefined], // kills a dropped $ anchor
  ])('an RFC 3339 value %j reads as %s', (value, iso) => {
    expect(parseRfc3339(value)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2025-01-31', 'max', '2025-01-31T23:59:59.999Z'], // kills each product of DAY_MS turned into a quotient
    [' 2025-01-31 ', 'max', '2025-01-31T23:59:59.999Z'], // kills the trim dropped
    ['2025-01-31', 'min', '2025-01-31T00:00:00.000Z'],
    ['2025-01-31T12:00:00Z', 'max', '2025-01-31T12:00:00.000Z'],
    ['2025-01-31T12:00', 'max', '2025-01-31T12:00:00.000Z'],
  ] as const)('a %j bound (%s) is %s', (value, bound, iso) => {
    expect(parseDateBound(value, bound)?.toISOString()).toBe(iso);
  });
});

describe('an identifier suggested from a display name', () => {
  it.each([
    ['', 'new-customer'], // kills the empty check turned false ('-0000' is a valid identifier)
    ['!!! ???', 'new-customer'],
    ['AB', 'ab-00'], // kills the slice dropped
    ['Acme  &  Co', 'acme-co'], // kills the + dropped from [^a-z0-9]+
    ['--Acme Corp--', 'acme-corp'],
    [`${'a'.repeat(99)} Group`, 'a'.repeat(99)], // cut at 100 right after a '-': kills its removal turned into another text
  ])('%j suggests %j', (name, identifier) => {
    expect(suggestIdentifier(name)).toBe(identifier);
  });
});

describe('emoji in a display name, by the characters that make them', () => {
  it.each([
    ['Star \u2605\uFE0F Club', 'remove the emoji at character 6'], // kills U+FE0F emptied
    ['Team 1\u20E3 Ops', 'remove the emoji at character 7'], // kills U+20E3 emptied
  ])('%j: %s', (name, fault) => {
    expect(displayNameFault(name)).toBe(fault);
  });
});
