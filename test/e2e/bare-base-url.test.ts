/**
 * `--base-url http://host:port` without /raas/v2: the emulator answers 404 on every path there, and
 * the error says which path is missing instead of blaming the customer asked for. A 404 from the
 * right base URL keeps its own words.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTangoWithEmulator } from '../support/tango-emulator.js';

const harness = useTangoWithEmulator();
const origin = () => new URL(harness.emulator().baseUrl).origin;
const HINT = (at: string) =>
  `Hint: the base URL has no /raas/v2, the path Tango's API is under: try --base-url ${at}/raas/v2`;

describe('a base URL without /raas/v2', () => {
  it('a list: 404, with a hint naming the missing path and the URL to use', async () => {
    const result = await harness.tango(['customers', 'list', '--base-url', origin()]);

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(HINT(origin()));
  });

  it('a get: the hint comes before anything about the customer', async () => {
    const result = await harness.tango(['customers', 'get', 'acme-co', '--base-url', `${origin()}/`]);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain(HINT(origin()));
  });

  it('as a JSON error too', async () => {
    const result = await harness.tango(['accounts', 'list', '--json', '--base-url', origin()]);

    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).error.hint).toBe(HINT(origin()).replace('Hint: ', ''));
  });

  it('diff and apply: the same 404 and hint as export, never a plan to create what only looked absent', async () => {
    const file = join(harness.configDir(), 'bare.yaml');
    writeFileSync(file, 'version: 2\ncustomers:\n  - customerIdentifier: acme-co\n    displayName: Acme Company\n');
    const exported = await harness.tango(['export', '--base-url', origin()]);
    expect(exported.code).toBe(3);
    expect(exported.stderr).toContain(HINT(origin()));

    for (const command of [['diff'], ['apply', '--yes']]) {
      const result = await harness.tango([...command, '-f', file, '--base-url', origin()]);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(HINT(origin()));
    }
  });

  it('onboard --plan with an existing customer: the path hint, not "Customer acme-co does not exist"', async () => {
    const plan = join(harness.configDir(), 'existing-plan.json');
    const account = { accountIdentifier: 'acme-main', displayName: 'Acme Main', contactEmail: 'ops@acme.example' };
    writeFileSync(
      plan,
      JSON.stringify({ version: 1, customer: { customerIdentifier: 'acme-co', existing: true }, accounts: [account] }),
    );

    const result = await harness.tango(['onboard', '--plan', plan, '--yes', '--base-url', origin()]);

    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(HINT(origin()));
    expect(result.stderr).not.toContain('does not exist');
  });

  it('the right base URL: a missing customer is only that, no word about the path', async () => {
    const result = await harness.tango(['customers', 'get', 'no-such-customer']);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('customer no-such-customer not found');
    expect(result.stderr).not.toContain('/raas/v2,');
  });
});
