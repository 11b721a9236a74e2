/** The settings `tango config` can read and write, by their kebab-case names, each with its check. */
import { UsageError } from '../errors.js';
import { checkBaseUrl, checkEnvName, checkOutputFormat } from './settings.js';
import type { Profile } from './store.js';

export interface ConfigKey {
  property: keyof Profile;
  description: string;
  /** Secrets are shown masked and are never set from argv. */
  secret?: boolean;
  parse?: (value: string) => string | number;
}

function number(name: string, min: number, max: number, whole = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      throw new UsageError(`${name}: "${value}" must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`);
    }
    return n;
  };
}

export const CONFIG_KEYS: Record<string, ConfigKey> = {
  env: { property: 'env', description: 'sandbox, production or local', parse: checkEnvName },
  'base-url': { property: 'baseUrl', description: 'a server other than the presets', parse: checkBaseUrl },
  'auth-url': { property: 'authUrl', description: 'OAuth token URL', parse: checkBaseUrl },
  output: { property: 'output', description: 'table, json, ndjson, csv or text', parse: (v) => checkOutputFormat(v) },
  timeout: { property: 'timeout', description: 'per-request timeout, seconds', parse: number('timeout', 1, 600) },
  'max-retries': {
    property: 'maxRetries',
    description: 'retries on 429/5xx/network errors',
    parse: number('max-retries', 0, 10, true),
  },
  rate: { property: 'rate', description: 'client-side requests per second', parse: number('rate', 0.01, 1000) },
  'platform-name': { property: 'platformName', description: 'HTTP Basic user' },
  'platform-key': { property: 'platformKey', description: 'HTTP Basic password', secret: true },
  'client-id': { property: 'clientId', description: 'OAuth client id' },
  'client-secret': { property: 'clientSecret', description: 'OAuth client secret', secret: true },
};

export function configKey(name: string): ConfigKey {
  const key = CONFIG_KEYS[name];
  if (!key) {
    throw new UsageError(`"${name}" is not a setting`, { hint: `settings: ${Object.keys(CONFIG_KEYS).join(', ')}` });
  }
  return key;
}
