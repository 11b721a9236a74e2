import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OnboardingPlan } from '../../src/wizard/plan.js';
import { parsePlan } from '../../src/wizard/plan-file.js';
import { reviewPlan } from '../../src/wizard/review.js';
import { fitColumns, reviewRows, reviewText } from '../../src/wizard/review-table.js';
import { choose, enter, expectScreen, no, scriptedPrompter, session, type, yes } from '../support/prompter.js';

const PLAN: OnboardingPlan = {
  customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group', existing: false },
  accounts: [
    {
      accountIdentifier: 'zanzibar-health-wellness',
      displayName: 'Employee Wellness',
      contactEmail: 'ops@zanzibar.example',
      currencyCode: 'USD',
      fundingNotification: [{ emailAddress: 'finance@zanzibar.example' }],
    },
    {
      accountIdentifier: 'zanzibar-health-clients',
      displayName: "Client's Engagement",
      contactEmail: 'ops@zanzibar.example',
      currencyCode: 'EUR',
    },
  ],
};
const OPTIONS = { dryRun: false, width: 120, globalFlags: [] };

let dir: string;
let cwd: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tango-review-'));
  cwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('the review', () => {
  it('shows every item and the equivalent commands, shell-quoted, then creates on confirm', async () => {
    const prompter = scriptedPrompter([choose('confirm')]);
    const wizard = session(prompter);

    const confirmed = await reviewPlan(wizard, PLAN, OPTIONS);

    expect(confirmed).toEqual(PLAN);
    const review = wizard.said.join('\n');
    expect(review).toContain('1 customer and 2 accounts will be created');
    for (const value of ['zanzibar-health-wellness', 'Employee Wellness', 'finance@zanzibar.example', 'EUR']) {
      expect(review).toContain(value);
    }
    expect(review).toContain(
      "tango customers create --identifier zanzibar-health --display-name 'Zanzibar Health Group'",
    );
    expect(review).toContain(
      "tango accounts create zanzibar-health --identifier zanzibar-health-clients --display-name 'Client'\\''s Engagement' --contact-email ops@zanzibar.example --currency EUR",
    );
    expect(review).toContain('--funding-email finance@zanzibar.example');
  });

  it('cancel creates nothing and returns no plan', async () => {
    const prompter = scriptedPrompter([expectScreen('Cancel (nothing is created)', choose('cancel'))]);

    expect(await reviewPlan(session(prompter), PLAN, OPTIONS)).toBeUndefined();
  });

  it('edits one field of an account: only that question is asked, every other answer stays', async () => {
    const prompter = scriptedPrompter([
      choose('edit'),
      expectScreen("Account 2: Client's Engagement (zanzibar-health-clients)", choose('account:1')),
      expectScreen('Contact email: ops@zanzibar.example', choose('contactEmail')),
      expectScreen('(ops@zanzibar.example)', type('loyalty@zanzibar.example')),
      choose('confirm'),
    ]);
    const wizard = session(prompter);

    const confirmed = await reviewPlan(wizard, PLAN, OPTIONS);

    expect(prompter.asked.map((q) => q.message)).toEqual([
      'What now?',
      'Edit which item?',
      'Edit which field of zanzibar-health-clients?',
      'Contact email',
      'What now?',
    ]);
    expect(confirmed).toEqual({
      ...PLAN,
      accounts: [PLAN.accounts[0], { ...PLAN.accounts[1], contactEmail: 'loyalty@zanzibar.example' }],
    });
    expect(wizard.said.filter((line) => line.includes('Review:'))).toHaveLength(2);
    expect(wizard.said.at(-1)).toContain('loyalty@zanzibar.example');
  });

  it("a new display name leaves the identifier alone; a new identifier takes the account's alerts along", async () => {
    const alert = {
      balanceAlertDisplayName: 'Wellness low',
      balanceAlertThreshold: 100,
      balanceAlertNotification: [{ emailAddress: 'ops@zanzibar.example' }],
    };
    const withAlert = { ...PLAN, alerts: { 'zanzibar-health-wellness': [alert] } };
    const prompter = scriptedPrompter([
      choose('edit'),
      choose('account:0'),
      expectScreen('Low-balance alerts: Wellness low', choose('displayName')),
      expectScreen('(Employee Wellness)', type('Staff Wellness')),
      choose('edit'),
      choose('account:0'),
      choose('accountIdentifier'),
      expectScreen('(zanzibar-health-wellness)', type('zhg-staff-wellness')),
      choose('confirm'),
    ]);

    const confirmed = await reviewPlan(session(prompter), withAlert, OPTIONS);

    expect(confirmed?.accounts[0]).toEqual({
      ...PLAN.accounts[0],
      displayName: 'Staff Wellness',
      accountIdentifier: 'zhg-staff-wellness',
    });
    expect(confirmed?.alerts).toEqual({ 'zhg-staff-wellness': [alert] });
    expect(prompter.asked.filter((q) => q.kind === 'input').map((q) => q.message)).toEqual([
      'Account display name',
      'Account identifier',
    ]);
  });

  it("edits the customer's name alone, or picks another customer", async () => {
    const prompter = scriptedPrompter([
      choose('edit'),
      choose('customer'),
      expectScreen('Display name: Zanzibar Health Group', choose('displayName')),
      type('Zanzibar Health Holdings'),
      choose('edit'),
      choose('customer'),
      choose('another'),
      choose('new'),
      expectScreen('(Zanzibar Health Holdings)', enter),
      // Not derived from the name: the current identifier was not its name's suggestion, so it is offered.
      expectScreen('(zanzibar-health-group)', type('zanzibar-holdings')),
      choose('confirm'),
    ]);
    const wizard = session(prompter);

    const confirmed = await reviewPlan(
      wizard,
      { ...PLAN, customer: { ...PLAN.customer, customerIdentifier: 'zanzibar-health-group' } },
      OPTIONS,
    );

    expect(confirmed?.customer).toEqual({
      customerIdentifier: 'zanzibar-holdings',
      displayName: 'Zanzibar Health Holdings',
      existing: false,
    });
    expect(confirmed?.accounts).toEqual(PLAN.accounts);
    expect(prompter.asked.filter((q) => q.kind === 'input').map((q) => q.message)).toEqual([
      'Customer display name',
      'Customer display name',
      'Customer identifier',
    ]);
  });

  it('adds and removes accounts', async () => {
    const prompter = scriptedPrompter([
      choose('edit'),
      choose('remove'),
      choose(0),
      choose('edit'),
      choose('add'),
      type('Sales Incentives'),
      expectScreen('(zanzibar-health-sales-incentives)', enter),
      enter,
      enter,
      enter,
      choose('confirm'),
    ]);

    const confirmed = await reviewPlan(session(prompter), PLAN, OPTIONS);

    expect(confirmed?.accounts.map((a) => a.accountIdentifier)).toEqual([
      'zanzibar-health-clients',
      'zanzibar-health-sales-incentives',
    ]);
  });

  it('saves the answers as a plan file that --plan reads back as the same plan', async () => {
    const prompter = scriptedPrompter([
      choose('save'),
      expectScreen('(onboard-zanzibar-health.json)', enter),
      choose('confirm'),
    ]);
    const wizard = session(prompter);

    await reviewPlan(wizard, PLAN, OPTIONS);

    const text = readFileSync(join(dir, 'onboard-zanzibar-health.json'), 'utf8');
    expect(parsePlan(text, 'saved')).toEqual(PLAN);
    expect(wizard.said.join('\n')).toContain('tango onboard --plan onboard-zanzibar-health.json');
  });

  it('asks before replacing a file, and keeps it when told no', async () => {
    writeFileSync(join(dir, 'mine.json'), 'precious');
    const prompter = scriptedPrompter([
      choose('save'),
      type('mine.json'),
      expectScreen('mine.json exists. Replace it?', no),
      choose('save'),
      type('mine.json'),
      yes,
      choose('cancel'),
    ]);

    await reviewPlan(session(prompter), PLAN, OPTIONS);

    expect(parsePlan(readFileSync(join(dir, 'mine.json'), 'utf8'), 'mine.json')).toEqual(PLAN);
    expect(prompter.remaining()).toBe(0);
  });

  it('in a dry run, confirming offers to show the commands rather than create', async () => {
    const prompter = scriptedPrompter([expectScreen('dry run: nothing is created', choose('confirm'))]);

    expect(await reviewPlan(session(prompter), PLAN, { ...OPTIONS, dryRun: true })).toEqual(PLAN);
  });
});

describe('the review table', () => {
  it('marks an existing customer as such and lists no command for it', async () => {
    const plan = { ...PLAN, customer: { ...PLAN.customer, existing: true } };

    const text = await reviewText(plan, 200);

    expect(reviewRows(plan)[0]![0]).toBe('existing customer');
    expect(text).toContain('2 new accounts under the existing customer zanzibar-health');
    expect(text).not.toContain('customers create');
  });

  it('fits the terminal: the widest columns give way, and nothing gets narrower than it must', () => {
    const rows = reviewRows(PLAN);
    const natural = fitColumns(rows, Number.POSITIVE_INFINITY);
    const fitted = fitColumns(rows, 80);

    expect(fitted.reduce((a, b) => a + b, 0) + fitted.length + 1).toBeLessThanOrEqual(80);
    expect(Math.min(...fitted)).toBeGreaterThanOrEqual(Math.min(...natural));
  });
});
