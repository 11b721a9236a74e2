/** GET/POST /customers and GET /customers/{customerIdentifier}. */
import { validateCreateCustomer } from '../../domain/rules.js';
import { CUSTOMER_FILTER_PARAMS, readCustomerFilter } from '../filters.js';
import type { CreateAnswer } from '../option-rules.js';
import { PAGE_PARAMS, readPageRequest } from '../pagination.js';
import { assertValid, conflict, notFound } from '../problems.js';
import { QueryReader } from '../query.js';
import { jsonObjectBody, type Reply, type RequestContext } from '../router.js';
import type { EmulatorState, StoredCustomer } from '../state.js';
import { customerView } from '../views.js';
import { createdReply, listReply } from './list.js';

export async function listCustomers(context: RequestContext): Promise<Reply> {
  const query = new QueryReader(context.query, [...CUSTOMER_FILTER_PARAMS, ...PAGE_PARAMS]);
  const page = readPageRequest(query);
  return context.store.read((state) => {
    const matches = readCustomerFilter(query, (customer) => state.accountsOf(customer.customerIdentifier));
    query.done();
    return listReply(state.customers, matches, page, (customer) => viewOf(state, customer));
  });
}

export async function getCustomer(context: RequestContext): Promise<Reply> {
  const customerIdentifier = context.params['customerIdentifier']!;
  return context.store.read((state) => ({
    status: 200,
    body: viewOf(state, requireCustomer(state, customerIdentifier)),
  }));
}

export const createCustomer = (answer: CreateAnswer) =>
  async function createCustomer(context: RequestContext): Promise<Reply> {
    const body = jsonObjectBody(context);
    assertValid(validateCreateCustomer(body));
    const customerIdentifier = body['customerIdentifier'] as string;
    return context.store.write((state) => {
      if (state.customer(customerIdentifier)) {
        throw conflict(
          'error.conflict.customerIdentifier',
          `A customer with customerIdentifier ${customerIdentifier} already exists on this platform`,
        );
      }
      const customer: StoredCustomer = {
        seq: state.nextSequence(),
        customerIdentifier,
        displayName: body['displayName'] as string,
        status: 'ACTIVE',
        createdAt: context.now().toISOString(),
      };
      state.addCustomer(customer);
      const created = { customerIdentifier, displayName: customer.displayName };
      const location = `/raas/v2/customers/${encodeURIComponent(customerIdentifier)}`;
      return createdReply(answer, created, viewOf(state, customer), location);
    });
  };

export function requireCustomer(state: EmulatorState, customerIdentifier: string): StoredCustomer {
  const customer = state.customer(customerIdentifier);
  if (!customer) {
    throw notFound('error.notFound.customer', `No customer with customerIdentifier ${customerIdentifier}`);
  }
  return customer;
}

function viewOf(state: EmulatorState, customer: StoredCustomer) {
  return customerView(customer, state.accountsOf(customer.customerIdentifier));
}
