/**
 * `tango onboard`'s work, loaded only when the command runs: the wizard at a terminal, or a plan
 * file without prompts; then a dry run or the real thing.
 */
import { requests } from '../api/tango.js';
import { confirmWrite } from '../commands/confirm-write.js';
import type { Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { applyPlan } from './apply.js';
import { equivalentCommands } from './commands.js';
import { apiDirectory } from './directory.js';
import { alertsOf, customerBody, type OnboardingPlan } from './plan.js';
import { readPlan } from './plan-file.js';
import { reviewText } from './review-table.js';
import { askToSavePlan } from './save-prompt.js';
import type { WizardSession } from './session.js';
import { nextSteps, resultView, summaryLine } from './summary.js';
import { askForPlan } from './wizard.js';

export interface OnboardOptions {
  plan?: string;
  dryRun?: boolean;
  yes?: boolean;
}

export async function onboard(ctx: Context, opts: OnboardOptions): Promise<void> {
  if (opts.plan !== undefined) return fromPlanFile(ctx, opts.plan, opts);
  if (!ctx.canPrompt) throw noTerminal();
  return interactively(ctx, Boolean(opts.dryRun));
}

export function noTerminal(): UsageError {
  return new UsageError('tango onboard asks its questions at a terminal, and none is available here.', {
    details: [
      'Prompts need stdin and stdout to be a terminal, and neither --no-input nor CI set.',
      'Without one, describe the onboarding in a file:  tango onboard --plan onboarding.json',
      'or run the commands one by one:  tango customers create --identifier ... --display-name ...',
      '                                 tango accounts create <customer> --identifier ... --display-name ... --contact-email ...',
    ],
    hint: 'the plan format is in `tango onboard --help`; check a plan without sending anything with --dry-run',
  });
}

async function fromPlanFile(ctx: Context, file: string, { dryRun = false, yes }: OnboardOptions): Promise<void> {
  // Read and checked whole before any request, so a bad plan sends nothing.
  const plan = await readPlan(file, () => ctx.io.readStdin('--plan -', 'tango onboard --plan - < onboarding.json'));
  if (dryRun) return printDryRun(ctx, plan, true);
  await confirmWrite(
    ctx,
    `onboard customer ${plan.customer.customerIdentifier} (${accountCount(plan.accounts.length)})`,
    yes,
  );
  await applyAndReport(ctx, plan);
}

async function interactively(ctx: Context, dryRun: boolean): Promise<void> {
  // The lookups need working credentials and a reachable server: find out with one small read
  // before the first question, rather than after the person has typed half an onboarding.
  // Said before the first question; the review's own "create?" is the one confirmation asked.
  if (!dryRun) await confirmWrite(ctx, 'onboard a customer', true);
  const api = await ctx.api();
  await api.listCustomers({}, { paginate: true, maxResults: 1 });
  const session: WizardSession = {
    prompter: await ctx.prompter(),
    directory: apiDirectory(api),
    say: (line) => ctx.log.info(line),
  };
  const plan = await askWithoutCreating(session, {
    dryRun,
    width: terminalWidth(ctx),
    globalFlags: globalFlags(ctx),
    commandsInReview: !(dryRun && commandsShownOnStdout(ctx)),
  });
  if (!plan) {
    ctx.log.info('Cancelled; nothing was created.');
    return;
  }
  if (dryRun) return printDryRun(ctx, plan, false);
  try {
    await applyAndReport(ctx, plan);
  } catch (error) {
    // The answers took a while to give; keep them, so the rest can be created without asking again.
    // After Ctrl-C the Context's prompter is aborted with the work: this question needs one that is not.
    const interrupted = error instanceof InterruptedError;
    const prompter = interrupted ? await ctx.prompterAfterInterrupt() : session.prompter;
    sayWhereItStopped(session, error);
    await offerToSave({ ...session, prompter }, plan);
    // What was and was not created was said just above the question: the exit says it once, not twice.
    if (error instanceof InterruptedError) throw new InterruptedError(error.message, { hint: error.hint });
    throw error;
  }
}

/** The state a stopped run left, before the question: what to save is easier to decide knowing it. */
function sayWhereItStopped(session: WizardSession, error: unknown): void {
  session.say(`\n${(error as Error).message}`);
  if (error instanceof InterruptedError) for (const line of error.details ?? []) session.say(`  ${line}`);
}

async function askWithoutCreating(
  session: WizardSession,
  options: Parameters<typeof askForPlan>[1],
): Promise<OnboardingPlan | undefined> {
  try {
    return await askForPlan(session, options);
  } catch (error) {
    if (error instanceof InterruptedError) {
      throw new InterruptedError('Interrupted before the review was confirmed; nothing was created.', {
        hint: 'run tango onboard again to start over',
      });
    }
    throw error;
  }
}

async function offerToSave(session: WizardSession, plan: OnboardingPlan): Promise<void> {
  try {
    const save = await session.prompter.confirm({ message: 'Save your answers as a plan file to finish later?' });
    if (save) await askToSavePlan(session, plan);
  } catch (error) {
    // Ctrl-C here means "no thanks"; the failure being reported matters more.
    if (!(error instanceof InterruptedError)) throw error;
  }
}

async function applyAndReport(ctx: Context, plan: OnboardingPlan): Promise<void> {
  const api = await ctx.api();
  ctx.log.info(`\nOnboarding ${plan.customer.customerIdentifier}:`);
  const results = await applyPlan(api, plan, { progress: (line) => ctx.log.info(line), signal: ctx.signal });
  await ctx.output.list(results, resultView);
  ctx.log.success(summaryLine(results));
  for (const line of nextSteps(plan, globalFlags(ctx))) ctx.log.info(line);
}

/** stdout gets what would be done (the commands, or with --json the requests); stderr the review. */
async function printDryRun(ctx: Context, plan: OnboardingPlan, showReview: boolean): Promise<void> {
  const flags = globalFlags(ctx);
  if (showReview) ctx.log.info(await reviewText(plan, terminalWidth(ctx), flags, !commandsShownOnStdout(ctx)));
  if (ctx.output.format === 'json') await ctx.output.document(plannedRequests(plan));
  else await ctx.output.lines(equivalentCommands(plan, flags));
  ctx.log.note('Dry run: nothing was sent.');
}

/** A dry run prints the commands on stdout; when both streams are the terminal, the review need not show them too. */
function commandsShownOnStdout(ctx: Context): boolean {
  return ctx.io.stdoutIsTTY && ctx.io.stderrIsTTY && ctx.output.format !== 'json';
}

/** The POSTs the plan stands for (each account, then its alerts); an existing customer is only read (GET), so it has none. */
export function plannedRequests(plan: OnboardingPlan): Array<{ method: string; path: string; body: unknown }> {
  const specs = [
    ...(plan.customer.existing ? [] : [requests.createCustomer(customerBody(plan.customer))]),
    ...plan.accounts.flatMap((a) => [
      requests.createAccount(plan.customer.customerIdentifier, a),
      ...alertsOf(plan, a.accountIdentifier).map((alert) =>
        requests.createAlert(plan.customer.customerIdentifier, a.accountIdentifier, alert),
      ),
    ]),
  ];
  return specs.map(({ method, path, body }) => ({ method, path, body }));
}

/** The options that chose the target, so printed commands reach the same server. */
export function globalFlags(ctx: Context): string[] {
  const { profile, env, baseUrl } = ctx.settings;
  return [
    ...(profile.source === 'flag' ? ['--profile', profile.value] : []),
    ...(env.source === 'flag' && env.value !== 'custom' ? ['--env', env.value] : []),
    ...(baseUrl.source === 'flag' && env.value === 'custom' ? ['--base-url', baseUrl.value] : []),
  ];
}

function accountCount(count: number): string {
  return `${count} account${count === 1 ? '' : 's'}`;
}

/** The table fits a terminal; into a log file or a pipe it is drawn whole. */
function terminalWidth(ctx: Context): number {
  return ctx.io.stderrColumns ?? Number.POSITIVE_INFINITY;
}
