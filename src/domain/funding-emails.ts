/**
 * Funding emails have two shapes: a person (and a flag, a CSV cell, a plan file) gives a list of
 * addresses; the API takes and returns `fundingNotification: [{ emailAddress }]`. Every
 * conversion between them is here, so the two can never drift apart.
 */

/** One item of the API's `fundingNotification` list. */
export interface FundingNotification {
  emailAddress: string;
}

/** Addresses to the API's shape. */
export function toFundingNotification(emails: readonly string[]): FundingNotification[] {
  return emails.map((emailAddress) => ({ emailAddress }));
}

/** The API's shape to addresses; none when the field is absent. */
export function fundingEmails(list: readonly FundingNotification[] | undefined): string[] {
  return (list ?? []).map((item) => item.emailAddress);
}

/**
 * The address of one item of a list not yet checked, in either shape: "a@x.com" or
 * {"emailAddress": "a@x.com"}. Anything else is passed on as it is, for the field rule to name.
 */
export function addressOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as { emailAddress?: unknown }).emailAddress : item;
}

/** Between addresses in one CSV cell or table cell: what `accounts list -o csv` prints and import reads. */
const CELL_SEPARATOR = ';';

/** The addresses in one cell: "a@x.com;b@y.com"; empty for a value that is not a list. */
export function fundingEmailsCell(list: unknown): string {
  return Array.isArray(list) ? list.map((item) => addressOf(item) ?? '').join(CELL_SEPARATOR) : '';
}

/** A cell back to addresses. Commas are accepted as separators too: no valid address contains one. */
export function splitFundingEmailsCell(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((email) => email !== '');
}

/** For a create: no list at all when there are no addresses, as the API treats both alike; the body stays minimal. */
export function toFundingNotificationIfAny(emails: readonly string[] | undefined): FundingNotification[] | undefined {
  return emails?.length ? toFundingNotification(emails) : undefined;
}
