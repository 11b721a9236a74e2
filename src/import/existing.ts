/**
 * Which rows' accounts already exist under the customer, found before any create, so a second run
 * of a file costs a few reads instead of a failed POST and two GETs per row already done.
 *
 * GET /customers/{c} names every account of the customer (and fails with 404, exit 3, before
 * anything is created when the customer does not exist). Only the accounts the file names are
 * then read in full, by whichever is fewer requests: one GET each, or the paginated list.
 */
import type { TangoApi } from '../api/tango.js';
import { MAX_RESULTS_LIMIT } from '../domain/rules.js';
import type { Account, Customer } from '../domain/types.js';
import { runPool } from './pool.js';
import type { PlannedRow } from './types.js';

export interface ExistingOptions {
  concurrency: number;
  signal: AbortSignal;
}

export async function findExisting(
  api: TangoApi,
  customer: string,
  rows: readonly PlannedRow[],
  options: ExistingOptions,
): Promise<Map<string, Account>> {
  const owner = await api.getCustomer(customer);
  const identifiers = rows.map((row) => row.body.accountIdentifier);
  return readAccountsOf(api, owner, identifiers, options);
}

/**
 * The accounts of `owner` (a customer as GET /customers/{c} answers) that `identifiers` names, in
 * full, by whichever is fewer requests: one GET each, or the paginated list. Names it does not
 * hold are left out. `tango diff` and `apply` read the accounts of a state file the same way.
 */
export async function readAccountsOf(
  api: TangoApi,
  owner: Customer,
  identifiers: readonly string[],
  options: ExistingOptions,
): Promise<Map<string, Account>> {
  const present = new Set(owner.accounts.map((account) => account.accountIdentifier));
  const wanted = identifiers.filter((id) => present.has(id));
  if (wanted.length === 0) return new Map();
  const pages = Math.ceil(present.size / MAX_RESULTS_LIMIT);
  return wanted.length <= pages
    ? await readEach(api, wanted, options)
    : await readPages(api, owner.customerIdentifier, new Set(wanted), options.signal);
}

async function readEach(api: TangoApi, identifiers: string[], options: ExistingOptions): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  await runPool(
    identifiers,
    options.concurrency,
    async (identifier) => {
      found.set(identifier, await api.getAccount(identifier));
    },
    () => options.signal.aborted,
  );
  return found;
}

async function readPages(
  api: TangoApi,
  customer: string,
  wanted: Set<string>,
  signal: AbortSignal,
): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  for await (const page of api.accountPages(customer, {}, { maxResults: MAX_RESULTS_LIMIT })) {
    for (const account of page.items)
      if (wanted.has(account.accountIdentifier)) found.set(account.accountIdentifier, account);
    if (signal.aborted || found.size === wanted.size) break;
  }
  return found;
}
