import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_TABLE_DDL, AUDIT_LOG_TRIGGERS_DDL, appendAudit } from '../main/services/audit/audit-log';

const KEY = 'c3'.repeat(32);
let dir: string;
let dbFile: string;
let keyFile: string;

function verify(...extra: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'audit-verify.ts'), ...extra], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recaudo-audit-cli-'));
  dbFile = join(dir, 'desk.db');
  keyFile = join(dir, 'store.key');
  writeFileSync(keyFile, KEY + '\n');
  const db = new Database(dbFile);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`key = "x'${KEY}'"`);
  db.exec(AUDIT_LOG_TABLE_DDL);
  db.exec(AUDIT_LOG_TRIGGERS_DDL);
  for (let i = 1; i <= 25; i++) appendAudit(db, { at: '2026-07-14T15:00:00Z', actor: 'agent-1', action: 'contact_attempt', subject: `debtor:D-${i}`, detail: { i } });
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/audit-verify.ts', () => {
  it('prints OK for an intact encrypted log', () => {
    const r = verify(dbFile, '--key-file', keyFile);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: 25 records, head [0-9a-f]{64}/);
  });

  it('refuses the wrong key and a missing file with exit 2', () => {
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'd4'.repeat(32));
    expect(verify(dbFile, '--key-file', bad).code).toBe(2);
    expect(verify(join(dir, 'nope.db')).code).toBe(2);
    expect(verify().code).toBe(2);
  });

  it('names the first broken link after one row is tampered with', () => {
    const db = new Database(dbFile);
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma(`key = "x'${KEY}'"`);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 13").run();
    db.close();
    const r = verify(dbFile, '--key-file', keyFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN: first broken link at seq 13 (hash_mismatch)');
  });
});
