/**
 * Positional identifiers are checked like flags, before any request: whatever is typed as
 * <customer> or <account>, either it is a valid identifier and the request path is exactly that
 * identifier in its place, or the command ends with exit 2 naming the argument, and nothing is sent.
 */
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/in-process.js';

const ORIGIN = 'https://integration-api.tangocard.com';
const env = { TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'sk-test', TANGO_CONFIG_DIR: '/nonexistent/tango-test' };
const VALID_CUSTOMER = /^[-a-zA-Z0-9]{5,100}$/;
const VALID_ACCOUNT = /^[-a-z0-9]{5,100}$/;

/** Runs the command with a MockAgent that answers anything; the paths it was asked for. */
async function pathsSent(args: string[]): Promise<{ code: number; stderr: string; paths: string[] }> {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const paths: string[] = [];
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply((options) => {
      paths.push(options.path);
      return { statusCode: 404, data: JSON.stringify({ httpCode: 404, message: 'not found' }) };
    })
    .persist();
  try {
    const result = await runInProcess(['--rate', '0', '--max-retries', '0', ...args], { env, dispatcher: agent });
    return { ...result, paths };
  } finally {
    await agent.close();
  }
}

const hostile = fc.oneof(
  fc.constantFrom('', '.', '..', '../customers', 'abcd', 'a'.repeat(101), 'ünïcode', 'a/b/c', 'acme%2F..', '  acme  '),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[-a-zA-Z0-9]{3,12}$/),
);

describe('positional identifiers', () => {
  it.each([
    [['accounts', 'get', ''], 'account', 'must not be empty'],
    [['customers', 'get', '.'], 'customer', 'must be 5-100 characters'],
    [['accounts', 'update', 'acme-corp', '..', '--display-name', 'Some name'], 'account', 'must be 5-100 characters'],
    [['accounts', 'get', 'abcd'], 'account', 'must be 5-100 characters'],
    [['customers', 'get', 'a'.repeat(101)], 'customer', 'must be 5-100 characters'],
    [['accounts', 'list', 'ünïcode'], 'customer', 'must be 5-100 characters'],
  ])('%j is exit 2 naming the argument and the rule, before any request', async (args, argument, rule) => {
    const result = await pathsSent(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`argument '${argument}'`);
    expect(result.stderr).toContain(rule);
    expect(result.paths).toEqual([]);
  });

  it('no invalid identifier ever reaches the server; a valid one is the whole path segment', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('customers get', 'accounts get', 'accounts list'), async (id, line) => {
        const [group, verb] = line.split(' ') as [string, string];
        const result = await pathsSent([group, verb, '--', id]);
        const valid = (group === 'customers' || verb === 'list' ? VALID_CUSTOMER : VALID_ACCOUNT).test(id);
        if (!valid) {
          expect(result.code).toBe(2);
          expect(result.paths).toEqual([]);
          return;
        }
        const expected =
          group === 'customers'
            ? `/raas/v2/customers/${id}`
            : verb === 'get'
              ? `/raas/v2/accounts/${id}`
              : `/raas/v2/customers/${id}/accounts`;
        expect(result.paths.map((path) => path.split('?')[0])).toEqual([expected]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
