/** The interactive onboarding: customer, accounts, then the review. Asks; creates nothing. */
import { askAccounts } from './account-prompts.js';
import { askCustomer } from './customer-prompts.js';
import type { OnboardingPlan } from './plan.js';
import { type ReviewOptions, reviewPlan } from './review.js';
import type { WizardSession } from './session.js';

/** The confirmed plan, or undefined when the person cancels at the review. */
export async function askForPlan(session: WizardSession, options: ReviewOptions): Promise<OnboardingPlan | undefined> {
  session.say(
    'Onboarding a customer and its accounts (and their low-balance alerts). Nothing is created until you confirm the review; Ctrl-C quits.',
  );
  const customer = await askCustomer(session);
  const { accounts, alerts } = await askAccounts(session, customer.customerIdentifier);
  return reviewPlan(session, { customer, accounts, alerts }, options);
}
