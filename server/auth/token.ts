import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Role } from '../../shared/domain/codes';

/**
 * Short-lived access tokens: a compact JWT (RFC 7519) signed with HMAC-SHA256. Only `HS256` is accepted —
 * the header's `alg` is checked, never trusted to pick the algorithm. Several keys may verify (rotation);
 * the first one signs.
 */
export const TokenClaims = z.object({
  sub: z.string().min(1),
  role: Role,
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

const HEADER = b64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function mac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function signToken(claims: TokenClaims, key: Buffer): string {
  const body = `${HEADER}.${b64url(Buffer.from(JSON.stringify(claims)))}`;
  return `${body}.${b64url(mac(key, body))}`;
}

export function issueToken(
  subject: { id: string; role: Role },
  key: Buffer,
  ttlSeconds: number,
  nowMs = Date.now(),
): { token: string; claims: TokenClaims } {
  const iat = Math.floor(nowMs / 1000);
  const claims: TokenClaims = {
    sub: subject.id,
    role: subject.role,
    iat,
    exp: iat + ttlSeconds,
    jti: randomBytes(12).toString('base64url'),
  };
  return { token: signToken(claims, key), claims };
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Allowed clock skew between server instances, seconds. */
const LEEWAY_S = 30;

export function verifyToken(token: string, keys: readonly Buffer[], nowMs = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const body = `${header}.${payload}`;
  const signed = keys.some((k) => {
    const expected = mac(k, body);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!signed) return { ok: false, reason: 'bad_signature' };
  let parsedHeader: unknown;
  let parsedClaims: unknown;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    parsedClaims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if ((parsedHeader as { alg?: unknown } | null)?.alg !== 'HS256') return { ok: false, reason: 'malformed' };
  const claims = TokenClaims.safeParse(parsedClaims);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  const now = Math.floor(nowMs / 1000);
  if (claims.data.exp <= now || claims.data.iat > now + LEEWAY_S) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}
