/** Saving the wizard's answers as a plan file, so the same onboarding can be replayed by a script. */

import { shellQuote } from '../output/shell-quote.js';
import type { OnboardingPlan } from './plan.js';
import { writePlan } from './plan-file.js';
import type { WizardSession } from './session.js';

export async function askToSavePlan(session: WizardSession, plan: OnboardingPlan): Promise<string | undefined> {
  const { prompter } = session;
  const file = await prompter.input({
    message: 'Save the plan to',
    default: `onboard-${plan.customer.customerIdentifier}.json`,
    validate: (value) => (value.trim() ? true : 'Give a file name'),
  });
  try {
    await writePlan(file, plan, false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return reportFailure(session, file, error);
    const replace = await prompter.confirm({ message: `${file} exists. Replace it?`, default: false });
    if (!replace) return undefined;
    try {
      await writePlan(file, plan, true);
    } catch (again) {
      return reportFailure(session, file, again);
    }
  }
  session.say(`Saved ${file}. Replay it with: tango onboard --plan ${shellQuote(file)}`);
  return file;
}

/** A plan that cannot be saved is no reason to lose the answers: say why and go back to the review. */
function reportFailure(session: WizardSession, file: string, error: unknown): undefined {
  session.say(`Could not save ${file}: ${(error as Error).message}`);
  return undefined;
}
