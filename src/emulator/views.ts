/** What the API shows of a stored record: the documented field names, nothing internal (no seq). */
import { fundingEmails, toFundingNotification } from '../domain/funding-emails.js';
import type { Account, AccountSummary, Customer } from '../domain/types.js';
import type { StoredAccount, StoredCustomer } from './state.js';

export function accountSummary(account: StoredAccount): AccountSummary {
  return {
    accountIdentifier: account.accountIdentifier,
    accountNumber: account.accountNumber,
    displayName: account.displayName,
    createdAt: account.createdAt,
    status: account.status,
    currencyCode: account.currencyCode,
  };
}

export function accountView(account: StoredAccount): Account {
  return {
    currentBalance: account.currentBalance,
    contactEmail: account.contactEmail,
    // A copy: what a handler returns must not share the stored list.
    fundingNotification: toFundingNotification(fundingEmails(account.fundingNotification)),
    ...accountSummary(account),
  };
}

export function customerView(customer: StoredCustomer, accounts: readonly StoredAccount[]): Customer {
  return {
    customerIdentifier: customer.customerIdentifier,
    displayName: customer.displayName,
    status: customer.status,
    createdAt: customer.createdAt,
    accounts: accounts.map(accountSummary),
  };
}
