/**
 * An onboarding, as data: one customer (new, or one that already exists) and the accounts to
 * create under it. The wizard builds one by asking, `--plan` reads one from a file, and apply,
 * review and the equivalent commands all work from this one shape.
 */
import {
  type CreateAccountBody,
  type CreateCustomerBody,
  type Currency,
  DEFAULT_CURRENCY,
  suggestIdentifier,
  toFundingNotification,
} from '../domain/rules.js';

export interface CustomerPlan {
  customerIdentifier: string;
  displayName: string;
  /** True: the customer is already there and only accounts are added to it. */
  existing: boolean;
}

export interface AccountPlan {
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode: Currency;
  fundingEmails: string[];
}

export interface OnboardingPlan {
  customer: CustomerPlan;
  accounts: AccountPlan[];
}

export function customerBody(customer: CustomerPlan): CreateCustomerBody {
  return { customerIdentifier: customer.customerIdentifier, displayName: customer.displayName };
}

export function accountBody(account: AccountPlan): CreateAccountBody {
  return {
    accountIdentifier: account.accountIdentifier,
    displayName: account.displayName,
    contactEmail: account.contactEmail,
    currencyCode: account.currencyCode,
    // An empty list and no list mean the same to the API; leave it out so the body stays minimal.
    ...(account.fundingEmails.length ? { fundingNotification: toFundingNotification(account.fundingEmails) } : {}),
  };
}

/**
 * "zanzibar-health-group" + "Employee Wellness" -> "zanzibar-health-group-employee-wellness":
 * lowercase (the docs require it of account identifiers), and not one already taken in the plan.
 */
export function suggestAccountIdentifier(
  customerIdentifier: string,
  displayName: string,
  taken: readonly string[] = [],
): string {
  const base = suggestIdentifier(`${customerIdentifier} ${displayName}`).toLowerCase();
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 100 - suffix.length)}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
