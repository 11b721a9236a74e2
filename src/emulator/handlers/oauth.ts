/**
 * POST /oauth/token, Tango's "Acquire Service Account token" (spec/tango-auth-openapi.json):
 * a form-encoded body with exactly `client_id`, `client_secret`, `username` and `password` (the
 * service account's), `scope=raas.all`, `grant_type=password` and `audience`, one of
 * `https://api.tangocard.com/` (a 24-hour token) or `tango-api.bhn.com/fiveminute` (5 minutes).
 * Anything else is refused as the spec documents it: 400 or 401 with a text/plain body.
 */
import type { Handler, Reply, RequestContext } from '../router.js';
import type { TokenIssuer } from '../tokens.js';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** The service account whose username and password the password grant carries. */
export interface ServiceAccount {
  username: string;
  password: string;
}

export interface TokenEndpointConfig {
  client: OAuthClient;
  serviceAccount: ServiceAccount;
  tokens: TokenIssuer;
  /** Lifetime of a 24-hour-audience token (shortened in tests); the 5-minute audience gets at most 300 s. */
  ttlSeconds: () => number;
}

export const TOKEN_SCOPE = 'raas.all';
export const TOKEN_GRANT_TYPE = 'password';
export const DAY_AUDIENCE = 'https://api.tangocard.com/';
export const FIVE_MINUTE_AUDIENCE = 'tango-api.bhn.com/fiveminute';
const FIVE_MINUTES = 300;
const FIELDS = ['client_id', 'client_secret', 'username', 'password', 'scope', 'audience', 'grant_type'] as const;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function tokenHandler(config: TokenEndpointConfig): Handler {
  return async (context) => {
    const form = readForm(context);
    if (typeof form === 'string') return refuse(400, form);
    const wrong = requestProblem(form);
    if (wrong) return refuse(400, wrong);
    if (form.get('client_id') !== config.client.clientId || form.get('client_secret') !== config.client.clientSecret) {
      return refuse(401, 'Unknown client_id, or a client_secret that does not belong to it');
    }
    const { username, password } = config.serviceAccount;
    if (form.get('username') !== username || form.get('password') !== password) {
      return refuse(401, 'Wrong username or password for the service account');
    }
    const audience = form.get('audience')!;
    const ttl = audience === FIVE_MINUTE_AUDIENCE ? Math.min(FIVE_MINUTES, config.ttlSeconds()) : config.ttlSeconds();
    return { status: 200, body: config.tokens.issue(TOKEN_SCOPE, audience, ttl), headers: NO_STORE };
  };
}

/** The form, or why the body is not one. */
function readForm(context: RequestContext): URLSearchParams | string {
  const type = String(context.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return `The body must be application/x-www-form-urlencoded (Content-Type was ${type || 'missing'})`;
  }
  return new URLSearchParams(context.rawBody);
}

/** What is missing, repeated, unknown or not one of the documented values; undefined when all is in order. */
function requestProblem(form: URLSearchParams): string | undefined {
  const unknown = [...new Set(form.keys())].filter((name) => !(FIELDS as readonly string[]).includes(name));
  if (unknown.length) return `Unknown field ${unknown.join(', ')}; send only ${FIELDS.join(', ')}`;
  const missing = FIELDS.filter((name) => !form.get(name));
  if (missing.length) return `Missing ${missing.join(', ')}`;
  const repeated = FIELDS.filter((name) => form.getAll(name).length > 1);
  if (repeated.length) return `Repeated ${repeated.join(', ')}`;
  if (form.get('grant_type') !== TOKEN_GRANT_TYPE) return `grant_type must be ${TOKEN_GRANT_TYPE}`;
  if (form.get('scope') !== TOKEN_SCOPE) return `scope must be ${TOKEN_SCOPE}`;
  const audience = form.get('audience');
  if (audience !== DAY_AUDIENCE && audience !== FIVE_MINUTE_AUDIENCE) {
    return `audience must be ${DAY_AUDIENCE} (24-hour token) or ${FIVE_MINUTE_AUDIENCE} (5-minute token)`;
  }
  return undefined;
}

function refuse(status: 400 | 401, text: string): Reply {
  return { status, body: text, headers: { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' } };
}
