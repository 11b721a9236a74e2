/**
 * Carrying out a plan: the customer first, then each account, in order, with a line of progress
 * for each. Safe to run again: what already exists with the same values is reported and
 * skipped (ifNotExists). The first failure stops the run, and the error says exactly what was
 * and was not created, so nobody has to guess before trying again. The steps run on the engine
 * `tango apply` runs on (src/state/steps.ts), with the same retry-safe creates.
 */
import { createAccount, createAlert, createCustomer } from '../api/create.js';
import type { TangoApi } from '../api/tango.js';
import { isMissingResource } from '../commands/not-found.js';
import { CliError, ExitCode, InterruptedError } from '../errors.js';
import { hintFor } from '../hints.js';
import { type Step as EngineStep, runSteps } from '../state/steps.js';
import { alertsOf, customerBody, type OnboardingPlan } from './plan.js';

export type Outcome = 'created' | 'existed' | 'verified';

export interface StepResult {
  kind: 'customer' | 'account' | 'alert';
  /** An alert's is the account it is on: its own id exists only once it is created. */
  identifier: string;
  displayName: string;
  /** created; existed: was there already with the same values (the word import's report uses); verified: the chosen existing customer. */
  outcome: Outcome;
  resource: unknown;
}

/** A step of the engine, with what the onboarding's results and final state say of it. */
type Done = { outcome: Outcome; resource: unknown };

interface Step extends EngineStep<Done> {
  kind: StepResult['kind'];
  identifier: string;
  displayName: string;
}

export interface ApplyOptions {
  progress: (line: string) => void;
  signal?: AbortSignal;
}

export async function applyPlan(api: TangoApi, plan: OnboardingPlan, options: ApplyOptions): Promise<StepResult[]> {
  const run = await runSteps(planSteps(api, plan), options);
  const done = run.done.map(({ step, result }) => ({
    kind: step.kind,
    identifier: step.identifier,
    displayName: step.displayName,
    ...result,
  }));
  if (run.failed) throw stopped(run.failed.error, done, [run.failed.step, ...run.notStarted], run.failed.inFlight);
  if (run.notStarted.length) throw stopped(new InterruptedError(), done, run.notStarted, false);
  return done;
}

const OUTCOME_WORDS: Record<Outcome, (label: string) => string> = {
  created: (label) => `✔ ${label} created`,
  existed: (label) => `• ${label} already exists with the same values; skipped`,
  verified: (label) => `✔ ${label} exists; adding accounts to it`,
};

function planSteps(api: TangoApi, plan: OnboardingPlan): Step[] {
  const { customer } = plan;
  const customerStep: Step = {
    ...labelled('customer', customer.customerIdentifier, customer.existing ? 'Checking' : 'Creating'),
    kind: 'customer',
    identifier: customer.customerIdentifier,
    displayName: customer.displayName,
    run: customer.existing
      ? async () => ({ outcome: 'verified', resource: await existingCustomer(api, customer.customerIdentifier) })
      : () => createCustomer(api, customerBody(customer), { ifNotExists: true }),
  };
  // Each account, then its alerts: an alert of the same name and threshold is there already on a re-run.
  const accountSteps = plan.accounts.flatMap<Step>((account) => [
    {
      ...labelled('account', account.accountIdentifier),
      kind: 'account',
      identifier: account.accountIdentifier,
      displayName: account.displayName,
      run: () => createAccount(api, customer.customerIdentifier, account, { ifNotExists: true }),
    },
    ...alertsOf(plan, account.accountIdentifier).map<Step>((alert) => ({
      ...labelled('alert', `"${alert.balanceAlertDisplayName}" on ${account.accountIdentifier}`),
      kind: 'alert',
      identifier: account.accountIdentifier,
      displayName: alert.balanceAlertDisplayName,
      run: () => createAlert(api, customer.customerIdentifier, account.accountIdentifier, alert, { ifNotExists: true }),
    })),
  ]);
  return [customerStep, ...accountSteps];
}

/** How progress names a step, before and after: "Creating account acme-main ...", "✔ account acme-main created". */
function labelled(kind: string, name: string, doing = 'Creating') {
  const label = `${kind} ${name}`;
  return {
    label,
    starting: `${doing} ${label} ...`,
    finished: ({ outcome }: Done) => OUTCOME_WORDS[outcome](label),
  };
}

async function existingCustomer(api: TangoApi, identifier: string): Promise<unknown> {
  try {
    return await api.getCustomer(identifier);
  } catch (error) {
    // Only the API's own "does not exist": a 404 from a base URL without /raas/v2 keeps its hint.
    if (isMissingResource(error)) {
      throw new CliError(ExitCode.notFound, `Customer ${identifier} does not exist.`, {
        requestId: error.requestId,
        hint: 'drop "existing": true to create it, or check the identifier with: tango customers list',
      });
    }
    throw error;
  }
}

/** The error that ends a run part way: the cause's message and exit code, and the state it left. */
function stopped(error: unknown, done: StepResult[], left: Step[], inFlight: boolean): CliError {
  const cause = error instanceof CliError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const [current, ...rest] = left;
  const lines = [
    ...(cause?.details ?? []),
    ...stateLines(done, inFlight && current ? [current] : [], inFlight ? rest : left),
  ];
  const interrupted = error instanceof InterruptedError;
  const where = current ? ` ${interrupted && !inFlight ? 'before' : 'at'} ${current.label}` : '';
  const extra = { details: lines, requestId: cause?.requestId, cause: error, hint: retryHint(cause, interrupted) };
  if (interrupted) return new InterruptedError(`Interrupted${where}.`, extra);
  return new CliError(cause?.exitCode ?? ExitCode.error, `Onboarding stopped${where}: ${message}`, extra);
}

function stateLines(done: StepResult[], uncertain: Step[], notCreated: Step[]): string[] {
  const names = (items: Array<{ kind: string; identifier: string; displayName: string }>) =>
    items
      .map((i) => (i.kind === 'alert' ? `alert "${i.displayName}" on ${i.identifier}` : `${i.kind} ${i.identifier}`))
      .join(', ');
  const created = done.filter((r) => r.outcome === 'created');
  const there = done.filter((r) => r.outcome !== 'created');
  return [
    `Created: ${created.length ? names(created) : 'nothing'}`,
    ...(there.length ? [`Already there: ${names(there)}`] : []),
    ...(uncertain.length ? [`Unknown (the request was in flight): ${names(uncertain)}`] : []),
    ...(notCreated.length ? [`Not created: ${names(notCreated)}`] : []),
  ];
}

function retryHint(cause: CliError | undefined, interrupted: boolean): string {
  const again =
    'the same onboarding run again creates only what is missing (what exists with the same values is skipped)';
  const hint = interrupted ? undefined : hintFor(cause);
  return hint ? `${hint}; ${again}` : again;
}
