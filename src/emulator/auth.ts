/** The API's credentials check: HTTP Basic (platform name and key) or a Bearer token. */
import { timingSafeEqual } from 'node:crypto';
import { HttpProblem } from './problems.js';
import type { TokenIssuer } from './tokens.js';

export interface PlatformCredentials {
  platformName: string;
  platformKey: string;
}

const CHALLENGE = { 'www-authenticate': 'Basic realm="Tango RaaS emulator", Bearer' };

export function authenticate(
  authorization: string | undefined,
  credentials: PlatformCredentials,
  tokens: TokenIssuer,
): void {
  const [scheme = '', value = ''] = (authorization ?? '').trim().split(/\s+/, 2);
  if (/^basic$/i.test(scheme)) checkBasic(value, credentials);
  else if (/^bearer$/i.test(scheme)) checkBearer(value, tokens);
  else
    throw unauthorized(
      'Authentication is required: send HTTP Basic credentials (platform name and key) or a Bearer token',
    );
}

function checkBasic(encoded: string, credentials: PlatformCredentials): void {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const name = colon < 0 ? decoded : decoded.slice(0, colon);
  const key = colon < 0 ? '' : decoded.slice(colon + 1);
  // Both compared, always, so the time taken says nothing about which one was wrong.
  const nameMatches = sameText(name, credentials.platformName);
  const keyMatches = sameText(key, credentials.platformKey);
  if (!nameMatches || !keyMatches) throw unauthorized('The platform name or platform key is not valid');
}

function checkBearer(token: string, tokens: TokenIssuer): void {
  const result = tokens.check(token);
  if (result === 'expired') throw unauthorized('The access token has expired; request a new one');
  if (result === 'invalid') throw unauthorized('The access token is not valid');
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function unauthorized(message: string): HttpProblem {
  return new HttpProblem(401, 'error.unauthorized', message, { headers: CHALLENGE });
}
