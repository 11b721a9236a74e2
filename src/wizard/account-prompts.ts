/** The wizard's second part: one or more accounts, each checked field by field as it is typed. */
import { type CreateAlertBody, sameAlertName } from '../domain/alerts.js';
import {
  fundingEmails,
  splitFundingEmailsCell,
  toFundingNotification,
  toFundingNotificationIfAny,
} from '../domain/funding-emails.js';
import {
  type CreateAccountBody,
  CURRENCIES,
  type Currency,
  DEFAULT_CURRENCY,
  promptCheck,
  repeatedEmails,
} from '../domain/rules.js';
import type { Account } from '../domain/types.js';
import type { Prompter } from '../output/prompter.js';
import { askFreeIdentifier } from './identifier-prompt.js';
import { type OnboardingPlan, suggestAccountIdentifier } from './plan.js';
import type { WizardSession } from './session.js';

const CURRENCY_NAMES: Record<Currency, string> = {
  USD: 'US dollar',
  AUD: 'Australian dollar',
  CAD: 'Canadian dollar',
  EUR: 'euro',
  GBP: 'pound sterling',
};

/** Accounts until the person says "no more" (at least one), each followed by its low-balance alerts. */
export async function askAccounts(
  session: WizardSession,
  customerIdentifier: string,
): Promise<Pick<OnboardingPlan, 'accounts' | 'alerts'>> {
  const accounts: CreateAccountBody[] = [];
  const alerts: Record<string, CreateAlertBody[]> = {};
  do {
    session.say(`\nAccount ${accounts.length + 1}`);
    const account = await askAccount(session, customerIdentifier, accounts);
    accounts.push(account);
    const asked = await askAlerts(session.prompter, account);
    if (asked.length) alerts[account.accountIdentifier] = asked;
  } while (await session.prompter.confirm({ message: 'Add another account?', default: false }));
  return { accounts, alerts };
}

/**
 * Low-balance alerts for one account, if the person wants any: a name, a threshold in the
 * account's currency and the addresses to tell (the contact email by default), each checked as typed.
 */
export async function askAlerts(prompter: Prompter, account: CreateAccountBody): Promise<CreateAlertBody[]> {
  const alerts: CreateAlertBody[] = [];
  const currency = account.currencyCode ?? DEFAULT_CURRENCY;
  let question = `Add a low-balance alert to ${account.accountIdentifier}?`;
  while (await prompter.confirm({ message: question, default: false })) {
    const taken = alerts.map((a) => a.balanceAlertDisplayName);
    const name = await prompter.input({
      message: 'Alert name',
      default: alerts.length ? undefined : `${account.displayName} low balance`.slice(0, 100),
      validate: (value) =>
        taken.some((other) => sameAlertName(other, value))
          ? `"${value}" is already an alert of this account`
          : promptCheck('balanceAlertDisplayName')(value),
    });
    const threshold = await prompter.input({
      message: `Alert when the balance falls below (${currency})`,
      validate: promptCheck('balanceAlertThreshold'),
    });
    const emails = await prompter.input({
      message: 'Send it to (emails, comma-separated)',
      default: account.contactEmail,
      validate: (value) => emailListCheck(splitFundingEmailsCell(value)),
    });
    alerts.push({
      balanceAlertDisplayName: name,
      balanceAlertThreshold: Number(threshold.trim()),
      balanceAlertNotification: toFundingNotification(splitFundingEmailsCell(emails)),
    });
    question = `Add another low-balance alert to ${account.accountIdentifier}?`;
  }
  return alerts;
}

/** At least one address, each valid and listed once. */
function emailListCheck(emails: readonly string[]): true | string {
  if (emails.length === 0) return 'Give at least one address';
  const isEmail = promptCheck('alertEmail');
  for (const email of emails) {
    const verdict = isEmail(email);
    if (verdict !== true) return `${email}: ${verdict}`;
  }
  return repeatedEmails(emails).length ? 'Each address may be listed once' : true;
}

/**
 * One account. `others` are the plan's other accounts (their identifiers are taken, the last
 * contact email is a likely default); `current`, when editing, gives every default.
 */
export async function askAccount(
  session: WizardSession,
  customerIdentifier: string,
  others: readonly CreateAccountBody[],
  current?: CreateAccountBody,
): Promise<CreateAccountBody> {
  const { prompter } = session;
  const displayName = await askAccountName(prompter, current?.displayName);
  const accountIdentifier = await askAccountIdentifier(
    session,
    others,
    accountIdentifierDefault(customerIdentifier, displayName, others, current),
  );
  const contactEmail = await askContactEmail(prompter, current?.contactEmail ?? others.at(-1)?.contactEmail);
  const currencyCode = await askCurrency(prompter, current?.currencyCode);
  const emails = await askFundingEmails(prompter, fundingEmails(current?.fundingNotification));
  return {
    accountIdentifier,
    displayName,
    contactEmail,
    currencyCode,
    fundingNotification: toFundingNotificationIfAny(emails),
  };
}

export function askAccountName(prompter: Prompter, current?: string): Promise<string> {
  return prompter.input({ message: 'Account display name', default: current, validate: promptCheck('displayName') });
}

/** Well formed, lowercase, not another account's in this plan, and free on the platform (checked on Enter). */
export function askAccountIdentifier(
  session: WizardSession,
  others: readonly CreateAccountBody[],
  suggested: string,
): Promise<string> {
  const taken = others.map((a) => a.accountIdentifier);
  return askFreeIdentifier<Account>(session.prompter, {
    message: 'Account identifier',
    default: suggested,
    rule: 'accountIdentifier',
    local: (value) =>
      taken.includes(value) ? `"${value}" is already used by another account in this onboarding` : true,
    find: (value) => session.directory.findAccount(value),
    taken: (value) => `Account "${value}" already exists (identifiers are unique across the platform): choose another`,
  });
}

export function askContactEmail(prompter: Prompter, current?: string): Promise<string> {
  return prompter.input({ message: 'Contact email', default: current, validate: promptCheck('contactEmail') });
}

function accountIdentifierDefault(
  customerIdentifier: string,
  displayName: string,
  others: readonly CreateAccountBody[],
  current: CreateAccountBody | undefined,
): string {
  const taken = others.map((a) => a.accountIdentifier);
  // An edit keeps an identifier that was typed by hand; one that was our suggestion follows the name.
  if (
    current &&
    current.accountIdentifier !== suggestAccountIdentifier(customerIdentifier, current.displayName, taken)
  ) {
    return current.accountIdentifier;
  }
  return suggestAccountIdentifier(customerIdentifier, displayName, taken);
}

export function askCurrency(prompter: Prompter, current: string = DEFAULT_CURRENCY): Promise<string> {
  return prompter.select<string>({
    message: 'Currency (it can never be changed later)',
    choices: CURRENCIES.map((code) => ({ name: `${code}  ${CURRENCY_NAMES[code]}`, value: code })),
    default: current,
  });
}

/** Zero or more addresses, one per question; an empty answer ends the list. */
export async function askFundingEmails(prompter: Prompter, current: readonly string[]): Promise<string[]> {
  if (current.length) {
    const keep = await prompter.confirm({ message: `Keep the funding-notification emails ${current.join(', ')}?` });
    if (keep) return [...current];
  }
  const emails: string[] = [];
  const isEmail = promptCheck('fundingEmail');
  for (;;) {
    const email = await prompter.input({
      message: emails.length
        ? 'Another funding-notification email (Enter to finish)'
        : 'Funding-notification email (Enter for none)',
      validate: (value) => {
        if (value === '') return true;
        const repeated = repeatedEmails([...emails, value]).length > 0;
        return repeated ? `${value} is already in the list` : isEmail(value);
      },
    });
    if (email === '') return emails;
    emails.push(email);
  }
}
