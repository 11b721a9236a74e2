/**
 * The state file: YAML or JSON by its extension, in the API's field names (docs/state.md).
 *
 *   version: 2
 *   customers:
 *     - customerIdentifier: acme-co
 *       displayName: Acme Co
 *       accounts:
 *         - accountIdentifier: acme-main
 *           displayName: Acme Main
 *           contactEmail: ops@acme.example
 *           currencyCode: USD                    optional, default USD
 *           fundingEmails: [finance@acme.example]   optional: left out, they are not managed
 *           lowBalanceAlerts:                    optional: left out, the alerts are not managed
 *             - { displayName: Main budget low, threshold: 500, emails: [ops@acme.example] }
 *
 * An onboarding plan (version 1, docs/onboarding.md) is read too. The whole file is checked
 * before any request and every problem is reported at once with its path
 * (`customers[2].accounts[0].contactEmail`): one round of fixes, not five. The account and alert
 * checks are the plan file's own (src/wizard/plan-file.ts), so both formats keep one set of rules.
 */
import { access, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readTextFile } from '../commands/read-input.js';
import { fundingEmails } from '../domain/funding-emails.js';
import { describeDepth, jsonTooDeep } from '../domain/input-limits.js';
import { check } from '../domain/rules.js';
import { UsageError } from '../errors.js';
import { alertsOf, type OnboardingPlan } from '../wizard/plan.js';
import {
  checkAccount,
  checkAccountAlerts,
  checkPlan,
  describeProblem,
  fromRule,
  isObject,
  type PlanProblem,
  unknownKeys,
} from '../wizard/plan-file.js';
import {
  type DesiredAccount,
  type DesiredCustomer,
  type DesiredState,
  STATE_VERSION,
  type StateSource,
} from './types.js';
import { loadYaml } from './yaml.js';

const NOUN = 'state field';
const TOP_KEYS = ['$schema', 'version', 'customers'];
const CUSTOMER_KEYS = ['customerIdentifier', 'displayName', 'accounts'];

export type StateCheck = { state: DesiredState; problems: [] } | { state: undefined; problems: PlanProblem[] };

/** Checks a parsed file (version 2, or an onboarding plan) and returns the state it describes. */
export function checkState(value: unknown): StateCheck {
  if (!isObject(value)) {
    return {
      state: undefined,
      problems: [{ path: '(file)', message: 'must be a mapping with version and customers' }],
    };
  }
  if (value.version === STATE_VERSION) return checkVersion2(value);
  if ((value.version === undefined || value.version === 1) && value.customer !== undefined) {
    const result = checkPlan(value);
    return result.plan
      ? { state: fromPlan(result.plan), problems: [] }
      : { state: undefined, problems: result.problems };
  }
  const problems: PlanProblem[] = [
    {
      path: 'version',
      message: `must be ${STATE_VERSION} (a state file) or 1 (an onboarding plan)`,
      value: value.version,
    },
  ];
  return { state: undefined, problems };
}

function checkVersion2(value: Record<string, unknown>): StateCheck {
  const problems: PlanProblem[] = [...unknownKeys(value, TOP_KEYS, '', NOUN)];
  if (value.$schema !== undefined && typeof value.$schema !== 'string') {
    problems.push({ path: '$schema', message: 'must be a string (the schema URL)', value: value.$schema });
  }
  if (!Array.isArray(value.customers)) {
    problems.push({ path: 'customers', message: 'is required: a list of customers', value: value.customers });
    return { state: undefined, problems };
  }
  const customers = value.customers.map((item, index) => checkCustomer(item, `customers[${index}]`, problems));
  problems.push(...repeatedIdentifiers(value.customers));
  if (problems.length) return { state: undefined, problems };
  return { state: { customers: customers as DesiredCustomer[] }, problems: [] };
}

function checkCustomer(value: unknown, path: string, problems: PlanProblem[]): DesiredCustomer | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be a mapping with customerIdentifier, displayName and accounts' });
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeys(value, CUSTOMER_KEYS, `${path}.`, NOUN));
  for (const key of ['customerIdentifier', 'displayName'] as const) {
    const given = value[key];
    if (given === undefined || given === null || given === '')
      problems.push({ path: `${path}.${key}`, message: 'is required' });
    else {
      const problem = check(key, given);
      if (problem) problems.push(fromRule(problem, `${path}.${key}`));
    }
  }
  const accounts = checkAccounts(value.accounts, `${path}.accounts`, problems);
  if (problems.length > before || !accounts) return undefined;
  return {
    customerIdentifier: value.customerIdentifier as string,
    displayName: value.displayName as string,
    mustExist: false,
    accounts,
  };
}

/** A customer's accounts; left out, it has none the file manages. */
function checkAccounts(value: unknown, path: string, problems: PlanProblem[]): DesiredAccount[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be a list of accounts', value });
    return undefined;
  }
  const before = problems.length;
  const accounts = value.map((item, index) => {
    const itemPath = `${path}[${index}]`;
    const body = checkAccount(item, itemPath, problems, NOUN);
    if (!isObject(item)) return undefined;
    const alerts =
      item.lowBalanceAlerts === undefined
        ? undefined
        : checkAccountAlerts(item.lowBalanceAlerts, `${itemPath}.lowBalanceAlerts`, problems, NOUN);
    if (!body) return undefined;
    const managesFunding = item.fundingEmails !== undefined || item.fundingNotification !== undefined;
    const account: DesiredAccount = {
      accountIdentifier: body.accountIdentifier,
      displayName: body.displayName,
      contactEmail: body.contactEmail,
      currencyCode: body.currencyCode as string,
    };
    if (managesFunding) account.fundingEmails = fundingEmails(body.fundingNotification);
    if (alerts) account.lowBalanceAlerts = alerts;
    return account;
  });
  return problems.length > before ? undefined : (accounts as DesiredAccount[]);
}

/**
 * A customer named twice, or an account named twice anywhere in the file (account identifiers are
 * unique platform-wide): the file would contradict itself.
 */
function repeatedIdentifiers(customers: readonly unknown[]): PlanProblem[] {
  // Read from the file as written, so a repeat is reported even in a customer with other problems:
  // every problem at once, not one more after each fix.
  const problems: PlanProblem[] = [];
  const customerAt = new Map<string, number>();
  const accountAt = new Map<string, string>();
  customers.forEach((customer, index) => {
    if (!isObject(customer)) return;
    const id = customer.customerIdentifier;
    const first = typeof id === 'string' ? customerAt.get(id) : undefined;
    if (typeof id === 'string' && first !== undefined) {
      problems.push({
        path: `customers[${index}].customerIdentifier`,
        message: `repeats customers[${first}]; each customer is listed once`,
        value: id,
      });
    } else if (typeof id === 'string' && id !== '') customerAt.set(id, index);
    const accounts = Array.isArray(customer.accounts) ? customer.accounts : [];
    accounts.forEach((account: unknown, accountIndex: number) => {
      const accountId = isObject(account) ? account.accountIdentifier : undefined;
      if (typeof accountId !== 'string' || accountId === '') return;
      const path = `customers[${index}].accounts[${accountIndex}]`;
      const earlier = accountAt.get(accountId);
      if (earlier !== undefined) {
        problems.push({
          path: `${path}.accountIdentifier`,
          message: `repeats ${earlier}; account identifiers are unique across the platform`,
          value: accountId,
        });
      } else accountAt.set(accountId, path);
    });
  });
  return problems;
}

/** An onboarding plan as desired state: what it does not say (funding emails, alerts) is not managed. */
export function fromPlan(plan: OnboardingPlan): DesiredState {
  const { customer } = plan;
  const accounts = plan.accounts.map((body): DesiredAccount => {
    const account: DesiredAccount = {
      accountIdentifier: body.accountIdentifier,
      displayName: body.displayName,
      contactEmail: body.contactEmail,
      currencyCode: body.currencyCode as string,
    };
    if (body.fundingNotification) account.fundingEmails = fundingEmails(body.fundingNotification);
    const alerts = alertsOf(plan, body.accountIdentifier);
    if (alerts.length) account.lowBalanceAlerts = alerts;
    return account;
  });
  const displayName = customer.existing && !customer.displayName ? undefined : customer.displayName;
  return {
    customers: [
      { customerIdentifier: customer.customerIdentifier, displayName, mustExist: customer.existing, accounts },
    ],
  };
}

/** The format a file name says: .json, or .yaml/.yml; stdin is sniffed (JSON starts with `{`). */
export function formatOf(file: string, text?: string): StateSource['format'] {
  if (file === '-') return text?.trimStart().startsWith('{') ? 'json' : 'yaml';
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  throw new UsageError(`Cannot tell the format of ${file}: name it .yaml, .yml or .json.`);
}

/** Parses the text of a file in its format; a syntax error is exit 2 with its line. */
export async function parseText(text: string, source: StateSource): Promise<unknown> {
  // Checked before parsing (flow brackets in YAML too): a hostile nesting is a usage error, not a stack overflow.
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new UsageError(`${source.name} is ${describeDepth(deep)}; nothing was sent.`, {
      hint: 'a state file is 6 levels deep at most; the format is in docs/state.md',
    });
  }
  if (source.format === 'json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${source.name} is not valid JSON: ${(error as Error).message}`, { hint: FORMAT_HINT });
    }
  }
  // Loaded only here: commands that never read or write YAML never pay for the parser.
  const { parseDocument } = await loadYaml();
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length) {
    throw new UsageError(`${source.name} is not valid YAML; nothing was sent.`, {
      details: document.errors.map((error) => {
        const place = error.linePos?.[0];
        const where = place ? `line ${place.line}, column ${place.col}: ` : '';
        const said = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `${where}${said}`;
      }),
      hint: FORMAT_HINT,
    });
  }
  return expandAliases(document, source);
}

/**
 * yaml's alias limit bounds how far anchors expand (uses of an anchor times what it holds), so it
 * tells reuse from a "billion laughs" bomb. Its default of 100 refused an ordinary file whose 101
 * accounts share `fundingEmails: *fund`; 10,000 lets any real file through and still stops a bomb
 * within a few megabytes, as a usage error naming the file instead of an unexpected crash.
 */
const MAX_ALIAS_EXPANSION = 10_000;

function expandAliases(document: { toJS(options: { maxAliasCount: number }): unknown }, source: StateSource) {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new UsageError(
      `${source.name} expands its YAML aliases (*name) past ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes; nothing was sent.`,
      { hint: 'write the repeated values out, or reuse an anchor fewer times' },
    );
  }
}

const FORMAT_HINT = 'the format is in docs/state.md; `tango export` writes a file to start from';

/** Parses and checks a state file's text; any problem is a usage error (exit 2) listing them all. */
export async function parseState(text: string, source: StateSource): Promise<DesiredState> {
  const result = checkState(await parseText(text, source));
  if (result.state) return result.state;
  const count = result.problems.length;
  throw new UsageError(`${source.name} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent.`, {
    details: result.problems.map(describeProblem),
    hint: FORMAT_HINT,
  });
}

/** Reads a state file, or stdin when the name is "-". */
export async function readState(file: string, readStdin: () => Promise<string>): Promise<DesiredState> {
  if (file === '-') {
    const text = await readStdin();
    return parseState(text, { name: 'stdin', format: formatOf(file, text) });
  }
  const format = formatOf(file);
  return parseState(await readTextFile('-f', file), { name: file, format });
}

/** Writes text to a file, refusing to replace one unless `overwrite`. */
export async function writeText(file: string, text: string, overwrite: boolean): Promise<void> {
  try {
    await writeFile(file, text, { flag: overwrite ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsAlready(file);
    throw new UsageError(`Cannot write ${file}${code ? ` (${code})` : ''}.`);
  }
}

/**
 * Refuses a file that exists (unless it may be replaced) before any work: an export reads the whole
 * platform first. writeText still refuses atomically, for a file that appears meanwhile.
 */
export async function refuseExisting(file: string, overwrite: boolean): Promise<void> {
  if (overwrite) return;
  const there = await access(file).then(
    () => true,
    () => false,
  );
  if (there) throw existsAlready(file);
}

function existsAlready(file: string): UsageError {
  return new UsageError(`${file} exists already.`, { hint: 'pass --force to replace it, or name another file' });
}
