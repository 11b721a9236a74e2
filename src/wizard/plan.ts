/**
 * An onboarding, as data: one customer (new, or one that already exists) and the accounts to
 * create under it, each as the API's own create body. The wizard builds one by asking, `--plan`
 * reads one from a file, and apply, review and the equivalent commands all work from it.
 */
import type { CreateAlertBody } from '../domain/alerts.js';
import { type CreateAccountBody, type CreateCustomerBody, suggestIdentifier } from '../domain/rules.js';

export interface CustomerPlan extends CreateCustomerBody {
  /** True: the customer is already there and only accounts are added to it. */
  existing: boolean;
}

export interface OnboardingPlan {
  customer: CustomerPlan;
  /** Sent as they are; the wizard and the plan file always fill in currencyCode. */
  accounts: CreateAccountBody[];
  /**
   * Low-balance alerts to add, by account identifier, each as the API's create body
   * (`accounts[].lowBalanceAlerts` in a plan file). Created after their account.
   */
  alerts?: Record<string, CreateAlertBody[]>;
}

/** The alerts planned for one account (none when the plan has none for it). */
export function alertsOf(plan: OnboardingPlan, accountIdentifier: string): CreateAlertBody[] {
  return plan.alerts?.[accountIdentifier] ?? [];
}

export function customerBody(customer: CustomerPlan): CreateCustomerBody {
  return { customerIdentifier: customer.customerIdentifier, displayName: customer.displayName };
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
