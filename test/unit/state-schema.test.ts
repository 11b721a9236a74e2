/**
 * The JSON Schema shipped for editors (schema/tango-state.schema.json) agrees with the parser:
 * it accepts every example in docs/state.md, and rejects each malformed case the parser rejects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkState } from '../../src/state/file.js';
import { REPO_ROOT } from '../support/tango.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/tango-state.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** The state files in docs/state.md: its ```yaml and ```json blocks whose document has a `version`. */
function docExamples(): Array<[string, unknown]> {
  const text = readFileSync(join(REPO_ROOT, 'docs/state.md'), 'utf8');
  const blocks = [...text.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)];
  return blocks
    .map(([, language, body]): unknown => (language === 'json' ? JSON.parse(body ?? '') : parseYaml(body ?? '')))
    .filter((document) => typeof document === 'object' && document !== null && 'version' in document)
    .map((document, index) => [`example ${index + 1}`, document]);
}

const account = { accountIdentifier: 'acme-main', displayName: 'Acme Main', contactEmail: 'ops@acme.example' };
const alert = { displayName: 'Budget low', threshold: 500, emails: ['ops@acme.example'] };
const withAccount = (extra: Record<string, unknown>) => ({
  version: 2,
  customers: [{ customerIdentifier: 'acme-co', displayName: 'Acme Co', accounts: [{ ...account, ...extra }] }],
});
const withAlert = (extra: Record<string, unknown>) => withAccount({ lowBalanceAlerts: [{ ...alert, ...extra }] });
const withCustomer = (extra: Record<string, unknown>) => ({
  version: 2,
  customers: [{ customerIdentifier: 'acme-co', displayName: 'Acme Co', ...extra }],
});

const MALFORMED: Array<[string, unknown]> = [
  ['not a mapping', ['version', 2]],
  ['no version', { customers: [] }],
  ['version 3', { version: 3, customers: [] }],
  ['no customers', { version: 2 }],
  ['customers not a list', { version: 2, customers: {} }],
  ['an unknown top-level key', { version: 2, customers: [], extra: true }],
  ['$schema not a string', { version: 2, customers: [], $schema: 1 }],
  ['a customer without an identifier', { version: 2, customers: [{ displayName: 'Acme Co' }] }],
  ['a customer without a display name', { version: 2, customers: [{ customerIdentifier: 'acme-co' }] }],
  [
    'a customer identifier too short',
    { version: 2, customers: [{ customerIdentifier: 'acme', displayName: 'Acme Co' }] },
  ],
  ['a customer identifier with a dot', withCustomer({ customerIdentifier: 'acme.co' })],
  ['a display name too short', withCustomer({ displayName: 'Acme' })],
  ['a display name of spaces only', withCustomer({ displayName: '      ' })],
  ['a display name with a control character', withCustomer({ displayName: 'Acme\u0007 Co' })],
  ['a display name of 101 characters', withCustomer({ displayName: 'a'.repeat(101) })],
  ['an unknown customer key', withCustomer({ status: 'ACTIVE' })],
  ['accounts not a list', withCustomer({ accounts: {} })],
  ['an account not a mapping', withCustomer({ accounts: ['acme-main'] })],
  [
    'an account without a contact email',
    withCustomer({ accounts: [{ accountIdentifier: 'acme-main', displayName: 'Acme Main' }] }),
  ],
  ['an uppercase account identifier', withAccount({ accountIdentifier: 'Acme-Main' })],
  ['a contact email without a domain', withAccount({ contactEmail: 'ops@' })],
  ['a contact email of 101 characters', withAccount({ contactEmail: `${'a'.repeat(89)}@example.com` })],
  ['a currency the API does not create', withAccount({ currencyCode: 'JPY' })],
  ['a currency that is not a string', withAccount({ currencyCode: 840 })],
  ['an unknown account key', withAccount({ status: 'ACTIVE' })],
  ['funding emails not a list', withAccount({ fundingEmails: 'a@acme.example' })],
  ['a funding email that is not one', withAccount({ fundingEmails: ['finance'] })],
  ['both spellings of funding emails', withAccount({ fundingEmails: [], fundingNotification: [] })],
  [
    'a fundingNotification item without emailAddress',
    withAccount({ fundingNotification: [{ email: 'a@acme.example' }] }),
  ],
  ['alerts not a list', withAccount({ lowBalanceAlerts: alert })],
  [
    'an alert without a threshold',
    withAccount({ lowBalanceAlerts: [{ displayName: 'Budget low', emails: ['a@acme.example'] }] }),
  ],
  ['an alert threshold of 0', withAlert({ threshold: 0 })],
  ['a negative alert threshold', withAlert({ threshold: -5 })],
  ['an alert threshold above a billion', withAlert({ threshold: 1_000_000_001 })],
  ['an alert threshold as a string', withAlert({ threshold: '500' })],
  ['an alert with no emails', withAlert({ emails: [] })],
  ['an alert email that is not one', withAlert({ emails: ['ops'] })],
  ['an alert name too short', withAlert({ displayName: 'Low' })],
  ['an unknown alert key', withAlert({ colour: 'red' })],
];

describe('schema/tango-state.schema.json', () => {
  const examples = docExamples();

  it('has examples to check in docs/state.md', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('accepts %s of docs/state.md, as the parser does', (_, example) => {
    expect(checkState(example).problems).toEqual([]);
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(MALFORMED)('rejects %s, as the parser does', (_, value) => {
    expect(checkState(value).problems.length).toBeGreaterThan(0);
    expect(validate(value)).toBe(false);
  });

  it('is shipped in the package', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema');
  });
});
