/** The API's resources, with the API's own field names. */
import type { FundingNotification } from './funding-emails.js';

export interface AccountSummary {
  accountIdentifier: string;
  accountNumber: string;
  displayName: string;
  createdAt: string;
  status: string;
  currencyCode: string;
}

export interface Account extends AccountSummary {
  currentBalance: number;
  contactEmail?: string;
  fundingNotification?: FundingNotification[];
}

export interface Customer {
  customerIdentifier: string;
  displayName: string;
  status: string;
  createdAt: string;
  accounts: AccountSummary[];
}

/** The wrapper every list answers with when `paginate=true`. */
export interface Page<T> {
  numberOfElements: number;
  maxResults: number;
  prevCursor?: string;
  nextCursor?: string;
  items: T[];
  prevPageAvailable: boolean;
  nextPageAvailable: boolean;
}

export interface PageQuery {
  paginate?: boolean;
  maxResults?: number;
  nextCursor?: string;
  prevCursor?: string;
}

/** Filters of GET /customers/{c}/accounts and GET /accounts, by their query names. */
export interface AccountFilters {
  accountNumber?: string;
  displayName?: string;
  status?: string;
  contactEmail?: string;
  currencyCode?: string[];
  minBalance?: number;
  maxBalance?: number;
  minDateCreatedAt?: string;
  maxDateCreatedAt?: string;
  fundingNotificationEmail?: string[];
}

/** Filters of GET /customers, by their query names. */
export interface CustomerFilters {
  displayName?: string;
  status?: string;
  customerMinDateCreatedAt?: string;
  customerMaxDateCreatedAt?: string;
  accountStatus?: string;
  accountIdentifier?: string;
  accountNumber?: string;
  accountDisplayName?: string;
  accountMinDateCreatedAt?: string;
  accountMaxDateCreatedAt?: string;
}
