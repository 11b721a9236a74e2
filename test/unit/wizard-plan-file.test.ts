import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkPlan, describeProblem, parsePlan, planToJson } from '../../src/wizard/plan-file.js';

const GOOD = {
  customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group' },
  accounts: [
    { accountIdentifier: 'zanzibar-wellness', displayName: 'Employee Wellness', contactEmail: 'ops@zanzibar.example' },
  ],
};

function problems(value: unknown): string[] {
  return checkPlan(value).problems.map(describeProblem);
}

describe('a good plan', () => {
  it('becomes a plan with the defaults filled in', () => {
    expect(checkPlan(GOOD)).toEqual({
      plan: {
        customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group', existing: false },
        accounts: [
          {
            accountIdentifier: 'zanzibar-wellness',
            displayName: 'Employee Wellness',
            contactEmail: 'ops@zanzibar.example',
            currencyCode: 'USD',
          },
        ],
      },
      problems: [],
    });
  });

  it('takes funding emails in either spelling', () => {
    const plain = { ...GOOD, accounts: [{ ...GOOD.accounts[0], fundingEmails: ['a@zhg.example'] }] };
    const api = {
      ...GOOD,
      accounts: [{ ...GOOD.accounts[0], fundingNotification: [{ emailAddress: 'a@zhg.example' }] }],
    };

    // Either way the plan holds the API's own body.
    expect(checkPlan(plain).plan?.accounts[0]?.fundingNotification).toEqual([{ emailAddress: 'a@zhg.example' }]);
    expect(checkPlan(api).plan?.accounts[0]?.fundingNotification).toEqual([{ emailAddress: 'a@zhg.example' }]);
  });

  it('an existing customer needs no display name', () => {
    const plan = checkPlan({ ...GOOD, customer: { customerIdentifier: 'zanzibar-health', existing: true } }).plan;

    expect(plan?.customer).toEqual({ customerIdentifier: 'zanzibar-health', displayName: '', existing: true });
  });

  it('survives the round trip through planToJson', () => {
    const plan = checkPlan({
      ...GOOD,
      accounts: [{ ...GOOD.accounts[0], currencyCode: 'GBP', fundingEmails: ['a@zhg.example', 'b@zhg.example'] }],
    }).plan!;

    expect(checkPlan(JSON.parse(JSON.stringify(planToJson(plan)))).plan).toEqual(plan);
  });
});

describe('a bad plan', () => {
  it('lists every problem at once, each with its path and the value found', () => {
    const bad = {
      version: 2,
      customer: { customerIdentifier: 'zh', displayName: 'Zanzibar 🎉' },
      accounts: [
        {
          accountIdentifier: 'Zanzibar-Wellness',
          displayName: 'Employee Wellness',
          contactEmail: 'not-an-email',
          currencyCode: 'yen',
          fundingEmails: ['ok@zhg.example', 'nope', 'OK@zhg.example'],
        },
        { accountIdentifier: 'zanzibar-clients', displayName: 'Clients' },
      ],
    };

    expect(problems(bad)).toEqual([
      'version: must be 1 (or left out) (got 2)',
      'customer.customerIdentifier: must be 5-100 characters, each a letter, a digit or \'-\' (got "zh")',
      'customer.displayName: must be 5-100 characters of letters, digits, punctuation, symbols or spaces (not only spaces; no emoji) (remove the emoji at character 10) (got "Zanzibar 🎉")',
      'accounts[0].fundingEmails[1]: must be a valid email address of at most 100 characters (got "nope")',
      'accounts[0].fundingEmails[2]: repeats fundingEmails[0]; each address may be listed once (got "OK@zhg.example")',
      'accounts[0].accountIdentifier: must be 5-100 characters, each a lowercase letter, a digit or \'-\' (use the lowercase form: zanzibar-wellness) (got "Zanzibar-Wellness")',
      'accounts[0].contactEmail: must be a valid email address of at most 100 characters (got "not-an-email")',
      'accounts[0].currencyCode: must be one of USD, AUD, CAD, EUR, GBP (got "YEN")',
      'accounts[1].contactEmail: is required',
    ]);
  });

  it('names unknown fields, so a typo is not silently ignored', () => {
    const typo = { ...GOOD, accounts: [{ ...GOOD.accounts[0], contactEmal: 'x@y.example' }], extra: 1 };

    expect(problems(typo)).toEqual([
      'extra: is not a plan field (expected version, customer, accounts)',
      'accounts[0].contactEmal: is not a plan field (expected accountIdentifier, displayName, contactEmail, currencyCode, fundingEmails, fundingNotification, lowBalanceAlerts)',
    ]);
  });

  it('needs a customer and at least one account', () => {
    expect(problems({})).toEqual([
      'customer: is required: an object with customerIdentifier and displayName',
      'accounts: is required: a list of at least one account',
    ]);
    expect(problems({ ...GOOD, accounts: [] })).toEqual([
      'accounts: is required: a list of at least one account (got [])',
    ]);
    expect(problems([])).toEqual(['(file): must be a JSON object']);
  });

  it('refuses two accounts with one identifier, and both funding spellings at once', () => {
    const account = GOOD.accounts[0]!;
    const twice = { ...GOOD, accounts: [account, { ...account, displayName: 'Other Name' }] };
    const both = { ...GOOD, accounts: [{ ...account, fundingEmails: [], fundingNotification: [] }] };

    expect(problems(twice)).toEqual([
      'accounts[1].accountIdentifier: repeats accounts[0]; account identifiers are unique (got "zanzibar-wellness")',
    ]);
    expect(problems(both)).toEqual(['accounts[0].fundingEmails: give fundingEmails or fundingNotification, not both']);
  });

  it('parsePlan turns problems into one usage error (exit 2) that lists them all', () => {
    const parse = () => parsePlan(JSON.stringify({ ...GOOD, customer: {} }), 'file p.json');

    expect(parse).toThrow(UsageError);
    expect(parse).toThrow('The plan file p.json has 2 problems; nothing was sent.');
    try {
      parse();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).details).toEqual([
        'customer.customerIdentifier: is required',
        'customer.displayName: is required',
      ]);
    }
  });

  it('parsePlan reports JSON that does not parse', () => {
    expect(() => parsePlan('{"customer": ', 'file p.json')).toThrow(/The plan file p.json is not valid JSON/);
  });
});

describe('low-balance alerts in a plan', () => {
  const withAlerts = {
    ...GOOD,
    accounts: [
      {
        ...GOOD.accounts[0],
        lowBalanceAlerts: [{ displayName: 'Budget running low', threshold: 99.5, emails: ['ops@zanzibar.example'] }],
      },
    ],
  };

  it('reads them as the API create body, by account, and writes them back in plain words', () => {
    const checked = checkPlan(withAlerts);
    const identifier = GOOD.accounts[0]!.accountIdentifier;
    expect(checked.plan?.alerts).toEqual({
      [identifier]: [
        {
          balanceAlertDisplayName: 'Budget running low',
          balanceAlertThreshold: 99.5,
          balanceAlertNotification: [{ emailAddress: 'ops@zanzibar.example' }],
        },
      ],
    });
    const written = planToJson(checked.plan!) as { accounts: Array<Record<string, unknown>> };
    expect(written.accounts[0]!.lowBalanceAlerts).toEqual(withAlerts.accounts[0]!.lowBalanceAlerts);
    expect(checkPlan(written).plan).toEqual(checked.plan);
  });

  it('names unique per account (ignoring case), and the alert rules, each at its path', () => {
    const bad = {
      ...GOOD,
      accounts: [
        {
          ...GOOD.accounts[0],
          lowBalanceAlerts: [
            { displayName: 'Budget running low', threshold: 5, emails: ['a@zanzibar.example'] },
            { displayName: 'BUDGET running LOW', threshold: 6, emails: ['a@zanzibar.example'] },
            { displayName: 'Another alert', threshold: '5', emails: ['a@zanzibar.example', 'A@zanzibar.example'] },
          ],
        },
      ],
    };
    expect(problems(bad)).toEqual([
      'accounts[0].lowBalanceAlerts[1].displayName: repeats accounts[0].lowBalanceAlerts[0]; an account\'s alert names are unique (ignoring case) (got "BUDGET running LOW")',
      'accounts[0].lowBalanceAlerts[2].threshold: must be a JSON number, such as 500 or 99.5 (got "5")',
      'accounts[0].lowBalanceAlerts[2].emails[1]: appears more than once; each address may be listed once (got "A@zanzibar.example")',
    ]);
  });
});

// Issue 20: a null inside fundingNotification once crashed with a TypeError; it is a usage error naming the path.
describe('null inside fundingNotification', () => {
  it.each([
    [[null], 'accounts[0].fundingNotification[0].emailAddress: must be a string (got null)'],
    [[{ emailAddress: null }], 'accounts[0].fundingNotification[0].emailAddress: must be a string (got null)'],
  ])('a plan with fundingNotification %j is exit 2 naming the path', (funding, detail) => {
    const plan = { ...GOOD, accounts: [{ ...GOOD.accounts[0], fundingNotification: funding }] };
    let caught: unknown;
    try {
      parsePlan(JSON.stringify(plan), 'file p.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).details).toEqual([detail]);
  });
});
