/**
 * How values read in a terminal table (only there: pipes, CSV and JSON keep the API's values):
 * money with its currency's two decimals and thousands separators, dates to the minute in UTC,
 * statuses coloured by what they mean for the account.
 */
import type { Paint } from './color.js';

/** `1234.5, 'USD'` → `1,234.50 USD`. The API's currencies (AUD, CAD, EUR, GBP, USD) all have two decimals. */
export function formatMoney(amount: unknown, currency: unknown): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return amount === undefined ? '' : String(amount);
  const sign = amount < 0 ? '-' : '';
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${cents}${typeof currency === 'string' && currency ? ` ${currency}` : ''}`;
}

/** `2025-03-02T14:05:59.123Z` → `2025-03-02 14:05` (UTC); anything that is not a date stays as it is. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}

/** ACTIVE green, FROZEN yellow, DISABLED red, DELETED dim; INACTIVE and unknown values plain. */
export function paintStatus(paint: Paint, status: string): string {
  switch (status) {
    case 'ACTIVE':
      return paint.green(status);
    case 'FROZEN':
      return paint.yellow(status);
    case 'DISABLED':
      return paint.red(status);
    case 'DELETED':
      return paint.dim(status);
    default:
      return status;
  }
}
