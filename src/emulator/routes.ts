/** The API's routes, under /raas/v2 like the real service, and the OAuth token route beside them. */
import {
  createAccount,
  getAccount,
  listAllAccounts,
  listCustomerAccounts,
  updateAccount,
} from './handlers/accounts.js';
import { createAlert, deleteAlert, getAlert, listAlerts, updateAlert } from './handlers/alerts.js';
import { createCustomer, getCustomer, listCustomers } from './handlers/customers.js';
import { type TokenEndpointConfig, tokenHandler } from './handlers/oauth.js';
import type { CreateAnswer } from './option-rules.js';
import type { Handler, Route } from './router.js';

export const API_BASE_PATH = '/raas/v2';
export const TOKEN_PATH = '/oauth/token';
const ALERTS = '/customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance';

export function apiRoutes(createAnswer: CreateAnswer = 'documented'): Route[] {
  const route = (method: string, template: string, handler: Handler): Route => ({
    method,
    template: `${API_BASE_PATH}${template}`,
    handler,
    kind: 'api',
  });
  return [
    route('GET', '/customers', listCustomers),
    route('POST', '/customers', createCustomer(createAnswer)),
    route('GET', '/customers/{customerIdentifier}', getCustomer),
    route('GET', '/customers/{customerIdentifier}/accounts', listCustomerAccounts),
    route('POST', '/customers/{customerIdentifier}/accounts', createAccount(createAnswer)),
    route('PATCH', '/customers/{customerIdentifier}/accounts/{accountIdentifier}', updateAccount),
    route('GET', ALERTS, listAlerts),
    route('POST', ALERTS, createAlert),
    route('GET', `${ALERTS}/{balanceAlertID}`, getAlert),
    route('PATCH', `${ALERTS}/{balanceAlertID}`, updateAlert),
    route('DELETE', `${ALERTS}/{balanceAlertID}`, deleteAlert),
    route('GET', '/accounts', listAllAccounts),
    route('GET', '/accounts/{accountIdentifier}', getAccount),
  ];
}

/** POST /oauth/token sits at the root, as on Tango's separate auth host. */
export function tokenRoute(config: TokenEndpointConfig): Route {
  return { method: 'POST', template: TOKEN_PATH, handler: tokenHandler(config), kind: 'token' };
}
