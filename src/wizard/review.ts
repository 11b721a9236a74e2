/**
 * After the questions: show everything, then create it, change an item, save the answers as a
 * plan file, or cancel. Nothing has been created before this point.
 */
import { askAccount } from './account-prompts.js';
import { editAccountField, editCustomerField } from './edit-fields.js';
import type { OnboardingPlan } from './plan.js';
import { reviewText } from './review-table.js';
import { askToSavePlan } from './save-prompt.js';
import type { WizardSession } from './session.js';

export interface ReviewOptions {
  dryRun: boolean;
  /** Terminal width for the table. */
  width: number;
  /** Options that chose the target, repeated in the equivalent commands. */
  globalFlags: string[];
  /** False when a dry run prints the commands on stdout at this terminal: the review leaves them out. */
  commandsInReview?: boolean;
}

type Decision = 'confirm' | 'edit' | 'save' | 'cancel';

/** The plan as finally confirmed, or undefined when cancelled. */
export async function reviewPlan(
  session: WizardSession,
  plan: OnboardingPlan,
  options: ReviewOptions,
): Promise<OnboardingPlan | undefined> {
  let current = plan;
  let showReview = true;
  for (;;) {
    if (showReview) {
      session.say(await reviewText(current, options.width, options.globalFlags, options.commandsInReview ?? true));
    }
    showReview = false;
    const decision = await session.prompter.select<Decision>({
      message: 'What now?',
      choices: [
        {
          name: options.dryRun ? 'Show the commands (dry run: nothing is created)' : 'Create all of this',
          value: 'confirm',
        },
        { name: 'Edit an item', value: 'edit' },
        { name: 'Save these answers as a plan file', value: 'save', description: 'replay with tango onboard --plan' },
        { name: 'Cancel (nothing is created)', value: 'cancel' },
      ],
    });
    if (decision === 'confirm') return current;
    if (decision === 'cancel') return undefined;
    if (decision === 'save') await askToSavePlan(session, current);
    if (decision === 'edit') {
      current = await editItem(session, current);
      showReview = true;
    }
  }
}

/** Which item to change, then which of its fields: only that one is asked again. */
export async function editItem(session: WizardSession, plan: OnboardingPlan): Promise<OnboardingPlan> {
  const { customer, accounts } = plan;
  const item = await session.prompter.select<string>({
    message: 'Edit which item?',
    choices: [
      { name: `Customer: ${customer.displayName} (${customer.customerIdentifier})`, value: 'customer' },
      ...accounts.map((a, i) => ({
        name: `Account ${i + 1}: ${a.displayName} (${a.accountIdentifier})`,
        value: `account:${i}`,
      })),
      { name: 'Add an account', value: 'add' },
      ...(accounts.length > 1 ? [{ name: 'Remove an account', value: 'remove' }] : []),
      { name: 'Back to the review', value: 'back' },
    ],
  });
  if (item === 'customer') return editCustomerField(session, plan);
  if (item === 'add') {
    const added = await askAccount(session, customer.customerIdentifier, accounts);
    return { ...plan, accounts: [...accounts, added] };
  }
  if (item === 'remove') return removeAccount(session, plan);
  if (item.startsWith('account:')) return editAccountField(session, plan, Number(item.slice('account:'.length)));
  return plan;
}

/** The alerts of a removed account go with it. */
function withoutAlertsOf(plan: OnboardingPlan, accountIdentifier: string): OnboardingPlan['alerts'] {
  const { [accountIdentifier]: _removed, ...others } = plan.alerts ?? {};
  return others;
}

async function removeAccount(session: WizardSession, plan: OnboardingPlan): Promise<OnboardingPlan> {
  const index = await session.prompter.select<number>({
    message: 'Remove which account?',
    choices: plan.accounts.map((a, i) => ({
      name: `Account ${i + 1}: ${a.displayName} (${a.accountIdentifier})`,
      value: i,
    })),
  });
  const alerts = withoutAlertsOf(plan, plan.accounts[index]!.accountIdentifier);
  return { customer: plan.customer, accounts: plan.accounts.filter((_, i) => i !== index), alerts };
}
