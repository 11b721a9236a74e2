/**
 * Creating without ever creating twice, and without calling our own success a failure.
 *
 * A create is retried after a lost answer; if the retry then meets 409 the identifier exists,
 * but perhaps because the first attempt landed. A GET tells: when the resource matches what
 * was asked, it is ours (or, with --if-not-exists, an identical one) and the create succeeded.
 */
import { type CreateAlertBody, type LowBalanceAlert, sameAlertName } from '../domain/alerts.js';
import { type FundingNotification, fundingEmails } from '../domain/funding-emails.js';
import { ACCOUNT_FIELDS, type CreateAccountBody, type CreateCustomerBody, emailKey } from '../domain/rules.js';
import type { Account, Customer } from '../domain/types.js';
import {
  type AlertPlace,
  ApiError,
  CliError,
  ConflictError,
  type CreatedResource,
  type Difference,
  InterruptedError,
  OutcomeUnknownError,
} from '../errors.js';
import type { RequestSpec } from './http.js';
import { checkShape, type ShapeCheck, shapes } from './shapes.js';
import { requests, type TangoApi } from './tango.js';

export type CreateOutcome<T> =
  | { outcome: 'created'; resource: T /** the answer was lost and a GET confirmed it */; recovered: boolean }
  | { outcome: 'existed'; resource: T };

export interface CreateOptions {
  /** An existing resource with the same values counts as success. */
  ifNotExists?: boolean;
}

export async function createCustomer(
  api: TangoApi,
  body: CreateCustomerBody,
  options: CreateOptions = {},
): Promise<CreateOutcome<Customer>> {
  return createWithRecovery({
    send: () => sendChecked(api, requests.createCustomer(body), shapes.customer),
    fetchExisting: () => api.getCustomer(body.customerIdentifier),
    differences: (existing) => customerDifferences(body, existing),
    resource: 'customer',
    identifier: body.customerIdentifier,
    options,
  });
}

export async function createAccount(
  api: TangoApi,
  customer: string,
  body: CreateAccountBody,
  options: CreateOptions = {},
): Promise<CreateOutcome<Account>> {
  return createWithRecovery({
    send: () => sendChecked(api, requests.createAccount(customer, body), shapes.account),
    fetchExisting: async (): Promise<ExistingAccount> => {
      // Account identifiers are unique platform-wide: make sure the existing one is under this customer.
      const owner = await api.getCustomer(customer);
      const account = await api.getAccount(body.accountIdentifier);
      const here = owner.accounts.some((a) => a.accountIdentifier === body.accountIdentifier);
      return here ? account : { ...account, underAnotherCustomer: true };
    },
    differences: (existing) => accountDifferences(body, existing, customer),
    resource: 'account',
    identifier: body.accountIdentifier,
    options,
  });
}

/**
 * An alert's name is unique on its account (ignoring case), so after a 409 the alert of that name
 * is the one to compare. Name and threshold make it the same alert; its emails may differ (the
 * caller can say so), as `alerts create --if-not-exists` promises "never a second alert".
 */
export async function createAlert(
  api: TangoApi,
  customer: string,
  account: string,
  body: CreateAlertBody,
  options: CreateOptions = {},
): Promise<CreateOutcome<LowBalanceAlert>> {
  const identifier = `"${body.balanceAlertDisplayName}" on account ${account}`;
  return createWithRecovery({
    send: () => sendChecked(api, requests.createAlert(customer, account, body), shapes.alert),
    fetchExisting: async () => {
      const filters = { balanceAlertDisplayName: body.balanceAlertDisplayName };
      for await (const page of api.alertPages(customer, account, filters)) {
        const twin = page.lowBalanceAlerts.find((a) =>
          sameAlertName(a.balanceAlertDisplayName, body.balanceAlertDisplayName),
        );
        if (twin) return twin;
      }
      throw new ConflictError(`alert ${identifier} conflicts with an alert that could not be found again`, []);
    },
    differences: (existing) => alertDifferences(body, existing),
    resource: 'alert',
    identifier,
    alert: { customer, account, displayName: body.balanceAlertDisplayName },
    options,
  });
}

export function alertDifferences(requested: CreateAlertBody, existing: LowBalanceAlert): Difference[] {
  const differences: Difference[] = [];
  if (requested.balanceAlertDisplayName !== existing.balanceAlertDisplayName) {
    differences.push({
      field: 'balanceAlertDisplayName',
      existing: existing.balanceAlertDisplayName,
      requested: requested.balanceAlertDisplayName,
    });
  }
  if (requested.balanceAlertThreshold !== existing.balanceAlertThreshold) {
    differences.push({
      field: 'balanceAlertThreshold',
      existing: existing.balanceAlertThreshold,
      requested: requested.balanceAlertThreshold,
    });
  }
  return differences;
}

/** A create's answer must be what was created: "Created" is never printed over `42`. */
async function sendChecked<T>(api: TangoApi, spec: RequestSpec, check: ShapeCheck<T>) {
  return checkShape(await api.send<unknown>(spec), spec, check);
}

interface Recovery<T> {
  send: () => Promise<{ body: T; earlierAttemptMayHaveLanded: boolean }>;
  fetchExisting: () => Promise<T>;
  differences: (existing: T) => Difference[];
  resource: CreatedResource;
  identifier: string;
  /** An alert's place, for the words that say where to look when its outcome is unknown. */
  alert?: AlertPlace;
  options: CreateOptions;
}

async function createWithRecovery<T>(recovery: Recovery<T>): Promise<CreateOutcome<T>> {
  let conflict: ApiError;
  try {
    const result = await recovery.send();
    return { outcome: 'created', resource: result.body, recovered: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    conflict = error;
  }
  const label = `${recovery.resource} ${recovery.identifier}`;
  const ours = conflict.earlierAttemptMayHaveLanded;
  if (!ours && !recovery.options.ifNotExists) {
    throw new ConflictError(`${label} already exists`, [], conflict.requestId);
  }
  const existing = await fetchOrUnknown(recovery, ours);
  const differences = recovery.differences(existing);
  if (differences.length === 0) {
    return ours
      ? { outcome: 'created', resource: existing, recovered: true }
      : { outcome: 'existed', resource: existing };
  }
  throw new ConflictError(`${label} already exists with different values`, differences, conflict.requestId);
}

/** The existing resource; when our own lost attempt may be it and it cannot be read, the outcome is unknown. */
async function fetchOrUnknown<T>(recovery: Recovery<T>, ours: boolean): Promise<T> {
  try {
    return await recovery.fetchExisting();
  } catch (error) {
    if (!ours || !(error instanceof CliError) || error instanceof InterruptedError) throw error;
    throw new OutcomeUnknownError(recovery.resource, recovery.identifier, error, recovery.alert);
  }
}

export function customerDifferences(requested: CreateCustomerBody, existing: Customer): Difference[] {
  return requested.displayName === existing.displayName
    ? []
    : [{ field: 'displayName', existing: existing.displayName, requested: requested.displayName }];
}

/** An existing account, marked when it turned out to belong to another customer than the one asked for. */
export type ExistingAccount = Account & { underAnotherCustomer?: boolean };

export function accountDifferences(
  requested: CreateAccountBody,
  existing: ExistingAccount,
  customer = '',
): Difference[] {
  const differences: Difference[] = [];
  const compare = (field: string, want: unknown, have: unknown) => {
    if (JSON.stringify(want) !== JSON.stringify(have)) differences.push({ field, existing: have, requested: want });
  };
  if (existing.underAnotherCustomer) compare('customer', customer, 'another customer');
  for (const field of ACCOUNT_FIELDS) {
    // Only what the request sent: a field left out was never asked for (the server chose it).
    if (field === 'accountIdentifier' || requested[field] === undefined) continue;
    if (field === 'fundingNotification') {
      compare(field, emailSet(requested.fundingNotification), emailSet(existing.fundingNotification));
    } else compare(field, requested[field], existing[field]);
  }
  return differences;
}

function emailSet(list: readonly FundingNotification[] | undefined): string[] {
  return fundingEmails(list).map(emailKey).sort();
}
