/**
 * `tango alerts delete <customer> <account> <alert-id>`: DELETE .../lowbalance/{balanceAlertID}.
 * A person at a terminal confirms first (a "no" is exit 130, nothing done); a script says --yes.
 * Without either, nothing is deleted (exit 2): a cron job never deletes because nobody said no.
 */
import { Command } from 'commander';
import type { TangoApi } from '../../api/tango.js';
import type { Context } from '../../context.js';
import type { DeletedAlert } from '../../domain/alerts.js';
import { deletedAlertView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { confirmWrite } from '../confirm-write.js';
import { isStatus } from '../not-found.js';
import { confirmOrYes } from '../prompt.js';
import { alertArguments, orAlertNotFound } from './common.js';

interface DeleteOptions {
  yes?: boolean;
}

export function alertsDeleteCommand(): Command {
  return alertArguments(new Command('delete').description('delete a low-balance alert'), true)
    .option('-y, --yes', 'delete without asking (needed when there is no terminal to ask at)')
    .addHelpText(
      'after',
      examples(
        ['tango alerts delete acme-co acme-main <alert-id>', 'asks first, at a terminal'],
        ['tango alerts delete acme-co acme-main <alert-id> --yes --json', "for scripts: the API's answer as JSON"],
      ),
    )
    .action(action(remove));
}

async function remove(ctx: Context, customer: string, account: string, alertId: string, opts: DeleteOptions) {
  ctx.output.checkFields(deletedAlertView);
  // In production, its question is this one: asked once.
  const what = `delete low-balance alert ${alertId} of account ${account}`;
  if (!(await confirmWrite(ctx, what, opts.yes)))
    await confirmOrYes(ctx, opts.yes, `Delete low-balance alert ${alertId} of account ${account}?`);
  const api = await ctx.api();
  const deleted = await orAlertNotFound({ customer, account, alert: alertId }, () =>
    deleteOnce(ctx, api, { customer, account, alertId }),
  );
  ctx.log.success(`Deleted alert ${alertId} of account ${account}.`);
  await ctx.output.item(deleted, deletedAlertView);
}

/** The DELETE; when its first answer was lost and the retry found nothing, that first attempt did it. */
async function deleteOnce(
  ctx: Context,
  api: TangoApi,
  target: { customer: string; account: string; alertId: string },
): Promise<DeletedAlert> {
  try {
    return (await api.deleteAlert(target.customer, target.account, target.alertId)).body;
  } catch (error) {
    if (!isStatus(error, 404) || !error.earlierAttemptMayHaveLanded) throw error;
    ctx.log.note('The first answer was lost and the retry found no alert: it was deleted by the first attempt.');
    return { balanceAlertID: target.alertId, status: 'DELETED' };
  }
}
