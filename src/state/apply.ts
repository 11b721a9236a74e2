/**
 * `tango apply`'s work: the plan `tango diff` shows, then, once confirmed, its changes in order
 * (customers, accounts, alerts; deleted alerts last), through the one paced client. Safe to
 * interrupt and to run again: every create goes through the retry-safe creates of api/create.ts
 * (a lost answer is recovered, never created twice), and a rerun plans from what is there.
 */
import { createAccount, createAlert, createCustomer } from '../api/create.js';
import type { TangoApi } from '../api/tango.js';
import type { ApplyFlags } from '../commands/apply.js';
import { capitalized, confirmWrite } from '../commands/confirm-write.js';
import { isStatus } from '../commands/not-found.js';
import { confirmOrYes } from '../commands/prompt.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, InterruptedError, UsageError } from '../errors.js';
import { failureOf } from '../import/outcome.js';
import { createPaint } from '../output/color.js';
import type { ResourceView } from '../output/columns.js';
import { computeChanges, readStateFlag } from './diff.js';
import { type Change, type Operation, resourceLabel, sendingOrder, summarize } from './plan.js';
import { planLines } from './render.js';
import { runSteps, type Step } from './steps.js';

export type ApplyOutcome = 'created' | 'updated' | 'deleted' | 'existed' | 'failed' | 'unknown' | 'not-attempted';

/** One change as the report shows it. */
export interface ApplyResult {
  resource: Change['resource'];
  action: Change['action'];
  customer: string;
  account?: string;
  alert?: string;
  alertId?: string;
  outcome: ApplyOutcome;
  reason?: string;
}

export const applyResultView: ResourceView<ApplyResult> = {
  name: 'change',
  columns: [
    { key: 'resource', header: 'WHAT' },
    { key: 'customer', header: 'CUSTOMER' },
    { key: 'account', header: 'ACCOUNT' },
    { key: 'alert', header: 'ALERT', fit: 'text' },
    { key: 'alertId', header: 'ALERT ID' },
    { key: 'action', header: 'CHANGE' },
    { key: 'outcome', header: 'OUTCOME' },
    { key: 'reason', header: 'REASON', fit: 'text' },
  ],
  defaults: ['resource', 'customer', 'account', 'alert', 'action', 'outcome', 'reason'],
};

export async function applyState(ctx: Context, flags: ApplyFlags): Promise<void> {
  ctx.output.checkFields(applyResultView);
  // Refused before any request: a script that forgot --yes learns it at once, not after the reads.
  if (!flags.yes && !ctx.canPrompt) {
    throw new UsageError('tango apply changes the platform and asks first; there is no terminal to ask at.', {
      hint: 'pass --yes to apply without a question (run tango diff first to see what it would do)',
    });
  }
  const desired = await readStateFlag(ctx, flags.file);
  // Reading stops at once on Ctrl-C; nothing has been sent yet.
  const changes = await computeChanges(await ctx.api(), ctx, desired, flags);
  for (const line of planLines(changes, createPaint(false))) ctx.log.info(line);
  refuseConflicts(changes, flags.file);
  const toSend = sendingOrder(changes);
  if (toSend.length === 0) {
    ctx.log.success(`No changes: the platform already matches ${flags.file}.`);
    await ctx.output.list([], applyResultView);
    return;
  }
  const summary = summarize(changes);
  const what = `apply ${summary.create} create${s(summary.create)}, ${summary.update} change${s(summary.update)} and ${summary.delete} delete${s(summary.delete)}`;
  // In production the banner's question is the question: asked once.
  if (!(await confirmWrite(ctx, what, flags.yes))) await confirmOrYes(ctx, flags.yes, `${capitalized(what)}?`);
  // Writes in flight finish after Ctrl-C, so what was sent is known and reported. Both clients
  // share the process's one pacer.
  await send(ctx, await ctx.apiFinishingInFlight(), toSend);
}

function s(count: number): string {
  return count === 1 ? '' : 's';
}

/** A conflict makes the file impossible to apply as it is: nothing is sent (exit 5). */
function refuseConflicts(changes: readonly Change[], file: string): void {
  const conflicts = changes.filter((change) => change.action === 'conflict');
  if (conflicts.length === 0) return;
  throw new CliError(
    ExitCode.conflict,
    `${file} asks for ${conflicts.length} change${s(conflicts.length)} the API cannot make; nothing was sent.`,
    {
      details: conflicts.map((change) => {
        const fields = change.fields.map((f) => `${f.field}: ${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`);
        return [`${resourceLabel(change)}: ${change.reason}`, ...fields].join('; ');
      }),
      hint: 'change the file to match the platform for these, then run tango diff again',
    },
  );
}

async function send(ctx: Context, api: TangoApi, changes: readonly Change[]): Promise<void> {
  const steps = changes.map((change) => changeStep(api, change));
  const run = await runSteps(steps, {
    progress: (line) => ctx.log.info(line),
    signal: ctx.signal,
  });
  const byStep = new Map<Step<ApplyOutcome>, ApplyResult>();
  for (const { step, result } of run.done) byStep.set(step, resultOf(changes[steps.indexOf(step)] as Change, result));
  if (run.failed) {
    const change = changes[steps.indexOf(run.failed.step)] as Change;
    const outcome = run.failed.inFlight ? 'unknown' : 'failed';
    byStep.set(run.failed.step, resultOf(change, outcome, failureOf(run.failed.error).reason));
  }
  const why = run.interrupted ? 'interrupted' : 'an earlier change failed';
  const results = steps.map(
    (step, index) => byStep.get(step) ?? resultOf(changes[index] as Change, 'not-attempted', why),
  );
  await ctx.output.list(results, applyResultView);
  const left = results.filter((r) => r.outcome === 'not-attempted' || r.outcome === 'unknown').length;
  const rerun = 'run the same tango apply again: it plans from what is there now, so it does only what is left';
  if (run.interrupted) {
    throw new InterruptedError(`Interrupted: ${run.done.length} of ${steps.length} changes made, ${left} left.`, {
      hint: rerun,
    });
  }
  if (run.failed) {
    const failure = failureOf(run.failed.error);
    throw new CliError(
      failure.exitCode as CliError['exitCode'],
      `Apply stopped at ${run.failed.step.label}: ${failure.reason}`,
      {
        details: [`${run.done.length} of ${steps.length} changes made, ${left} left.`],
        requestId: failure.requestId,
        hint: rerun,
      },
    );
  }
  ctx.log.success(`Applied ${steps.length} change${s(steps.length)}.`);
}

function resultOf(change: Change, outcome: ApplyOutcome, reason?: string): ApplyResult {
  const { resource, action, customer, account, alert, alertId } = change;
  return { resource, action, customer, account, alert, alertId, outcome, ...(reason ? { reason } : {}) };
}

const STARTING: Record<string, string> = { create: 'Creating', update: 'Updating', delete: 'Deleting' };

function changeStep(api: TangoApi, change: Change): Step<ApplyOutcome> {
  const label = resourceLabel(change);
  return {
    label,
    starting: `${STARTING[change.action]} ${label} ...`,
    run: () => perform(api, change.operation as Operation),
    finished: (outcome) =>
      outcome === 'existed' ? `• ${label} already there with the same values` : `✔ ${label} ${outcome}`,
  };
}

/** One change's request. Creates recover a lost answer (and count one already there as existed). */
async function perform(api: TangoApi, operation: Operation): Promise<ApplyOutcome> {
  const created = { ifNotExists: true };
  switch (operation.op) {
    case 'createCustomer':
      return (await createCustomer(api, operation.body, created)).outcome;
    case 'createAccount':
      return (await createAccount(api, operation.customer, operation.body, created)).outcome;
    case 'createAlert':
      return (await createAlert(api, operation.customer, operation.account, operation.body, created)).outcome;
    case 'updateAccount':
      await api.updateAccount(operation.customer, operation.account, operation.body);
      return 'updated';
    case 'updateAlert':
      await api.updateAlert(operation.customer, operation.account, operation.alertId, operation.body);
      return 'updated';
    case 'deleteAlert':
      return deleteAlert(api, operation);
  }
}

/** When the first answer was lost and the retry found no alert, the first attempt deleted it. */
async function deleteAlert(api: TangoApi, operation: Extract<Operation, { op: 'deleteAlert' }>): Promise<ApplyOutcome> {
  try {
    await api.deleteAlert(operation.customer, operation.account, operation.alertId);
  } catch (error) {
    if (!isStatus(error, 404) || !error.earlierAttemptMayHaveLanded) throw error;
  }
  return 'deleted';
}
