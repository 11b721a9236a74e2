/**
 * `tango alerts create <customer> <account>`: POST .../lowbalance. Same conventions as the other
 * creates: every value checked before sending, prompts at a terminal, --dry-run, and
 * --if-not-exists (an alert of that name and threshold on the account is success, never a second).
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { alertEmails, type CreateAlertBody, type LowBalanceAlert, validateCreateAlert } from '../../domain/alerts.js';
import { splitFundingEmailsCell, toFundingNotification } from '../../domain/funding-emails.js';
import { CliError, ConflictError, ExitCode } from '../../errors.js';
import { alertView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { printDryRun } from '../dry-run.js';
import { reportCreate } from '../report-create.js';
import { completeBody } from '../values.js';
import { addAlertFieldOptions, alertArguments, currencyForTable, orAlertNotFound } from './common.js';

interface CreateOptions {
  displayName?: string;
  threshold?: number;
  email?: string[];
  ifNotExists?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function alertsCreateCommand(): Command {
  const command = alertArguments(new Command('create').description('add a low-balance alert to an account'), false);
  addAlertFieldOptions(command, 'create')
    .option('--if-not-exists', 'succeed when the account already has an alert of this name and threshold')
    .option('--dry-run', 'print the request that would be sent, and send nothing');
  return addYesOption(command)
    .addHelpText(
      'after',
      examples(
        ['tango alerts create acme-co acme-main', 'asks for the values at a terminal'],
        [
          'tango alerts create acme-co acme-main --display-name "Main budget low" --threshold 500 --email ops@acme.example',
          'for scripts',
        ],
        [
          'tango alerts create acme-co acme-main ... --email cfo@acme.example --if-not-exists',
          'two recipients; safe to repeat',
        ],
        ['tango alerts create acme-co acme-main ... --dry-run', 'show the request only'],
      ),
    )
    .action(action(create));
}

async function create(ctx: Context, customer: string, account: string, opts: CreateOptions): Promise<void> {
  ctx.output.checkFields(alertView());
  const body = await gather(ctx, opts);
  const { requests } = await import('../../api/tango.js');
  if (opts.dryRun) return printDryRun(ctx, requests.createAlert(customer, account, body));
  const what = `alert "${body.balanceAlertDisplayName}" on account ${account}`;
  await confirmWrite(ctx, `create ${what}`, opts.yes);
  const { createAlert } = await import('../../api/create.js');
  const api = await ctx.api();
  const result = await orAlertNotFound({ customer, account }, async () => {
    try {
      return await createAlert(api, customer, account, body, { ifNotExists: opts.ifNotExists });
    } catch (error) {
      throw error instanceof ConflictError && error.differences.length === 0 ? nameTaken(what, error) : error;
    }
  });
  reportCreate(ctx, what, result);
  if (result.outcome === 'existed') noteOtherEmails(ctx, body, result.resource);
  await ctx.output.item(result.resource, alertView(await currencyForTable(ctx, api, account)));
}

/** The flags given, checked all at once; what is missing is asked for at a terminal. */
function gather(ctx: Context, opts: CreateOptions): Promise<CreateAlertBody> {
  return completeBody<CreateAlertBody>(
    ctx,
    {
      balanceAlertDisplayName: opts.displayName,
      balanceAlertThreshold: opts.threshold,
      balanceAlertNotification: opts.email ? toFundingNotification(opts.email) : undefined,
    },
    validateCreateAlert,
    {
      balanceAlertDisplayName: { message: 'Alert name', rule: 'balanceAlertDisplayName' },
      balanceAlertThreshold: { message: 'Alert below (amount)', rule: 'balanceAlertThreshold', parse: Number },
      balanceAlertNotification: {
        message: 'Send to (emails, comma-separated)',
        rule: 'alertEmail',
        list: true,
        parse: (answer: string) => toFundingNotification(splitFundingEmailsCell(answer)),
      },
    },
  );
}

/** --if-not-exists promises one alert per name and threshold; other recipients are worth a word. */
function noteOtherEmails(ctx: Context, requested: CreateAlertBody, existing: LowBalanceAlert): void {
  const have = alertEmails(existing);
  if (have.join() === alertEmails(requested).join()) return;
  ctx.log.warn(
    `the existing alert's emails differ from those given: ${have.join(', ') || '(none)'}; change them with tango alerts update`,
    'alert_emails_differ',
  );
}

function nameTaken(what: string, error: CliError): CliError {
  return new CliError(ExitCode.conflict, `${what}: the account already has an alert of this name`, {
    requestId: error.requestId,
    hint: 'choose another --display-name, or pass --if-not-exists to accept an alert of the same name and threshold',
  });
}
