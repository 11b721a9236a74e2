/**
 * Every field rule of the API, defined once. The flag parsers, the wizard's prompts, file import
 * and the emulator all check values through these, so a value the CLI accepts is one the
 * emulator accepts and the other way round.
 */

import { addressOf, type FundingNotification } from './funding-emails.js';

export const CURRENCIES = ['USD', 'AUD', 'CAD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'USD';
/**
 * What a list may filter by: the spec's `currencyCode` query enum also names currencies that
 * accounts elsewhere hold, though the docs let this platform create only the five above.
 */
export const FILTER_CURRENCIES = ['AUD', 'CAD', 'EUR', 'GBP', 'USD', 'MXN', 'SGD', 'PLN'] as const;

export const ACCOUNT_STATUSES = ['ACTIVE', 'INACTIVE', 'DISABLED', 'FROZEN', 'DELETED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const MAX_RESULTS_LIMIT = 200;
export const DEFAULT_MAX_RESULTS = 10;

/** A value that breaks a rule: which field, what rule, and the value itself. */
export interface Problem {
  /** The API's field name (customerIdentifier, fundingNotification[1].emailAddress, ...). */
  field: string;
  /** The rule in words, e.g. "must be 5-100 characters: letters, digits or '-'". */
  message: string;
  invalidValue: unknown;
  /** A short machine-readable form of the rule (a pattern, a range, a list). */
  constraint: string;
  i18nKey: string;
  /** A suggestion that fixes the value, when there is an obvious one. */
  hint?: string;
}

export interface FieldRule {
  field: string;
  message: string;
  constraint: string;
  i18nKey: string;
  /** For a rule that is a closed list: every allowed value (flag parsers and completions read it). */
  values?: readonly string[];
  test(value: string): boolean;
  hint?(value: string): string | undefined;
  /**
   * What a person's input means before the rule checks it (`frozen` is FROZEN). Only input is
   * normalised: the emulator, like the API, checks what it is sent as it is.
   */
  normalize?(value: string): string;
}

const IDENTIFIER = /^[-a-zA-Z0-9]{5,100}$/;
const ACCOUNT_IDENTIFIER = /^[-a-z0-9]{5,100}$/;
// The WHATWG "valid e-mail address", plus a dot in the domain: a bare host is no contact address.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const EMAIL_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A positive amount in the account's currency, at most two decimals, no sign or exponent.
const THRESHOLD = /^\d{1,10}(?:\.\d{1,2})?$/;
/** The largest low-balance threshold accepted (the spec is silent; this keeps every value exact in a double). */
export const MAX_THRESHOLD = 1_000_000_000;
// The spec's `contactEmail` filter allows longer addresses than an account may be created with.
const EMAIL_FILTER_MAX = 255;
const upperCase = (value: string) => value.trim().toUpperCase();

/** A rule that is a closed list of capitalised words: input in any case, checked as given. */
function enumRule(field: string, i18nKey: string, values: readonly string[]): FieldRule {
  return {
    field,
    message: `must be one of ${values.join(', ')}`,
    constraint: values.join('|'),
    i18nKey,
    values,
    test: (v) => values.includes(v),
    hint: (v) => (values.includes(v.toUpperCase()) ? `use ${v.toUpperCase()}` : undefined),
    normalize: upperCase,
  };
}

export const rules = {
  customerIdentifier: {
    field: 'customerIdentifier',
    message: "must be 5-100 characters, each a letter, a digit or '-'",
    constraint: IDENTIFIER.source,
    i18nKey: 'validation.customerIdentifier.pattern',
    test: (v) => IDENTIFIER.test(v),
  },
  accountIdentifier: {
    field: 'accountIdentifier',
    message: "must be 5-100 characters, each a lowercase letter, a digit or '-'",
    constraint: ACCOUNT_IDENTIFIER.source,
    i18nKey: 'validation.accountIdentifier.pattern',
    test: (v) => ACCOUNT_IDENTIFIER.test(v),
    hint: (v) => (ACCOUNT_IDENTIFIER.test(v.toLowerCase()) ? `use the lowercase form: ${v.toLowerCase()}` : undefined),
  },
  displayName: {
    field: 'displayName',
    message: 'must be 5-100 characters of letters, digits, punctuation, symbols or spaces (not only spaces; no emoji)',
    constraint: '5-100 characters of \\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}, no emoji',
    i18nKey: 'validation.displayName.pattern',
    test: (v) => displayNameFault(v) === undefined,
    hint: displayNameFault,
  },
  contactEmail: {
    field: 'contactEmail',
    message: `must be a valid email address of at most ${EMAIL_MAX} characters`,
    constraint: 'email, maxLength 100',
    i18nKey: 'validation.contactEmail.email',
    test: isEmail,
  },
  fundingEmail: listEmailRule('validation.fundingNotification.email'),
  /** A filter's contact email: any address the spec's filter takes, up to 255 characters. */
  contactEmailFilter: {
    field: 'contactEmail',
    message: `must be a valid email address of at most ${EMAIL_FILTER_MAX} characters`,
    constraint: `email, maxLength ${EMAIL_FILTER_MAX}`,
    i18nKey: 'validation.contactEmail.email',
    test: (v) => v.length <= EMAIL_FILTER_MAX && EMAIL.test(v),
  },
  currencyCode: enumRule('currencyCode', 'validation.currencyCode.enum', CURRENCIES),
  /** The currencies a list may filter by (the spec's query enum), more than may be created. */
  currencyFilter: enumRule('currencyCode', 'validation.currencyCode.enum', FILTER_CURRENCIES),
  status: enumRule('status', 'validation.status.enum', ACCOUNT_STATUSES),
  /** Customer statuses are undocumented: any single word, sent in capitals. */
  customerStatus: {
    field: 'status',
    message: 'must be a single word, such as ACTIVE',
    constraint: '^[A-Za-z_]+$',
    i18nKey: 'validation.status.word',
    test: (v) => /^[A-Za-z_]+$/.test(v),
    normalize: upperCase,
  },
  maxResults: {
    field: 'maxResults',
    message: `must be a whole number from 1 to ${MAX_RESULTS_LIMIT}`,
    constraint: `1..${MAX_RESULTS_LIMIT}`,
    i18nKey: 'validation.maxResults.range',
    test: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_RESULTS_LIMIT,
  },
  balance: {
    field: 'balance',
    message: 'must be a number, such as 100 or 12.50',
    constraint: 'number',
    i18nKey: 'validation.balance.number',
    test: (v) => /^-?\d+(\.\d+)?$/.test(v.trim()),
  },
  dateTime: {
    field: 'date',
    message: 'must be an ISO 8601 date or date-time, such as 2025-01-31 or 2025-01-31T12:00:00Z',
    constraint: 'date-time',
    i18nKey: 'validation.date.format',
    test: (v) => parseIsoDate(v) !== undefined,
  },
  /** The API's date-time query values (`format: date-time`): what the emulator takes, strictly. */
  dateTimeQuery: {
    field: 'date',
    message: 'must be an RFC 3339 date-time with a time zone, such as 2025-01-31T12:00:00Z',
    constraint: 'date-time',
    i18nKey: 'validation.date.format',
    test: (v) => parseRfc3339(v) !== undefined,
  },
  // Low-balance alerts (see alerts.ts). The spec gives no limits for an alert's name: it is the
  // account display-name rule, read through at call time so the two can never drift apart.
  balanceAlertDisplayName: {
    field: 'balanceAlertDisplayName',
    i18nKey: 'validation.balanceAlertDisplayName.pattern',
    get message(): string {
      return displayNameRule().message;
    },
    get constraint(): string {
      return displayNameRule().constraint;
    },
    test: (v) => displayNameRule().test(v),
  },
  balanceAlertThreshold: {
    field: 'balanceAlertThreshold',
    message: `must be an amount greater than 0 and at most ${MAX_THRESHOLD}, with at most two decimals, such as 500 or 99.50`,
    constraint: `0 < amount <= ${MAX_THRESHOLD}, 2 decimals`,
    i18nKey: 'validation.balanceAlertThreshold.amount',
    test: isThreshold,
  },
  balanceAlertID: {
    field: 'balanceAlertID',
    message: 'must be a UUID such as 3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b',
    constraint: UUID.source,
    i18nKey: 'validation.balanceAlertID.uuid',
    test: (v) => UUID.test(v),
  },
  alertEmail: listEmailRule('validation.balanceAlertNotification.email'),
} satisfies Record<string, FieldRule>;

export type RuleName = keyof typeof rules;

/** An `emailAddress` item of a notification list (funding, low-balance alerts). */
function listEmailRule(i18nKey: string): FieldRule {
  return {
    field: 'emailAddress',
    message: `must be a valid email address of at most ${EMAIL_MAX} characters`,
    constraint: 'email, maxLength 100',
    i18nKey,
    test: isEmail,
  };
}

/** The account display-name rule, typed, for rules that reuse it (an annotated return breaks the inference cycle). */
function displayNameRule(): FieldRule {
  return rules.displayName;
}

/** A threshold as typed or as JSON's number printed back: `500`, `99.5`, `99.50`; never 0, a sign or an exponent. */
export function isThreshold(value: string): boolean {
  const text = value.trim();
  return THRESHOLD.test(text) && Number(text) > 0 && Number(text) <= MAX_THRESHOLD;
}

export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL.test(value);
}

const DISPLAY_NAME_MIN = 5;
const DISPLAY_NAME_MAX = 100;
// Letters with their combining marks, digits, punctuation, symbols, spaces, and the two joiners
// some scripts write with (Devanagari's half forms). Everything else, control characters first.
const DISPLAY_NAME_CHARACTER = /[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\u200C\u200D]/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EMOJI_VARIATION = '\uFE0F';
const KEYCAP = '\u20E3';
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/**
 * Why a display name breaks the rule, in a few words, or undefined when it keeps it. Emoji are the
 * characters shown as emoji by default (Unicode Emoji_Presentation: 🚀, flags, skin tones),
 * anything followed by U+FE0F, keycaps and ZWJ sequences; text symbols such as ™ © ® are symbols.
 * Length counts code points, as the spec's `{5,100}` pattern does.
 */
export function displayNameFault(value: string): string | undefined {
  const characters = [...value];
  if (characters.length < DISPLAY_NAME_MIN || characters.length > DISPLAY_NAME_MAX) {
    return `it has ${characters.length} characters`;
  }
  for (const [index, character] of characters.entries()) {
    const next = characters[index + 1];
    const previous = characters[index - 1];
    const joinsPictographs =
      character === '\u200D' &&
      // Stryker disable next-line ConditionalExpression: test(undefined) reads "undefined", which is no pictograph
      [previous, next].some((c) => c !== undefined && PICTOGRAPHIC.test(c));
    if (EMOJI_PRESENTATION.test(character) || next === EMOJI_VARIATION || character === KEYCAP || joinsPictographs) {
      return `remove the emoji at character ${index + 1}`;
    }
    if (!DISPLAY_NAME_CHARACTER.test(character)) {
      return `remove ${codePoint(character)} at character ${index + 1}`;
    }
  }
  if (value.trim() === '') return 'it is only spaces';
  return undefined;
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A person's input for a rule as the API wants it (`frozen` becomes FROZEN); other rules keep it. */
export function normalizeInput(ruleName: RuleName, value: string): string {
  const rule: FieldRule = rules[ruleName];
  return rule.normalize ? rule.normalize(value) : value;
}

/**
 * Accepts `2025-01-31`, `2025-01-31T12:00`, `2025-01-31T12:00:00.000Z`, `...+02:00`; rejects the
 * rest. Without an offset the value is UTC (a bare date is 00:00 UTC), never the machine's zone.
 */
export function parseIsoDate(value: string): Date | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
  const parts = iso.exec(value.trim());
  if (!parts) return undefined;
  // Stryker disable next-line StringLiteral: the calendar day's group is not optional, so it always matched
  const [, calendarDay = '', time = '00:00:00', offset = 'Z'] = parts;
  const [year, month, day] = calendarDay.split('-').map(Number) as [number, number, number];
  // Stryker disable next-line MethodExpression: V8 reads a lowercase z as Z too; the capital keeps to the ECMAScript format
  const date = new Date(`${calendarDay}T${time}${offset.toUpperCase()}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // `new Date` rolls 2025-02-30 over into March 2 (it refuses a day 00 or 32 and a month 00 or 13): a
  // calendar day that does not exist comes back as another day of the month, and is an error.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return undefined;
  return date;
}

/**
 * A date-time as the spec's `format: date-time` means it (RFC 3339): date, time and offset all
 * present, such as `2025-01-31T12:00:00Z`. What the API's date-time query parameters take.
 */
export function parseRfc3339(value: string): Date | undefined {
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
  return rfc3339.test(value) ? parseIsoDate(value) : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date bound, both ends inclusive. A bare date as the upper bound means the end of that day
 * (UTC), so "created before 2025-01-31" includes the 31st, as a person reading it expects.
 */
export function parseDateBound(value: string, bound: 'min' | 'max'): Date | undefined {
  const date = parseIsoDate(value);
  // Of the forms parseIsoDate reads, only a bare date is this short.
  const bareDate = value.trim().length === 'YYYY-MM-DD'.length;
  if (!date || bound === 'min' || !bareDate) return date;
  return new Date(date.getTime() + DAY_MS - 1);
}

/** Checks one value against one rule; `field` overrides the rule's own name (for list items). */
export function check(ruleName: RuleName, value: unknown, field?: string): Problem | undefined {
  const rule: FieldRule = rules[ruleName];
  const name = field ?? rule.field;
  if (typeof value !== 'string') {
    return {
      field: name,
      message: 'must be a string',
      invalidValue: value,
      constraint: 'string',
      i18nKey: rule.i18nKey,
    };
  }
  if (rule.test(value)) return undefined;
  return {
    field: name,
    message: rule.message,
    invalidValue: value,
    constraint: rule.constraint,
    i18nKey: rule.i18nKey,
    hint: rule.hint?.(value),
  };
}

/** Throws-nothing form for prompts: `true` when valid, else the message a prompt shows. */
export function promptCheck(ruleName: RuleName): (value: string) => true | string {
  return (value) => {
    const problem = check(ruleName, value);
    if (!problem) return true;
    return problem.hint ? `${capitalise(problem.message)} (${problem.hint})` : capitalise(problem.message);
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function missing(field: string): Problem {
  return {
    field,
    message: 'is required',
    invalidValue: undefined,
    constraint: 'required',
    i18nKey: 'validation.required',
  };
}

export function requireField(body: Record<string, unknown>, field: string, ruleName: RuleName): Problem[] {
  const value = body[field];
  if (value === undefined || value === null || value === '') return [missing(field)];
  const problem = check(ruleName, value, field);
  return problem ? [problem] : [];
}

export function optionalField(body: Record<string, unknown>, field: string, ruleName: RuleName): Problem[] {
  const value = body[field];
  if (value === undefined) return [];
  const problem = check(ruleName, value, field);
  return problem ? [problem] : [];
}

function fundingNotificationProblems(value: unknown): Problem[] {
  return emailListProblems(value, 'fundingNotification', 'fundingEmail');
}

/**
 * A list of `{emailAddress}` objects (funding notifications, alert notifications): each a valid
 * address, none twice (ignoring case). Null or absent is no problem here; callers that need a
 * list say so themselves.
 */
export function emailListProblems(value: unknown, listField: string, ruleName: RuleName): Problem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    return [
      {
        field: listField,
        message: 'must be a list of {"emailAddress": "..."} objects',
        invalidValue: value,
        constraint: 'array',
        i18nKey: `validation.${listField}.type`,
      },
    ];
  }
  // Only {emailAddress} objects count: a bare string is the wrong shape, reported below, not an address.
  // (addressOf gives a null back as it is, and a null is no address.)
  const addresses = value.map((item) => (typeof item === 'object' ? addressOf(item) : undefined));
  const repeats = new Set(repeatedEmails(addresses).map((repeat) => repeat.index));
  const problems: Problem[] = [];
  value.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({
        field: `${listField}[${index}]`,
        message: 'must be an {"emailAddress": "..."} object',
        invalidValue: item,
        constraint: listField === 'fundingNotification' ? 'FundingNotificationCriteria' : 'BalanceAlertContactDTO',
        i18nKey: `validation.${listField}.type`,
      });
      return;
    }
    const address = addresses[index];
    const field = `${listField}[${index}].emailAddress`;
    const problem = check(ruleName, address, field);
    if (problem) problems.push(problem);
    else if (repeats.has(index)) {
      problems.push({
        field,
        message: 'appears more than once; each address may be listed once',
        invalidValue: address,
        constraint: 'uniqueItems',
        i18nKey: `validation.${listField}.unique`,
      });
    }
  });
  return problems;
}

/** Email addresses are told apart without regard to case: Ops@x.com and ops@x.com are one address. */
export function emailKey(address: string): string {
  return address.toLowerCase();
}

/** The rule that each funding email is listed once: every repeat, with the index of its first listing. */
export function repeatedEmails(emails: readonly unknown[]): Array<{ index: number; first: number }> {
  const firstOf = new Map<string, number>();
  const repeats: Array<{ index: number; first: number }> = [];
  emails.forEach((email, index) => {
    if (typeof email !== 'string') return;
    const first = firstOf.get(emailKey(email));
    if (first === undefined) firstOf.set(emailKey(email), index);
    else repeats.push({ index, first });
  });
  return repeats;
}

export interface CreateCustomerBody {
  customerIdentifier: string;
  displayName: string;
}

export interface CreateAccountBody {
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode?: string;
  fundingNotification?: FundingNotification[];
}

/** The fields of an account create, in the order they are shown; a new field starts here and in the rules. */
export const ACCOUNT_FIELDS = [
  'accountIdentifier',
  'displayName',
  'contactEmail',
  'currencyCode',
  'fundingNotification',
] as const satisfies ReadonlyArray<keyof CreateAccountBody>;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface UpdateAccountBody {
  displayName?: string;
  contactEmail?: string;
  fundingNotification?: FundingNotification[];
}

export function validateCreateCustomer(body: Record<string, unknown>): Problem[] {
  return [
    ...requireField(body, 'customerIdentifier', 'customerIdentifier'),
    ...requireField(body, 'displayName', 'displayName'),
  ];
}

export function validateCreateAccount(body: Record<string, unknown>): Problem[] {
  return [
    ...requireField(body, 'accountIdentifier', 'accountIdentifier'),
    ...requireField(body, 'displayName', 'displayName'),
    ...requireField(body, 'contactEmail', 'contactEmail'),
    ...optionalField(body, 'currencyCode', 'currencyCode'),
    ...fundingNotificationProblems(body.fundingNotification),
  ];
}

export function validateUpdateAccount(body: Record<string, unknown>): Problem[] {
  return [
    ...optionalField(body, 'displayName', 'displayName'),
    ...optionalField(body, 'contactEmail', 'contactEmail'),
    ...fundingNotificationProblems(body.fundingNotification),
  ];
}

/** Suggests an identifier from a display name: "Zanzibar Health Group" -> "zanzibar-health-group". */
export function suggestIdentifier(displayName: string): string {
  const slug = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-') // from here on, no two '-' in a row
    .replace(/^-|-$/g, '')
    .slice(0, 100)
    .replace(/-$/, '');
  if (slug.length === 0) return 'new-customer';
  // Too short to be an identifier: pad with zeros rather than invent words.
  // Stryker disable next-line EqualityOperator: a slug of exactly five, padded and cut to five, is itself
  return slug.length >= 5 ? slug : `${slug}-0000`.slice(0, 5);
}
