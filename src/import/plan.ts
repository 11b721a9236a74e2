/** How --dry-run shows the rows it would send: the create body of each, with its place in the file. */
import { type FundingNotification, fundingEmailsCell } from '../domain/funding-emails.js';
import { DEFAULT_CURRENCY } from '../domain/rules.js';
import type { ResourceView } from '../output/columns.js';

export interface PlanItem {
  row: number;
  line?: number;
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode?: string;
  fundingNotification?: FundingNotification[];
}

export const planView: ResourceView<PlanItem> = {
  name: 'planned row',
  columns: [
    { key: 'row', header: 'ROW' },
    { key: 'line', header: 'LINE' },
    { key: 'accountIdentifier', header: 'IDENTIFIER' },
    { key: 'displayName', header: 'DISPLAY NAME' },
    { key: 'contactEmail', header: 'CONTACT EMAIL' },
    { key: 'currencyCode', header: 'CURRENCY', cell: (item) => item.currencyCode ?? `${DEFAULT_CURRENCY} (default)` },
    {
      key: 'fundingNotification',
      header: 'FUNDING EMAILS',
      cell: (item) => fundingEmailsCell(item.fundingNotification),
    },
  ],
  defaults: ['row', 'accountIdentifier', 'displayName', 'contactEmail', 'currencyCode', 'fundingNotification'],
};
