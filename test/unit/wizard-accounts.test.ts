import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../../src/domain/rules.js';
import { askAccount, askAccounts, askAlerts, askFundingEmails } from '../../src/wizard/account-prompts.js';
import { suggestAccountIdentifier } from '../../src/wizard/plan.js';
import {
  choose,
  enter,
  expectScreen,
  memoryDirectory,
  no,
  refused,
  scriptedPrompter,
  session,
  type,
  yes,
} from '../support/prompter.js';

const CUSTOMER = 'zanzibar-health';

describe('one account', () => {
  it('suggests a lowercase identifier from the customer and the account name, and checks every field', async () => {
    const directory = memoryDirectory();
    const prompter = scriptedPrompter([
      type('Employee Wellness'),
      expectScreen('Account identifier (zanzibar-health-employee-wellness)', enter),
      refused('ops@zanzibar', 'Must be a valid email address', type('ops@zanzibar.example')),
      enter, // currency: USD
      enter, // no funding emails
    ]);

    const account = await askAccount(session(prompter, directory), CUSTOMER, []);

    expect(account).toEqual({
      accountIdentifier: 'zanzibar-health-employee-wellness',
      displayName: 'Employee Wellness',
      contactEmail: 'ops@zanzibar.example',
      currencyCode: 'USD',
    });
    expect(directory.lookups).toEqual(['account zanzibar-health-employee-wellness']);
  });

  it('refuses an uppercase identifier and says which lowercase form would do', async () => {
    const prompter = scriptedPrompter([
      type('Employee Wellness'),
      refused('ZHG-Wellness', 'use the lowercase form: zhg-wellness', type('zhg-wellness')),
      type('ops@zanzibar.example'),
      enter,
      enter,
    ]);

    const account = await askAccount(session(prompter), CUSTOMER, []);

    expect(account.accountIdentifier).toBe('zhg-wellness');
  });

  it('refuses an identifier taken on the platform, or by another account of this onboarding', async () => {
    const directory = memoryDirectory([], ['zhg-taken']);
    const earlier = [{ ...sampleAccount(), accountIdentifier: 'zhg-first' }];
    const prompter = scriptedPrompter([
      type('Client Engagement'),
      refused(
        'zhg-taken',
        'Account "zhg-taken" already exists',
        refused('zhg-first', 'already used by another account in this onboarding', type('zhg-clients')),
      ),
      enter, // the contact email offered is the previous account's
      enter,
      enter,
    ]);

    const account = await askAccount(session(prompter, directory), CUSTOMER, earlier);

    expect(account.accountIdentifier).toBe('zhg-clients');
    expect(account.contactEmail).toBe(earlier[0]!.contactEmail);
    expect(prompter.asked[2]).toMatchObject({ message: 'Contact email', default: earlier[0]!.contactEmail });
  });

  it('offers the currencies as a select, USD first and chosen unless changed', async () => {
    const prompter = scriptedPrompter([
      type('Euro Budget'),
      enter,
      type('ops@zanzibar.example'),
      expectScreen('USD US dollar', choose('EUR')),
      enter,
    ]);

    const account = await askAccount(session(prompter), CUSTOMER, []);

    const currency = prompter.asked[3]!;
    expect(currency.kind).toBe('select');
    expect(currency.default).toBe('USD');
    expect(currency.choices?.map((c) => c.value)).toEqual([...CURRENCIES]);
    expect(CURRENCIES[0]).toBe('USD');
    expect(account.currencyCode).toBe('EUR');
  });
});

describe('funding-notification emails', () => {
  it('asks one at a time until an empty answer, refusing bad and repeated addresses', async () => {
    const prompter = scriptedPrompter([
      expectScreen('Enter for none', refused('finance', 'Must be a valid email address', type('finance@zhg.example'))),
      expectScreen(
        'Enter to finish',
        refused('FINANCE@zhg.example', 'FINANCE@zhg.example is already in the list', type('cfo@zhg.example')),
      ),
      enter,
    ]);

    expect(await askFundingEmails(prompter, [])).toEqual(['finance@zhg.example', 'cfo@zhg.example']);
  });

  it('when editing, keeps the current list if asked to', async () => {
    const prompter = scriptedPrompter([expectScreen('a@zhg.example, b@zhg.example', yes)]);

    expect(await askFundingEmails(prompter, ['a@zhg.example', 'b@zhg.example'])).toEqual([
      'a@zhg.example',
      'b@zhg.example',
    ]);
  });

  it('when editing, starts a new list if not', async () => {
    const prompter = scriptedPrompter([no, type('c@zhg.example'), enter]);

    expect(await askFundingEmails(prompter, ['a@zhg.example'])).toEqual(['c@zhg.example']);
  });
});

describe('the add-another loop', () => {
  it('asks for accounts until the answer is no, numbering them', async () => {
    const prompter = scriptedPrompter([
      type('Employee Wellness'),
      enter,
      type('ops@zanzibar.example'),
      enter,
      enter,
      expectScreen('Add a low-balance alert to zanzibar-health-employee-wellness? (y/N)', no),
      expectScreen('Add another account? (y/N)', yes),
      type('Client Engagement'),
      expectScreen('(zanzibar-health-client-engagement)', enter),
      expectScreen('(ops@zanzibar.example)', enter),
      choose('GBP'),
      type('finance@zanzibar.example'),
      enter,
      no, // no alert
      no,
    ]);
    const wizard = session(prompter);

    const { accounts, alerts } = await askAccounts(wizard, CUSTOMER);

    expect(accounts.map((a) => [a.accountIdentifier, a.currencyCode, a.fundingNotification])).toEqual([
      ['zanzibar-health-employee-wellness', 'USD', undefined],
      ['zanzibar-health-client-engagement', 'GBP', [{ emailAddress: 'finance@zanzibar.example' }]],
    ]);
    expect(alerts).toEqual({});
    expect(wizard.said.map((line) => line.trim())).toEqual(['Account 1', 'Account 2']);
    expect(prompter.remaining()).toBe(0);
  });
});

describe('low-balance alerts of an account', () => {
  const account = {
    accountIdentifier: 'zhg-wellness',
    displayName: 'Wellness',
    contactEmail: 'ops@zanzibar.example',
    currencyCode: 'EUR',
  };

  it('asks name, threshold (in the account currency) and emails (the contact email by default), each checked', async () => {
    const prompter = scriptedPrompter([
      expectScreen('Add a low-balance alert to zhg-wellness? (y/N)', yes),
      expectScreen('Alert name (Wellness low balance)', enter),
      expectScreen('Alert when the balance falls below (EUR)', refused('12.345', 'at most two decimals', type('500'))),
      expectScreen('(ops@zanzibar.example)', enter),
      expectScreen('Add another low-balance alert to zhg-wellness? (y/N)', yes),
      refused('wellness LOW balance', 'already an alert of this account', type('Nearly empty')),
      type('50.50'),
      refused('a@zhg.example, nope', 'nope:', type('a@zhg.example, b@zhg.example')),
      no,
    ]);

    const alerts = await askAlerts(prompter, account);

    expect(alerts).toEqual([
      {
        balanceAlertDisplayName: 'Wellness low balance',
        balanceAlertThreshold: 500,
        balanceAlertNotification: [{ emailAddress: 'ops@zanzibar.example' }],
      },
      {
        balanceAlertDisplayName: 'Nearly empty',
        balanceAlertThreshold: 50.5,
        balanceAlertNotification: [{ emailAddress: 'a@zhg.example' }, { emailAddress: 'b@zhg.example' }],
      },
    ]);
    expect(prompter.remaining()).toBe(0);
  });
});

describe('suggestAccountIdentifier', () => {
  it('is lowercase, follows the customer, and avoids identifiers already in the plan', () => {
    expect(suggestAccountIdentifier('ZHG', 'Employee Wellness')).toBe('zhg-employee-wellness');
    expect(suggestAccountIdentifier('zhg', 'Wellness', ['zhg-wellness'])).toBe('zhg-wellness-2');
    expect(suggestAccountIdentifier('zhg', 'Wellness', ['zhg-wellness', 'zhg-wellness-2'])).toBe('zhg-wellness-3');
    expect(suggestAccountIdentifier('z'.repeat(100), 'Wellness').length).toBeLessThanOrEqual(100);
  });
});

function sampleAccount() {
  return {
    accountIdentifier: 'zhg-sample',
    displayName: 'Sample Account',
    contactEmail: 'sample@zanzibar.example',
    currencyCode: 'USD' as const,
  };
}
