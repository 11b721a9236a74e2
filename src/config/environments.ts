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
