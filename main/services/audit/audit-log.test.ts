import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContactAttempt, createRulebook } from '../../../shared/compliance';
import fc from 'fast-check';
import { chainVerifier, sha256Hex, type AuditRecord } from '../../../shared/compliance/audit-chain';
import { AUDIT_LOG_TABLE_DDL, AUDIT_LOG_TRIGGERS_DDL, appendAudit, auditContactDecision, nodeSha256Hex, verifyAuditLog } from './audit-log';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recaudo-audit-'));
  db = new Database(join(dir, 'desk.db'));
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`key = "x'${'ab'.repeat(32)}'"`);
  db.exec(AUDIT_LOG_TABLE_DDL);
  db.exec(AUDIT_LOG_TRIGGERS_DDL);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    appendAudit(db, { at: `2026-07-14T15:00:${String(i % 60).padStart(2, '0')}Z`, actor: 'agent-1', action: 'debtor_viewed', subject: `debtor:D-${i}`, detail: { i } });
  }
}

describe('audit log (SQLCipher, append-only, hash-chained)', () => {
  it('appends chained rows and verifies them', () => {
    fill(40);
    const v = verifyAuditLog(db);
    expect(v).toMatchObject({ ok: true, count: 40 });
    const head = db.prepare('SELECT hash FROM audit_log WHERE seq = 40').pluck().get();
    expect(v.ok && v.head).toBe(head);
    expect(verifyAuditLog(db, { expectedHead: 'f'.repeat(64) })).toMatchObject({ ok: false, reason: 'head_mismatch' });
  });

  it('chains with the native SHA-256 of Node exactly as with the portable one (the server verifies with that one)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(nodeSha256Hex(text)).toBe(sha256Hex(text));
    }));
    fill(25);
    const portable = chainVerifier();
    for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRecord[]) expect(portable.push(r)).toBe(true);
    expect(portable.finish()).toMatchObject({ ok: true, count: 25 });
  });

  it('refuses UPDATE and DELETE', () => {
    fill(3);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('finds a tampered row (trigger dropped, detail edited) and names its seq', () => {
    fill(30);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET detail = '{"i":999}' WHERE seq = 17`).run();
    expect(verifyAuditLog(db)).toEqual({ ok: false, firstBrokenSeq: 17, reason: 'hash_mismatch', count: 16 });
  });

  it('finds a deleted row', () => {
    fill(12);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, firstBrokenSeq: 5, reason: 'missing_rows' });
  });

  it('refuses a malformed entry and writes nothing', () => {
    expect(() => appendAudit(db, { at: 'now', actor: 'a', action: 'login' })).toThrow();
    expect(() => appendAudit(db, { at: '2026-07-14T15:00:00Z', actor: 'a', action: 'login', detail: { x: undefined } })).toThrow(/not_json/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('records allowed, blocked and overridden contact decisions', () => {
    const rules = createRulebook();
    const debtor = { id: 'D-1', country: 'US', region: 'NY', flags: [] };
    const account = { id: 'A-1' };
    const late = '2026-07-15T01:30:00Z';
    const blocked = checkContactAttempt({ rules, debtor, account, attempt: { channel: 'call', at: late }, history: [] });
    const overridden = checkContactAttempt({ rules, debtor, account, attempt: { channel: 'call', at: late, override: { by: 'lead-7', role: 'lead', reason: 'Debtor asked for 21:30' } }, history: [] });
    const ok = checkContactAttempt({ rules, debtor, account, attempt: { channel: 'call', at: '2026-07-15T15:00:00Z' }, history: [] });
    for (const [decision, at] of [[blocked, late], [overridden, late], [ok, '2026-07-15T15:00:00Z']] as const) {
      auditContactDecision(db, { at, actor: 'agent-1', debtorId: 'D-1', accountId: 'A-1', channel: 'call', decision });
    }
    const rows = db.prepare('SELECT action, detail FROM audit_log ORDER BY seq').all() as Array<{ action: string; detail: string }>;
    expect(rows.map((r) => r.action)).toEqual(['contact_blocked', 'contact_override', 'contact_attempt']);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ nextAllowedAt: '2026-07-15T12:00:00.000Z', reasons: [{ code: 'outside_hours' }] });
    expect(JSON.parse(rows[1]!.detail)).toMatchObject({ override: { by: 'lead-7', reason: 'Debtor asked for 21:30' } });
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: 3 });
  });
});
