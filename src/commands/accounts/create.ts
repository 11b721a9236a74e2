/**
 * `tango accounts create <customer>`: same conventions as `customers create`: every value checked
 * before sending, prompts at a terminal, --dry-run, --if-not-exists, and no double creates.
 */
import { Command, Option } from 'commander';
import { completeWith } from '../../completion/values.js';
import type { Context } from '../../context.js';
import { toFundingNotificationIfAny } from '../../domain/funding-emails.js';
import {
  type CreateAccountBody,
  CURRENCIES,
  DEFAULT_CURRENCY,
  normalizeInput,
  validateCreateAccount,
} from '../../domain/rules.js';
import type { ApiError } from '../../errors.js';
import { accountView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { printDryRun } from '../dry-run.js';
import { orNotFound } from '../not-found.js';
import { byRule, collect } from '../parse.js';
import { addOutcomeOption, checkOutcome, printCreated } from '../report-create.js';
import { completeBody } from '../values.js';

interface CreateOptions {
  identifier?: string;
  displayName?: string;
  contactEmail?: string;
  currency: string;
  fundingEmail?: string[];
  ifNotExists?: boolean;
  outcome?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function accountsCreateCommand(): Command {
  const command = new Command('create')
    .description('create an account under a customer')
    .argument('<customer>', 'the customer identifier', byRule('customerIdentifier'))
    .option('--identifier <id>', "the account identifier: 5-100 lowercase letters, digits or '-'")
    .option('--display-name <name>', 'a friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji')
    .option('--contact-email <email>', 'email address of the account representative, at most 100 characters')
    .addOption(
      // Checked with the other fields before sending; completed from the same list.
      completeWith(
        new Option('--currency <code>', `${CURRENCIES.join(', ')}; never changeable later`).default(DEFAULT_CURRENCY),
        CURRENCIES,
      ),
    )
    .option('--funding-email <email>', 'send funding notifications to this address (repeatable)', collect)
    .option('--if-not-exists', 'succeed when the account already exists under this customer with the same values')
    .option('--dry-run', 'print the request that would be sent, and send nothing');
  return addYesOption(addOutcomeOption(command))
    .addHelpText(
      'after',
      examples(
        ['tango accounts create acme-co', 'asks for the values at a terminal'],
        [
          'tango accounts create acme-co --identifier acme-main --display-name "Acme Main" --contact-email ops@acme.example',
          'for scripts; the currency is USD',
        ],
        [
          'tango accounts create acme-co --identifier acme-eu --display-name "Acme EU" --contact-email ops@acme.example --currency EUR --funding-email cfo@acme.example',
          'in euros, with a funding notification address',
        ],
        ['tango accounts create acme-co ... --if-not-exists', 'safe to repeat: an identical account is success'],
        ['tango accounts create acme-co ... --if-not-exists --json --outcome | jq -r .outcome', 'created or existed'],
        ['tango accounts create acme-co ... --dry-run', 'show the request only'],
      ),
    )
    .action(action(create));
}

async function create(ctx: Context, customer: string, opts: CreateOptions): Promise<void> {
  ctx.output.checkFields(accountView);
  checkOutcome(ctx, opts.outcome);
  const body = await completeBody<CreateAccountBody>(
    ctx,
    {
      accountIdentifier: opts.identifier,
      displayName: opts.displayName,
      contactEmail: opts.contactEmail,
      currencyCode: normalizeInput('currencyCode', opts.currency),
      fundingNotification: toFundingNotificationIfAny(opts.fundingEmail),
    },
    validateCreateAccount,
    {
      accountIdentifier: { message: 'Account identifier', rule: 'accountIdentifier' },
      displayName: { message: 'Display name', rule: 'displayName' },
      contactEmail: { message: 'Contact email', rule: 'contactEmail' },
    },
  );
  const { requests } = await import('../../api/tango.js');
  if (opts.dryRun) return printDryRun(ctx, requests.createAccount(customer, body));
  await confirmWrite(ctx, `create account ${body.accountIdentifier} under customer ${customer}`, opts.yes);
  const { createAccount } = await import('../../api/create.js');
  const api = await ctx.api();
  // The POST's 404 is about the path: the customer does not exist.
  const onlyThePost = (error: ApiError) => (error.method === 'POST' ? `customer ${customer}` : undefined);
  const result = await orNotFound(onlyThePost, () =>
    createAccount(api, customer, body, { ifNotExists: opts.ifNotExists }),
  );
  await printCreated(ctx, `account ${body.accountIdentifier}`, result, accountView, opts.outcome);
}
