/**
 * The review: a table of everything an onboarding will create, then the equivalent commands.
 * Drawn for stderr, fitted to the terminal's width so a long identifier wraps inside its cell
 * instead of breaking the whole table.
 */
import { fundingEmails } from '../domain/funding-emails.js';
import { DEFAULT_CURRENCY } from '../domain/rules.js';
import { formatMoney } from '../output/format.js';
import { equivalentCommands } from './commands.js';
import { alertsOf, type OnboardingPlan } from './plan.js';

const HEADERS = ['WHAT', 'IDENTIFIER', 'DISPLAY NAME', 'CONTACT EMAIL', 'CUR', 'FUNDING EMAILS'];
/** cli-table3 draws one border character between and around cells, and pads each cell by one each side. */
const CELL_PADDING = 2;
const MIN_COLUMN = 8;

export function reviewRows(plan: OnboardingPlan): string[][] {
  const { customer } = plan;
  const customerRow = [
    customer.existing ? 'existing customer' : 'new customer',
    customer.customerIdentifier,
    customer.displayName,
    '',
    '',
    '',
  ];
  const accountRows = plan.accounts.flatMap((account) => {
    const currency = account.currencyCode ?? DEFAULT_CURRENCY;
    // An alert sits under its account: the identifier column names that account.
    const alertRows = alertsOf(plan, account.accountIdentifier).map((alert) => [
      'new alert',
      account.accountIdentifier,
      `${alert.balanceAlertDisplayName}: below ${formatMoney(alert.balanceAlertThreshold, currency)}`,
      '',
      currency,
      fundingEmails(alert.balanceAlertNotification).join('\n'),
    ]);
    return [
      [
        'new account',
        account.accountIdentifier,
        account.displayName,
        account.contactEmail,
        currency,
        fundingEmails(account.fundingNotification).join('\n') || '(none)',
      ],
      ...alertRows,
    ];
  });
  return [customerRow, ...accountRows];
}

/** Column widths that fit `width`: the widest columns give way first, none below MIN_COLUMN. */
export function fitColumns(rows: string[][], width: number): number[] {
  const widths = HEADERS.map(
    (header, column) =>
      Math.max(header.length, ...rows.flatMap((row) => (row[column] ?? '').split('\n').map((l) => l.length))) +
      CELL_PADDING,
  );
  const total = () => widths.reduce((sum, w) => sum + w, 0) + widths.length + 1;
  while (total() > width) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN + CELL_PADDING) break;
    widths[widest]! -= 1;
  }
  return widths;
}

export async function reviewTable(plan: OnboardingPlan, width: number): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const rows = reviewRows(plan);
  const table = new Table({
    head: HEADERS,
    colWidths: fitColumns(rows, width),
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [] },
  });
  table.push(...rows);
  return table.toString();
}

/**
 * The whole review: what, how many, and the commands that would do the same (left out when a dry
 * run is about to print them on stdout at this same terminal: they are shown once).
 */
export async function reviewText(
  plan: OnboardingPlan,
  width: number,
  globalFlags: string[] = [],
  withCommands = true,
): Promise<string> {
  const count = plan.accounts.length;
  const what = plan.customer.existing
    ? `${count} new account${count === 1 ? '' : 's'} under the existing customer ${plan.customer.customerIdentifier}`
    : `1 customer and ${count} account${count === 1 ? '' : 's'}`;
  const alerts = plan.accounts.reduce((sum, account) => sum + alertsOf(plan, account.accountIdentifier).length, 0);
  const withAlerts = alerts ? `, with ${alerts} low-balance alert${alerts === 1 ? '' : 's'},` : '';
  const commands = equivalentCommands(plan, globalFlags).map((line) => `  ${line}`);
  return [
    `\nReview: ${what}${withAlerts} will be created.`,
    await reviewTable(plan, width),
    ...(withCommands ? ['\nThe same with flag-based commands:', ...commands] : []),
    '',
  ].join('\n');
}
