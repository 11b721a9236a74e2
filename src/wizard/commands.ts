/**
 * The flag-based `tango` commands that do the same as an onboarding, so a person learns them
 * from the review and a script can copy them. Values are quoted for a POSIX shell.
 */
import type { CreateAlertBody } from '../domain/alerts.js';
import { fundingEmails } from '../domain/funding-emails.js';
import { type CreateAccountBody, DEFAULT_CURRENCY } from '../domain/rules.js';
import { shellQuote } from '../output/shell-quote.js';
import { alertsOf, type CustomerPlan, type OnboardingPlan } from './plan.js';

function command(words: string[]): string {
  return words.map(shellQuote).join(' ');
}

/**
 * `global` holds the options that chose the target (--profile, --env, --base-url), so the
 * commands reach the same server as the wizard did.
 */
export function customerCommand(customer: CustomerPlan, global: string[] = []): string {
  return command([
    'tango',
    ...global,
    'customers',
    'create',
    '--identifier',
    customer.customerIdentifier,
    '--display-name',
    customer.displayName,
  ]);
}

export function accountCommand(customerIdentifier: string, account: CreateAccountBody, global: string[] = []): string {
  const words = ['tango', ...global, 'accounts', 'create', customerIdentifier];
  words.push('--identifier', account.accountIdentifier, '--display-name', account.displayName);
  words.push('--contact-email', account.contactEmail);
  if (account.currencyCode && account.currencyCode !== DEFAULT_CURRENCY) words.push('--currency', account.currencyCode);
  for (const email of fundingEmails(account.fundingNotification)) words.push('--funding-email', email);
  return command(words);
}

export function alertCommand(
  customerIdentifier: string,
  accountIdentifier: string,
  alert: CreateAlertBody,
  global: string[] = [],
): string {
  const words = ['tango', ...global, 'alerts', 'create', customerIdentifier, accountIdentifier];
  words.push('--display-name', alert.balanceAlertDisplayName, '--threshold', String(alert.balanceAlertThreshold));
  for (const email of fundingEmails(alert.balanceAlertNotification)) words.push('--email', email);
  return command(words);
}

/** Every command, in the order they must run (each account, then its alerts); an existing customer needs none. */
export function equivalentCommands(plan: OnboardingPlan, global: string[] = []): string[] {
  const customerIdentifier = plan.customer.customerIdentifier;
  const customer = plan.customer.existing ? [] : [customerCommand(plan.customer, global)];
  const accounts = plan.accounts.flatMap((account) => [
    accountCommand(customerIdentifier, account, global),
    ...alertsOf(plan, account.accountIdentifier).map((alert) =>
      alertCommand(customerIdentifier, account.accountIdentifier, alert, global),
    ),
  ]);
  return [...customer, ...accounts];
}
