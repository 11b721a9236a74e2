/**
 * POST /oauth/token, the OAuth 2.0 token endpoint of Tango's auth host. Accepts the
 * client_credentials grant (what DESIGN.md uses) and the password grant (what Tango's auth spec
 * documents, with the platform name and key as username and password). Client credentials come
 * in the form body or as HTTP Basic. Errors use RFC 6749's `{error, error_description}` JSON, as
 * Tango's auth host (Auth0) does.
 */
import type { PlatformCredentials } from '../auth.js';
import type { Handler, Reply, RequestContext } from '../router.js';
import type { TokenIssuer } from '../tokens.js';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface TokenEndpointConfig {
  client: OAuthClient;
  platform: PlatformCredentials;
  tokens: TokenIssuer;
  ttlSeconds: () => number;
}

const SCOPE = 'raas.all';
const AUDIENCE = 'https://api.tangocard.com/';
const FIVE_MINUTE_AUDIENCE = 'tango-api.bhn.com/fiveminute';
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function tokenHandler(config: TokenEndpointConfig): Handler {
  return async (context) => {
    const form = readForm(context);
    if (!form) return oauthError(400, 'invalid_request', 'Send a form-encoded (or JSON) body');
    const client = clientCredentials(form, context.headers['authorization']);
    if (!client.id || !client.secret)
      return oauthError(401, 'invalid_client', 'client_id and client_secret are required');
    if (client.id !== config.client.clientId || client.secret !== config.client.clientSecret) {
      return oauthError(401, 'invalid_client', 'Unknown client or wrong client secret');
    }
    return grant(form, config);
  };
}

function grant(form: URLSearchParams, config: TokenEndpointConfig): Reply {
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials' && grantType !== 'password') {
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials or password');
  }
  if (grantType === 'password' && !platformMatches(form, config.platform)) {
    return oauthError(400, 'invalid_grant', 'Wrong username or password');
  }
  const scope = form.get('scope') ?? SCOPE;
  if (!scope.split(' ').includes(SCOPE)) return oauthError(400, 'invalid_scope', `scope must be ${SCOPE}`);
  const audience = form.get('audience') ?? AUDIENCE;
  if (audience !== AUDIENCE && audience !== FIVE_MINUTE_AUDIENCE) {
    return oauthError(400, 'invalid_request', `audience must be ${AUDIENCE} or ${FIVE_MINUTE_AUDIENCE}`);
  }
  const ttl = audience === FIVE_MINUTE_AUDIENCE ? Math.min(300, config.ttlSeconds()) : config.ttlSeconds();
  return { status: 200, body: config.tokens.issue(SCOPE, audience, ttl), headers: NO_STORE };
}

function readForm(context: RequestContext): URLSearchParams | undefined {
  const type = String(context.headers['content-type'] ?? '');
  if (!type.includes('json')) return new URLSearchParams(context.rawBody);
  try {
    const body = JSON.parse(context.rawBody) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    return new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)]));
  } catch {
    return undefined;
  }
}

function clientCredentials(form: URLSearchParams, authorization: string | string[] | undefined) {
  const basic = /^Basic\s+(\S+)$/i.exec(String(authorization ?? ''));
  if (basic) {
    const [id = '', ...secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return { id: formDecode(id), secret: formDecode(secret.join(':')) };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

/** RFC 6749 (2.3.1): the Basic user and password are form-encoded first. */
function formDecode(value: string): string {
  return new URLSearchParams(`v=${value}`).get('v') ?? '';
}

function platformMatches(form: URLSearchParams, platform: PlatformCredentials): boolean {
  return form.get('username') === platform.platformName && form.get('password') === platform.platformKey;
}

function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description }, headers: NO_STORE };
}
