/** The API's environments. `local` is the emulator the CLI runs inside its own process. */
export const ENVIRONMENTS = {
  sandbox: {
    baseUrl: 'https://integration-api.tangocard.com/raas/v2',
    authUrl: 'https://sandbox-auth.tangocard.com/oauth/token',
  },
  production: {
    baseUrl: 'https://api.tangocard.com/raas/v2',
    authUrl: 'https://auth.tangocard.com/oauth/token',
  },
  local: { baseUrl: '', authUrl: '' },
} as const;

export type EnvName = keyof typeof ENVIRONMENTS;

/**
 * The token lifetimes Tango's token endpoint offers, by the `audience` that asks for them
 * (spec/tango-auth-openapi.json): `--audience 24h` or `5m` at login.
 */
export const AUDIENCES = {
  '24h': 'https://api.tangocard.com/',
  '5m': 'tango-api.bhn.com/fiveminute',
} as const;
export type AudienceName = keyof typeof AUDIENCES;
export const AUDIENCE_NAMES = Object.keys(AUDIENCES) as AudienceName[];
export const DEFAULT_AUDIENCE: AudienceName = '24h';

export function isAudienceName(value: unknown): value is AudienceName {
  return typeof value === 'string' && (AUDIENCE_NAMES as string[]).includes(value);
}
export const ENV_NAMES = Object.keys(ENVIRONMENTS) as EnvName[];
export const DEFAULT_ENV: EnvName = 'sandbox';

export function isEnvName(value: string): value is EnvName {
  return (ENV_NAMES as string[]).includes(value);
}

/** Plain http is only allowed to this machine: keys must never cross a network in clear text. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
