/**
 * `--base-url http://host:port` without /raas/v2: the emulator answers 404 on every path there, and
 * the error says which path is missing instead of blaming the customer asked for. A 404 from the
 * right base URL keeps its own words.
 */
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

  it('the right base URL: a missing customer is only that, no word about the path', async () => {
    const result = await harness.tango(['customers', 'get', 'no-such-customer']);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('customer no-such-customer not found');
    expect(result.stderr).not.toContain('/raas/v2,');
  });
});
