/**
 * Low-balance alerts: an account's "tell these people when the balance drops below X". The API's
 * shapes (LowBalanceAlertDTO, LowBalanceAlertView, ...) with its own field names, and the rules
 * the spec leaves open, chosen here once for flags, prompts, plan files and the emulator:
 * - display name: the account display-name rule (5-100 characters, no emoji); unique per account,
 *   ignoring case; a second alert of that name is a conflict (409);
 * - threshold: an amount greater than 0, at most MAX_THRESHOLD, with at most two decimals;
 * - notification emails: valid addresses of at most 100 characters, each once; a new alert needs
 *   at least one (an alert nobody receives does nothing); an update may clear them;
 * - alert ID: a UUID.
 */

import type { FundingNotification } from './funding-emails.js';
import { check, emailKey, emailListProblems, missing, optionalField, type Problem, requireField } from './rules.js';

/** One `{emailAddress}` of an alert (BalanceAlertContactDTO): the same shape as a funding notification. */
export type BalanceAlertContact = FundingNotification;

/** POST .../lowbalance (LowBalanceAlertDTO). */
export interface CreateAlertBody {
  balanceAlertDisplayName: string;
  balanceAlertThreshold: number;
  balanceAlertNotification: BalanceAlertContact[];
}

/** PATCH .../lowbalance/{id} (UpdateLowBalanceAlertRequest): an omitted field stays, an empty list clears. */
export interface UpdateAlertBody {
  balanceAlertDisplayName?: string;
  balanceAlertThreshold?: number;
  balanceAlertNotification?: BalanceAlertContact[];
}

/** LowBalanceAlertView. */
export interface LowBalanceAlert {
  balanceAlertID: string;
  customerIdentifier: string;
  accountIdentifier: string;
  balanceAlertDisplayName: string;
  balanceAlertThreshold: number;
  balanceAlertNotification: BalanceAlertContact[];
  createdAt: string;
}

/** CollectionPageView: page-number paging, the first page being 0. */
export interface CollectionPage {
  size: number;
  totalElements: number;
  totalPages: number;
  number: number;
}

/**
 * LowBalanceAlertListView, as the API answers it: both properties optional in the OpenAPI (an account
 * without alerts may answer `{}`). Kept as received, so `alerts list --json` prints the answer unchanged.
 */
export interface LowBalanceAlertList {
  page?: CollectionPage;
  lowBalanceAlerts?: LowBalanceAlert[];
}

/** One page of `alertPages`: its alerts always a list (none when the answer left them out). */
export interface AlertPage extends LowBalanceAlertList {
  lowBalanceAlerts: LowBalanceAlert[];
}

/** DeleteBalanceAlertView. */
export interface DeletedAlert {
  balanceAlertID: string;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETED';
}

/** The list filters, by the API's query names; `emails` become `balanceAlertNotification[i].emailAddress`. */
export interface AlertFilters {
  balanceAlertDisplayName?: string;
  balanceAlertThreshold?: number;
  emails?: string[];
}

/** Page-number paging of GET .../lowbalance. */
export interface AlertPageQuery {
  page?: number;
  elementsPerBlock?: number;
}

/** Page size when none is asked for, and the largest one (the spec gives neither; these match maxResults). */
export const DEFAULT_ALERTS_PER_PAGE = 10;
export const MAX_ALERTS_PER_PAGE = 200;

/** The threshold of a JSON body: a number, checked as it would print (so 0.1 + 0.2 is refused, 99.5 is not). */
function thresholdProblems(body: Record<string, unknown>, required: boolean): Problem[] {
  const value = body.balanceAlertThreshold;
  if (value === undefined || value === null) return required ? [missing('balanceAlertThreshold')] : [];
  if (typeof value !== 'number') {
    return [
      {
        field: 'balanceAlertThreshold',
        message: 'must be a JSON number, such as 500 or 99.5',
        invalidValue: value,
        constraint: 'number',
        i18nKey: 'validation.balanceAlertThreshold.type',
      },
    ];
  }
  const problem = check('balanceAlertThreshold', String(value));
  return problem ? [{ ...problem, invalidValue: value }] : [];
}

function notificationProblems(body: Record<string, unknown>, required: boolean): Problem[] {
  const list = body.balanceAlertNotification;
  const empty = list === undefined || list === null || (Array.isArray(list) && list.length === 0);
  if (required && empty) {
    return [{ ...missing('balanceAlertNotification'), message: 'needs at least one {"emailAddress": "..."}' }];
  }
  return emailListProblems(list, 'balanceAlertNotification', 'alertEmail');
}

export function validateCreateAlert(body: Record<string, unknown>): Problem[] {
  return [
    ...requireField(body, 'balanceAlertDisplayName', 'balanceAlertDisplayName'),
    ...thresholdProblems(body, true),
    ...notificationProblems(body, true),
  ];
}

export function validateUpdateAlert(body: Record<string, unknown>): Problem[] {
  return [
    ...optionalField(body, 'balanceAlertDisplayName', 'balanceAlertDisplayName'),
    ...thresholdProblems(body, false),
    ...notificationProblems(body, false),
  ];
}

/** Two alert names are the same alert when they differ only in case (the 409 rule). */
export function sameAlertName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The addresses of an alert, by emailKey and sorted, for comparing two alerts' lists. */
export function alertEmails(alert: { balanceAlertNotification?: readonly BalanceAlertContact[] }): string[] {
  return (alert.balanceAlertNotification ?? []).map((n) => emailKey(n.emailAddress)).sort();
}
