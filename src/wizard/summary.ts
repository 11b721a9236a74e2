/** The end of a run: what happened to each item (the command's output) and what to do next. */
import type { ResourceView } from '../output/columns.js';
import { shellQuote } from '../output/shell-quote.js';
import type { StepResult } from './apply.js';
import type { OnboardingPlan } from './plan.js';

/** Results as output rows: a table at a terminal, the API's resources under `resource` in JSON. */
export const resultView: ResourceView<StepResult> = {
  name: 'result',
  columns: [
    { key: 'kind', header: 'WHAT' },
    { key: 'identifier', header: 'IDENTIFIER' },
    { key: 'displayName', header: 'DISPLAY NAME' },
    { key: 'outcome', header: 'OUTCOME' },
    { key: 'resource', header: 'RESOURCE', cell: (r) => JSON.stringify(r.resource) },
  ],
  defaults: ['kind', 'identifier', 'displayName', 'outcome'],
};

export function summaryLine(results: readonly StepResult[]): string {
  const created = (kind: StepResult['kind']) =>
    results.filter((r) => r.kind === kind && r.outcome === 'created').length;
  const skipped = results.filter((r) => r.outcome === 'existed').length;
  const parts = [
    created('customer') ? '1 customer created' : '',
    created('account') ? `${plural(created('account'), 'account')} created` : '',
    created('alert') ? `${plural(created('alert'), 'low-balance alert')} created` : '',
    skipped ? `${plural(skipped, 'item')} already there with the same values` : '',
  ].filter(Boolean);
  return `Done: ${parts.join(', ') || 'nothing to do'}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function nextSteps(plan: OnboardingPlan, globalFlags: string[] = []): string[] {
  const tango = ['tango', ...globalFlags].map(shellQuote).join(' ');
  const customer = shellQuote(plan.customer.customerIdentifier);
  const first = plan.accounts[0];
  const steps: Array<[string, string]> = [
    [`${tango} customers get ${customer}`, 'the customer and its accounts'],
    [`${tango} accounts list ${customer}`, 'balances and status'],
    ...(first
      ? [[`${tango} accounts get ${shellQuote(first.accountIdentifier)}`, 'one account in full'] as [string, string]]
      : []),
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  return ['Next:', ...steps.map(([command, what]) => `  ${command.padEnd(width)}  # ${what}`)];
}
