import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { issueToken, signToken, verifyToken } from './token';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 9);

describe('passwords (scrypt)', () => {
  it('verifies the right password and refuses a wrong one; every hash has its own salt', async () => {
    const a = await hashPassword('recaudo');
    const b = await hashPassword('recaudo');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('recaudo', a)).toBe(true);
    expect(await verifyPassword('Recaudo', a)).toBe(false);
    expect(await verifyPassword('recaudo', 'not-a-hash')).toBe(false);
  });
});

describe('tokens (HS256)', () => {
  it('round-trips the claims with the signing key, or any key of a rotation', () => {
    const { token, claims } = issueToken({ id: 'u1', role: 'agent' }, KEY, 900, Date.UTC(2026, 0, 1));
    expect(claims.exp - claims.iat).toBe(900);
    const now = Date.UTC(2026, 0, 1, 0, 5);
    expect(verifyToken(token, [KEY], now)).toEqual({ ok: true, claims });
    expect(verifyToken(token, [OTHER, KEY], now)).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another key, a tampered payload and alg "none"', () => {
    const now = Date.UTC(2026, 0, 1, 0, 1);
    const { token } = issueToken({ id: 'u1', role: 'agent' }, KEY, 900, Date.UTC(2026, 0, 1));
    expect(verifyToken(token, [OTHER], now)).toEqual({ ok: false, reason: 'bad_signature' });
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(verifyToken(`${h}.${elevated}.${s}`, [KEY], now)).toEqual({ ok: false, reason: 'bad_signature' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(`${none}.${p}.`, [KEY], now).ok).toBe(false);
    // Even correctly MACed, a header naming another algorithm is refused.
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
    const mac = createHmac('sha256', KEY).update(`${hs512}.${p}`).digest('base64url');
    expect(verifyToken(`${hs512}.${p}.${mac}`, [KEY], now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken('abc', [KEY], now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses an expired token and one issued in the future', () => {
    const iat = Math.floor(Date.UTC(2026, 0, 1) / 1000);
    const token = signToken({ sub: 'u1', role: 'lead', iat, exp: iat + 60, jti: 'j' }, KEY);
    expect(verifyToken(token, [KEY], (iat + 59) * 1000).ok).toBe(true);
    expect(verifyToken(token, [KEY], (iat + 60) * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(token, [KEY], (iat - 3600) * 1000)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('login throttle', () => {
  it('blocks a key after the failures allowed in the window, until the oldest one ages out; success resets', async () => {
    const { createLoginThrottle } = await import('./throttle');
    const t = createLoginThrottle({ maxFailures: 3, windowMs: 1000 });
    t.failed('a', 0);
    t.failed('a', 100);
    expect(t.retryAfter('a', 200)).toBe(0);
    t.failed('a', 200);
    expect(t.retryAfter('a', 300)).toBe(700);
    expect(t.retryAfter('b', 300)).toBe(0);
    expect(t.retryAfter('a', 1000)).toBe(0);
    t.failed('c', 0);
    t.failed('c', 0);
    t.succeeded('c');
    t.failed('c', 1);
    expect(t.retryAfter('c', 2)).toBe(0);
  });
});
