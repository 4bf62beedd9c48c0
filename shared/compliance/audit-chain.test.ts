import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, GENESIS_HASH, canonicalJson, nextAuditRecord, verifyAuditChain, type AuditRecord } from './audit-chain';

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      nextAuditRecord(out[out.length - 1] ?? null, {
        at: `2026-07-14T15:${String(i).padStart(2, '0')}:00Z`,
        actor: 'agent-1',
        action: i % 2 ? 'contact_attempt' : 'debtor_viewed',
        subject: `debtor:D-${i}`,
        detail: { channel: 'call', n: i, reasons: [] },
      }),
    );
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and is stable', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
  });
  it.each([[{ a: undefined }], [{ a: NaN }], [{ a: () => 1 }], [new Date(0)]])('refuses %o', (v) => {
    expect(() => canonicalJson(v)).toThrow(CanonicalJsonError);
  });
});

describe('audit hash chain', () => {
  it('chains from the genesis hash and verifies', () => {
    const c = chain(20);
    expect(c[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(c[1]!.prev_hash).toBe(c[0]!.hash);
    expect(c[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAuditChain(c)).toEqual({ ok: true, count: 20, head: c[19]!.hash });
  });

  it('names the first edited record', () => {
    const c = chain(20);
    c[7] = { ...c[7]!, detail: c[7]!.detail.replace('"call"', '"sms"') };
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBrokenSeq: 8, reason: 'hash_mismatch' });
  });

  it('names a record re-hashed after an edit by its broken successor', () => {
    const c = chain(20);
    const edited = { ...c[4]!, actor: 'someone-else' };
    // The forger recomputes this row's hash, but the next row still points at the old one.
    const forged = nextAuditRecord(c[3]!, { at: edited.at, actor: edited.actor, action: edited.action, subject: edited.subject, detail: JSON.parse(edited.detail) });
    c[4] = forged;
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBrokenSeq: 6, reason: 'prev_hash_mismatch' });
  });

  it('finds a removed record and a truncated tail (with the head kept elsewhere)', () => {
    const c = chain(10);
    expect(verifyAuditChain([...c.slice(0, 3), ...c.slice(4)])).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'missing_rows' });
    expect(verifyAuditChain(c.slice(0, 8), { expectedHead: c[9]!.hash })).toMatchObject({ ok: false, firstBrokenSeq: 9, reason: 'head_mismatch' });
  });

  it('refuses a bad entry with a specific error', () => {
    expect(() => nextAuditRecord(null, { at: 'yesterday', actor: 'a', action: 'login' })).toThrow();
    expect(() => nextAuditRecord(null, { at: '2026-07-14T15:00:00Z', actor: '', action: 'login' })).toThrow();
  });
});
