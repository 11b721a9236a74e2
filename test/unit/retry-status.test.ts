/**
 * The retry status line (src/output/retry-status.ts, wired by the Context): one line on stderr at a
 * terminal while a request waits to be tried again, redrawn in place and cleared when it is over;
 * nothing on a pipe unless -v. Run in-process against undici's MockAgent answering 503, 429 and a
 * dropped connection before the answer.
 */
import { describe, expect, it } from 'vitest';
import { createRetryStatus, retryMessage } from '../../src/output/retry-status.js';
import { createStatusLine } from '../../src/output/status-line.js';
import { type InProcessOptions, runInProcess, useOfflineWorld } from '../support/in-process.js';

const SANDBOX = 'https://integration-api.tangocard.com';
const CLEAR_LINE = '\r\u001b[2K';
const world = useOfflineWorld();

/** `customers list` answered by each of `failures` in turn, then by an empty list. */
function listAfter(failures: Array<number | 'drop'>, args: string[] = [], options: InProcessOptions = {}) {
  const pool = world.agent().get(SANDBOX);
  for (const failure of failures) {
    const interceptor = pool.intercept({ path: '/raas/v2/customers', method: 'GET' });
    if (failure === 'drop')
      interceptor.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    else interceptor.reply(failure, { message: 'busy' });
  }
  pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);
  return runInProcess(['--rate', '0', ...args, 'customers', 'list', '--json'], {
    ...options,
    env: {
      TANGO_CONFIG_DIR: world.configDir(),
      NO_COLOR: '1',
      TANGO_PLATFORM_NAME: 'acme',
      TANGO_PLATFORM_KEY: 'sk-test-0123456789',
      // Waits of about a millisecond: the test is about what is said, not how long it waits.
      TANGO_RETRY_BASE_MS: '1',
      ...options.env,
    },
    dispatcher: world.agent(),
  });
}

const STDERR_AT_A_TERMINAL = { tty: { stderr: true } };

describe('while a request is retried', () => {
  it('at a terminal: one line, redrawn for each wait and cleared at the end, never a new line', async () => {
    const result = await listAfter([503, 429, 'drop'], [], STDERR_AT_A_TERMINAL);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[]\n');
    expect(result.stderr).toBe(
      [
        '503 from Tango, retrying in under a second (attempt 2 of 5)',
        '429 from Tango, retrying in under a second (attempt 3 of 5)',
        'Network error (ECONNRESET), retrying in under a second (attempt 4 of 5)',
        '',
      ]
        .map((line) => `${CLEAR_LINE}${line}`)
        .join(''),
    );
  });

  it('the line is cleared when the retries give up too, before the error is printed', async () => {
    const result = await listAfter([503, 503], ['--max-retries', '1'], STDERR_AT_A_TERMINAL);

    expect(result.code).toBe(6);
    expect(
      result.stderr.startsWith(
        `${CLEAR_LINE}503 from Tango, retrying in under a second (attempt 2 of 2)${CLEAR_LINE}{"error":`,
      ),
    ).toBe(true);
  });

  it('not a terminal: nothing', async () => {
    const result = await listAfter([503, 429]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('-q at a terminal: nothing', async () => {
    const result = await listAfter([503], ['-q'], STDERR_AT_A_TERMINAL);

    expect(result.stderr).toBe('');
  });

  it('not a terminal with -v: each wait on its own line, beside the trace', async () => {
    const result = await listAfter([503], ['-v', '--error-format', 'text']);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('\n503 from Tango, retrying in under a second (attempt 2 of 5)\n');
    expect(result.stderr).not.toContain(CLEAR_LINE);
  });

  it('-v with JSON errors: the wait and the trace are JSON objects too, one per line', async () => {
    const result = await listAfter([503], ['-v', '--error-format', 'json']);

    const lines = result.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual({
      info: { message: '503 from Tango, retrying in under a second (attempt 2 of 5)', kind: 'retry' },
    });
    expect(lines.filter((line) => 'debug' in line).length).toBeGreaterThan(1);
  });
});

describe('the words and the line', () => {
  it('says the status, the wait in seconds and the attempt to come', () => {
    const wait = { status: 503, networkCode: undefined, delayMs: 2000, nextAttempt: 2, maxAttempts: 5 };
    expect(retryMessage(wait)).toBe('503 from Tango, retrying in 2 s (attempt 2 of 5)');
    expect(retryMessage({ ...wait, status: undefined, networkCode: 'UND_ERR_CONNECT_TIMEOUT', delayMs: 12_400 })).toBe(
      'Network error (UND_ERR_CONNECT_TIMEOUT), retrying in 12 s (attempt 2 of 5)',
    );
  });

  it('stays until the last of several waiting requests is over, and never wraps', () => {
    const written: string[] = [];
    const line = createStatusLine({ color: false, columns: 30, write: (t) => written.push(t) });
    const status = createRetryStatus({ mode: 'redraw', color: false, line, write: () => expect.unreachable() });
    const one = { status: 503, networkCode: undefined, delayMs: 1000, nextAttempt: 2, maxAttempts: 5 };
    const two = { ...one, status: 429 };
    status.waiting(one);
    status.waiting(two);
    status.settled(one);
    expect(written).toEqual([
      `${CLEAR_LINE}503 from Tango, retrying in …`,
      `${CLEAR_LINE}429 from Tango, retrying in …`,
    ]);
    status.settled(two);
    expect(written.at(-1)).toBe(CLEAR_LINE);
  });
});
