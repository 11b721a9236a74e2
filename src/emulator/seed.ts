/**
 * Believable sample data: companies with a handful of reward-program accounts each, in several
 * currencies and statuses, with balances and creation dates spread over the last two years.
 * Creation dates rise with creation order, as they would on a real platform. Fast enough for a
 * benchmark of 100,000 accounts under one customer: no validation round trips, one pass.
 */
import { type AccountStatus, type Currency, suggestIdentifier } from '../domain/rules.js';
import { pick, type Random, randomInt, weighted } from './random.js';
import { accountNumberFor, type EmulatorState } from './state.js';

export interface SeedOptions {
  customers: number;
  accountsPerCustomer: number;
  random: Random;
  now: Date;
}

const COMPANY_NAMES = [
  'Zanzibar',
  'Acme',
  'Northwind',
  'Blue Harbor',
  'Cedar Ridge',
  'Summit',
  'Lakeside',
  'Evergreen',
  'Ironwood',
  'Silver Creek',
  'Redwood',
  'Orion',
  'Pioneer',
  'Crescent',
  'Granite',
  'Aurora',
];
const COMPANY_KINDS = ['Health Group', 'Wellness', 'Logistics', 'Foods', 'Analytics', 'Retail', 'Insurance', 'Labs'];
const PROGRAMS = [
  'Employee Wellness',
  'Client Engagement',
  'Sales Incentives',
  'Referral Rewards',
  'Holiday Gifts',
  'Customer Loyalty',
  'Survey Incentives',
  'Service Awards',
];
const FUNDING_CONTACTS = ['finance', 'accounts-payable', 'treasury'];
const CURRENCY_WEIGHTS: ReadonlyArray<readonly [Currency, number]> = [
  ['USD', 70],
  ['EUR', 8],
  ['GBP', 8],
  ['CAD', 7],
  ['AUD', 7],
];
const STATUS_WEIGHTS: ReadonlyArray<readonly [AccountStatus, number]> = [
  ['ACTIVE', 85],
  ['INACTIVE', 5],
  ['DISABLED', 5],
  ['FROZEN', 3],
  ['DELETED', 2],
];
const TWO_YEARS_MS = 730 * 24 * 60 * 60 * 1000;

export function seedState(state: EmulatorState, options: SeedOptions): void {
  const { customers, accountsPerCustomer, random } = options;
  const records = customers * (1 + accountsPerCustomer);
  const clock = creationClock(options.now, records, random);
  for (let added = 0; added < customers; added += 1) {
    const company = `${pick(random, COMPANY_NAMES)} ${pick(random, COMPANY_KINDS)}`;
    const customerIdentifier = freeIdentifier(state, suggestIdentifier(company));
    const domain = `${suggestIdentifier(company)}.example.com`;
    state.addCustomer({
      seq: state.nextSequence(),
      customerIdentifier,
      displayName: company,
      status: 'ACTIVE',
      createdAt: clock(),
    });
    for (let a = 0; a < accountsPerCustomer; a += 1) {
      addSeededAccount(state, { customerIdentifier, domain, index: a, random, createdAt: clock() });
    }
  }
}

/**
 * `<company>-001`, numbered after the customers already there, so seeding more into a state that
 * has data (`tango emulator seed` twice) never meets an identifier that is taken.
 */
function freeIdentifier(state: EmulatorState, base: string): string {
  for (let n = state.customers.length + 1; ; n++) {
    const identifier = `${base}-${String(n).padStart(3, '0')}`;
    if (!state.customer(identifier)) return identifier;
  }
}

function addSeededAccount(
  state: EmulatorState,
  seed: { customerIdentifier: string; domain: string; index: number; random: Random; createdAt: string },
): void {
  const { random } = seed;
  const program = pick(random, PROGRAMS);
  const status = weighted(random, STATUS_WEIGHTS);
  const seq = state.nextSequence();
  state.addAccount({
    seq,
    customerIdentifier: seed.customerIdentifier,
    accountIdentifier: `${seed.customerIdentifier.toLowerCase()}-${suggestIdentifier(program)}-${seed.index + 1}`,
    accountNumber: accountNumberFor(seq),
    displayName: `${program} ${seed.index + 1}`,
    contactEmail: `rewards@${seed.domain}`,
    currencyCode: weighted(random, CURRENCY_WEIGHTS),
    status,
    // Cents, like a real ledger; closed accounts hold nothing.
    currentBalance: status === 'DELETED' ? 0 : randomInt(random, 0, 2_500_000) / 100,
    createdAt: seed.createdAt,
    fundingNotification: FUNDING_CONTACTS.slice(0, randomInt(random, 0, 2)).map((local) => ({
      emailAddress: `${local}@${seed.domain}`,
    })),
  });
}

/** Hands out rising timestamps spread evenly (with jitter) over the two years before `now`. */
function creationClock(now: Date, records: number, random: Random): () => string {
  const step = TWO_YEARS_MS / Math.max(records, 1);
  let tick = 0;
  const start = now.getTime() - TWO_YEARS_MS;
  return () => {
    const at = start + (tick + random() * 0.9) * step;
    tick += 1;
    return new Date(Math.floor(at)).toISOString();
  };
}
