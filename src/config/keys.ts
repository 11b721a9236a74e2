/** The settings `tango config` can read and write, by their kebab-case names, each with its check. */
import { echo, UsageError } from '../errors.js';
import { type NumberSetting, numberRule, parseNumberSetting } from './limits.js';
import { checkBaseUrl, checkEnvName, checkOutputFormat } from './settings.js';
import type { Profile } from './store.js';

export interface ConfigKey {
  property: keyof Profile;
  description: string;
  /** Secrets are shown masked and are never set from argv. */
  secret?: boolean;
  parse?: (value: string) => string | number;
}

/** A numeric setting, checked by the same rule as its flag. */
function number(name: NumberSetting) {
  return (value: string): number => {
    const parsed = parseNumberSetting(name, value);
    if (parsed === undefined) throw new UsageError(`${name}: "${echo(value)}" ${numberRule(name)}`);
    return parsed;
  };
}

export const CONFIG_KEYS: Record<string, ConfigKey> = {
  env: { property: 'env', description: 'sandbox, production or local', parse: checkEnvName },
  'base-url': { property: 'baseUrl', description: 'a server other than the presets', parse: checkBaseUrl },
  'auth-url': { property: 'authUrl', description: 'OAuth token URL', parse: checkBaseUrl },
  output: { property: 'output', description: 'table, json, ndjson, csv or text', parse: (v) => checkOutputFormat(v) },
  timeout: { property: 'timeout', description: 'per-request timeout, seconds', parse: number('timeout') },
  'max-retries': {
    property: 'maxRetries',
    description: 'retries on 429/5xx/network errors',
    parse: number('max-retries'),
  },
  rate: { property: 'rate', description: 'client-side requests per second', parse: number('rate') },
  'platform-name': { property: 'platformName', description: 'HTTP Basic user' },
  'platform-key': { property: 'platformKey', description: 'HTTP Basic password', secret: true },
  'client-id': { property: 'clientId', description: 'OAuth client id' },
  'client-secret': { property: 'clientSecret', description: 'OAuth client secret', secret: true },
};

/** The settings as `config get|set|unset --help` lists them: each name and what it holds. */
export function settingsHelp(): string {
  const width = Math.max(...Object.keys(CONFIG_KEYS).map((name) => name.length)) + 2;
  const lines = Object.entries(CONFIG_KEYS).map(
    ([name, key]) =>
      `  ${name.padEnd(width)}${key.description}${key.secret ? ' (secret: masked; tango auth login sets it)' : ''}`,
  );
  return `\nSettings:\n${lines.join('\n')}`;
}

export function configKey(name: string): ConfigKey {
  const key = CONFIG_KEYS[name];
  if (!key) {
    throw new UsageError(`"${echo(name)}" is not a setting`, {
      hint: `settings: ${Object.keys(CONFIG_KEYS).join(', ')}`,
    });
  }
  return key;
}
