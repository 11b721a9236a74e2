/**
 * The account endpoints: list and create under a customer, update under a customer, and the
 * platform-wide GET /accounts and GET /accounts/{accountIdentifier}.
 */

import { addressOf, type FundingNotification, toFundingNotification } from '../../domain/funding-emails.js';
import { DEFAULT_CURRENCY, type Problem, validateCreateAccount, validateUpdateAccount } from '../../domain/rules.js';
import { ACCOUNT_FILTER_PARAMS, readAccountFilter } from '../filters.js';
import type { CreateAnswer } from '../option-rules.js';
import { PAGE_PARAMS, readPageRequest } from '../pagination.js';
import { assertValid, conflict, notFound } from '../problems.js';
import { QueryReader } from '../query.js';
import { jsonObjectBody, type Reply, type RequestContext } from '../router.js';
import { accountNumberFor, type EmulatorState, type StoredAccount } from '../state.js';
import { accountView } from '../views.js';
import { requireCustomer } from './customers.js';
import { createdReply, listReply } from './list.js';

const LIST_PARAMS = [...ACCOUNT_FILTER_PARAMS, ...PAGE_PARAMS];

export async function listCustomerAccounts(context: RequestContext): Promise<Reply> {
  const query = new QueryReader(context.query, LIST_PARAMS);
  const page = readPageRequest(query);
  const matches = readAccountFilter(query);
  query.done();
  const customerIdentifier = context.params['customerIdentifier']!;
  return context.store.read((state) => {
    requireCustomer(state, customerIdentifier);
    return listReply(state.accountsOf(customerIdentifier), matches, page, accountView);
  });
}

export async function listAllAccounts(context: RequestContext): Promise<Reply> {
  const query = new QueryReader(context.query, LIST_PARAMS);
  const page = readPageRequest(query);
  const matches = readAccountFilter(query);
  query.done();
  return context.store.read((state) => listReply(state.accounts, matches, page, accountView));
}

export async function getAccount(context: RequestContext): Promise<Reply> {
  const accountIdentifier = context.params['accountIdentifier']!;
  return context.store.read((state) => {
    const account = state.account(accountIdentifier);
    if (!account) throw accountNotFound(accountIdentifier);
    return { status: 200, body: accountView(account) };
  });
}

export const createAccount = (answer: CreateAnswer) =>
  async function createAccount(context: RequestContext): Promise<Reply> {
    const body = jsonObjectBody(context);
    assertValid(validateCreateAccount(body));
    const customerIdentifier = context.params['customerIdentifier']!;
    const accountIdentifier = body['accountIdentifier'] as string;
    return context.store.write((state) => {
      requireCustomer(state, customerIdentifier);
      const existing = state.account(accountIdentifier);
      if (existing) {
        throw conflict(
          'error.conflict.accountIdentifier',
          `An account with accountIdentifier ${accountIdentifier} already exists (under customer ${existing.customerIdentifier})`,
        );
      }
      const seq = state.nextSequence();
      const account: StoredAccount = {
        seq,
        customerIdentifier,
        accountIdentifier,
        accountNumber: accountNumberFor(seq),
        displayName: body['displayName'] as string,
        contactEmail: body['contactEmail'] as string,
        currencyCode: (body['currencyCode'] as string | undefined) ?? DEFAULT_CURRENCY,
        status: 'ACTIVE',
        currentBalance: 0,
        createdAt: context.now().toISOString(),
        fundingNotification: fundingList(body['fundingNotification']) ?? [],
      };
      state.addAccount(account);
      const location = `/raas/v2/accounts/${encodeURIComponent(accountIdentifier)}`;
      return createdReply(answer, createdFields(account), accountView(account), location);
    });
  };

/** The documented 201 body: the CreateAccountCriteria fields, as stored (currency defaulted). */
function createdFields(account: StoredAccount) {
  return {
    accountIdentifier: account.accountIdentifier,
    displayName: account.displayName,
    contactEmail: account.contactEmail,
    currencyCode: account.currencyCode,
    fundingNotification: account.fundingNotification.map(({ emailAddress }) => ({ emailAddress })),
  };
}

/** PATCH: a given field replaces, a given empty list clears, an omitted (or null) list stays. */
export async function updateAccount(context: RequestContext): Promise<Reply> {
  const body = jsonObjectBody(context);
  assertValid(validateUpdateAccount(body));
  const customerIdentifier = context.params['customerIdentifier']!;
  const accountIdentifier = context.params['accountIdentifier']!;
  return context.store.write((state) => {
    const account = requireAccountOf(state, customerIdentifier, accountIdentifier);
    assertValid(currencyChangeProblems(body, account));
    if (typeof body['displayName'] === 'string') account.displayName = body['displayName'];
    if (typeof body['contactEmail'] === 'string') account.contactEmail = body['contactEmail'];
    const funding = fundingList(body['fundingNotification']);
    if (funding) account.fundingNotification = funding;
    return { status: 200, body: accountView(account) };
  });
}

/** An account addressed under a customer that does not own it is as absent as one that does not exist. */
export function requireAccountOf(
  state: EmulatorState,
  customerIdentifier: string,
  accountIdentifier: string,
): StoredAccount {
  requireCustomer(state, customerIdentifier);
  const account = state.account(accountIdentifier);
  if (!account || account.customerIdentifier !== customerIdentifier) {
    throw notFound(
      'error.notFound.account',
      `No account with accountIdentifier ${accountIdentifier} under customer ${customerIdentifier}`,
    );
  }
  return account;
}

function accountNotFound(accountIdentifier: string) {
  return notFound('error.notFound.account', `No account with accountIdentifier ${accountIdentifier}`);
}

/** The currency is fixed at creation; sending the same one again is harmless, another is refused. */
function currencyChangeProblems(body: Record<string, unknown>, account: StoredAccount): Problem[] {
  const wanted = body['currencyCode'];
  if (wanted === undefined || wanted === null || wanted === account.currencyCode) return [];
  return [
    {
      field: 'currencyCode',
      message: `can never be changed; this account's currency is ${account.currencyCode}`,
      invalidValue: wanted,
      constraint: `unchanged (${account.currencyCode})`,
      i18nKey: 'validation.currencyCode.immutable',
    },
  ];
}

/** The validated list (of {emailAddress} objects, the rules make sure) as stored. */
function fundingList(value: unknown): FundingNotification[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return toFundingNotification(value.map(addressOf) as string[]);
}
