/**
 * The state file (docs/state.md): YAML or JSON, version 2 or an onboarding plan; every problem
 * reported at once, by its path in the file, before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkState, formatOf, parseState } from '../../src/state/file.js';
import { describeProblem } from '../../src/wizard/plan-file.js';

const account = (id: string, extra: Record<string, unknown> = {}) => ({
  accountIdentifier: id,
  displayName: `Account ${id}`,
  contactEmail: `${id}@acme.example`,
  ...extra,
});

const GOOD = {
  version: 2,
  customers: [
    {
      customerIdentifier: 'acme-co',
      displayName: 'Acme Corporation',
      accounts: [
        account('acme-main', {
          currencyCode: 'eur',
          fundingEmails: ['finance@acme.example'],
          lowBalanceAlerts: [{ displayName: 'Main budget low', threshold: 500, emails: ['ops@acme.example'] }],
        }),
        account('acme-side'),
      ],
    },
    { customerIdentifier: 'globex-co', displayName: 'Globex Holdings' },
  ],
};

function problems(value: unknown): string[] {
  return checkState(value).problems.map(describeProblem);
}

describe('a good state file', () => {
  it('becomes desired state; what it leaves out is not managed, the currency defaults to USD', () => {
    expect(checkState(GOOD).state).toEqual({
      customers: [
        {
          customerIdentifier: 'acme-co',
          displayName: 'Acme Corporation',
          mustExist: false,
          accounts: [
            {
              ...account('acme-main'),
              currencyCode: 'EUR',
              fundingEmails: ['finance@acme.example'],
              lowBalanceAlerts: [
                {
                  balanceAlertDisplayName: 'Main budget low',
                  balanceAlertThreshold: 500,
                  balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
                },
              ],
            },
            { ...account('acme-side'), currencyCode: 'USD' },
          ],
        },
        { customerIdentifier: 'globex-co', displayName: 'Globex Holdings', mustExist: false, accounts: [] },
      ],
    });
  });

  it('tells "none" ([]) from "not managed" (left out)', () => {
    const state = checkState({
      version: 2,
      customers: [
        { ...GOOD.customers[1], accounts: [account('acme-none', { fundingEmails: [], lowBalanceAlerts: [] })] },
      ],
    }).state;
    expect(state?.customers[0]?.accounts[0]).toMatchObject({ fundingEmails: [], lowBalanceAlerts: [] });
  });

  it('reads YAML and JSON by extension, with the same result', async () => {
    const yaml = [
      '# yaml-language-server: $schema=https://example.test/s.json',
      'version: 2',
      'customers:',
      '  - customerIdentifier: globex-co',
      '    displayName: Globex Holdings',
      '    accounts:',
      '      - { accountIdentifier: acme-side, displayName: Account acme-side, contactEmail: acme-side@acme.example }',
    ].join('\n');
    const fromYaml = await parseState(yaml, { name: 'a.yaml', format: 'yaml' });
    const fromJson = await parseState(
      JSON.stringify({
        $schema: 'x',
        version: 2,
        customers: [{ ...GOOD.customers[1], accounts: [account('acme-side')] }],
      }),
      { name: 'a.json', format: 'json' },
    );
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.customers[0]?.accounts[0]?.currencyCode).toBe('USD');
  });

  it('reads an onboarding plan (version 1) as the same state: its customer, accounts and alerts', () => {
    const plan = {
      version: 1,
      customer: { customerIdentifier: 'zanzibar-health', existing: true },
      accounts: [
        account('zanzibar-main', {
          lowBalanceAlerts: [{ displayName: 'Budget low', threshold: 9.5, emails: ['a@z.example'] }],
        }),
      ],
    };
    expect(checkState(plan).state).toEqual({
      customers: [
        {
          customerIdentifier: 'zanzibar-health',
          displayName: undefined,
          mustExist: true,
          accounts: [
            {
              ...account('zanzibar-main'),
              currencyCode: 'USD',
              lowBalanceAlerts: [
                {
                  balanceAlertDisplayName: 'Budget low',
                  balanceAlertThreshold: 9.5,
                  balanceAlertNotification: [{ emailAddress: 'a@z.example' }],
                },
              ],
            },
          ],
        },
      ],
    });
  });
});

describe('a bad state file', () => {
  it('reports every problem at once, each at its path', () => {
    const bad = {
      version: 2,
      colour: 'blue',
      customers: [
        { customerIdentifier: 'ok-customer', displayName: 'Fine Customer', accounts: [account('fine-one')] },
        { customerIdentifier: 'x', displayName: 'Fine Customer Two' },
        {
          customerIdentifier: 'third-customer',
          accounts: [
            account('third-one', { contactEmail: 'ops@' }),
            account('third-two', {
              currencyCode: 'JPY',
              fundingEmails: 'a@b.example',
              lowBalanceAlerts: [
                { displayName: 'Budget low', threshold: 0, emails: [] },
                { displayName: 'BUDGET LOW', threshold: 5, emails: ['x@y.example'], colour: 1 },
              ],
            }),
          ],
        },
      ],
    };
    expect(problems(bad)).toEqual([
      'colour: is not a state field (expected $schema, version, customers)',
      'customers[1].customerIdentifier: must be 5-100 characters, each a letter, a digit or \'-\' (got "x")',
      'customers[2].displayName: is required',
      'customers[2].accounts[0].contactEmail: must be a valid email address of at most 100 characters (got "ops@")',
      'customers[2].accounts[1].fundingEmails: must be a list of email addresses (got "a@b.example")',
      expect.stringMatching(/^customers\[2\]\.accounts\[1\]\.currencyCode: must be one of USD, AUD, CAD, EUR, GBP/),
      'customers[2].accounts[1].lowBalanceAlerts[0].threshold: must be an amount greater than 0 and at most 1000000000, with at most two decimals, such as 500 or 99.50 (got 0)',
      'customers[2].accounts[1].lowBalanceAlerts[0].emails: needs at least one email address',
      'customers[2].accounts[1].lowBalanceAlerts[1].colour: is not a state field (expected displayName, threshold, emails)',
    ]);
  });

  it('refuses an account or customer named twice, across customers too', () => {
    const twice = {
      version: 2,
      customers: [
        { customerIdentifier: 'acme-co', displayName: 'Acme One', accounts: [account('shared-acct')] },
        { customerIdentifier: 'acme-co', displayName: 'Acme Two', accounts: [account('shared-acct')] },
      ],
    };
    expect(problems(twice)).toEqual([
      'customers[1].customerIdentifier: repeats customers[0]; each customer is listed once (got "acme-co")',
      'customers[1].accounts[0].accountIdentifier: repeats customers[0].accounts[0]; account identifiers are unique across the platform (got "shared-acct")',
    ]);
  });

  it.each([
    [[], '(file): must be a mapping with version and customers'],
    [{ version: 3, customers: [] }, 'version: must be 2 (a state file) or 1 (an onboarding plan) (got 3)'],
    [{ customers: [] }, 'version: must be 2 (a state file) or 1 (an onboarding plan)'],
    [{ version: 2 }, 'customers: is required: a list of customers'],
    [
      { version: 2, customers: [{ customerIdentifier: 'acme-co', displayName: 'Acme Co', accounts: {} }] },
      'customers[0].accounts: must be a list of accounts (got {})',
    ],
    [
      { version: 2, customers: ['acme-co'] },
      'customers[0]: must be a mapping with customerIdentifier, displayName and accounts',
    ],
  ])('refuses %j', (value, message) => {
    expect(problems(value)).toEqual([message]);
  });

  it("reports every problem in one run: a repeat beside other problems, an alert's threshold beside its emails", () => {
    const alert = (extra: Record<string, unknown>) => ({
      displayName: 'Budget low',
      threshold: 500,
      emails: ['ops@acme.example'],
      ...extra,
    });
    const found = problems({
      version: 2,
      customers: [
        { customerIdentifier: 'acme-co', displayName: 'Ac' },
        { customerIdentifier: 'acme-co', displayName: 'Acme Again' },
        {
          customerIdentifier: 'globex-co',
          displayName: 'Globex Holdings',
          accounts: [
            account('globex-main', { lowBalanceAlerts: [alert({ emails: 'ops@acme.example', threshold: -1 })] }),
            account('globex-side', { lowBalanceAlerts: [alert({ emails: [] })] }),
          ],
        },
      ],
    });
    // Before: the repeat, the threshold and the plain wording each needed another run (or the API's shape).
    expect(found).toContainEqual(expect.stringMatching(/^customers\[1\]\.customerIdentifier: repeats customers\[0\]/));
    expect(found).toContainEqual(expect.stringMatching(/^customers\[0\]\.displayName: /));
    expect(found).toContainEqual(
      expect.stringMatching(/^customers\[2\]\.accounts\[0\]\.lowBalanceAlerts\[0\]\.emails: must be a list/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^customers\[2\]\.accounts\[0\]\.lowBalanceAlerts\[0\]\.threshold: /),
    );
    expect(found).toContain('customers[2].accounts[1].lowBalanceAlerts[0].emails: needs at least one email address');
    expect(found.join('\n')).not.toContain('emailAddress');
  });

  it('is a usage error (exit 2) listing them all, naming the file', async () => {
    const error = await parseState('{"version": 2, "customers": [{"customerIdentifier": "x"}]}', {
      name: 'platform.json',
      format: 'json',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('platform.json has 2 problems; nothing was sent.');
    expect((error as UsageError).details).toHaveLength(2);
  });

  it('names the line of a YAML syntax error, and refuses a key given twice', async () => {
    const error = (await parseState('version: 2\ncustomers:\n  - customerIdentifier: [oops\n', {
      name: 'platform.yaml',
      format: 'yaml',
    }).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('platform.yaml is not valid YAML; nothing was sent.');
    expect(error.details[0]).toMatch(/^line \d+, column \d+: /);

    const twice = (await parseState('version: 2\nversion: 2\ncustomers: []\n', {
      name: 'p.yaml',
      format: 'yaml',
    }).catch((e: unknown) => e)) as UsageError;
    expect(twice.details[0]).toMatch(/^line 2, column 1: .*[Uu]nique/);
  });

  it.each(['json', 'yaml'] as const)(
    'refuses a %s file nested 100,000 deep by its depth, before parsing',
    async (format) => {
      const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const error = (await parseState(text, { name: `deep.${format}`, format }).catch((e: unknown) => e)) as UsageError;
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        `deep.${format} is nested 100,000 levels deep (from line 1); at most 64 are read; nothing was sent.`,
      );
    },
  );

  it("reads an ordinary file that reuses one anchor on 1,000 accounts (yaml's default limit of 100 crashed it)", async () => {
    const accounts = Array.from({ length: 1000 }, (_, i) => {
      const funding = i === 0 ? '&fund [finance@acme.example]' : '*fund';
      return `      - {accountIdentifier: acct-${i}, displayName: Account ${i}, contactEmail: a${i}@acme.example, fundingEmails: ${funding}}`;
    });
    const text = [
      'version: 2',
      'customers:',
      '  - customerIdentifier: acme-co',
      '    displayName: Acme Corporation',
      '    accounts:',
      ...accounts,
    ].join('\n');
    const state = await parseState(text, { name: 'shared.yaml', format: 'yaml' });
    const read = state.customers[0]?.accounts ?? [];
    expect(read).toHaveLength(1000);
    expect(read[999]?.fundingEmails).toEqual(['finance@acme.example']);
  });

  it('refuses a "billion laughs" alias bomb as a usage error naming the file, not an unexpected crash', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [at, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + at);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const text = [...levels, 'version: 2', 'customers: *g'].join('\n');
    const error = (await parseState(text, { name: 'bomb.yaml', format: 'yaml' }).catch(
      (e: unknown) => e,
    )) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('bomb.yaml expands its YAML aliases (*name) past 10,000 nodes; nothing was sent.');
  });

  it('refuses a file name whose format it cannot tell', () => {
    expect(() => formatOf('platform.txt')).toThrow(
      'Cannot tell the format of platform.txt: name it .yaml, .yml or .json.',
    );
    expect(formatOf('a.YML')).toBe('yaml');
    expect(formatOf('-', '  {"version": 2}')).toBe('json');
    expect(formatOf('-', 'version: 2')).toBe('yaml');
  });
});
