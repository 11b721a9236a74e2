import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/output/shell-quote.js';
import { accountCommand, equivalentCommands } from '../../src/wizard/commands.js';
import type { OnboardingPlan } from '../../src/wizard/plan.js';

/** What a real POSIX shell makes of a quoted word: the proof that quoting round-trips. */
function shellReads(words: string): string[] {
  const out = execFileSync('sh', ['-c', `for w in ${words}; do printf '%s\\0' "$w"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  const awkward = [
    'plain-word',
    'Zanzibar Health Group',
    "Client's Engagement",
    'a$HOME`id`"x"\\y',
    '*.json',
    'semi;colon & amp',
    'tab\there',
    'Zürich Café',
    '',
  ];

  it.each(awkward)('a shell reads %j back unchanged', (value) => {
    expect(shellReads(shellQuote(value))).toEqual([value]);
  });

  it('leaves safe words bare, so commands stay readable', () => {
    expect(shellQuote('ops@zanzibar.example')).toBe('ops@zanzibar.example');
    expect(shellQuote('zanzibar-health')).toBe('zanzibar-health');
  });
});

describe('equivalent commands', () => {
  const plan: OnboardingPlan = {
    customer: { customerIdentifier: 'zhg', displayName: 'Zanzibar Health Group', existing: false },
    accounts: [
      {
        accountIdentifier: 'zhg-wellness',
        displayName: 'Employee Wellness',
        contactEmail: 'ops@zhg.example',
        currencyCode: 'USD',
        fundingNotification: [{ emailAddress: 'a@zhg.example' }, { emailAddress: 'b@zhg.example' }],
      },
      {
        accountIdentifier: 'zhg-eu',
        displayName: 'Europe Budget',
        contactEmail: 'eu@zhg.example',
        currencyCode: 'EUR',
      },
    ],
  };

  it('creates the customer, then each account; --currency only when not the default', () => {
    expect(equivalentCommands(plan)).toEqual([
      "tango customers create --identifier zhg --display-name 'Zanzibar Health Group'",
      "tango accounts create zhg --identifier zhg-wellness --display-name 'Employee Wellness' --contact-email ops@zhg.example --funding-email a@zhg.example --funding-email b@zhg.example",
      "tango accounts create zhg --identifier zhg-eu --display-name 'Europe Budget' --contact-email eu@zhg.example --currency EUR",
    ]);
  });

  it('an existing customer gets no create command', () => {
    expect(equivalentCommands({ ...plan, customer: { ...plan.customer, existing: true } })).toHaveLength(2);
  });

  it('repeats the options that chose the target', () => {
    expect(accountCommand('zhg', plan.accounts[1]!, ['--profile', 'prod'])).toMatch(
      /^tango --profile prod accounts create zhg /,
    );
  });
});
