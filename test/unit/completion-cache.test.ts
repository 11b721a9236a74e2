import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completionCacheFile,
  MAX_REMEMBERED,
  remember,
  rememberCustomers,
  remembered,
} from '../../src/completion/cache.js';
import { tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  config = tempConfigDir();
  env = { TANGO_CONFIG_DIR: config.dir };
});
afterEach(() => config.cleanup());

describe('the completion cache', () => {
  it('writes one kind<TAB>profile<TAB>id line per identifier, newest first, in the config folder', () => {
    rememberCustomers({ env, profile: 'default' }, ['acme-corp', 'beta-co']);
    rememberCustomers({ env, profile: 'default' }, ['zeta-inc']);

    expect(completionCacheFile(env)).toBe(join(config.dir, 'completion-cache.tsv'));
    expect(readFileSync(completionCacheFile(env), 'utf8')).toBe(
      'customer\tdefault\tzeta-inc\ncustomer\tdefault\tacme-corp\ncustomer\tdefault\tbeta-co\n',
    );
  });

  it('keeps each profile apart, and a customer seen again moves to the front once', () => {
    rememberCustomers({ env, profile: 'default' }, ['acme-corp', 'beta-co']);
    rememberCustomers({ env, profile: 'prod' }, ['prod-one']);
    rememberCustomers({ env, profile: 'default' }, ['beta-co', 'beta-co']);

    expect(remembered(env, 'customer', 'default')).toEqual(['beta-co', 'acme-corp']);
    expect(remembered(env, 'customer', 'prod')).toEqual(['prod-one']);
  });

  it('keeps at most MAX_REMEMBERED per profile, dropping the oldest', () => {
    const ids = Array.from({ length: MAX_REMEMBERED + 5 }, (_, i) => `cust-${String(i).padStart(4, '0')}`);
    rememberCustomers({ env, profile: 'default' }, ids.slice(0, 10));
    rememberCustomers({ env, profile: 'default' }, ids.slice(10));

    const kept = remembered(env, 'customer', 'default');
    expect(kept).toHaveLength(MAX_REMEMBERED);
    expect(kept[0]).toBe(ids[10]);
    expect(kept).not.toContain(ids[9]);
  });

  it('leaves no temporary file behind and skips values that would break the format', () => {
    rememberCustomers({ env, profile: 'default' }, ['good-one', 'bad\tone', 'bad\none', '']);
    rememberCustomers({ env, profile: 'tab\tprofile' }, ['acme-corp']);

    expect(readdirSync(config.dir)).toEqual(['completion-cache.tsv']);
    expect(remembered(env, 'customer', 'default')).toEqual(['good-one']);
  });

  it('never throws, even when the cache cannot be written', () => {
    // A folder where the file should be: the write fails, the caller does not notice.
    mkdirSync(completionCacheFile(env));
    expect(() => rememberCustomers({ env, profile: 'default' }, ['acme-corp'])).not.toThrow();
    // A config folder path that is a file.
    const file = join(config.dir, 'not-a-folder');
    writeFileSync(file, '');
    expect(() => rememberCustomers({ env: { TANGO_CONFIG_DIR: file }, profile: 'default' }, ['x-123'])).not.toThrow();
  });

  it('stores only identifiers that pass their rule: what a server sends is offered to a shell', () => {
    const scope = { env, profile: 'default' };
    const hostileIds = [
      '..',
      '../etc',
      'acme',
      'a'.repeat(101),
      '$(rm -rf ~)',
      'acme corp',
      'ünïcode',
      '\u001b[2Jacme',
    ];
    rememberCustomers(scope, ['acme-corp', ...hostileIds]);
    remember(scope, 'account', ['acme-main', 'Acme-Main', ...hostileIds]);
    remember(scope, 'alert', ['3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b', 'not-a-uuid', 'acme-main']);

    expect(remembered(env, 'customer', 'default')).toEqual(['acme-corp']);
    expect(remembered(env, 'account', 'default')).toEqual(['acme-main']);
    expect(remembered(env, 'alert', 'default')).toEqual(['3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b']);
  });
});
