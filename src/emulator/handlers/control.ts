/**
 * The control surface for tests and demos, under /_emulator (no credentials, no faults; the
 * server listens on loopback only). Documented in docs/emulator.md.
 *   GET    /_emulator/health                 {status, baseUrl, tokenUrl}
 *   GET    /_emulator/stats                  request counts by method, route and status
 *   DELETE /_emulator/stats                  start counting again
 *   GET    /_emulator/faults                 the fault settings in force
 *   PATCH  /_emulator/faults                 change some of them: {latencyMs, failRate, rateLimit, dropRate, dropMode}
 *   PATCH  /_emulator/accounts/{accountIdentifier}  set what the API cannot: {status, currentBalance}
 */
import { check, type Problem } from '../../domain/rules.js';
import type { FaultSettings, Faults } from '../faults.js';
import { DROP_MODE_RULE, DROP_MODES, type NumberOptionName, numberOptionProblem } from '../option-rules.js';
import { assertValid, notFound } from '../problems.js';
import { jsonObjectBody, type RequestContext, type Route } from '../router.js';
import type { StatsCounter } from '../stats.js';
import { accountView } from '../views.js';

export interface ControlDependencies {
  faults: Faults;
  stats: StatsCounter;
  addresses: () => { baseUrl: string; tokenUrl: string };
}

const NUMERIC_FAULTS: ReadonlyArray<keyof FaultSettings & NumberOptionName> = [
  'latencyMs',
  'failRate',
  'rateLimit',
  'dropRate',
];

export function controlRoutes(deps: ControlDependencies): Route[] {
  const route = (method: string, template: string, handler: Route['handler']): Route => ({
    method,
    template: `/_emulator${template}`,
    handler,
    kind: 'control',
  });
  return [
    route('GET', '/health', async () => ({ status: 200, body: { status: 'ok', ...deps.addresses() } })),
    route('GET', '/stats', async () => ({ status: 200, body: deps.stats.snapshot() })),
    route('DELETE', '/stats', async () => {
      deps.stats.reset();
      return { status: 204 };
    }),
    route('GET', '/faults', async () => ({ status: 200, body: deps.faults.current() })),
    route('PATCH', '/faults', async (context) => ({ status: 200, body: deps.faults.update(faultChanges(context)) })),
    route('PATCH', '/accounts/{accountIdentifier}', setAccountState),
  ];
}

function faultChanges(context: RequestContext): Partial<FaultSettings> {
  const body = jsonObjectBody(context);
  const problems: Problem[] = [];
  const changes: Partial<FaultSettings> = {};
  for (const name of NUMERIC_FAULTS) {
    if (body[name] === undefined) continue;
    const message = numberOptionProblem(name, body[name]);
    if (message) problems.push(controlProblem(name, message, body[name]));
    else changes[name] = body[name] as number;
  }
  if (body['dropMode'] !== undefined) {
    if (DROP_MODES.includes(body['dropMode'] as never))
      changes.dropMode = body['dropMode'] as FaultSettings['dropMode'];
    else problems.push(controlProblem('dropMode', DROP_MODE_RULE, body['dropMode']));
  }
  assertValid(problems);
  return changes;
}

async function setAccountState(context: RequestContext) {
  const body = jsonObjectBody(context);
  const problems: Problem[] = [];
  if (body['status'] !== undefined) {
    const problem = check('status', body['status']);
    if (problem) problems.push(problem);
  }
  const balance = body['currentBalance'];
  if (balance !== undefined && (typeof balance !== 'number' || !Number.isFinite(balance))) {
    problems.push(controlProblem('currentBalance', 'must be a number', balance));
  }
  assertValid(problems);
  const accountIdentifier = context.params['accountIdentifier']!;
  return context.store.write((state) => {
    const account = state.account(accountIdentifier);
    if (!account) throw notFound('error.notFound.account', `No account with accountIdentifier ${accountIdentifier}`);
    if (typeof body['status'] === 'string') account.status = body['status'];
    if (typeof balance === 'number') account.currentBalance = balance;
    return { status: 200, body: accountView(account) };
  });
}

function controlProblem(field: string, message: string, invalidValue: unknown): Problem {
  return { field, message, invalidValue, constraint: message, i18nKey: `validation.${field}` };
}
