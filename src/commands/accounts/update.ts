/**
 * `tango accounts update <customer> <account>`: PATCH with only the fields given. A funding email
 * list replaces the old one, --clear-funding-emails sends an empty list, an omitted field stays.
 */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { toFundingNotification } from '../../domain/funding-emails.js';
import { type UpdateAccountBody, validateUpdateAccount } from '../../domain/rules.js';
import { UsageError } from '../../errors.js';
import { accountView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { printDryRun } from '../dry-run.js';
import { missingOnPath, orNotFound } from '../not-found.js';
import { byRule, collect } from '../parse.js';
import { invalidValues } from '../values.js';

interface UpdateOptions {
  displayName?: string;
  contactEmail?: string;
  fundingEmail?: string[];
  clearFundingEmails?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

const FIELD_FLAGS = '--display-name, --contact-email, --funding-email or --clear-funding-emails';

export function accountsUpdateCommand(): Command {
  const command = new Command('update')
    .description("change an account's display name, contact email or funding emails")
    .argument('<customer>', 'the customer identifier', byRule('customerIdentifier'))
    .argument('<account>', 'the account identifier', byRule('accountIdentifier'))
    .option(
      '--display-name <name>',
      'a new friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji',
    )
    .option('--contact-email <email>', 'a new contact email address')
    .option(
      '--funding-email <email>',
      'funding notification address; the list given replaces the old one (repeatable)',
      collect,
    )
    .addOption(
      new Option('--clear-funding-emails', 'remove every funding notification address').conflicts('fundingEmail'),
    )
    .option('--dry-run', 'print the request that would be sent, and send nothing');
  return addYesOption(command)
    .addHelpText(
      'after',
      examples(
        ['tango accounts update acme-co acme-main --display-name "Acme Main Budget"', 'rename; the rest stays'],
        ['tango accounts update acme-co acme-main --funding-email a@acme.example', 'replace the funding emails'],
        ['tango accounts update acme-co acme-main --clear-funding-emails', 'no funding emails any more'],
        ['tango accounts update acme-co acme-main --contact-email new@acme.example --dry-run', 'show the request only'],
      ),
    )
    .action(action(update));
}

/** Only the fields given, so the API leaves the others as they are. */
export function updateBody(opts: UpdateOptions): UpdateAccountBody {
  const body: UpdateAccountBody = {};
  if (opts.displayName !== undefined) body.displayName = opts.displayName;
  if (opts.contactEmail !== undefined) body.contactEmail = opts.contactEmail;
  if (opts.clearFundingEmails) body.fundingNotification = [];
  else if (opts.fundingEmail) body.fundingNotification = toFundingNotification(opts.fundingEmail);
  return body;
}

async function update(ctx: Context, customer: string, account: string, opts: UpdateOptions): Promise<void> {
  ctx.output.checkFields(accountView);
  const body = updateBody(opts);
  if (Object.keys(body).length === 0) {
    throw new UsageError('nothing to update', { hint: `pass at least one of ${FIELD_FLAGS}` });
  }
  const problems = validateUpdateAccount({ ...body });
  if (problems.length) throw invalidValues(problems);
  const { requests } = await import('../../api/tango.js');
  if (opts.dryRun) return printDryRun(ctx, requests.updateAccount(customer, account, body));
  await confirmWrite(ctx, `update account ${account} of customer ${customer}`, opts.yes);
  const api = await ctx.api();
  const updated = await orNotFound(
    (error) => missingOnPath(error.i18nKey, { customer, account }),
    () => api.updateAccount(customer, account, body),
  );
  ctx.log.success(`Updated account ${account}: ${Object.keys(body).join(', ')}.`);
  await ctx.output.item(updated, accountView);
}
