/**
 * Low-balance alerts of an account: GET/POST .../lowbalance and GET/PATCH/DELETE
 * .../lowbalance/{balanceAlertID}, under /customers/{c}/accounts/{a}. The rules the spec leaves
 * open are those of src/domain/alerts.ts: a name is unique per account ignoring case (409),
 * a new alert needs at least one email, the list pages by number from page 0.
 */
import { randomUUID } from 'node:crypto';
import {
  type AlertPageQuery,
  type BalanceAlertContact,
  DEFAULT_ALERTS_PER_PAGE,
  type LowBalanceAlertList,
  MAX_ALERTS_PER_PAGE,
  sameAlertName,
  validateCreateAlert,
  validateUpdateAlert,
} from '../../domain/alerts.js';
import { check } from '../../domain/rules.js';
import type { Predicate } from '../filters.js';
import { assertValid, conflict, notFound } from '../problems.js';
import { QueryReader } from '../query.js';
import { jsonObjectBody, type Reply, type RequestContext } from '../router.js';
import type { EmulatorState, StoredAlert } from '../state.js';
import { requireAccountOf } from './accounts.js';

const EMAILS = 'balanceAlertNotification';
const LIST_PARAMS = ['page', 'elementsPerBlock', 'balanceAlertDisplayName', 'balanceAlertThreshold', EMAILS];

export async function listAlerts(context: RequestContext): Promise<Reply> {
  const query = new QueryReader(bindEmailParams(context.query), LIST_PARAMS);
  const paging = readPaging(query);
  const matches = readAlertFilter(query);
  query.done();
  const { customerIdentifier, accountIdentifier } = pathOf(context);
  return context.store.read((state) => {
    requireAccountOf(state, customerIdentifier, accountIdentifier);
    const all = state.alertsOf(accountIdentifier).filter(matches);
    return { status: 200, body: pageOfAlerts(all, paging) };
  });
}

export async function getAlert(context: RequestContext): Promise<Reply> {
  const { customerIdentifier, accountIdentifier, balanceAlertID } = pathOf(context);
  return context.store.read((state) => ({
    status: 200,
    body: requireAlert(state, customerIdentifier, accountIdentifier, balanceAlertID),
  }));
}

/** The spec lists 200 (not 201) for this POST, with the alert's view. */
export async function createAlert(context: RequestContext): Promise<Reply> {
  const body = jsonObjectBody(context);
  assertValid(validateCreateAlert(body));
  const { customerIdentifier, accountIdentifier } = pathOf(context);
  const name = body.balanceAlertDisplayName as string;
  return context.store.write((state) => {
    requireAccountOf(state, customerIdentifier, accountIdentifier);
    refuseDuplicateName(state, accountIdentifier, name);
    const alert: StoredAlert = {
      balanceAlertID: randomUUID(),
      customerIdentifier,
      accountIdentifier,
      balanceAlertDisplayName: name,
      balanceAlertThreshold: body.balanceAlertThreshold as number,
      balanceAlertNotification: contacts(body[EMAILS]) ?? [],
      createdAt: context.now().toISOString(),
    };
    state.addAlert(alert);
    return { status: 200, body: alert };
  });
}

/** PATCH: a given field replaces, a given empty list clears the emails, an omitted (or null) one stays. */
export async function updateAlert(context: RequestContext): Promise<Reply> {
  const { customerIdentifier, accountIdentifier, balanceAlertID } = pathOf(context);
  const body = jsonObjectBody(context);
  assertValid(validateUpdateAlert(body));
  return context.store.write((state) => {
    const alert = requireAlert(state, customerIdentifier, accountIdentifier, balanceAlertID);
    const name = body.balanceAlertDisplayName;
    if (typeof name === 'string') refuseDuplicateName(state, accountIdentifier, name, balanceAlertID);
    if (typeof name === 'string') alert.balanceAlertDisplayName = name;
    if (typeof body.balanceAlertThreshold === 'number') alert.balanceAlertThreshold = body.balanceAlertThreshold;
    const emails = contacts(body[EMAILS]);
    if (emails) alert.balanceAlertNotification = emails;
    return { status: 200, body: alert };
  });
}

export async function deleteAlert(context: RequestContext): Promise<Reply> {
  const { customerIdentifier, accountIdentifier, balanceAlertID } = pathOf(context);
  return context.store.write((state) => {
    const alert = requireAlert(state, customerIdentifier, accountIdentifier, balanceAlertID);
    state.removeAlert(accountIdentifier, alert.balanceAlertID);
    return { status: 200, body: { balanceAlertID: alert.balanceAlertID, status: 'DELETED' } };
  });
}

function pathOf(context: RequestContext) {
  return {
    customerIdentifier: context.params.customerIdentifier!,
    accountIdentifier: context.params.accountIdentifier!,
    balanceAlertID: context.params.balanceAlertID ?? '',
  };
}

/** An alert of another account (or customer) is as absent as one that never existed. */
function requireAlert(
  state: EmulatorState,
  customerIdentifier: string,
  accountIdentifier: string,
  balanceAlertID: string,
): StoredAlert {
  const problem = check('balanceAlertID', balanceAlertID);
  if (problem) assertValid([problem]);
  requireAccountOf(state, customerIdentifier, accountIdentifier);
  const alert = state.alertsOf(accountIdentifier).find((a) => a.balanceAlertID === balanceAlertID.toLowerCase());
  if (!alert) {
    throw notFound(
      'error.notFound.balanceAlert',
      `No low balance alert ${balanceAlertID} on account ${accountIdentifier} under customer ${customerIdentifier}`,
    );
  }
  return alert;
}

function refuseDuplicateName(state: EmulatorState, accountIdentifier: string, name: string, except?: string): void {
  const twin = state
    .alertsOf(accountIdentifier)
    .find((a) => a.balanceAlertID !== except && sameAlertName(a.balanceAlertDisplayName, name));
  if (twin) {
    throw conflict(
      'error.conflict.balanceAlertDisplayName',
      `Account ${accountIdentifier} already has a low balance alert named "${twin.balanceAlertDisplayName}" (${twin.balanceAlertID})`,
    );
  }
}

function contacts(value: unknown): BalanceAlertContact[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => ({ emailAddress: (item as BalanceAlertContact).emailAddress }));
}

/**
 * The spec types the email filter as a list of objects, which Spring binds from
 * `balanceAlertNotification[0].emailAddress=a@x`; that form (and the plain
 * `balanceAlertNotification=a@x`) is read here as one list.
 */
function bindEmailParams(params: URLSearchParams): URLSearchParams {
  const bound = new URLSearchParams();
  for (const [name, value] of params) {
    bound.append(/^balanceAlertNotification(?:\[\d+\])?\.emailAddress$/.test(name) ? EMAILS : name, value);
  }
  return bound;
}

/** `page` from 0, `elementsPerBlock` 1-200 (default 10). */
function readPaging(query: QueryReader): Required<AlertPageQuery> {
  return {
    page: wholeNumber(query, 'page', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    elementsPerBlock: wholeNumber(query, 'elementsPerBlock', 1, MAX_ALERTS_PER_PAGE) ?? DEFAULT_ALERTS_PER_PAGE,
  };
}

function wholeNumber(query: QueryReader, name: string, min: number, max: number): number | undefined {
  const value = query.one(name);
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
  query.report({
    field: name,
    message:
      max === Number.MAX_SAFE_INTEGER
        ? `must be a whole number from ${min}`
        : `must be a whole number from ${min} to ${max}`,
    invalidValue: value,
    constraint: `${min}..${max}`,
    i18nKey: `validation.${name}.range`,
  });
  return undefined;
}

/** Name: case-insensitive substring; threshold: equal; emails: the alert notifies any of them. */
function readAlertFilter(query: QueryReader): Predicate<StoredAlert> {
  const name = query.one('balanceAlertDisplayName')?.toLowerCase();
  const threshold = query.rule('balanceAlertThreshold', 'balanceAlertThreshold');
  const emails = query.ruleList(EMAILS, 'alertEmail')?.map((email) => email.toLowerCase());
  return (alert) =>
    (name === undefined || alert.balanceAlertDisplayName.toLowerCase().includes(name)) &&
    (threshold === undefined || alert.balanceAlertThreshold === Number(threshold)) &&
    (emails === undefined ||
      alert.balanceAlertNotification.some((entry) => emails.includes(entry.emailAddress.toLowerCase())));
}

function pageOfAlerts(all: readonly StoredAlert[], paging: Required<AlertPageQuery>): Required<LowBalanceAlertList> {
  const size = paging.elementsPerBlock;
  const start = paging.page * size;
  return {
    page: {
      size,
      totalElements: all.length,
      totalPages: Math.ceil(all.length / size),
      number: paging.page,
    },
    lowBalanceAlerts: all.slice(start, start + size),
  };
}
