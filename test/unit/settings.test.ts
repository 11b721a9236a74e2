import { describe, expect, it } from 'vitest';
import { bySetting } from '../../src/commands/parse.js';
import { configKey } from '../../src/config/keys.js';
import { NUMBER_SETTINGS, type NumberSetting } from '../../src/config/limits.js';
import { checkBaseUrl, type GlobalOptions, resolveSettings } from '../../src/config/settings.js';
import { type Profile, salvageProfiles } from '../../src/config/store.js';
import { ExitCode } from '../../src/errors.js';

type Sources = Partial<Record<keyof GlobalOptions, 'cli' | 'env'>>;

function resolve(opts: GlobalOptions, sources: Sources = {}, env: NodeJS.ProcessEnv = {}, profile?: Profile) {
  return resolveSettings(opts, (name) => sources[name], env, profile);
}

describe('settings precedence: flag > environment > profile > default', () => {
  it("defaults to the sandbox, table output, 30 s, 4 retries and Tango's 1 request/s", () => {
    const settings = resolve({});
    expect(settings.env).toEqual({ value: 'sandbox', source: 'default' });
    expect(settings.baseUrl.value).toBe('https://integration-api.tangocard.com/raas/v2');
    expect(settings.output).toEqual({ value: 'table', source: 'default' });
    expect(settings.timeoutMs).toBe(30_000);
    expect(settings.maxRetries).toBe(4);
    expect(settings.rate).toBe(1);
  });

  it('paces at 1 request/s for Tango and remote servers, adaptively for this machine, as told by --rate', () => {
    expect(resolve({ env: 'production' }, { env: 'cli' }).rate).toBe(1);
    expect(resolve({ baseUrl: 'https://tango.example/raas/v2' }, { baseUrl: 'cli' }).rate).toBe(1);
    expect(resolve({ env: 'local' }, { env: 'cli' }).rate).toBeUndefined();
    expect(resolve({ baseUrl: 'http://127.0.0.1:4010/raas/v2' }, { baseUrl: 'env' }).rate).toBeUndefined();
    expect(resolve({ baseUrl: 'http://localhost:4010/raas/v2' }, { baseUrl: 'env' }).rate).toBeUndefined();
    expect(resolve({ rate: 0 }, { rate: 'cli' }).rate).toBe(0);
    expect(resolve({ rate: 5, env: 'local' }, { rate: 'cli', env: 'cli' }).rate).toBe(5);
    expect(resolve({}, {}, {}, { rate: 2 }).rate).toBe(2);
  });

  it('a profile beats the default, the environment beats the profile, a flag beats both', () => {
    const profile: Profile = { env: 'production', output: 'csv' };
    expect(resolve({}, {}, {}, profile).env).toEqual({ value: 'production', source: 'profile' });
    expect(resolve({ env: 'local' }, { env: 'env' }, {}, profile).env).toEqual({ value: 'local', source: 'env' });
    expect(resolve({ output: 'json' }, { output: 'cli' }, {}, profile).output).toEqual({
      value: 'json',
      source: 'flag',
    });
    expect(resolve({ json: true }, {}, {}, profile).output.value).toBe('json');
  });

  it('at one level a base URL beats an environment name; a higher level beats both', () => {
    const both = resolve(
      { env: 'production', baseUrl: 'http://127.0.0.1:4010/raas/v2' },
      { env: 'cli', baseUrl: 'cli' },
    );
    expect(both.baseUrl).toEqual({ value: 'http://127.0.0.1:4010/raas/v2', source: 'flag' });
    expect(both.env.value).toBe('custom');

    const flagEnvOverEnvUrl = resolve(
      { env: 'local', baseUrl: 'https://staging.example/raas/v2' },
      { env: 'cli', baseUrl: 'env' },
    );
    expect(flagEnvOverEnvUrl.env).toEqual({ value: 'local', source: 'flag' });
  });

  it('credentials: the TANGO_* pair beats the profile; half a pair does not', () => {
    const profile: Profile = { platformName: 'stored', platformKey: 'stored-key' };
    const fromEnv = resolve({}, {}, { TANGO_PLATFORM_NAME: 'env', TANGO_PLATFORM_KEY: 'env-key' }, profile);
    const half = resolve({}, {}, { TANGO_PLATFORM_NAME: 'env' }, profile);
    const oauthEnv = {
      TANGO_CLIENT_ID: 'id',
      TANGO_CLIENT_SECRET: 'secret',
      TANGO_USERNAME: 'svc',
      TANGO_PASSWORD: 'pw',
    };
    const oauth = resolve({}, {}, oauthEnv, profile);

    expect(fromEnv.credentials).toMatchObject({ kind: 'basic', platformName: { value: 'env', source: 'env' } });
    expect(half.credentials).toMatchObject({ kind: 'basic', platformName: { value: 'stored', source: 'profile' } });
    expect(oauth.credentials).toMatchObject({
      kind: 'oauth',
      clientId: { value: 'id', source: 'env' },
      username: { value: 'svc', source: 'env' },
      password: { value: 'pw', source: 'env' },
      audience: { value: '24h', source: 'default' },
    });
    expect(oauth.credentialsIssue).toBeUndefined();
  });

  it('OAuth variables come as all four; some of them is an issue naming the others, not a silent fallback', () => {
    const profile: Profile = { platformName: 'stored', platformKey: 'stored-key' };
    const old = resolve({}, {}, { TANGO_CLIENT_ID: 'id', TANGO_CLIENT_SECRET: 'secret' }, profile);

    expect(old.credentials).toBeUndefined();
    expect(old.credentialsIssue?.message).toBe(
      'TANGO_CLIENT_ID, TANGO_CLIENT_SECRET are set, TANGO_USERNAME, TANGO_PASSWORD not.',
    );
    expect(old.credentialsIssue?.exitCode).toBe(4);
  });

  it('a profile with an OAuth client only (an older tango) is an issue; one with the service account is used', () => {
    const old = resolve({}, {}, {}, { clientId: 'id', clientSecret: 'secret', output: 'json' });
    expect(old.credentials).toBeUndefined();
    expect(old.credentialsIssue?.message).toContain('older tango; log in again');
    expect(old.output.value).toBe('json');

    const current = resolve(
      {},
      {},
      {},
      { clientId: 'id', clientSecret: 's', username: 'u', password: 'p', audience: '5m' },
    );
    expect(current.credentials).toMatchObject({ kind: 'oauth', audience: { value: '5m', source: 'profile' } });
    expect(current.credentialsIssue).toBeUndefined();
  });

  it('the OAuth token URL is never guessed for a --base-url server', () => {
    expect(resolve({ baseUrl: 'https://staging.example/raas/v2' }, { baseUrl: 'cli' }).authUrl.value).toBe('');
    expect(resolve({ env: 'sandbox' }, { env: 'cli' }).authUrl.value).toBe(
      'https://sandbox-auth.tangocard.com/oauth/token',
    );
  });

  it('refuses plain http except to loopback, and names the setting at fault', () => {
    expect(() => resolve({ baseUrl: 'http://tango.example/raas/v2' }, { baseUrl: 'cli' }).baseUrl).toThrow(
      /plain http/,
    );
    for (const host of ['127.0.0.1:8080', 'localhost', '[::1]:9000']) {
      expect(resolve({ baseUrl: `http://${host}/raas/v2` }, { baseUrl: 'cli' }).baseUrl.source).toBe('flag');
    }
    expect(() => resolve({}, {}, {}, { output: 'xml' }).output).toThrow(/the profile's output \(config\.json\)/);
  });

  // Kills checkBaseUrl mutants: the https branch refused, the protocol check dropped, the loopback test inverted.
  it.each([
    ['https://api.tangocard.com/raas/v2', 'https://api.tangocard.com/raas/v2'],
    ['https://staging.example:8443/raas/v2/', 'https://staging.example:8443/raas/v2'],
    ['http://127.0.0.1:8080/raas/v2', 'http://127.0.0.1:8080/raas/v2'],
    ['http://localhost/raas/v2', 'http://localhost/raas/v2'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('checkBaseUrl accepts %s', (value, kept) => {
    expect(checkBaseUrl(value)).toBe(kept);
  });

  it.each([
    ['ftp://files.example/raas', 'must start with https://'],
    ['file:///etc/passwd', 'must start with https://'],
    ['http://tango.example/raas/v2', 'plain http:// is refused for tango.example'],
    ['http://127.0.0.1.example/raas/v2', 'plain http:// is refused'],
    ['not a url', 'is not a URL'],
  ])('checkBaseUrl refuses %s (exit 2)', (value, words) => {
    let caught: unknown;
    try {
      checkBaseUrl(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ exitCode: ExitCode.usage });
    expect((caught as Error).message).toContain(words);
  });

  it('TANGO_DEBUG=1 turns the trace on like --verbose', () => {
    expect(resolve({}, {}, { TANGO_DEBUG: '1' }).verbose).toBe(true);
    expect(resolve({ verbose: true }).verbose).toBe(true);
    expect(resolve({}).verbose).toBe(false);
  });
});

/** What the flag and `config set` each make of a value: the number, or the error's words. */
function asFlag(name: NumberSetting, value: string): number | string {
  try {
    return bySetting(name)(value);
  } catch (error) {
    return (error as Error).message;
  }
}
function asConfig(name: NumberSetting, value: string): number | string {
  try {
    return configKey(name).parse?.(value) as number;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('numeric settings: the flag and `config set` follow one rule', () => {
  const cases: Array<[NumberSetting, accepted: string[], refused: string[], rule: string]> = [
    ['timeout', ['1', '2.5', '600'], ['0', '0.5', '601', '-1', 'soon', ''], 'must be a number from 1 to 600'],
    ['max-retries', ['0', '4', '10'], ['-1', '11', '2.5', 'x', ''], 'must be a whole number from 0 to 10'],
    [
      'rate',
      ['0', '0.01', '1', '1000'],
      ['-1', '0.001', '1001', 'fast', ''],
      'must be a number from 0.01 to 1000, or 0 for none',
    ],
  ];

  it('covers every numeric setting', () => {
    expect(cases.map(([name]) => name).sort()).toEqual(Object.keys(NUMBER_SETTINGS).sort());
  });

  it.each(cases)(
    '%s: the same values pass both ways, the same values fail with the same rule',
    (name, ok, bad, rule) => {
      for (const value of ok) {
        expect(asFlag(name, value), `--${name} ${value}`).toBe(Number(value));
        expect(asConfig(name, value), `config set ${name} ${value}`).toBe(Number(value));
      }
      for (const value of bad) {
        expect(asFlag(name, value), `--${name} ${value}`).toBe(`It ${rule}.`);
        expect(asConfig(name, value), `config set ${name} ${value}`).toBe(`${name}: "${value}" ${rule}`);
      }
    },
  );

  it("the defaults in force without a flag or profile are the table's", () => {
    const settings = resolve({});
    expect(settings.timeoutMs).toBe(NUMBER_SETTINGS.timeout.default * 1000);
    expect(settings.maxRetries).toBe(NUMBER_SETTINGS['max-retries'].default);
  });
});

describe('salvageProfiles: what a damaged config file still holds', () => {
  it('keeps every profile of a file whose shape, not syntax, is wrong', () => {
    expect(salvageProfiles('{"profiles": {"a": {"env": "sandbox"}, "b": 42}, "x": 1}')).toEqual({
      a: { env: 'sandbox' },
    });
    expect(salvageProfiles('[1, 2]')).toEqual({});
  });

  it('reads profile by profile past a broken one, and stops where the text is cut', () => {
    const text =
      '{"profiles": {"a": {"env": "sandbox", "note": "a } in a string"}, "bad": {"env": sand}, ' +
      '"c": {"timeout": 5}, "cut": {"env": "produ';
    expect(salvageProfiles(text)).toEqual({ a: { env: 'sandbox', note: 'a } in a string' }, c: { timeout: 5 } });
  });

  it('a "__proto__" profile stays a plain profile, never the prototype', () => {
    const kept = salvageProfiles('{"profiles": {"__proto__": {"env": "local"}}');
    expect(Object.keys(kept)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
  });
});

describe("a hand-edited profile's server", () => {
  it.each([
    [{ baseUrl: '' }, `the profile's base-url (config.json): "" is not a URL`],
    [
      { baseUrl: 'ftp://files.example/raas' },
      `the profile's base-url (config.json): "ftp://files.example/raas" must start with https://`,
    ],
    [{ env: '' }, `the profile's env (config.json): "" is not an environment`],
    [{ env: 'staging' }, `the profile's env (config.json): "staging" is not an environment`],
  ])(
    '%j is refused (exit 2), naming the stored setting and how to mend it, never read as "not set"',
    (profile, message) => {
      let caught: unknown;
      try {
        resolve({}, {}, {}, profile as Profile).baseUrl;
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ exitCode: ExitCode.usage });
      expect((caught as Error).message).toContain(message);
      const key = 'baseUrl' in profile ? 'base-url' : 'env';
      expect((caught as { hint: string }).hint).toBe(`tango config set ${key} <value>, or tango config unset ${key}`);
    },
  );

  it('a flag still names itself when its value is bad', () => {
    expect(() => resolve({ baseUrl: 'ftp://x.example' }, { baseUrl: 'cli' }, {}, { baseUrl: '' }).baseUrl).toThrow(
      /^--base-url:/,
    );
  });

  it('only what needs the server refuses it: the profile, output and fields still read, for `config` to mend it', () => {
    const settings = resolve({ fields: 'a,b' }, {}, {}, { baseUrl: '', output: 'json' });
    expect(settings.profile.value).toBe('default');
    expect(settings.output.value).toBe('json');
    expect(settings.fields).toEqual(['a', 'b']);
    for (const read of [() => settings.baseUrl, () => settings.env, () => settings.authUrl, () => settings.rate]) {
      expect(read).toThrow(/the profile's base-url/);
    }
  });
});

describe("a hand-edited profile's numbers and format", () => {
  it.each([
    [{ timeout: 'abc' }, 'timeoutMs', `the profile's timeout (config.json): "abc" must be a number from 1 to 600`],
    [{ timeout: 0 }, 'timeoutMs', `the profile's timeout (config.json): 0 must be a number from 1 to 600`],
    [{ maxRetries: 2.5 }, 'maxRetries', `the profile's max-retries (config.json): 2.5 must be a whole number`],
    [{ rate: -1 }, 'rate', `the profile's rate (config.json): -1 must be a number from 0.01 to 1000, or 0`],
    [{ output: '' }, 'output', `the profile's output (config.json): "" is not an output format`],
  ] as const)('%j is refused when read (exit 2), with how to mend it', (profile, field, message) => {
    const settings = resolve({}, {}, {}, profile as Profile);
    expect(settings.profile.value).toBe('default');
    let caught: unknown;
    try {
      void settings[field];
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ exitCode: ExitCode.usage });
    expect((caught as Error).message).toContain(message);
    expect((caught as { hint: string }).hint).toMatch(/^tango config set \S+ <value>, or tango config unset \S+$/);
  });

  it('a number stored as text that keeps the rule is taken; a flag beats a bad stored value', () => {
    expect(resolve({}, {}, {}, { timeout: '45' } as unknown as Profile).timeoutMs).toBe(45_000);
    expect(resolve({ timeout: 10 }, { timeout: 'cli' }, {}, { timeout: 'abc' } as unknown as Profile).timeoutMs).toBe(
      10_000,
    );
  });
});
