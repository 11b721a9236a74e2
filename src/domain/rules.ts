/**
 * Every field rule of the API, defined once. The flag parsers, the wizard's prompts, file import
 * and the emulator all check values through these, so a value the CLI accepts is one the
 * emulator accepts and the other way round.
 */

import { addressOf, type FundingNotification } from './funding-emails.js';

export const CURRENCIES = ['USD', 'AUD', 'CAD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'USD';

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
}

const IDENTIFIER = /^[-a-zA-Z0-9]{5,100}$/;
const ACCOUNT_IDENTIFIER = /^[-a-z0-9]{5,100}$/;
const DISPLAY_NAME = /^[\p{L}\p{N}\p{P}\p{Z}]{5,100}$/u;
// The WHATWG "valid e-mail address", plus a dot in the domain: a bare host is no contact address.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const EMAIL_MAX = 100;

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
    message: 'must be 5-100 characters of letters, digits, punctuation and spaces (no emoji or symbols)',
    constraint: DISPLAY_NAME.source,
    i18nKey: 'validation.displayName.pattern',
    test: (v) => DISPLAY_NAME.test(v),
  },
  contactEmail: {
    field: 'contactEmail',
    message: `must be a valid email address of at most ${EMAIL_MAX} characters`,
    constraint: 'email, maxLength 100',
    i18nKey: 'validation.contactEmail.email',
    test: isEmail,
  },
  fundingEmail: {
    field: 'emailAddress',
    message: `must be a valid email address of at most ${EMAIL_MAX} characters`,
    constraint: 'email, maxLength 100',
    i18nKey: 'validation.fundingNotification.email',
    test: isEmail,
  },
  currencyCode: {
    field: 'currencyCode',
    message: `must be one of ${CURRENCIES.join(', ')}`,
    constraint: CURRENCIES.join('|'),
    i18nKey: 'validation.currencyCode.enum',
    values: CURRENCIES,
    test: (v) => (CURRENCIES as readonly string[]).includes(v),
    hint: (v) => ((CURRENCIES as readonly string[]).includes(v.toUpperCase()) ? `use ${v.toUpperCase()}` : undefined),
  },
  status: {
    field: 'status',
    message: `must be one of ${ACCOUNT_STATUSES.join(', ')}`,
    constraint: ACCOUNT_STATUSES.join('|'),
    i18nKey: 'validation.status.enum',
    values: ACCOUNT_STATUSES,
    test: (v) => (ACCOUNT_STATUSES as readonly string[]).includes(v),
    hint: (v) =>
      (ACCOUNT_STATUSES as readonly string[]).includes(v.toUpperCase()) ? `use ${v.toUpperCase()}` : undefined,
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
} satisfies Record<string, FieldRule>;

export type RuleName = keyof typeof rules;

export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL.test(value);
}

/** Accepts `2025-01-31`, `2025-01-31T12:00`, `2025-01-31T12:00:00.000Z`, `...+02:00`; rejects the rest. */
export function parseIsoDate(value: string): Date | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
  if (!iso.test(value.trim())) return undefined;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value.trim());
  if (Number.isNaN(date.getTime())) return undefined;
  // `new Date` rolls 2025-02-30 over into March; a calendar day that does not exist is an error.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date bound, both ends inclusive. A bare date as the upper bound means the end of that day
 * (UTC), so "created before 2025-01-31" includes the 31st, as a person reading it expects.
 */
export function parseDateBound(value: string, bound: 'min' | 'max'): Date | undefined {
  const date = parseIsoDate(value);
  if (!date || bound === 'min' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return date;
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

function missing(field: string): Problem {
  return {
    field,
    message: 'is required',
    invalidValue: undefined,
    constraint: 'required',
    i18nKey: 'validation.required',
  };
}

function requireField(body: Record<string, unknown>, field: string, ruleName: RuleName): Problem[] {
  const value = body[field];
  if (value === undefined || value === null || value === '') return [missing(field)];
  const problem = check(ruleName, value, field);
  return problem ? [problem] : [];
}

function optionalField(body: Record<string, unknown>, field: string, ruleName: RuleName): Problem[] {
  const value = body[field];
  if (value === undefined) return [];
  const problem = check(ruleName, value, field);
  return problem ? [problem] : [];
}

function fundingNotificationProblems(value: unknown): Problem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    return [
      {
        field: 'fundingNotification',
        message: 'must be a list of {"emailAddress": "..."} objects',
        invalidValue: value,
        constraint: 'array',
        i18nKey: 'validation.fundingNotification.type',
      },
    ];
  }
  const addresses = value.map(addressOf);
  const repeats = new Set(repeatedEmails(addresses).map((repeat) => repeat.index));
  const problems: Problem[] = [];
  addresses.forEach((address, index) => {
    const field = `fundingNotification[${index}].emailAddress`;
    const problem = check('fundingEmail', address, field);
    if (problem) problems.push(problem);
    else if (repeats.has(index)) {
      problems.push({
        field,
        message: 'appears more than once; each address may be listed once',
        invalidValue: address,
        constraint: 'uniqueItems',
        i18nKey: 'validation.fundingNotification.unique',
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
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  if (slug.length === 0) return 'new-customer';
  // Too short to be an identifier: pad with zeros rather than invent words.
  return slug.length >= 5 ? slug : `${slug}-0000`.slice(0, 5);
}
