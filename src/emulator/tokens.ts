/**
 * Bearer tokens: HS256 JWTs signed with the OAuth client secret. Being self-verifying, a token
 * issued by one emulator process is accepted by another with the same client (each
 * `tango --env local` runs its own), and nothing about tokens needs to be stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenGrant {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export type TokenCheck = 'valid' | 'expired' | 'invalid';

export class TokenIssuer {
  constructor(
    private readonly clientId: string,
    private readonly secret: string,
    private readonly now: () => Date,
  ) {}

  issue(scope: string, audience: string, ttlSeconds: number): TokenGrant {
    const issuedAt = this.now().getTime() / 1000;
    const header = encode({ alg: 'HS256', typ: 'JWT' });
    const payload = encode({
      iss: 'tango-emulator',
      sub: this.clientId,
      aud: audience,
      scope,
      iat: issuedAt,
      exp: issuedAt + ttlSeconds,
    });
    const unsigned = `${header}.${payload}`;
    return {
      access_token: `${unsigned}.${this.sign(unsigned)}`,
      token_type: 'Bearer',
      expires_in: ttlSeconds,
      scope,
    };
  }

  check(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return 'invalid';
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    const claims = decode(payload);
    if (typeof claims?.exp !== 'number' || claims.sub !== this.clientId) return 'invalid';
    return claims.exp * 1000 > this.now().getTime() ? 'valid' : 'expired';
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): { exp?: unknown; sub?: unknown } | undefined {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
