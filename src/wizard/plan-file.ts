/**
 * The plan file: an onboarding written down, so a script can do what the wizard does and an
 * interactive run can be replayed. Format (docs/onboarding.md):
 *
 *   {
 *     "version": 1,                                   optional
 *     "customer": { "customerIdentifier": "...", "displayName": "...", "existing": false },
 *     "accounts": [ { "accountIdentifier": "...", "displayName": "...", "contactEmail": "...",
 *                     "currencyCode": "USD",           optional, default USD
 *                     "fundingEmails": ["..."],        or "fundingNotification": [{"emailAddress": "..."}]
 *                     "lowBalanceAlerts": [ { "displayName": "...", "threshold": 500, "emails": ["..."] } ] } ]
 *   }
 *
 * A file is checked whole before anything is sent: every problem is reported with its path
 * (accounts[1].contactEmail), because a script author wants one round of fixes, not five.
 */
import { writeFile } from 'node:fs/promises';
import { readTextFile } from '../commands/read-input.js';
import { type CreateAlertBody, sameAlertName, validateCreateAlert } from '../domain/alerts.js';
import {
  addressOf,
  fundingEmails,
  toFundingNotification,
  toFundingNotificationIfAny,
} from '../domain/funding-emails.js';
import { describeDepth, jsonTooDeep } from '../domain/input-limits.js';
import {
  ACCOUNT_FIELDS,
  type CreateAccountBody,
  check,
  DEFAULT_CURRENCY,
  normalizeInput,
  type Problem,
  repeatedEmails,
  validateCreateAccount,
} from '../domain/rules.js';
import { echo, UsageError } from '../errors.js';
import { alertsOf, type CustomerPlan, type OnboardingPlan } from './plan.js';

export const PLAN_VERSION = 1;

/** One thing wrong in a plan file, at a JSON path such as `accounts[0].contactEmail`. */
export interface PlanProblem {
  path: string;
  message: string;
  value?: unknown;
}

export type PlanCheck = { plan: OnboardingPlan; problems: [] } | { plan: undefined; problems: PlanProblem[] };

const TOP_KEYS = ['version', 'customer', 'accounts'];
const CUSTOMER_KEYS = ['customerIdentifier', 'displayName', 'existing'];
/** The create body's fields, and fundingEmails: the plain spelling of fundingNotification. */
const PLAIN_FIELDS = ACCOUNT_FIELDS.filter((field) => field !== 'fundingNotification');
const ACCOUNT_KEYS = [...PLAIN_FIELDS, 'fundingEmails', 'fundingNotification', 'lowBalanceAlerts'];
/** An alert in a plan file, in plain words; each maps to a field of the API's create body. */
const ALERT_FIELDS = {
  displayName: 'balanceAlertDisplayName',
  threshold: 'balanceAlertThreshold',
  emails: 'balanceAlertNotification',
} as const;

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a parsed plan file and, when it is clean, returns the plan it describes. */
export function checkPlan(value: unknown): PlanCheck {
  if (!isObject(value)) return { plan: undefined, problems: [{ path: '(file)', message: 'must be a JSON object' }] };
  const problems: PlanProblem[] = [...unknownKeys(value, TOP_KEYS, '')];
  if (value.version !== undefined && value.version !== PLAN_VERSION) {
    problems.push({ path: 'version', message: `must be ${PLAN_VERSION} (or left out)`, value: value.version });
  }
  const customer = checkCustomer(value.customer, problems);
  const accounts = checkAccounts(value.accounts, problems);
  const alerts = checkAlerts(value.accounts, problems);
  if (problems.length || !customer || !accounts) return { plan: undefined, problems };
  return { plan: { customer, accounts, ...(Object.keys(alerts).length ? { alerts } : {}) }, problems: [] };
}

/** Keys the format does not have; `noun` names the format's fields ("plan field", "state field"). */
export function unknownKeys(
  object: Json,
  known: readonly string[],
  prefix: string,
  noun = 'plan field',
): PlanProblem[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${prefix}${key}`, message: `is not a ${noun} (expected ${known.join(', ')})` }));
}

/** Rewrites a rule problem's field to its path in the file. */
export function fromRule(problem: Problem, path: string): PlanProblem {
  const message = problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
  return problem.invalidValue === undefined ? { path, message } : { path, message, value: problem.invalidValue };
}

function checkCustomer(value: unknown, problems: PlanProblem[]): CustomerPlan | undefined {
  if (!isObject(value)) {
    problems.push({ path: 'customer', message: 'is required: an object with customerIdentifier and displayName' });
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeys(value, CUSTOMER_KEYS, 'customer.'));
  if (value.existing !== undefined && typeof value.existing !== 'boolean') {
    problems.push({ path: 'customer.existing', message: 'must be true or false', value: value.existing });
  }
  const existing = value.existing === true;
  requireByRule(value, 'customerIdentifier', 'customerIdentifier', 'customer.', problems);
  // An existing customer already has its name: it may be left out (one given is checked for form).
  const nameNeeded = !existing || value.displayName !== undefined;
  if (nameNeeded) requireByRule(value, 'displayName', 'displayName', 'customer.', problems);
  if (problems.length > before) return undefined;
  return {
    customerIdentifier: value.customerIdentifier as string,
    displayName: (value.displayName as string | undefined) ?? '',
    existing,
  };
}

function requireByRule(
  object: Json,
  key: string,
  rule: 'customerIdentifier' | 'displayName',
  prefix: string,
  problems: PlanProblem[],
): void {
  const value = object[key];
  if (value === undefined || value === null || value === '') {
    problems.push({ path: `${prefix}${key}`, message: 'is required' });
    return;
  }
  const problem = check(rule, value);
  if (problem) problems.push(fromRule(problem, `${prefix}${key}`));
}

function checkAccounts(value: unknown, problems: PlanProblem[]): CreateAccountBody[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path: 'accounts', message: 'is required: a list of at least one account', value });
    return undefined;
  }
  const before = problems.length;
  const accounts = value.map((item, index) => checkAccount(item, `accounts[${index}]`, problems));
  problems.push(...duplicateIdentifiers(accounts));
  if (problems.length > before) return undefined;
  return accounts as CreateAccountBody[];
}

/**
 * One account of a file at `path`: the create body it stands for, or undefined with its problems
 * pushed. Shared with the state file (src/state/file.ts), whose accounts have the same fields.
 */
export function checkAccount(
  value: unknown,
  path: string,
  problems: PlanProblem[],
  noun = 'plan field',
): CreateAccountBody | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be an object with accountIdentifier, displayName and contactEmail' });
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeys(value, ACCOUNT_KEYS, `${path}.`, noun));
  const emails = fundingEmailsOf(value, path, problems);
  // The body the API would get, checked by the same rules the API (and the emulator) use; the
  // funding emails were checked above, where their path in the file is known.
  const body: Json = Object.fromEntries(PLAIN_FIELDS.map((field) => [field, value[field]]));
  // A closed list is read in any case, as everywhere input is typed: "eur" is EUR.
  if (typeof body.currencyCode === 'string') body.currencyCode = normalizeInput('currencyCode', body.currencyCode);
  for (const problem of validateCreateAccount(body)) problems.push(fromRule(problem, `${path}.${problem.field}`));
  if (problems.length > before || !emails) return undefined;
  return {
    ...(body as unknown as CreateAccountBody),
    currencyCode: (body.currencyCode as string | undefined) ?? DEFAULT_CURRENCY,
    fundingNotification: toFundingNotificationIfAny(emails),
  };
}

/** Funding emails in either spelling: `fundingEmails: ["a@x"]` or the API's `fundingNotification`. */
function fundingEmailsOf(account: Json, path: string, problems: PlanProblem[]): string[] | undefined {
  if (account.fundingEmails !== undefined && account.fundingNotification !== undefined) {
    problems.push({ path: `${path}.fundingEmails`, message: 'give fundingEmails or fundingNotification, not both' });
    return undefined;
  }
  const key = account.fundingNotification !== undefined ? 'fundingNotification' : 'fundingEmails';
  const list = account[key] ?? [];
  if (!Array.isArray(list)) {
    const shape = key === 'fundingEmails' ? 'a list of email addresses' : 'a list of {"emailAddress": "..."}';
    problems.push({ path: `${path}.${key}`, message: `must be ${shape}`, value: list });
    return undefined;
  }
  const before = problems.length;
  const emails = list.map((item, index) => {
    const itemPath = `${path}.${key}[${index}]`;
    const address = key === 'fundingEmails' ? item : addressOf(item);
    const problem = check('fundingEmail', address);
    if (problem) problems.push(fromRule(problem, key === 'fundingEmails' ? itemPath : `${itemPath}.emailAddress`));
    return address as string;
  });
  for (const { index, first } of repeatedEmails(emails)) {
    problems.push({
      path: `${path}.${key}[${index}]`,
      message: `repeats ${key}[${first}]; each address may be listed once`,
      value: emails[index],
    });
  }
  return problems.length > before ? undefined : emails;
}

/** Every account's `lowBalanceAlerts`, checked by the alert rules, by account identifier. */
function checkAlerts(accounts: unknown, problems: PlanProblem[]): Record<string, CreateAlertBody[]> {
  const byAccount: Record<string, CreateAlertBody[]> = {};
  if (!Array.isArray(accounts)) return byAccount;
  accounts.forEach((account, index) => {
    if (!isObject(account) || account.lowBalanceAlerts === undefined) return;
    const alerts = checkAccountAlerts(account.lowBalanceAlerts, `accounts[${index}].lowBalanceAlerts`, problems);
    if (alerts.length && typeof account.accountIdentifier === 'string') byAccount[account.accountIdentifier] = alerts;
  });
  return byAccount;
}

/** An account's `lowBalanceAlerts` at `path`, each as the API's create body; names unique ignoring case. */
export function checkAccountAlerts(
  value: unknown,
  path: string,
  problems: PlanProblem[],
  noun = 'plan field',
): CreateAlertBody[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be a list of {"displayName", "threshold", "emails"}', value });
    return [];
  }
  const alerts: CreateAlertBody[] = [];
  value.forEach((item, index) => {
    const alert = checkAlert(item, `${path}[${index}]`, problems, noun);
    if (!alert) return;
    const twin = alerts.findIndex((a) => sameAlertName(a.balanceAlertDisplayName, alert.balanceAlertDisplayName));
    if (twin >= 0) {
      problems.push({
        path: `${path}[${index}].displayName`,
        message: `repeats ${path}[${twin}]; an account's alert names are unique (ignoring case)`,
        value: alert.balanceAlertDisplayName,
      });
    }
    alerts.push(alert);
  });
  return alerts;
}

/** One alert: the API's create body built from the plain fields, checked by the same rules as the API's. */
function checkAlert(value: unknown, path: string, problems: PlanProblem[], noun: string): CreateAlertBody | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be an object with displayName, threshold and emails' });
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeys(value, Object.keys(ALERT_FIELDS), `${path}.`, noun));
  // Emails that are not a list are one problem; the name and threshold are still checked beside it.
  const emailsNotList = value.emails !== undefined && !Array.isArray(value.emails);
  if (emailsNotList) {
    problems.push({ path: `${path}.emails`, message: 'must be a list of email addresses', value: value.emails });
  }
  const emails = (emailsNotList ? [] : (value.emails ?? [])) as unknown[];
  const body = {
    balanceAlertDisplayName: value.displayName,
    balanceAlertThreshold: value.threshold,
    balanceAlertNotification: emails.map((emailAddress) => ({ emailAddress })),
  };
  for (const problem of validateCreateAlert(body)) {
    const aboutEmails = problem.field === ALERT_FIELDS.emails;
    if (aboutEmails && emailsNotList) continue;
    // The rule speaks the API's shape ({"emailAddress": ...}); the file lists plain addresses.
    if (aboutEmails && emails.length === 0)
      problems.push({ path: `${path}.emails`, message: 'needs at least one email address' });
    else problems.push(fromRule(problem, `${path}.${planPath(problem.field)}`));
  }
  if (problems.length > before) return undefined;
  return { ...(body as CreateAlertBody), balanceAlertNotification: toFundingNotification(emails as string[]) };
}

/** `balanceAlertNotification[1].emailAddress` -> `emails[1]`: the rule's field as the file spells it. */
function planPath(field: string): string {
  const [name = field, rest = ''] = field.split(/(?=\[)/);
  const plain = Object.entries(ALERT_FIELDS).find(([, api]) => api === name)?.[0] ?? name;
  return `${plain}${rest.replace('.emailAddress', '')}`;
}

/** Account identifiers are unique platform-wide, so two in one plan can never both be created. */
function duplicateIdentifiers(accounts: ReadonlyArray<CreateAccountBody | undefined>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  accounts.forEach((account, index) => {
    if (!account) return;
    const first = accounts.findIndex((other) => other?.accountIdentifier === account.accountIdentifier);
    if (first !== index) {
      problems.push({
        path: `accounts[${index}].accountIdentifier`,
        message: `repeats accounts[${first}]; account identifiers are unique`,
        value: account.accountIdentifier,
      });
    }
  });
  return problems;
}

export function describeProblem(problem: PlanProblem): string {
  const got = problem.value === undefined ? '' : ` (got ${echo(problem.value, 'json')})`;
  return `${problem.path}: ${problem.message}${got}`;
}

/** Parses and checks plan text; any problem is a usage error (exit 2) listing them all. */
export function parsePlan(text: string, source: string): OnboardingPlan {
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new UsageError(`The plan ${source} is ${describeDepth(deep)}; nothing was sent.`, {
      hint: 'a plan is 6 levels deep at most; see `tango onboard --help` for the plan format',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The plan ${source} is not valid JSON: ${(error as Error).message}`, {
      hint: 'see `tango onboard --help` for the plan format',
    });
  }
  const result = checkPlan(value);
  if (result.plan) return result.plan;
  const count = result.problems.length;
  throw new UsageError(`The plan ${source} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent.`, {
    details: result.problems.map(describeProblem),
    hint: 'fix them and run again; see `tango onboard --help` for the plan format',
  });
}

/** Reads a plan from a file, or with `readStdin` when the name is "-". */
export async function readPlan(file: string, readStdin: () => Promise<string>): Promise<OnboardingPlan> {
  if (file === '-') return parsePlan(await readStdin(), 'on stdin');
  return parsePlan(await readTextFile('--plan', file), `file ${file}`);
}

/** The plan as a file would hold it: readable first (fundingEmails as plain strings). */
export function planToJson(plan: OnboardingPlan): Json {
  const { customerIdentifier, displayName, existing } = plan.customer;
  return {
    version: PLAN_VERSION,
    customer: existing ? { customerIdentifier, displayName, existing } : { customerIdentifier, displayName },
    accounts: plan.accounts.map(({ fundingNotification, ...account }) => ({
      ...account,
      fundingEmails: fundingEmails(fundingNotification),
      ...alertsJson(plan, account.accountIdentifier),
    })),
  };
}

/** An account's alerts as a file holds them, in plain words; nothing when it has none. */
function alertsJson(plan: OnboardingPlan, accountIdentifier: string): Json {
  const alerts = alertsOf(plan, accountIdentifier);
  if (alerts.length === 0) return {};
  return {
    lowBalanceAlerts: alerts.map((alert) => ({
      displayName: alert.balanceAlertDisplayName,
      threshold: alert.balanceAlertThreshold,
      emails: fundingEmails(alert.balanceAlertNotification),
    })),
  };
}

/** Writes the plan; `overwrite: false` refuses to replace an existing file. */
export async function writePlan(file: string, plan: OnboardingPlan, overwrite: boolean): Promise<void> {
  await writeFile(file, `${JSON.stringify(planToJson(plan), null, 2)}\n`, { flag: overwrite ? 'w' : 'wx' });
}
