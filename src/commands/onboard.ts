/** `tango onboard`: the onboarding wizard, or the same from a plan file. Its work loads only when it runs. */
import { Command } from 'commander';
import { DEFAULT_CURRENCY } from '../domain/rules.js';
import { action, examples } from './action.js';
import { addYesOption } from './confirm-write.js';

interface OnboardFlags {
  plan?: string;
  dryRun?: boolean;
  yes?: boolean;
}

const PLAN_FORMAT = `
Plan file (--plan), JSON; every field is checked before anything is sent:
  {
    "version": 1,
    "customer": { "customerIdentifier": "zanzibar-health", "displayName": "Zanzibar Health Group" },
    "accounts": [
      { "accountIdentifier": "zanzibar-health-wellness", "displayName": "Employee Wellness",
        "contactEmail": "ops@zanzibar.example", "currencyCode": "USD",
        "fundingEmails": ["finance@zanzibar.example"] }
    ]
  }
  customer.existing: true adds the accounts to a customer that already exists (displayName may be left out).
  currencyCode is optional (${DEFAULT_CURRENCY}); fundingEmails may instead be the API's "fundingNotification": [{"emailAddress": "..."}].
  An account may list "lowBalanceAlerts": [{"displayName": "...", "threshold": 500, "emails": ["..."]}].
  What already exists with the same values is skipped, so a plan can be run again after a failure.
  The wizard's review can save its answers as such a file.
`;

export function onboardCommand(): Command {
  const command = new Command('onboard')
    .description(
      'create a customer, its accounts and their low-balance alerts step by step, with a review before anything is created',
    )
    .option('--plan <file>', 'onboard from a JSON plan file ("-" reads stdin), without prompts')
    .option('--dry-run', 'show what would be created and the equivalent commands; send nothing');
  return addYesOption(command)
    .addHelpText(
      'after',
      PLAN_FORMAT +
        examples(
          ['tango onboard', 'asks, shows a review, then creates'],
          ['tango onboard --plan zanzibar.json --dry-run', 'check a plan; print the equivalent commands'],
          ['tango onboard --plan zanzibar.json', 'the same onboarding, for scripts'],
          ['tango onboard --plan - --json < zanzibar.json', 'plan on stdin; results as JSON'],
          ['tango --env local onboard', 'rehearse against the built-in emulator'],
        ),
    )
    .action(
      action(async (ctx, flags: OnboardFlags) => {
        const { onboard } = await import('../wizard/onboard.js');
        await onboard(ctx, flags);
      }),
    );
}
