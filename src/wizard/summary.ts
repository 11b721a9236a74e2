/** The end of a run: what happened to each item (the command's output) and what to do next. */
import type { ResourceView } from '../output/columns.js';
import type { StepResult } from './apply.js';
import { shellQuote } from './commands.js';
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
  const count = (kind: StepResult['kind'], outcome: StepResult['outcome']) =>
    results.filter((r) => r.kind === kind && r.outcome === outcome).length;
  const parts = [
    count('customer', 'created') ? '1 customer created' : '',
    count('account', 'created') ? `${count('account', 'created')} account(s) created` : '',
    count('customer', 'exists') + count('account', 'exists')
      ? `${count('customer', 'exists') + count('account', 'exists')} already there with the same values`
      : '',
  ].filter(Boolean);
  return `Done: ${parts.join(', ') || 'nothing to do'}.`;
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
