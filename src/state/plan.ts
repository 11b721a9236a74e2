/**
 * The difference between desired and live state, as a list of changes: per resource, what would
 * be created, changed, deleted or left alone, field by field, and what the API cannot do (a
 * customer's display name, an account's currency, an account under another customer): those are
 * conflicts. Pure: `tango diff` prints the changes, `tango apply` sends their operations.
 */
import type { CreateAlertBody, LowBalanceAlert, UpdateAlertBody } from '../domain/alerts.js';
import { alertEmails, sameAlertName } from '../domain/alerts.js';
import { fundingEmails, toFundingNotification, toFundingNotificationIfAny } from '../domain/funding-emails.js';
import { type CreateAccountBody, type CreateCustomerBody, emailKey, type UpdateAccountBody } from '../domain/rules.js';
import type { Account } from '../domain/types.js';
import type { LiveAccount, LiveCustomer, LiveState } from './live.js';
import type { DesiredAccount, DesiredCustomer, DesiredState } from './types.js';

export const ACTIONS = ['create', 'update', 'delete', 'unchanged', 'conflict'] as const;
export type Action = (typeof ACTIONS)[number];
export type ResourceKind = 'customer' | 'account' | 'alert';

/** One field of a change, by the state file's name for it; `from` is live, `to` the file's. */
export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

/** The request a change stands for. */
export type Operation =
  | { op: 'createCustomer'; body: CreateCustomerBody }
  | { op: 'createAccount'; customer: string; body: CreateAccountBody }
  | { op: 'updateAccount'; customer: string; account: string; body: UpdateAccountBody }
  | { op: 'createAlert'; customer: string; account: string; body: CreateAlertBody }
  | { op: 'updateAlert'; customer: string; account: string; alertId: string; body: UpdateAlertBody }
  | { op: 'deleteAlert'; customer: string; account: string; alertId: string };

export interface Change {
  resource: ResourceKind;
  action: Action;
  customer: string;
  account?: string;
  /** An alert's display name (the file's, or the server's for one the file does not name). */
  alert?: string;
  alertId?: string;
  fields: FieldChange[];
  /** Why a conflict cannot be applied, or a note on a resource left alone. */
  reason?: string;
  /** What apply sends; none for unchanged and conflict. */
  operation?: Operation;
}

export interface PlanOptions {
  /** Delete the alerts of managed accounts that the file does not name. */
  pruneAlerts: boolean;
}

export type Summary = Record<Action, number>;

/** Every change, in the file's order: each customer, then each of its accounts followed by its alerts. */
export function planChanges(desired: DesiredState, live: LiveState, options: PlanOptions): Change[] {
  return desired.customers.flatMap((want) => {
    const have = live.get(want.customerIdentifier) ?? { accounts: new Map(), elsewhere: new Set<string>() };
    return [
      customerChange(want, have),
      ...want.accounts.flatMap((account) => accountChanges(want.customerIdentifier, account, have, options)),
    ];
  });
}

function customerChange(want: DesiredCustomer, have: LiveCustomer): Change {
  const base = { resource: 'customer' as const, customer: want.customerIdentifier };
  if (!have.customer) {
    if (want.mustExist || want.displayName === undefined) {
      return {
        ...base,
        action: 'conflict',
        fields: [],
        reason: 'does not exist, and the plan says it does ("existing": true); it is never created',
      };
    }
    return {
      ...base,
      action: 'create',
      fields: [{ field: 'displayName', to: want.displayName }],
      operation: {
        op: 'createCustomer',
        body: { customerIdentifier: want.customerIdentifier, displayName: want.displayName },
      },
    };
  }
  if (want.displayName !== undefined && want.displayName !== have.customer.displayName) {
    return {
      ...base,
      action: 'conflict',
      fields: [{ field: 'displayName', from: have.customer.displayName, to: want.displayName }],
      reason: "the API cannot change a customer's display name",
    };
  }
  return { ...base, action: 'unchanged', fields: [] };
}

function accountChanges(customer: string, want: DesiredAccount, have: LiveCustomer, options: PlanOptions): Change[] {
  const base = { resource: 'account' as const, customer, account: want.accountIdentifier };
  if (have.elsewhere.has(want.accountIdentifier)) {
    return [
      {
        ...base,
        action: 'conflict',
        fields: [],
        reason: 'exists under another customer (account identifiers are unique across the platform)',
      },
    ];
  }
  const live = have.accounts.get(want.accountIdentifier);
  if (!live)
    return [
      accountCreate(customer, want),
      ...(want.lowBalanceAlerts ?? []).map((a) => alertCreate(customer, want.accountIdentifier, a)),
    ];
  return [...accountUpdates(customer, want, live.account), ...alertChanges(customer, want, live, options)];
}

function accountCreate(customer: string, want: DesiredAccount): Change {
  const body: CreateAccountBody = {
    accountIdentifier: want.accountIdentifier,
    displayName: want.displayName,
    contactEmail: want.contactEmail,
    currencyCode: want.currencyCode,
  };
  const funding = toFundingNotificationIfAny(want.fundingEmails);
  if (funding) body.fundingNotification = funding;
  const fields: FieldChange[] = [
    { field: 'displayName', to: want.displayName },
    { field: 'contactEmail', to: want.contactEmail },
    { field: 'currencyCode', to: want.currencyCode },
    ...(want.fundingEmails?.length ? [{ field: 'fundingEmails', to: want.fundingEmails }] : []),
  ];
  return {
    resource: 'account',
    action: 'create',
    customer,
    account: want.accountIdentifier,
    fields,
    operation: { op: 'createAccount', customer, body },
  };
}

/** An existing account: a currency change is a conflict; name, contact and funding emails are updated. */
function accountUpdates(customer: string, want: DesiredAccount, live: Account): Change[] {
  const base = { resource: 'account' as const, customer, account: want.accountIdentifier };
  const changes: Change[] = [];
  if (want.currencyCode !== live.currencyCode) {
    changes.push({
      ...base,
      action: 'conflict',
      fields: [{ field: 'currencyCode', from: live.currencyCode, to: want.currencyCode }],
      reason: "the API cannot change an account's currency",
    });
  }
  const fields: FieldChange[] = [];
  const body: UpdateAccountBody = {};
  if (want.displayName !== live.displayName) {
    fields.push({ field: 'displayName', from: live.displayName, to: want.displayName });
    body.displayName = want.displayName;
  }
  if (want.contactEmail !== live.contactEmail) {
    fields.push({ field: 'contactEmail', from: live.contactEmail, to: want.contactEmail });
    body.contactEmail = want.contactEmail;
  }
  const liveFunding = fundingEmails(live.fundingNotification);
  if (want.fundingEmails && !sameEmails(want.fundingEmails, liveFunding)) {
    fields.push({ field: 'fundingEmails', from: liveFunding, to: want.fundingEmails });
    body.fundingNotification = toFundingNotification(want.fundingEmails);
  }
  if (fields.length) {
    changes.push({
      ...base,
      action: 'update',
      fields,
      operation: { op: 'updateAccount', customer, account: want.accountIdentifier, body },
    });
  } else if (changes.length === 0) changes.push({ ...base, action: 'unchanged', fields: [] });
  return changes;
}

/** The alerts of an account the file manages them for: by name, ignoring case. */
function alertChanges(customer: string, want: DesiredAccount, live: LiveAccount, options: PlanOptions): Change[] {
  if (!want.lowBalanceAlerts || !live.alerts) return [];
  const account = want.accountIdentifier;
  const liveAlerts = live.alerts;
  const named = want.lowBalanceAlerts.map((alert) => {
    const twin = liveAlerts.find((a) => sameAlertName(a.balanceAlertDisplayName, alert.balanceAlertDisplayName));
    return twin ? alertUpdate(customer, account, alert, twin) : alertCreate(customer, account, alert);
  });
  const others = liveAlerts
    .filter(
      (a) => !want.lowBalanceAlerts?.some((w) => sameAlertName(w.balanceAlertDisplayName, a.balanceAlertDisplayName)),
    )
    .map((a) => alertNotNamed(customer, account, a, options.pruneAlerts));
  return [...named, ...others];
}

function alertCreate(customer: string, account: string, alert: CreateAlertBody): Change {
  return {
    resource: 'alert',
    action: 'create',
    customer,
    account,
    alert: alert.balanceAlertDisplayName,
    fields: [
      { field: 'threshold', to: alert.balanceAlertThreshold },
      { field: 'emails', to: fundingEmails(alert.balanceAlertNotification) },
    ],
    operation: { op: 'createAlert', customer, account, body: alert },
  };
}

function alertUpdate(customer: string, account: string, want: CreateAlertBody, live: LowBalanceAlert): Change {
  const fields: FieldChange[] = [];
  const body: UpdateAlertBody = {};
  if (want.balanceAlertDisplayName !== live.balanceAlertDisplayName) {
    fields.push({ field: 'displayName', from: live.balanceAlertDisplayName, to: want.balanceAlertDisplayName });
    body.balanceAlertDisplayName = want.balanceAlertDisplayName;
  }
  if (want.balanceAlertThreshold !== live.balanceAlertThreshold) {
    fields.push({ field: 'threshold', from: live.balanceAlertThreshold, to: want.balanceAlertThreshold });
    body.balanceAlertThreshold = want.balanceAlertThreshold;
  }
  if (alertEmails(want).join() !== alertEmails(live).join()) {
    fields.push({
      field: 'emails',
      from: fundingEmails(live.balanceAlertNotification),
      to: fundingEmails(want.balanceAlertNotification),
    });
    body.balanceAlertNotification = want.balanceAlertNotification;
  }
  const base = {
    resource: 'alert' as const,
    customer,
    account,
    alert: want.balanceAlertDisplayName,
    alertId: live.balanceAlertID,
  };
  if (fields.length === 0) return { ...base, action: 'unchanged', fields };
  return {
    ...base,
    action: 'update',
    fields,
    operation: { op: 'updateAlert', customer, account, alertId: live.balanceAlertID, body },
  };
}

/** An alert the file does not name: deleted with --prune-alerts, otherwise left alone (and said so). */
function alertNotNamed(customer: string, account: string, live: LowBalanceAlert, prune: boolean): Change {
  const base = {
    resource: 'alert' as const,
    customer,
    account,
    alert: live.balanceAlertDisplayName,
    alertId: live.balanceAlertID,
    fields: [],
  };
  if (!prune) return { ...base, action: 'unchanged', reason: 'not in the file; --prune-alerts would delete it' };
  return {
    ...base,
    action: 'delete',
    operation: { op: 'deleteAlert', customer, account, alertId: live.balanceAlertID },
  };
}

function sameEmails(a: readonly string[], b: readonly string[]): boolean {
  const key = (list: readonly string[]) => list.map(emailKey).sort().join('\n');
  return key(a) === key(b);
}

export function summarize(changes: readonly Change[]): Summary {
  const summary = Object.fromEntries(ACTIONS.map((action) => [action, 0])) as Summary;
  for (const change of changes) summary[change.action] += 1;
  return summary;
}

/** How progress and reports name a change's resource: `account acme-main`, `alert "Budget low" on acme-main`. */
export function resourceLabel(change: Pick<Change, 'resource' | 'customer' | 'account' | 'alert'>): string {
  if (change.resource === 'customer') return `customer ${change.customer}`;
  if (change.resource === 'account') return `account ${change.account}`;
  return `alert "${change.alert}" on ${change.account}`;
}

/**
 * The order apply sends in: customers, then accounts, then alerts created or changed, and alerts
 * deleted last, so an account is never left with fewer alerts than the file asks for part way.
 */
export function sendingOrder(changes: readonly Change[]): Change[] {
  const rank = (change: Change) =>
    change.resource === 'customer' ? 0 : change.resource === 'account' ? 1 : change.action === 'delete' ? 3 : 2;
  return changes.filter((change) => change.operation).sort((a, b) => rank(a) - rank(b));
}
