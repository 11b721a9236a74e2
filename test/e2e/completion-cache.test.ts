/** The commands that print customers, accounts and alerts feed the completion cache, and a broken cache never fails them. */
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionCacheFile, remembered } from '../../src/completion/cache.js';
import { runTango, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
let env: NodeJS.ProcessEnv;
const tango = (...args: string[]) => runTango(['--env', 'local', ...args], { configDir: config.dir });

beforeAll(() => {
  config = tempConfigDir();
  env = { TANGO_CONFIG_DIR: config.dir };
});
afterAll(() => config.cleanup());

describe('customer identifiers for completion', () => {
  it('customers create and customers get remember the customer; a customer that is not there is not', async () => {
    expect((await tango('customers', 'create', '--identifier', 'acme-corp', '--display-name', 'Acme Corp')).code).toBe(
      0,
    );
    expect(remembered(env, 'customer', 'default')).toEqual(['acme-corp']);

    rmSync(completionCacheFile(env));
    expect((await tango('customers', 'get', 'acme-corp', '--json')).code).toBe(0);
    expect((await tango('customers', 'get', 'no-such-customer')).code).toBe(3);
    expect(remembered(env, 'customer', 'default')).toEqual(['acme-corp']);
  });

  it('the profile used is the one remembered under', async () => {
    expect((await tango('customers', 'list', '--profile', 'other', '--json')).code).toBe(0);

    expect(remembered(env, 'customer', 'other')).toEqual(['acme-corp']);
  });

  it('a cache that cannot be written does not fail the command or change its output', async () => {
    rmSync(completionCacheFile(env), { force: true });
    mkdirSync(completionCacheFile(env));

    const result = await tango('customers', 'list', '--json');

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).map((c: { customerIdentifier: string }) => c.customerIdentifier)).toEqual([
      'acme-corp',
    ]);
  });
});

describe('account and alert identifiers for completion', () => {
  it('alerts list remembers the alerts it printed, with their account and customer; delete prints no alert', async () => {
    rmSync(completionCacheFile(env), { recursive: true, force: true });
    await tango('customers', 'create', '--identifier', 'alert-corp', '--display-name', 'Alert Corp');
    await tango(
      'accounts',
      'create',
      'alert-corp',
      '--identifier',
      'alert-main',
      '--display-name',
      'Alert Main',
      '--contact-email',
      'ops@alert.example',
    );
    const flags = ['--threshold', '50', '--email', 'ops@alert.example', '--json'];
    const ids: string[] = [];
    for (const name of ['First alert', 'Second alert']) {
      const created = await tango('alerts', 'create', 'alert-corp', 'alert-main', '--display-name', name, ...flags);
      ids.push(JSON.parse(created.stdout).balanceAlertID);
    }
    rmSync(completionCacheFile(env));

    expect((await tango('alerts', 'list', 'alert-corp', 'alert-main', '--json')).code).toBe(0);

    expect(remembered(env, 'alert', 'default')).toEqual(ids);
    expect(remembered(env, 'account', 'default')).toEqual(['alert-main']);
    expect(remembered(env, 'customer', 'default')).toEqual(['alert-corp']);
  });

  it('alerts delete drops the deleted alert from the cache and keeps the others', async () => {
    const [first, second] = remembered(env, 'alert', 'default');

    const deleted = await tango('alerts', 'delete', 'alert-corp', 'alert-main', second!, '--yes', '--json');

    expect(deleted.code, deleted.stderr).toBe(0);
    expect(remembered(env, 'alert', 'default')).toEqual([first]);
    expect(remembered(env, 'account', 'default')).toEqual(['alert-main']);
  });

  it('accounts list remembers account identifiers', async () => {
    rmSync(completionCacheFile(env));
    expect((await tango('accounts', 'list', 'alert-corp', '--json')).code).toBe(0);
    expect(remembered(env, 'account', 'default')).toEqual(['alert-main']);
  });
});
