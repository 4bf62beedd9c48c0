import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflictRules } from '../../shared/sync/conflicts';
import { parsePayload, payloadSchemas, MUTATION_KINDS } from '../../shared/sync/mutations';
import { REFUSAL_KEYS, refusalMessages, refusalText } from '../../shared/sync/reasons';
import { PushRequest } from '../../shared/sync/wire';
import { makeMutation } from './harness';

describe('sync contract', () => {
  it('docs/sync.md states the conflict rule of every entity the code knows', () => {
    const doc = readFileSync(new URL('../../docs/sync.md', import.meta.url), 'utf8');
    const words: Record<string, string> = {
      'server-wins': 'server wins', 'append-only': 'append-only', 'server-validates': 'server validates', 'last-writer-wins': 'last writer wins',
    };
    const names: Record<string, string> = { callEvent: 'call event', audit: 'audit entry', phone: 'phone status' };
    for (const [entity, { rule }] of Object.entries(conflictRules)) {
      const name = names[entity] ?? entity;
      const row = doc.split('\n').find((l) => l.startsWith('|') && l.split('|')[1]!.includes(name));
      expect(row, `docs/sync.md has no row for ${entity}`).toBeDefined();
      expect(row).toContain(words[rule]);
    }
  });

  it('every refusal reads in Spanish and English with the same placeholders', () => {
    for (const key of REFUSAL_KEYS) {
      const es = refusalMessages.es[key].match(/\{\{\w+\}\}/g)?.sort();
      const en = refusalMessages.en[key].match(/\{\{\w+\}\}/g)?.sort();
      expect(es, key).toEqual(en);
    }
    expect(refusalText({ key: 'sync.refused.currencyMismatch', params: { currency: 'USD', expected: 'COP' } }, 'es'))
      .toBe('La moneda de la promesa (USD) no es la de la cuenta (COP).');
  });

  it('each kind has a payload schema that accepts what the desk makes and names the bad field otherwise', () => {
    expect(Object.keys(payloadSchemas).sort()).toEqual([...MUTATION_KINDS].sort());
    for (const kind of MUTATION_KINDS) {
      const m = makeMutation(kind, 0);
      expect(parsePayload(kind, m.payload)).toMatchObject({ ok: true, kind });
      const broken = parsePayload(kind, { ...m.payload, agentId: 42 });
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.error?.issues[0]?.path).toEqual(['agentId']);
    }
    expect(parsePayload('note.delete', {})).toEqual({ ok: false, unknownKind: true });
    expect(parsePayload('promise.add', { ...makeMutation('promise.add', 0).payload, status: 'kept' }).ok).toBe(false);
    expect(parsePayload('promise.add', { ...makeMutation('promise.add', 0).payload, amountMinor: 0 }).ok).toBe(false);
  });

  it('a batch must be non-empty, ≤ 1000, with increasing seqs and a well-formed client id', () => {
    const m = (seq: number) => ({ seq, id: crypto.randomUUID(), kind: 'note.add', payload: {}, createdAt: '2026-11-25T12:00:00Z' });
    expect(PushRequest.safeParse({ clientId: 'client-0001', mutations: [m(1), m(2)] }).success).toBe(true);
    expect(PushRequest.safeParse({ clientId: 'client-0001', mutations: [] }).success).toBe(false);
    expect(PushRequest.safeParse({ clientId: 'client-0001', mutations: [m(2), m(2)] }).success).toBe(false);
    expect(PushRequest.safeParse({ clientId: 'x', mutations: [m(1)] }).success).toBe(false);
    expect(PushRequest.safeParse({ clientId: 'client-0001', mutations: Array.from({ length: 1001 }, (_, i) => m(i + 1)) }).success).toBe(false);
  });
});
