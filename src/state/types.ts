/**
 * Desired state: what a state file (docs/state.md) says the platform should hold, as data. The
 * file parser builds it, `tango diff` compares it with what the API answers, and `tango apply`
 * brings the difference about. Field values are the API's own; a field left out of the file
 * (`fundingEmails`, `lowBalanceAlerts`) is not managed: it is neither compared nor changed.
 */
import type { CreateAlertBody } from '../domain/alerts.js';

export const STATE_VERSION = 2;

export interface DesiredAccount {
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  /** Filled in (USD) when the file leaves it out; an existing account of another currency is a conflict. */
  currencyCode: string;
  /** Undefined: the file does not manage them. An empty list means none. */
  fundingEmails?: string[];
  /** Undefined: the file does not manage this account's alerts (and --prune-alerts leaves them). */
  lowBalanceAlerts?: CreateAlertBody[];
}

export interface DesiredCustomer {
  customerIdentifier: string;
  /** Undefined only for an onboarding plan's `existing` customer that does not name it. */
  displayName?: string;
  /** An onboarding plan's `existing: true`: the customer must be there already; it is never created. */
  mustExist: boolean;
  accounts: DesiredAccount[];
}

export interface DesiredState {
  customers: DesiredCustomer[];
}

/** Where a state file's text came from, for messages: "file state.yaml", "stdin". */
export interface StateSource {
  name: string;
  format: 'json' | 'yaml';
}
