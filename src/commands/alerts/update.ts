/**
 * `tango alerts update <customer> <account> <alert-id>`: PATCH with only the fields given. The
 * email list given replaces the old one, --clear-emails sends an empty list, an omitted field stays.
 */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { type UpdateAlertBody, validateUpdateAlert } from '../../domain/alerts.js';
import { toFundingNotification } from '../../domain/funding-emails.js';
import { type ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { alertView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { printDryRun } from '../dry-run.js';
import { isStatus } from '../not-found.js';
import { invalidValues } from '../values.js';
import { addAlertFieldOptions, alertArguments, currencyForTable, orAlertNotFound } from './common.js';

interface UpdateOptions {
  displayName?: string;
  threshold?: number;
  email?: string[];
  clearEmails?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

const FIELD_FLAGS = '--display-name, --threshold, --email or --clear-emails';

export function alertsUpdateCommand(): Command {
  const command = alertArguments(
    new Command('update').description("change a low-balance alert's name, threshold or emails"),
    true,
  );
  addAlertFieldOptions(command, 'update')
    .addOption(new Option('--clear-emails', 'remove every address from the alert').conflicts('email'))
    .option('--dry-run', 'print the request that would be sent, and send nothing');
  return addYesOption(command)
    .addHelpText(
      'after',
      examples(
        ['tango alerts update acme-co acme-main <alert-id> --threshold 250', 'a new threshold; the rest stays'],
        [
          'tango alerts update acme-co acme-main <alert-id> --email a@acme.example --email b@acme.example',
          'replace the emails',
        ],
        ['tango alerts update acme-co acme-main <alert-id> --clear-emails', 'nobody is told any more'],
        [
          'tango alerts update acme-co acme-main <alert-id> --display-name "Budget low" --dry-run',
          'show the request only',
        ],
      ),
    )
    .action(action(update));
}

/** Only the fields given, so the API leaves the others as they are. */
function updateBody(opts: UpdateOptions): UpdateAlertBody {
  const body: UpdateAlertBody = {};
  if (opts.displayName !== undefined) body.balanceAlertDisplayName = opts.displayName;
  if (opts.threshold !== undefined) body.balanceAlertThreshold = opts.threshold;
  if (opts.clearEmails) body.balanceAlertNotification = [];
  else if (opts.email) body.balanceAlertNotification = toFundingNotification(opts.email);
  return body;
}

async function update(ctx: Context, customer: string, account: string, alertId: string, opts: UpdateOptions) {
  ctx.output.checkFields(alertView());
  const body = updateBody(opts);
  if (Object.keys(body).length === 0) {
    throw new UsageError('nothing to update', { hint: `pass at least one of ${FIELD_FLAGS}` });
  }
  const problems = validateUpdateAlert({ ...body });
  if (problems.length) throw invalidValues(problems);
  const { requests } = await import('../../api/tango.js');
  if (opts.dryRun) return printDryRun(ctx, requests.updateAlert(customer, account, alertId, body));
  await confirmWrite(ctx, `update alert ${alertId} of account ${account}`, opts.yes);
  const api = await ctx.api();
  const updated = await orAlertNotFound({ customer, account, alert: alertId }, async () => {
    try {
      return await api.updateAlert(customer, account, alertId, body);
    } catch (error) {
      throw isStatus(error, 409) ? nameTaken(account, body, error) : error;
    }
  });
  ctx.log.success(`Updated alert ${alertId}: ${Object.keys(body).join(', ')}.`);
  await ctx.output.item(updated, alertView(await currencyForTable(ctx, api, account)));
}

/** The one conflict a PATCH can meet: the new name is another alert's on this account. */
function nameTaken(account: string, body: UpdateAlertBody, error: ApiError): CliError {
  return new CliError(
    ExitCode.conflict,
    `account ${account} already has another alert named "${body.balanceAlertDisplayName}"`,
    {
      details: error.message ? [`server: ${error.message}`] : [],
      requestId: error.requestId,
      cause: error,
      hint: 'choose another --display-name',
    },
  );
}
