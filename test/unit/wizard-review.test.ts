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

  it('edits the chosen account with its answers as defaults, then shows the review again', async () => {
    const prompter = scriptedPrompter([
      choose('edit'),
      expectScreen("Account 2: Client's Engagement (zanzibar-health-clients)", choose('account:1')),
      expectScreen("(Client's Engagement)", type('Client Loyalty')),
      // The identifier was typed by hand (not the name's suggestion), so the edit keeps it.
      expectScreen('(zanzibar-health-clients)', enter),
      expectScreen('(ops@zanzibar.example)', type('loyalty@zanzibar.example')),
      enter, // currency stays EUR: the select starts on it
      enter, // still no funding emails
      choose('confirm'),
    ]);
    const wizard = session(prompter);

    const confirmed = await reviewPlan(wizard, PLAN, OPTIONS);

    expect(confirmed?.accounts[1]).toEqual({
      accountIdentifier: 'zanzibar-health-clients',
      displayName: 'Client Loyalty',
      contactEmail: 'loyalty@zanzibar.example',
      currencyCode: 'EUR',
    });
    expect(confirmed?.accounts[0]).toEqual(PLAN.accounts[0]);
    expect(wizard.said.filter((line) => line.includes('Review:'))).toHaveLength(2);
    expect(wizard.said.at(-1)).toContain('Client Loyalty');
  });

  it('edits the customer', async () => {
    const prompter = scriptedPrompter([
      choose('edit'),
      choose('customer'),
      choose('new'),
      type('Zanzibar Health Holdings'),
      expectScreen('(zanzibar-health-holdings)', enter),
      choose('confirm'),
    ]);

    const confirmed = await reviewPlan(
      session(prompter),
      { ...PLAN, customer: { ...PLAN.customer, customerIdentifier: 'zanzibar-health-group' } },
      OPTIONS,
    );

    expect(confirmed?.customer).toEqual({
      customerIdentifier: 'zanzibar-health-holdings',
      displayName: 'Zanzibar Health Holdings',
      existing: false,
    });
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
