/**
 * Settings rules no unit test pinned before, each found as a surviving mutant of
 * src/config/settings.ts or src/config/environments.ts by `npm run mutation` (the comment above each
 * test names the mutants it kills; each kill was checked by applying the mutant by hand).
 */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/config/environments.js';
import {
  checkBaseUrl,
  checkEnvName,
  checkOutputFlags,
  checkOutputFormat,
  type GlobalOptions,
  parseFields,
  quietWanted,
  refuseEmptyVariables,
  resolveSettings,
} from '../../src/config/settings.js';
import type { Profile } from '../../src/config/store.js';
import { ExitCode } from '../../src/errors.js';

type Sources = Partial<Record<keyof GlobalOptions, string>>;

function resolve(opts: GlobalOptions, sources: Sources = {}, env: NodeJS.ProcessEnv = {}, profile?: Profile) {
  return resolveSettings(opts, (name) => sources[name], env, profile);
}

/** The error `run` throws, for its message, hint and details. */
function thrown(run: () => unknown): { message: string; hint?: string; details: string[]; exitCode: number } {
  try {
    run();
  } catch (error) {
    return error as { message: string; hint?: string; details: string[]; exitCode: number };
  }
  throw new Error('nothing was thrown');
}

const OAUTH = {
  TANGO_CLIENT_ID: 'id',
  TANGO_CLIENT_SECRET: 'secret',
  TANGO_USERNAME: 'svc',
  TANGO_PASSWORD: 'pw',
};

// environments.ts isLoopbackHost: the bracket regex's ^ or $ dropped (a bracket stripped anywhere),
// the 127 regex's ^ dropped, \d{1,3} made \d (one digit a part).
describe('which hosts are this machine', () => {
  it.each(['localhost', '::1', '[::1]', '127.0.0.1', '127.0.0.10', '127.255.100.1'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each([
    ':[:1', // a bracket inside the name is not the IPv6 form's
    '::]1',
    'my127.0.0.1',
    '10.127.0.0.1',
    '127.0.0',
    '127.0.0.1000',
    '128.0.0.1',
  ])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

// refuseEmptyVariables: .trim() dropped, so a value of spaces passes as set.
describe('a variable that is set but empty', () => {
  it.each(['', '   ', '\t'])('TANGO_PLATFORM_KEY=%j is refused, naming it', (value) => {
    const error = thrown(() => refuseEmptyVariables({ TANGO_PLATFORM_KEY: value }));
    expect(error.message).toBe('TANGO_PLATFORM_KEY is set but empty; it must not be empty or only spaces');
    expect(error.hint).toBe('give it a value, or unset it: unset TANGO_PLATFORM_KEY');
    expect(error.exitCode).toBe(ExitCode.usage);
  });
  it('a value with spaces around it is a value', () => {
    expect(() => refuseEmptyVariables({ TANGO_PLATFORM_KEY: ' key ' })).not.toThrow();
  });
});

// quietWanted: TANGO_QUIET === '1' made false, '1' made ''.
describe('TANGO_QUIET', () => {
  it.each([
    [{}, {}, false],
    [{ quiet: true }, {}, true],
    [{}, { TANGO_QUIET: '1' }, true],
    [{}, { TANGO_QUIET: '' }, false],
    [{}, { TANGO_QUIET: '0' }, false],
  ])('%j with %j: quiet %s', (opts, env, quiet) => {
    expect(quietWanted(opts, env)).toBe(quiet);
  });
});

// sourceOf: `raw === 'env'` made true; resolveTarget: the environment level's two `=== 'env'` made
// true. A value commander filled in itself (a default, an implied or a config value) is neither a
// flag nor a variable: the profile still beats it.
describe('a value with a source other than the command line or a variable', () => {
  const profile: Profile = { env: 'production', output: 'csv' };
  it.each(['default', 'implied', 'config', undefined])('source %s: the profile wins', (source) => {
    const settings = resolve(
      { env: 'local', baseUrl: 'https://staging.example/raas/v2', output: 'json' },
      { env: source, baseUrl: source, output: source },
      {},
      profile,
    );
    expect(settings.env).toEqual({ value: 'production', source: 'profile' });
    expect(settings.baseUrl).toEqual({ value: 'https://api.tangocard.com/raas/v2', source: 'profile' });
    expect(settings.output).toEqual({ value: 'csv', source: 'profile' });
  });
  it('an environment name from a variable still beats the profile', () => {
    expect(resolve({ env: 'local' }, { env: 'env' }, {}, profile).env).toEqual({ value: 'local', source: 'env' });
  });
});

// defaultRate: the loopback test made true (the check that the server is a --base-url was folded
// into it: a preset is never this machine).
describe('the default pace by server', () => {
  it.each([
    [{ env: 'sandbox' }, 1],
    [{ env: 'production' }, 1],
    [{ env: 'local' }, undefined],
    [{ baseUrl: 'https://tango.example/raas/v2' }, 1],
    [{ baseUrl: 'http://127.0.0.1:4010/raas/v2' }, undefined],
    [{ baseUrl: 'http://[::1]:4010/raas/v2' }, undefined],
  ] as const)('%j: %s a second', (profile, rate) => {
    expect(resolve({}, {}, {}, profile).rate).toBe(rate);
  });
});

// credentialsIssue: the TANGO_PLATFORM_* pair test made false or ||; the verb's `> 1` made true or
// `>= 1`, 'is' emptied; the details line (array or text) emptied.
describe('some of the OAuth variables', () => {
  it('one of them: "is set", and the four named in the details', () => {
    const issue = resolve({}, {}, { TANGO_CLIENT_ID: 'id' }).credentialsIssue;
    expect(issue?.message).toBe('TANGO_CLIENT_ID is set, TANGO_CLIENT_SECRET, TANGO_USERNAME, TANGO_PASSWORD not.');
    expect(issue?.details).toEqual([
      'An OAuth service-account token needs all four: TANGO_CLIENT_ID, TANGO_CLIENT_SECRET, TANGO_USERNAME, TANGO_PASSWORD.',
    ]);
    expect(issue?.reason).toBe('partial-oauth-env');
    expect(issue?.exitCode).toBe(ExitCode.auth);
  });
  it('three of them: "are set"', () => {
    const { TANGO_PASSWORD: _, ...three } = OAUTH;
    expect(resolve({}, {}, three).credentialsIssue?.message).toBe(
      'TANGO_CLIENT_ID, TANGO_CLIENT_SECRET, TANGO_USERNAME are set, TANGO_PASSWORD not.',
    );
  });
  it('beside the whole TANGO_PLATFORM_* pair they are no issue: the pair is used', () => {
    const settings = resolve({}, {}, { TANGO_PLATFORM_NAME: 'p', TANGO_PLATFORM_KEY: 'k', TANGO_CLIENT_ID: 'id' });
    expect(settings.credentials).toMatchObject({ kind: 'basic', platformName: { value: 'p', source: 'env' } });
    expect(settings.credentialsIssue).toBeUndefined();
  });
  it.each([{ TANGO_PLATFORM_NAME: 'p' }, { TANGO_PLATFORM_KEY: 'k' }])(
    'beside half of the pair (%j) they are still the issue',
    (half) => {
      expect(resolve({}, {}, { ...half, TANGO_CLIENT_ID: 'id' }).credentialsIssue?.reason).toBe('partial-oauth-env');
    },
  );
});

// credentialsIssue for a profile from an older tango: `given.length > 0` made false; the service
// account's `username && password` made ||; the platform pair's && made false or ||; the details
// (array or text) emptied.
describe('a profile with an OAuth client only', () => {
  const old: Profile = { clientId: 'id', clientSecret: 'secret' };
  it('is the issue, with the client id and why', () => {
    const issue = resolve({ profile: 'ops' }, { profile: 'cli' }, {}, old).credentialsIssue;
    expect(issue?.message).toBe('Profile "ops" holds OAuth client credentials stored by an older tango; log in again.');
    expect(issue?.details).toEqual([
      "Tango's token endpoint needs the service account's username and password too; the rest of the profile is kept.",
    ]);
    expect(issue).toMatchObject({ reason: 'old-oauth-profile', profile: 'ops', clientId: 'id' });
  });
  it.each([{ username: 'svc' }, { password: 'pw' }, { platformName: 'p' }, { platformKey: 'k' }])(
    'with only %j more it is still the issue',
    (more) => {
      expect(resolve({}, {}, {}, { ...old, ...more }).credentialsIssue?.reason).toBe('old-oauth-profile');
    },
  );
  it('with the platform pair it is no issue: the pair is used', () => {
    const settings = resolve({}, {}, {}, { ...old, platformName: 'p', platformKey: 'k' });
    expect(settings.credentials).toMatchObject({ kind: 'basic', platformName: { value: 'p', source: 'profile' } });
    expect(settings.credentialsIssue).toBeUndefined();
  });
  it('with the four OAuth variables it is no issue: they are used', () => {
    const settings = resolve({}, {}, OAUTH, old);
    expect(settings.credentials).toMatchObject({ kind: 'oauth', clientId: { value: 'id', source: 'env' } });
    expect(settings.credentialsIssue).toBeUndefined();
  });
});

// checkOutputFlags: the hint's object or text emptied.
describe('--json beside another --output', () => {
  it('is refused with both named and what --json means', () => {
    const error = thrown(() =>
      checkOutputFlags({ json: true, output: 'csv' }, (name) => (name === 'output' ? 'cli' : undefined)),
    );
    expect(error.message).toBe('--json and --output csv ask for two formats; give one of them');
    expect(error.hint).toBe('--json is short for --output json');
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});

// storedNumber: the number-or-string test made true, so an array of one number, read as its text, passed.
describe('a stored number that is no number nor text', () => {
  it.each([[[5]], [true], [{ seconds: 5 }]])('timeout %j is refused when read', (timeout) => {
    const error = thrown(() => resolve({}, {}, {}, { timeout } as unknown as Profile).timeoutMs);
    expect(error.message).toContain(`the profile's timeout (config.json): ${JSON.stringify(timeout)} must be`);
  });
});

// checkOutputFormat: `source === 'env'` made false, 'TANGO_OUTPUT' emptied, the list's ', ' emptied;
// checkEnvName: the list's ', ' emptied.
describe('an unknown output format or environment', () => {
  it.each([
    ['flag', '--output: "xml" is not an output format; use one of table, json, ndjson, csv, text'],
    ['env', 'TANGO_OUTPUT: "xml" is not an output format; use one of table, json, ndjson, csv, text'],
  ] as const)('from the %s: %s', (source, message) => {
    expect(thrown(() => checkOutputFormat('xml', source)).message).toBe(message);
  });
  it('TANGO_OUTPUT=xml is named as the variable when the settings are read', () => {
    expect(thrown(() => resolve({ output: 'xml' }, { output: 'env' }).output).message).toMatch(/^TANGO_OUTPUT: "xml"/);
  });
  it('an environment lists the ones there are', () => {
    expect(thrown(() => checkEnvName('staging')).message).toBe(
      '--env: "staging" is not an environment; use one of sandbox, production, local',
    );
  });
});

// checkBaseUrl: the hints (object or text) of "not a URL" and of plain http emptied; `/\/+$/` made
// `/\/$/`, so only one of several trailing slashes went.
describe('--base-url: hints and trailing slashes', () => {
  it('not a URL: an example of one', () => {
    const error = thrown(() => checkBaseUrl('api.tangocard.com'));
    expect(error.message).toBe('--base-url: "api.tangocard.com" is not a URL');
    expect(error.hint).toBe('for example https://api.tangocard.com/raas/v2');
  });
  it('plain http to another machine: what is allowed', () => {
    const error = thrown(() => checkBaseUrl('http://tango.example/raas/v2'));
    expect(error.message).toBe(
      '--base-url: plain http:// is refused for tango.example; credentials would travel unencrypted',
    );
    expect(error.hint).toBe('use https://, or http:// only to 127.0.0.1, localhost or [::1]');
  });
  it.each([
    ['https://tango.example/raas/v2//', 'https://tango.example/raas/v2'],
    ['https://tango.example///', 'https://tango.example'],
  ])('%s is kept as %s', (value, kept) => {
    expect(checkBaseUrl(value)).toBe(kept);
  });
});

// parseFields: .filter(Boolean) dropped, .trim() dropped, the empty test made false, its message emptied.
describe('--fields', () => {
  it.each([
    ['a,b', ['a', 'b']],
    [' a , b ', ['a', 'b']],
    ['a,,b,', ['a', 'b']],
  ])('%j is %j', (value, fields) => {
    expect(parseFields(value)).toEqual(fields);
  });
  it.each([',', ' , ', ''])('%j is refused', (value) => {
    const error = thrown(() => parseFields(value));
    expect(error.message).toBe('--fields: give at least one field name, such as --fields accountIdentifier,status');
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});
