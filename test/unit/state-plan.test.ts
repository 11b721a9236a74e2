/**
 * What `tango diff` and `apply` make of a file against the live state: per resource and field,
 * create, update, delete, unchanged or conflict; and what is left alone when the file leaves a
 * field out.
 */
import { describe, expect, it } from 'vitest';
import type { LowBalanceAlert } from '../../src/domain/alerts.js';
import type { Account, Customer } from '../../src/domain/types.js';
import type { LiveState } from '../../src/state/live.js';
import { type Change, planChanges, sendingOrder, summarize } from '../../src/state/plan.js';
import type { DesiredAccount, DesiredState } from '../../src/state/types.js';

const ALERT_ID = '3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b';

function liveAccount(id: string, extra: Partial<Account> = {}): Account {
  return {
    accountIdentifier: id,
    accountNumber: 'A1',
    displayName: `Account ${id}`,
    createdAt: '2025-01-01T00:00:00Z',
    status: 'ACTIVE',
    currencyCode: 'USD',
    currentBalance: 0,
    contactEmail: `${id}@acme.example`,
    fundingNotification: [{ emailAddress: 'finance@acme.example' }],
    ...extra,
  };
}

function liveAlert(name: string, threshold = 500, emails = ['ops@acme.example']): LowBalanceAlert {
  return {
    balanceAlertID: ALERT_ID,
    customerIdentifier: 'acme-co',
    accountIdentifier: 'acme-main',
    balanceAlertDisplayName: name,
    balanceAlertThreshold: threshold,
    balanceAlertNotification: emails.map((emailAddress) => ({ emailAddress })),
    createdAt: '2025-01-01T00:00:00Z',
  };
}

const customer: Customer = {
  customerIdentifier: 'acme-co',
  displayName: 'Acme Co',
  status: 'ACTIVE',
  createdAt: '2025-01-01T00:00:00Z',
  accounts: [],
};

function wantAccount(extra: Partial<DesiredAccount> = {}): DesiredAccount {
  return {
    accountIdentifier: 'acme-main',
    displayName: 'Account acme-main',
    contactEmail: 'acme-main@acme.example',
    currencyCode: 'USD',
    ...extra,
  };
}

function desired(account: DesiredAccount, displayName = 'Acme Co'): DesiredState {
  return { customers: [{ customerIdentifier: 'acme-co', displayName, mustExist: false, accounts: [account] }] };
}

function live(account?: Account, alerts?: LowBalanceAlert[], elsewhere: string[] = []): LiveState {
  const accounts = new Map(account ? [[account.accountIdentifier, { account, alerts }]] : []);
  return new Map([['acme-co', { customer, accounts, elsewhere: new Set(elsewhere) }]]);
}

/** Changes as `action resource: field from->to` lines, easy to read in a failure. */
function brief(changes: Change[]): string[] {
  return changes.map((c) => {
    const what = c.resource === 'customer' ? c.customer : c.resource === 'account' ? c.account : `"${c.alert}"`;
    const fields = c.fields.map((f) => ` ${f.field}:${JSON.stringify(f.from)}->${JSON.stringify(f.to)}`).join('');
    return `${c.action} ${c.resource} ${what}${fields}`;
  });
}

const plan = (state: DesiredState, liveState: LiveState, pruneAlerts = false) =>
  planChanges(state, liveState, { pruneAlerts });

describe('planChanges', () => {
  it('finds nothing to do when the platform matches the file', () => {
    const changes = plan(
      desired(wantAccount({ fundingEmails: ['FINANCE@acme.example'], lowBalanceAlerts: [] })),
      live(liveAccount('acme-main'), []),
    );
    expect(brief(changes)).toEqual(['unchanged customer acme-co', 'unchanged account acme-main']);
    expect(sendingOrder(changes)).toEqual([]);
  });

  it('creates a missing customer, its accounts and their alerts, with every field', () => {
    const state = desired(
      wantAccount({
        fundingEmails: ['finance@acme.example'],
        lowBalanceAlerts: [
          {
            balanceAlertDisplayName: 'Budget low',
            balanceAlertThreshold: 50,
            balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
          },
        ],
      }),
    );
    const changes = plan(state, new Map());
    expect(brief(changes)).toEqual([
      'create customer acme-co displayName:undefined->"Acme Co"',
      'create account acme-main displayName:undefined->"Account acme-main" contactEmail:undefined->"acme-main@acme.example" currencyCode:undefined->"USD" fundingEmails:undefined->["finance@acme.example"]',
      'create alert "Budget low" threshold:undefined->50 emails:undefined->["ops@acme.example"]',
    ]);
    expect(changes[1]?.operation).toEqual({
      op: 'createAccount',
      customer: 'acme-co',
      body: {
        accountIdentifier: 'acme-main',
        displayName: 'Account acme-main',
        contactEmail: 'acme-main@acme.example',
        currencyCode: 'USD',
        fundingNotification: [{ emailAddress: 'finance@acme.example' }],
      },
    });
  });

  it('updates only the account fields that differ, and sends only those', () => {
    const changes = plan(
      desired(wantAccount({ displayName: 'Acme Main Budget', fundingEmails: ['new@acme.example'] })),
      live(liveAccount('acme-main')),
    );
    expect(brief(changes)).toEqual([
      'unchanged customer acme-co',
      'update account acme-main displayName:"Account acme-main"->"Acme Main Budget" fundingEmails:["finance@acme.example"]->["new@acme.example"]',
    ]);
    expect(changes[1]?.operation).toEqual({
      op: 'updateAccount',
      customer: 'acme-co',
      account: 'acme-main',
      body: { displayName: 'Acme Main Budget', fundingNotification: [{ emailAddress: 'new@acme.example' }] },
    });
  });

  it('leaves funding emails and alerts alone when the file leaves them out', () => {
    const changes = plan(desired(wantAccount()), live(liveAccount('acme-main'), [liveAlert('Budget low')]), true);
    expect(brief(changes)).toEqual(['unchanged customer acme-co', 'unchanged account acme-main']);
  });

  it("calls a currency, a customer's display name and an account of another customer conflicts", () => {
    const currency = plan(
      desired(wantAccount({ currencyCode: 'EUR' }), 'Acme Renamed'),
      live(liveAccount('acme-main')),
    );
    expect(brief(currency)).toEqual([
      'conflict customer acme-co displayName:"Acme Co"->"Acme Renamed"',
      'conflict account acme-main currencyCode:"USD"->"EUR"',
    ]);
    expect(summarize(currency)).toEqual({ create: 0, update: 0, delete: 0, unchanged: 0, conflict: 2 });
    const elsewhere = plan(desired(wantAccount()), live(undefined, undefined, ['acme-main']));
    expect(elsewhere[1]).toMatchObject({ action: 'conflict', reason: expect.stringContaining('another customer') });
  });

  it('matches alerts by name ignoring case; changes name case, threshold and emails; keeps unnamed ones unless pruning', () => {
    const want = wantAccount({
      lowBalanceAlerts: [
        {
          balanceAlertDisplayName: 'Budget Low',
          balanceAlertThreshold: 250,
          balanceAlertNotification: [{ emailAddress: 'cfo@acme.example' }],
        },
      ],
    });
    const alerts = [liveAlert('budget low'), { ...liveAlert('Old alert'), balanceAlertID: 'b'.repeat(8) }];
    const kept = plan(desired(want), live(liveAccount('acme-main'), alerts));
    expect(brief(kept).slice(2)).toEqual([
      'update alert "Budget Low" displayName:"budget low"->"Budget Low" threshold:500->250 emails:["ops@acme.example"]->["cfo@acme.example"]',
      'unchanged alert "Old alert"',
    ]);
    expect(kept[3]?.reason).toBe('not in the file; --prune-alerts would delete it');

    const pruned = plan(desired(want), live(liveAccount('acme-main'), alerts), true);
    expect(brief(pruned).slice(2)).toEqual([brief(kept)[2], 'delete alert "Old alert"']);
    expect(pruned[3]?.operation).toEqual({
      op: 'deleteAlert',
      customer: 'acme-co',
      account: 'acme-main',
      alertId: 'b'.repeat(8),
    });
  });

  it('sends customers, then accounts, then alert creates and updates, and alert deletes last', () => {
    const state: DesiredState = {
      customers: [
        {
          customerIdentifier: 'acme-co',
          displayName: 'Acme Co',
          mustExist: false,
          accounts: [
            wantAccount({ displayName: 'Renamed', lowBalanceAlerts: [] }),
            wantAccount({ accountIdentifier: 'acme-new' }),
          ],
        },
        { customerIdentifier: 'globex-co', displayName: 'Globex Co', mustExist: false, accounts: [] },
      ],
    };
    const order = sendingOrder(plan(state, live(liveAccount('acme-main'), [liveAlert('Old alert')]), true));
    expect(order.map((c) => `${c.action} ${c.resource}`)).toEqual([
      'create customer',
      'update account',
      'create account',
      'delete alert',
    ]);
  });

  it("refuses to create an onboarding plan's existing customer that is not there", () => {
    const state: DesiredState = {
      customers: [{ customerIdentifier: 'acme-co', mustExist: true, accounts: [] }],
    };
    expect(plan(state, new Map())[0]).toMatchObject({
      action: 'conflict',
      reason: expect.stringContaining('existing'),
    });
  });
});
