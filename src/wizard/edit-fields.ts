/**
 * Editing from the review, one field at a time: the item's fields are listed with their current
 * values, and only the one chosen is asked again (with its current value as the default), so
 * fixing a typo in an email does not mean answering every other question once more.
 */
import { fundingEmails, toFundingNotificationIfAny } from '../domain/funding-emails.js';
import { type CreateAccountBody, DEFAULT_CURRENCY } from '../domain/rules.js';
import {
  askAccountIdentifier,
  askAccountName,
  askAlerts,
  askContactEmail,
  askCurrency,
  askFundingEmails,
} from './account-prompts.js';
import { askCustomer, askCustomerIdentifier, askCustomerName } from './customer-prompts.js';
import { alertsOf, type OnboardingPlan } from './plan.js';
import type { WizardSession } from './session.js';

type AccountField = 'displayName' | 'accountIdentifier' | 'contactEmail' | 'currencyCode' | 'funding' | 'alerts';

/** One field of the account at `index`; the rest of the plan as it was. */
export async function editAccountField(
  session: WizardSession,
  plan: OnboardingPlan,
  index: number,
): Promise<OnboardingPlan> {
  const account = plan.accounts[index]!;
  const others = plan.accounts.filter((_, i) => i !== index);
  const alerts = alertsOf(plan, account.accountIdentifier);
  const emails = fundingEmails(account.fundingNotification);
  const field = await session.prompter.select<AccountField | 'back'>({
    message: `Edit which field of ${account.accountIdentifier}?`,
    choices: [
      { name: `Display name: ${account.displayName}`, value: 'displayName' },
      { name: `Identifier: ${account.accountIdentifier}`, value: 'accountIdentifier' },
      { name: `Contact email: ${account.contactEmail}`, value: 'contactEmail' },
      { name: `Currency: ${account.currencyCode ?? DEFAULT_CURRENCY}`, value: 'currencyCode' },
      { name: `Funding-notification emails: ${emails.join(', ') || '(none)'}`, value: 'funding' },
      {
        name: `Low-balance alerts: ${alerts.map((a) => a.balanceAlertDisplayName).join(', ') || '(none)'}`,
        value: 'alerts',
        description: 'asked again from the first; the answers replace these',
      },
      { name: 'Back to the review', value: 'back' },
    ],
  });
  if (field === 'back') return plan;
  if (field === 'alerts') {
    const asked = await askAlerts(session.prompter, account);
    return { ...plan, alerts: { ...plan.alerts, [account.accountIdentifier]: asked } };
  }
  const edited = await askAccountField(session, field, account, others);
  const accounts = plan.accounts.map((a, i) => (i === index ? edited : a));
  return { ...plan, accounts, alerts: renameKey(plan.alerts, account.accountIdentifier, edited.accountIdentifier) };
}

async function askAccountField(
  session: WizardSession,
  field: Exclude<AccountField, 'alerts'>,
  account: CreateAccountBody,
  others: readonly CreateAccountBody[],
): Promise<CreateAccountBody> {
  const { prompter } = session;
  switch (field) {
    case 'displayName':
      return { ...account, displayName: await askAccountName(prompter, account.displayName) };
    case 'accountIdentifier':
      return { ...account, accountIdentifier: await askAccountIdentifier(session, others, account.accountIdentifier) };
    case 'contactEmail':
      return { ...account, contactEmail: await askContactEmail(prompter, account.contactEmail) };
    case 'currencyCode':
      return { ...account, currencyCode: await askCurrency(prompter, account.currencyCode) };
    case 'funding': {
      const emails = await askFundingEmails(prompter, fundingEmails(account.fundingNotification));
      return { ...account, fundingNotification: toFundingNotificationIfAny(emails) };
    }
  }
}

/** The alerts of an account follow it when its identifier is edited. */
function renameKey(alerts: OnboardingPlan['alerts'], from: string, to: string): OnboardingPlan['alerts'] {
  const moved = alerts?.[from];
  if (from === to || !moved) return alerts;
  const { [from]: _old, ...others } = alerts;
  return { ...others, [to]: moved };
}

type CustomerField = 'displayName' | 'customerIdentifier' | 'another';

/** A new customer's name or identifier alone, or another customer altogether (new or existing). */
export async function editCustomerField(session: WizardSession, plan: OnboardingPlan): Promise<OnboardingPlan> {
  const { customer } = plan;
  // An existing customer has nothing to edit but which one it is.
  const field = customer.existing
    ? 'another'
    : await session.prompter.select<CustomerField | 'back'>({
        message: `Edit which field of customer ${customer.customerIdentifier}?`,
        choices: [
          { name: `Display name: ${customer.displayName}`, value: 'displayName' },
          { name: `Identifier: ${customer.customerIdentifier}`, value: 'customerIdentifier' },
          { name: 'Another customer (new or existing)', value: 'another' },
          { name: 'Back to the review', value: 'back' },
        ],
      });
  if (field === 'back') return plan;
  if (field === 'displayName') {
    return { ...plan, customer: { ...customer, displayName: await askCustomerName(session, customer.displayName) } };
  }
  const edited =
    field === 'customerIdentifier'
      ? { ...customer, customerIdentifier: await askCustomerIdentifier(session, customer.customerIdentifier) }
      : await askCustomer(session, customer);
  warnAboutAccountIdentifiers(session, plan, edited.customerIdentifier);
  return { ...plan, customer: edited };
}

/**
 * Account identifiers were suggested from the old customer identifier; renaming them silently
 * could collide with accounts elsewhere, so say so and let the person edit them.
 */
function warnAboutAccountIdentifiers(session: WizardSession, plan: OnboardingPlan, after: string): void {
  const before = plan.customer.customerIdentifier;
  if (after !== before && plan.accounts.some((a) => a.accountIdentifier.startsWith(before))) {
    session.say(`Note: account identifiers still start with "${before}"; edit the accounts to change them.`);
  }
}
