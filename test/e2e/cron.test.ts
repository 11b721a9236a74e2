/**
 * tango as a cron job runs it: no terminal anywhere. A script that succeeds prints its data on
 * stdout and nothing at all on stderr (with -q, TANGO_QUIET=1, or simply for want of a terminal),
 * so cron mails nothing; one that fails prints exactly one JSON error object whose fields are the
 * API's own.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectOutput } from '../support/child-output.js';
import { uniqueId } from '../support/emulator-client.js';
import { BIN, baseEnv, runTango } from '../support/tango.js';
import { useTangoWithEmulator } from '../support/tango-emulator.js';
import { Terminal } from '../support/terminal.js';
import { shouldRun } from '../support/tools.js';

const h = useTangoWithEmulator({ seed: 2, seedAccounts: 3 });

describe('a cron script that succeeds', () => {
  it('with -q: data on stdout, stderr empty, for lists, creates, updates and --if-not-exists', async () => {
    const customer = uniqueId('cron');
    const steps = [
      ['-q', 'customers', 'list'],
      ['-q', 'customers', 'create', '--identifier', customer, '--display-name', 'Cron Customer', '--if-not-exists'],
      ['-q', 'customers', 'create', '--identifier', customer, '--display-name', 'Cron Customer', '--if-not-exists'],
      [
        '-q',
        'accounts',
        'create',
        customer,
        '--identifier',
        `${customer}-a`,
        '--display-name',
        'Cron Account',
        '--contact-email',
        'ops@cron.example',
      ],
      ['-q', 'accounts', 'update', customer, `${customer}-a`, '--display-name', 'Cron Account Renamed'],
      ['-q', 'accounts', 'list', customer, '--max-results', '1'],
      ['-q', 'accounts', 'list', '--all', '-o', 'ndjson'],
    ];
    for (const args of steps) {
      const result = await h.tango(args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.stdout.length).toBeGreaterThan(0);
    }
  });

  it('without a terminal even no -q is quiet; TANGO_QUIET=1 too', async () => {
    const created = await h.tango(
      ['customers', 'create', '--identifier', uniqueId('cronq'), '--display-name', 'Quiet Co'],
      {
        env: { TANGO_QUIET: '1' },
      },
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toBe('');
    const plain = await h.tango([
      'customers',
      'create',
      '--identifier',
      uniqueId('cronp'),
      '--display-name',
      'Plain Co',
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
  });

  it('a shell script under set -e, as cron runs it, writes nothing to stderr', async () => {
    const emulator = h.emulator();
    const id = uniqueId('cronsh');
    const script = [
      'set -e',
      `tango() { "${process.execPath}" "${BIN}" -q "$@"; }`,
      `tango customers create --identifier ${id} --display-name 'Script Co' --if-not-exists --json --outcome > created.json`,
      `tango accounts list ${id} -o csv > accounts.csv`,
      `tango --env local customers list > local.txt`,
      'echo done',
    ].join('\n');
    const child = collectOutput(
      spawn('sh', ['-c', script], {
        cwd: h.configDir(),
        env: {
          ...baseEnv(h.configDir()),
          TANGO_BASE_URL: emulator.baseUrl,
          TANGO_PLATFORM_NAME: emulator.credentials.platformName,
          TANGO_PLATFORM_KEY: emulator.credentials.platformKey,
        },
      }),
    );
    expect(await child.exited, child.stderr()).toBe(0);
    expect(child.stderr()).toBe('');
    expect(child.stdout()).toBe('done\n');
  });
});

describe('a cron script that fails', () => {
  const apiError = {
    timestamp: '2026-11-30T09:00:00.000Z',
    requestId: 'a5b1c0de-0000-4000-8000-000000000042',
    path: '/raas/v2/customers',
    httpCode: 400,
    httpPhrase: 'Bad Request',
    i18nKey: 'error.validation.failed',
    message: 'Validation failed for object customer',
    errors: [
      {
        path: 'displayName',
        i18nKey: 'error.validation.size',
        message: 'size must be between 5 and 100',
        invalidValue: 'Reserved Name',
        constraint: 'Size',
      },
    ],
  };
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    // A server that refuses every request with the documented error body, as the real API does.
    server = createServer((request, response) => {
      request.resume();
      response.writeHead(400, { 'content-type': 'application/json', 'x-request-id': apiError.requestId });
      response.end(JSON.stringify(apiError));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/raas/v2`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fail = (...args: string[]) =>
    runTango(['-q', '--base-url', baseUrl, ...args], {
      configDir: h.configDir(),
      env: { TANGO_PLATFORM_NAME: 'cron', TANGO_PLATFORM_KEY: 'cron-key' },
    });

  it.each([
    [['customers', 'create', '--identifier', 'reserved', '--display-name', 'Reserved Name', '--json']],
    [['customers', 'list', '-o', 'ndjson']],
    [['customers', 'list', '--error-format', 'json']],
  ])('%j: exactly one JSON error object, the API body field for field', async (args) => {
    const result = await fail(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const { error } = JSON.parse(lines[0]!);
    expect(error).toEqual({
      exitCode: 2,
      kind: 'usage',
      message: apiError.message,
      hint: null,
      httpStatus: apiError.httpCode,
      i18nKey: apiError.i18nKey,
      requestId: apiError.requestId,
      fieldErrors: apiError.errors,
      details: ['displayName: size must be between 5 and 100 (got "Reserved Name")'],
    });
  });

  it('warnings before the error are JSON objects too: every stderr line parses, the error last', async () => {
    // -p ops beside TANGO_PLATFORM_*: the credentials-override warning, then the server's 400.
    const result = await fail('-p', 'ops', 'customers', 'list', '-o', 'ndjson');

    expect(result.code).toBe(2);
    const objects = result.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map((object) => Object.keys(object))).toEqual([['warning'], ['error']]);
    expect(objects[0].warning).toEqual({
      message: expect.stringContaining('TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY are set'),
      kind: 'credentials_override',
    });
    expect(objects[1].error).toMatchObject({ exitCode: 2, httpStatus: 400, requestId: apiError.requestId });
  });

  it('config set env beside a base URL, --error-format json: the warning is one JSON line', async () => {
    const tango = (...args: string[]) => runTango(['-p', 'jsonwarn', ...args], { configDir: h.configDir() });
    await tango('config', 'set', 'base-url', baseUrl);
    const result = await tango('config', 'set', 'env', 'sandbox', '--error-format', 'json');

    expect(result.code).toBe(0);
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(JSON.parse(result.stderr)).toEqual({
      warning: { message: expect.stringContaining('which wins over env'), kind: 'base_url_wins' },
    });
  });

  it('a usage error caught before sending is a JSON object too (kind usage, no HTTP fields)', async () => {
    const result = await fail('customers', 'list', '--limit', 'x', '--json');
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stderr);
    expect(error).toMatchObject({ exitCode: 2, kind: 'usage', httpStatus: null, requestId: null, fieldErrors: [] });
    expect(error.message).toContain('--limit');
  });

  it('a 404 read in the user words keeps the API values: kind not_found, exit 3', async () => {
    const result = await h.tango(['-q', 'accounts', 'get', 'no-such-account', '--json']);
    expect(result.code).toBe(3);
    const direct = await h.client().get('/accounts/no-such-account');
    const { error } = JSON.parse(result.stderr);
    expect(error).toMatchObject({
      exitCode: 3,
      kind: 'not_found',
      httpStatus: 404,
      message: direct.body.message,
      i18nKey: direct.body.i18nKey,
    });
    expect(error.requestId).toMatch(/\S/);
  });

  it('without -o json or --error-format json, errors stay words for a person', async () => {
    const result = await fail('customers', 'list');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Error: Validation failed for object customer\n/);
  });
});

describe.runIf(shouldRun('tmux', 'The terminal test of --quiet'))('at a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  const env = () => ({
    ...baseEnv(h.configDir()),
    TANGO_BASE_URL: h.emulator().baseUrl,
    TANGO_PLATFORM_NAME: h.emulator().credentials.platformName,
    TANGO_PLATFORM_KEY: h.emulator().credentials.platformKey,
  });

  it.each([
    ['no flag', true, [], {}],
    ['-q', false, ['-q'], {}],
    ['--quiet', false, ['--quiet'], {}],
    ['TANGO_QUIET=1', false, [], { TANGO_QUIET: '1' }],
  ])('%s: the success line shown: %s', async (_, shown, flags, extra) => {
    const id = uniqueId('tty');
    terminal = Terminal.start([...flags, 'customers', 'create', '--identifier', id, '--display-name', 'Terminal Co'], {
      env: { ...env(), ...extra },
    });
    expect(await terminal.exitCode()).toBe(0);
    // The customer itself (stdout) is there either way.
    expect(terminal.screen()).toContain(id);
    expect(terminal.screen().includes(`Created customer ${id}.`)).toBe(shown);
    terminal.close();
    terminal = undefined;
  });
});
