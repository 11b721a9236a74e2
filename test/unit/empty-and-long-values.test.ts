/**
 * Two input rules that hold for every option, argument and variable: an empty value is an error
 * naming it (never "not given"), and no error repeats more than 200 characters of a bad value,
 * whether the message is ours or commander's.
 */
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { clipValues } from '../../src/cli.js';
import { ECHO_LIMIT, echo } from '../../src/errors.js';
import { runInProcess } from '../support/in-process.js';

const LONG = 'x'.repeat(10_000);

/** Runs with a MockAgent that records every request: an empty or bad value must never send one. */
async function offline(args: string[], env: Record<string, string> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const paths: string[] = [];
  agent
    .get('https://integration-api.tangocard.com')
    .intercept({ path: () => true, method: () => true })
    .reply((options) => {
      paths.push(options.path);
      return { statusCode: 200, data: '[]' };
    })
    .persist();
  try {
    const base = { TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'sk-test', TANGO_CONFIG_DIR: '/nonexistent/t' };
    const result = await runInProcess(['--rate', '0', ...args], { env: { ...base, ...env }, dispatcher: agent });
    return { ...result, paths };
  } finally {
    await agent.close();
  }
}

describe('an empty value is an error, not "not given"', () => {
  it.each([
    [['--base-url', '', 'customers', 'list'], "option '--base-url <url>'"],
    [['-p', '', 'customers', 'list'], "option '-p, --profile <name>'"],
    [['--fields', '', 'customers', 'list'], "option '--fields <list>'"],
    [['--fields', '   ', 'customers', 'list'], "option '--fields <list>'"],
    [['--query', '', 'customers', 'list'], "option '--query <jmespath>'"],
    [['customers', 'list', '--display-name', ''], "option '--display-name <name>'"],
    [['accounts', 'list', '--next-cursor', ''], "option '--next-cursor <cursor>'"],
    [['accounts', 'import', 'acme-corp', '--file', ''], "option '-f, --file <path>'"],
    [['accounts', 'update', 'acme-corp', 'acme-main', '--contact-email', ''], "option '--contact-email <email>'"],
    [['auth', 'login', '--platform-name', '', '--platform-key-stdin'], "option '--platform-name <name>'"],
    [['config', 'set', 'platform-name', ''], "argument 'value'"],
    [['config', 'set', 'client-id', ' '], "argument 'value'"],
    [['api', ''], "argument 'method-or-path'"],
  ])('%j is exit 2 naming the option and the rule, and sends nothing', async (args, named) => {
    const result = await offline(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
    expect(result.stderr).toContain('must not be empty or only spaces');
    expect(result.paths).toEqual([]);
  });

  it.each([
    'TANGO_CONFIG_DIR',
    'TANGO_PLATFORM_NAME',
    'TANGO_PLATFORM_KEY',
    'TANGO_CLIENT_ID',
    'TANGO_PASSWORD',
    'TANGO_RETRY_BASE_MS',
    'TANGO_MAX_RESPONSE_MB',
  ])('%s set but empty is exit 2 naming the variable, before anything is sent', async (name) => {
    const result = await offline(['customers', 'list'], { [name]: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${name} is set but empty`);
    expect(result.stderr).toContain(`unset ${name}`);
    expect(result.paths).toEqual([]);
  });

  it('a switch such as TANGO_QUIET or TANGO_DEBUG set empty stays off, as NO_COLOR does', async () => {
    const result = await offline(['customers', 'list'], { TANGO_QUIET: '', TANGO_DEBUG: '' });
    expect(result.code).toBe(0);
    expect(result.paths).toHaveLength(1);
  });

  it('a value that is only spaces inside is still a value its own rule checks', async () => {
    const result = await offline(['customers', 'list', '--display-name', 'Acme Corp']);
    expect(result.code).toBe(0);
    expect(result.paths[0]).toContain('displayName=Acme');
  });
});

describe('an error echoes at most 200 characters of a bad value', () => {
  it('echo() keeps a short value whole and cuts a long one at the limit with an ellipsis', () => {
    expect(echo('short')).toBe('short');
    expect(echo('y'.repeat(ECHO_LIMIT))).toBe('y'.repeat(ECHO_LIMIT));
    expect(echo(LONG)).toBe(`${'x'.repeat(ECHO_LIMIT)}…`);
    expect(echo('bob@', 'json')).toBe('"bob@"');
    // A YAML threshold of .nan or 1e400 was echoed as "null", which the file never said.
    expect(echo(Number.NaN, 'json')).toBe('NaN');
    expect(echo(Number.POSITIVE_INFINITY, 'json')).toBe('Infinity');
    expect(echo({ a: LONG })).toHaveLength(ECHO_LIMIT + 1);
  });

  it('echo() describes a value too deep for JSON instead of throwing', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(echo(deep)).toBe('[…]');
  });

  it("clipValues() cuts argv values inside commander's messages, also as the tail of --flag=value", () => {
    const argv = ['--zz=' + LONG];
    const message = clipValues(`error: unknown option '--zz=${LONG}'`, argv);
    expect(message.length).toBeLessThan(260);
    expect(message).toContain('…');
    const fromEnv = clipValues(`error: option '--env <name>' value '${LONG}' from env 'TANGO_ENV' is invalid.`, []);
    expect(fromEnv).toContain(`'${'x'.repeat(ECHO_LIMIT)}…' from env 'TANGO_ENV'`);
  });

  function longestRun(text: string): number {
    return Math.max(0, ...(text.match(/x+/g) ?? []).map((run) => run.length));
  }

  it.each([
    ['an invalid choice', ['--env', LONG, 'customers', 'list']],
    ['an invalid argument', ['--timeout', LONG, 'customers', 'list']],
    ['an unknown option with its value', ['customers', 'list', `--${LONG}`]],
    ['an unknown option as --name=value', ['customers', 'list', `--bogus=${LONG}`]],
    ['an unknown command', [LONG]],
    ['a bad positional identifier', ['customers', 'get', LONG]],
    ['a bad base URL', ['--base-url', `https://${LONG} x`, 'customers', 'list']],
    ['an unknown field', ['--fields', LONG, 'customers', 'list']],
    ['a bad config value', ['config', 'set', 'timeout', LONG]],
    ['an unknown setting', ['config', 'set', LONG, '1']],
    ['a bad HTTP method', ['api', LONG, '/customers']],
    ['a bad --query', ['--query', `${LONG}.(`, 'customers', 'list']],
    ['a token inside a bad --query', ['--query', `[?a==\`${LONG}`, 'customers', 'list']],
    ['an import file that cannot be read', ['accounts', 'import', 'acme-corp', '--file', `/tmp/${LONG}`]],
    ['a --report name', ['accounts', 'import', 'acme-corp', '--file', 'a.csv', '--report', `/tmp/${LONG}.txt`]],
    ['a plan file that cannot be read', ['onboard', '--plan', `/tmp/${LONG}`]],
    ['a -F @file that cannot be read', ['api', '/customers', '-F', `a=@/tmp/${LONG}`]],
  ])('%s: exit 2, at most 200 characters of it, then …, if at all', async (_, args) => {
    for (const errorFormat of ['text', 'json']) {
      const result = await offline(['--error-format', errorFormat, ...args]);
      expect(result.code).toBe(2);
      expect(longestRun(result.stderr)).toBeLessThanOrEqual(ECHO_LIMIT);
      // Echoed at all, it is cut with an ellipsis.
      expect(result.stderr).not.toMatch(/x{200}(?!…)/);
    }
  });
});
