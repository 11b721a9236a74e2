/** How --dry-run shows the rows it would send: the create body of each, with its place in the file. */
import type { ResourceView } from '../output/columns.js';

export interface PlanItem {
  row: number;
  line?: number;
  accountIdentifier: string;
  displayName: string;
  contactEmail: string;
  currencyCode?: string;
  fundingNotification?: Array<{ emailAddress: string }>;
}

const emails = (list: PlanItem['fundingNotification']): string => (list ?? []).map((n) => n.emailAddress).join(';');

export const planView: ResourceView<PlanItem> = {
  name: 'planned row',
  columns: [
    { key: 'row', header: 'ROW' },
    { key: 'line', header: 'LINE' },
    { key: 'accountIdentifier', header: 'IDENTIFIER' },
    { key: 'displayName', header: 'DISPLAY NAME' },
    { key: 'contactEmail', header: 'CONTACT EMAIL' },
    { key: 'currencyCode', header: 'CURRENCY', cell: (item) => item.currencyCode ?? 'USD (default)' },
    { key: 'fundingNotification', header: 'FUNDING EMAILS', cell: (item) => emails(item.fundingNotification) },
  ],
  defaults: ['row', 'accountIdentifier', 'displayName', 'contactEmail', 'currencyCode', 'fundingNotification'],
};
