/**
 * Live state written as a state file (`tango export`): every field the file manages, spelled
 * out, so applying the export changes nothing; YAML with the schema line editors read, or JSON
 * with a `$schema` key.
 */
import type { LowBalanceAlert } from '../domain/alerts.js';
import { fundingEmails } from '../domain/funding-emails.js';
import type { Account } from '../domain/types.js';
import { VERSION } from '../version.js';
import type { ExportedCustomer } from './live.js';
import { STATE_VERSION, type StateSource } from './types.js';
import { loadYaml } from './yaml.js';

/** Where editors find the schema shipped in this version's package (schema/tango-state.schema.json). */
export const SCHEMA_URL = `https://unpkg.com/tango-admin@${VERSION}/schema/tango-state.schema.json`;

export function stateDocument(customers: readonly ExportedCustomer[]): Record<string, unknown> {
  return {
    version: STATE_VERSION,
    customers: customers.map(({ customer, accounts }) => ({
      customerIdentifier: customer.customerIdentifier,
      displayName: customer.displayName,
      accounts: accounts.map(({ account, alerts }) => accountEntry(account, alerts)),
    })),
  };
}

function accountEntry(account: Account, alerts: readonly LowBalanceAlert[]): Record<string, unknown> {
  return {
    accountIdentifier: account.accountIdentifier,
    displayName: account.displayName,
    contactEmail: account.contactEmail,
    currencyCode: account.currencyCode,
    fundingEmails: fundingEmails(account.fundingNotification),
    lowBalanceAlerts: alerts.map((alert) => ({
      displayName: alert.balanceAlertDisplayName,
      threshold: alert.balanceAlertThreshold,
      emails: fundingEmails(alert.balanceAlertNotification),
    })),
  };
}

/** The document as text in `format`; the yaml package is loaded only for YAML. */
export async function stateText(document: Record<string, unknown>, format: StateSource['format']): Promise<string> {
  if (format === 'json') return `${JSON.stringify({ $schema: SCHEMA_URL, ...document }, null, 2)}\n`;
  const { stringify } = await loadYaml();
  return `# yaml-language-server: $schema=${SCHEMA_URL}\n${stringify(document, { lineWidth: 0 })}`;
}

/** "3 customers, 10 accounts, 4 alerts". */
export function countWords(customers: readonly ExportedCustomer[]): string {
  const accounts = customers.reduce((sum, c) => sum + c.accounts.length, 0);
  const alerts = customers.reduce((sum, c) => sum + c.accounts.reduce((n, a) => n + a.alerts.length, 0), 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(customers.length, 'customer')}, ${plural(accounts, 'account')}, ${plural(alerts, 'alert')}`;
}
