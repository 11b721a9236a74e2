/** The wizard's first part: a new customer (name, then identifier), or one chosen from the API's list. */
import { promptCheck, suggestIdentifier } from '../domain/rules.js';
import type { Customer } from '../domain/types.js';
import type { Choice } from '../output/prompter.js';
import { askFreeIdentifier } from './identifier-prompt.js';
import type { CustomerPlan } from './plan.js';
import type { WizardSession } from './session.js';

/** Past this many customers the list becomes a search: nobody scrolls through 300 names. */
export const SEARCH_THRESHOLD = 10;

type Start = 'new' | 'existing';

/** Asks which customer; `current` (when editing from the review) supplies the defaults. */
export async function askCustomer(session: WizardSession, current?: CustomerPlan): Promise<CustomerPlan> {
  const start = await session.prompter.select<Start>({
    message: 'Onboard accounts for',
    choices: [
      { name: 'A new customer', value: 'new', description: 'create the customer, then its accounts' },
      { name: 'An existing customer', value: 'existing', description: 'add accounts to a customer already there' },
    ],
    default: current?.existing ? 'existing' : 'new',
  });
  if (start === 'existing') {
    const chosen = await chooseExistingCustomer(session, current);
    if (chosen) return chosen;
    session.say('There are no customers yet; let us create the first one.');
  }
  return askNewCustomer(session, current?.existing ? undefined : current);
}

export async function askNewCustomer(session: WizardSession, current?: CustomerPlan): Promise<CustomerPlan> {
  const displayName = await askCustomerName(session, current?.displayName);
  const customerIdentifier = await askCustomerIdentifier(session, identifierDefault(current, displayName));
  return { customerIdentifier, displayName, existing: false };
}

export function askCustomerName(session: WizardSession, current?: string): Promise<string> {
  return session.prompter.input({
    message: 'Customer display name',
    default: current,
    validate: promptCheck('displayName'),
  });
}

/** Well formed and free (checked on Enter): an existing customer is named, and picked another way. */
export function askCustomerIdentifier(session: WizardSession, suggested: string): Promise<string> {
  return askFreeIdentifier<Customer>(session.prompter, {
    message: 'Customer identifier',
    default: suggested,
    rule: 'customerIdentifier',
    find: (value) => session.directory.findCustomer(value),
    taken: (value, found) =>
      `Customer "${value}" already exists ("${found.displayName}"): choose another identifier, ` +
      'or start again and pick it as an existing customer',
  });
}

/**
 * The identifier offered: derived from the name, unless this is an edit and the identifier was
 * typed by hand (it no longer matches its name's suggestion), which an edit must not undo.
 */
function identifierDefault(current: CustomerPlan | undefined, displayName: string): string {
  if (current && current.customerIdentifier !== suggestIdentifier(current.displayName)) {
    return current.customerIdentifier;
  }
  return suggestIdentifier(displayName);
}

/** One of the API's customers, by select, or by search when the list is long; undefined when there are none. */
export async function chooseExistingCustomer(
  session: WizardSession,
  current?: CustomerPlan,
): Promise<CustomerPlan | undefined> {
  const customers = await session.directory.listCustomers();
  if (customers.length === 0) return undefined;
  const choices = customers.map(customerChoice);
  const identifier =
    customers.length > SEARCH_THRESHOLD
      ? await session.prompter.search<string>({
          message: `Customer (${customers.length}; type to search by name or identifier)`,
          source: (term) => filterChoices(choices, term),
        })
      : await session.prompter.select<string>({
          message: 'Customer',
          choices,
          default: current?.existing ? current.customerIdentifier : undefined,
        });
  const chosen = customers.find((c) => c.customerIdentifier === identifier)!;
  return { customerIdentifier: chosen.customerIdentifier, displayName: chosen.displayName, existing: true };
}

function customerChoice(customer: Customer): Choice<string> {
  const count = customer.accounts?.length ?? 0;
  return {
    name: `${customer.displayName} (${customer.customerIdentifier})`,
    value: customer.customerIdentifier,
    description: `${count} account${count === 1 ? '' : 's'}, ${customer.status}`,
  };
}

/** Every choice whose name contains each word of the term, case-insensitively. */
export function filterChoices<V>(choices: Choice<V>[], term: string | undefined): Choice<V>[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return choices.filter((choice) => words.every((word) => choice.name.toLowerCase().includes(word)));
}
