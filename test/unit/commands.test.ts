/**
 * The customers and accounts commands' flag handling, run in-process through the real entry
 * (src/cli.ts run) with captured streams: bad values are refused with exit 2 before anything is
 * sent (no credentials are configured, so reaching the API would be exit 4), and --dry-run shows
 * exactly the body the API would get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { pageQuery } from '../../src/commands/lists.js';
import { isoDate, isoDateEnd } from '../../src/commands/parse.js';
import { flagOf } from '../../src/commands/values.js';

const configDir = mkdtempSync(join(tmpdir(), 'tango-unit-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

// Port 9 (discard) on loopback: nothing listens, and nothing should ever be sent there.
const BASE = ['--base-url', 'http://127.0.0.1:9/raas/v2', '--max-retries', '0'];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeStream(isTTY: boolean, sink: string[]): NodeJS.WriteStream {
  return {
    isTTY,
    write: (chunk: string | Uint8Array) => {
      sink.push(String(chunk));
      return true;
    },
    once: () => undefined,
    on: () => undefined,
  } as unknown as NodeJS.WriteStream;
}

async function tango(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...BASE, ...args], {
    env: { TANGO_CONFIG_DIR: configDir, NO_COLOR: '1', ...env },
    stdout: fakeStream(false, out),
    stderr: fakeStream(false, err),
    stdin: { isTTY: false } as NodeJS.ReadStream,
    signal: new AbortController().signal,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const dryRun = async (args: string[]) => {
  // TANGO_QUIET=0: the note a terminal would show, here where stderr is not one.
  const result = await tango([...args, '--dry-run', '--json'], { TANGO_QUIET: '0' });
  expect(result.stderr).toContain('Dry run: nothing was sent.');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { method: string; url: string; headers: Record<string, string>; body: unknown };
};

describe('customers create: values are checked before anything is sent', () => {
  it('names every bad flag at once, with the rule and the value', async () => {
    const result = await tango(['customers', 'create', '--identifier', 'ab', '--display-name', 'Party 🎉🎉']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('invalid values for --identifier, --display-name; nothing was sent');
    expect(result.stderr).toContain(`--identifier "ab": must be 5-100 characters, each a letter, a digit or '-'`);
    expect(result.stderr).toContain('--display-name "Party 🎉🎉": must be 5-100 characters');
    expect(result.stderr).toContain('no emoji');
  });

  it('without a terminal, a missing flag is a usage error naming it', async () => {
    const result = await tango(['customers', 'create', '--identifier', 'acme-co']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing value for --display-name');
  });

  it('reports a missing flag and a bad value in the same run', async () => {
    const result = await tango(['customers', 'create', '--display-name', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid or missing values for --display-name, --identifier');
    expect(result.stderr).toContain('--identifier: missing');
  });

  it('--no-input never prompts, even where it could', async () => {
    const result = await tango(['--no-input', 'customers', 'create']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing values for --identifier, --display-name');
  });

  it('--dry-run shows the POST with its body and credentials redacted', async () => {
    const request = await dryRun(['customers', 'create', '--identifier', 'acme-co', '--display-name', 'Café Zoë']);
    expect(request).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:9/raas/v2/customers',
      body: { customerIdentifier: 'acme-co', displayName: 'Café Zoë' },
    });
    expect(request.headers.authorization).toBe('<redacted>');
  });

  it('--dry-run as text: the request line, headers, then the body', async () => {
    const result = await tango([
      'customers',
      'create',
      '--identifier',
      'acme-co',
      '--display-name',
      'Acme Co',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('POST http://127.0.0.1:9/raas/v2/customers');
    expect(result.stdout).toContain('authorization: <redacted>');
    expect(result.stdout).toContain('"displayName": "Acme Co"');
  });
});

describe('accounts create', () => {
  const valid = ['--identifier', 'acme-main', '--display-name', 'Acme Main', '--contact-email', 'ops@acme.example'];

  it('refuses an uppercase identifier with the lowercase form as the hint', async () => {
    const result = await tango(['accounts', 'create', 'acme-co', ...valid, '--identifier', 'Acme-Main']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--identifier "Acme-Main": must be 5-100 characters, each a lowercase letter');
    expect(result.stderr).toContain('Hint: --identifier: use the lowercase form: acme-main');
  });

  it('checks email, currency and each funding email, all at once', async () => {
    const result = await tango([
      'accounts',
      'create',
      'acme-co',
      '--identifier',
      'acme-main',
      '--display-name',
      'Acme Main',
      '--contact-email',
      'not-an-email',
      '--currency',
      'jpy',
      '--funding-email',
      'a@acme.example',
      '--funding-email',
      'nope@',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--contact-email "not-an-email": must be a valid email address');
    expect(result.stderr).toContain('--currency "JPY": must be one of USD, AUD, CAD, EUR, GBP');
    expect(result.stderr).toContain('--funding-email "nope@": must be a valid email address');
  });

  it('names all three missing flags when nobody can be asked', async () => {
    const result = await tango(['accounts', 'create', 'acme-co']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing values for --identifier, --display-name, --contact-email');
  });

  it('sends USD when no currency is given, and the funding emails as the API wants them', async () => {
    const request = await dryRun(['accounts', 'create', 'acme-co', ...valid, '--funding-email', 'cfo@acme.example']);
    expect(request.url).toBe('http://127.0.0.1:9/raas/v2/customers/acme-co/accounts');
    expect(request.body).toEqual({
      accountIdentifier: 'acme-main',
      displayName: 'Acme Main',
      contactEmail: 'ops@acme.example',
      currencyCode: 'USD',
      fundingNotification: [{ emailAddress: 'cfo@acme.example' }],
    });
  });

  it('refuses a customer that is no identifier, naming the argument, before building any path', async () => {
    const result = await tango(['accounts', 'create', 'a/b c', ...valid, '--dry-run', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'customer'");
    expect(result.stdout).toBe('');
  });
});

describe('accounts update: only what is given is sent', () => {
  const update = ['accounts', 'update', 'acme-co', 'acme-main'];

  it('--funding-email replaces the list', async () => {
    const request = await dryRun([...update, '--funding-email', 'a@acme.example', '--funding-email', 'b@acme.example']);
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe('http://127.0.0.1:9/raas/v2/customers/acme-co/accounts/acme-main');
    expect(request.body).toEqual({
      fundingNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
    });
  });

  it('--clear-funding-emails sends an empty list', async () => {
    expect((await dryRun([...update, '--clear-funding-emails'])).body).toEqual({ fundingNotification: [] });
  });

  it('a display name alone leaves the funding list out of the body (unchanged)', async () => {
    expect((await dryRun([...update, '--display-name', 'Acme Main Budget'])).body).toEqual({
      displayName: 'Acme Main Budget',
    });
  });

  it('no field at all is "nothing to update", exit 2', async () => {
    const result = await tango(update);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: nothing to update');
    expect(result.stderr).toContain('--display-name, --contact-email, --funding-email or --clear-funding-emails');
  });

  it('refuses --funding-email together with --clear-funding-emails', async () => {
    const result = await tango([...update, '--funding-email', 'a@acme.example', '--clear-funding-emails']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'--clear-funding-emails' cannot be used with option '--funding-email <email>'");
  });

  it('checks the values given', async () => {
    const result = await tango([...update, '--display-name', 'ok', '--contact-email', 'x@y']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--display-name "ok"');
    expect(result.stderr).toContain('--contact-email "x@y"');
  });
});

describe('accounts list: every filter is checked before sending', () => {
  it.each([
    [['--status', 'gone'], "'--status <status>' argument 'gone' is invalid", 'one of ACTIVE, INACTIVE'],
    [
      ['--currency', 'USD', '--currency', 'XYZ'],
      "'--currency <code>' argument 'XYZ' is invalid",
      'one of AUD, CAD, EUR, GBP, USD, MXN, SGD, PLN',
    ],
    [['--contact-email', `${'a'.repeat(250)}@example.com`], "'--contact-email <email>' argument", 'at most 255'],
    [['--min-balance', '12,50'], "'--min-balance <amount>' argument '12,50' is invalid", 'a number'],
    [['--max-balance', 'lots'], "'--max-balance <amount>' argument 'lots' is invalid", 'a number'],
    [['--created-after', '2025-02-30'], "'--created-after <date>' argument '2025-02-30' is invalid", 'ISO 8601'],
    [['--created-before', 'yesterday'], "'--created-before <date>' argument 'yesterday' is invalid", 'ISO 8601'],
    [['--contact-email', 'ops'], "'--contact-email <email>' argument 'ops' is invalid", 'email'],
    [['--funding-email', 'a@'], "'--funding-email <email>' argument 'a@' is invalid", 'email'],
    [['--max-results', '0'], "'--max-results <n>' argument '0' is invalid", 'from 1 to 200'],
    [['--max-results', '201'], "'--max-results <n>' argument '201' is invalid", 'from 1 to 200'],
    [['--min-balance', '10', '--max-balance', '5'], '--min-balance 10 is greater than --max-balance 5', 'swap'],
    [['--created-after', '2025-03-01', '--created-before', '2025-01-01'], 'is later than --created-before', 'swap'],
    [['--all', '--paginate'], "'--all' cannot be used with option '--paginate'", ''],
    [['--all', '--prev-cursor', 'x'], "'--all' cannot be used with option '--prev-cursor <cursor>'", ''],
    [['--next-cursor', 'a', '--prev-cursor', 'b'], "'--next-cursor <cursor>' cannot be used with option", ''],
  ])('%j', async (flags, message, rule) => {
    const result = await tango(['accounts', 'list', 'acme-co', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(rule);
    expect(result.stdout).toBe('');
  });

  it('with good filters it gets as far as needing credentials (exit 4), so nothing above was the API', async () => {
    const result = await tango(['accounts', 'list', 'acme-co', '--status', 'ACTIVE', '--min-balance', '0']);
    expect(result.code).toBe(4);
    // Filters take what the API holds: any case of a status, the spec's eight filter currencies, long addresses.
    const wide = ['--status', 'frozen', '--currency', 'mxn', '--contact-email', `${'a'.repeat(200)}@example.com`];
    expect((await tango(['accounts', 'list', 'acme-co', ...wide])).code).toBe(4);
  });
});

describe('--fields is checked before anything is sent', () => {
  it.each([
    [['customers', 'create', '--identifier', 'acme-co', '--display-name', 'Acme Co']],
    [['accounts', 'update', 'acme-co', 'acme-main', '--display-name', 'Acme Main']],
    [['accounts', 'list', 'acme-co', '--json']],
    [['customers', 'get', 'acme-co']],
  ])('%j', async (args) => {
    // Exit 2, not 4: the unknown field is caught before credentials are even looked for.
    const result = await tango([...args, '--fields', 'nonsense']);
    expect(result.code).toBe(2);
    // With --json the error is one JSON object; either way it names the field.
    const message = args.includes('--json') ? JSON.parse(result.stderr).error.message : result.stderr;
    expect(message).toContain('--fields: "nonsense" is not a field of');
  });
});

describe('customers list and get flags', () => {
  it('checks --status and the date bounds', async () => {
    expect((await tango(['customers', 'list', '--status', 'two words'])).code).toBe(2);
    // Customer statuses are undocumented: any word passes, so this gets as far as credentials.
    expect((await tango(['customers', 'list', '--status', 'pending'])).code).toBe(4);
    expect((await tango(['customers', 'list', '--created-before', '31/01/2025'])).code).toBe(2);
    expect((await tango(['customers', 'list', '--account-created-after', '2025-13-01'])).code).toBe(2);
  });

  it('customers get needs its argument', async () => {
    const result = await tango(['customers', 'get']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'customer'");
  });
});

describe('pagination flags', () => {
  it('no flag asks for the plain array', () => {
    expect(pageQuery({})).toBeUndefined();
  });

  it('--max-results or a cursor implies --paginate', () => {
    expect(pageQuery({ maxResults: 50 })).toEqual({ paginate: true, maxResults: 50 });
    expect(pageQuery({ nextCursor: 'abc' })).toMatchObject({ paginate: true, nextCursor: 'abc' });
    expect(pageQuery({ prevCursor: 'abc' })).toMatchObject({ paginate: true, prevCursor: 'abc' });
    expect(pageQuery({ paginate: true })).toMatchObject({ paginate: true });
  });
});

describe('flagOf', () => {
  it('maps API fields (list items too) to the flags that set them', () => {
    expect(flagOf('accountIdentifier')).toBe('--identifier');
    expect(flagOf('fundingNotification[2].emailAddress')).toBe('--funding-email');
    expect(flagOf('currencyCode')).toBe('--currency');
  });
});

describe('date bounds', () => {
  it('a bare date is the start of the day as a lower bound and the end of it as an upper bound', () => {
    expect(isoDate('2025-01-31')).toBe('2025-01-31T00:00:00.000Z');
    expect(isoDateEnd('2025-01-31')).toBe('2025-01-31T23:59:59.999Z');
  });

  it('a date-time is taken as given, in UTC', () => {
    expect(isoDateEnd('2025-01-31T12:00:00+02:00')).toBe('2025-01-31T10:00:00.000Z');
  });

  it('the same day as both bounds is a valid range', async () => {
    const result = await tango([
      'accounts',
      'list',
      'acme-co',
      '--created-after',
      '2025-01-31',
      '--created-before',
      '2025-01-31',
    ]);
    expect(result.code).toBe(4);
  });
});

describe('--json beside another --output', () => {
  it('is a usage error naming both, before anything is sent', async () => {
    const result = await tango(['customers', 'list', '-o', 'csv', '--json']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // --json, the last of the two, asks for JSON errors: the one object names both flags.
    expect(JSON.parse(result.stderr).error).toMatchObject({
      kind: 'usage',
      message: '--json and --output csv ask for two formats; give one of them',
    });
  });

  it('whichever comes first, and for any format but json', async () => {
    const result = await tango(['-o', 'table', 'accounts', 'list', 'acme-co', '--json', '--error-format', 'text']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: --json and --output table ask for two formats; give one of them');
  });

  it('-o json with --json says the same twice: fine; TANGO_OUTPUT is a default --json beats', async () => {
    const create = ['customers', 'create', '--identifier', 'acme-co', '--display-name', 'Acme Co', '--dry-run'];
    const twice = await tango([...create, '-o', 'json', '--json']);
    const fromEnv = await tango([...create, '--json'], { TANGO_OUTPUT: 'csv' });

    expect(twice.code).toBe(0);
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ method: 'POST' });
  });
});
