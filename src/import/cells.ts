/**
 * From what a file holds to what the API takes. CSV cells are all strings; JSON values may be
 * anything, and a value of the wrong type is passed on unchanged so the field rules name it.
 */

import { splitFundingEmailsCell, toFundingNotification } from '../domain/funding-emails.js';
import { normalizeInput } from '../domain/rules.js';
import type { AccountField } from './types.js';

/** Fields where surrounding spaces are never meant: a stray space in a spreadsheet cell is not an error. */
const TRIMMED: ReadonlySet<AccountField> = new Set(['accountIdentifier', 'contactEmail', 'currencyCode']);

/** The value to send for a field, or undefined when the file leaves it out (an empty cell, null). */
export function fieldValue(field: AccountField, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (field === 'fundingNotification') return fundingList(raw);
  if (typeof raw !== 'string') return raw;
  const text = TRIMMED.has(field) ? raw.trim() : raw;
  if (text === '') return undefined;
  // A currency is a closed list of capitalised codes: `eur` in a spreadsheet means EUR.
  return field === 'currencyCode' ? normalizeInput('currencyCode', text) : text;
}

/**
 * Funding emails: a cell "a@x.com;b@y.com" (what `accounts list -o csv` prints), a JSON list of
 * addresses, or the API's own [{"emailAddress": ...}]. Commas are accepted as separators too: no
 * valid address contains one.
 */
function fundingList(raw: unknown): unknown {
  if (typeof raw === 'string') {
    const given = splitFundingEmailsCell(raw);
    return given.length ? toFundingNotification(given) : undefined;
  }
  if (!Array.isArray(raw)) return raw;
  return raw.map((item) => (typeof item === 'string' ? { emailAddress: item.trim() } : item));
}
