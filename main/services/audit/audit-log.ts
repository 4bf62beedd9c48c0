/**
 * The desk's audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained
 * (shared/compliance/audit-chain). Every contact attempt, block, override, view of a debtor's record and export
 * goes through `appendAudit`; `verifyAuditLog` walks the chain and names the first broken link.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import {
  chainVerifier,
  nextAuditRecord,
  type AuditEntryInput,
  type AuditRecord,
  type ChainBreakReason,
  type Sha256Hex,
} from '../../../shared/compliance/audit-chain';
import type { Decision } from '../../../shared/compliance/check';

type Db = Database.Database;

/** The table, exactly as the store's migration creates it. */
export const AUDIT_LOG_TABLE_DDL =
  'CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)';

/** The triggers that make it append-only; for the store's migration. */
export const AUDIT_LOG_TRIGGERS_DDL = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

/** Node's native SHA-256 for the chain: the same hex as the shared portable one, without its JS cost on every view. */
export const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const statements = new WeakMap<Db, { last: Database.Statement; insert: Database.Statement }>();

function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subject, @detail, @prev_hash, @hash)',
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Appends one entry, chained to the current last row, in an IMMEDIATE transaction so two writers (UI and sync
 * worker) can never chain to the same predecessor. Throws a zod error for a malformed entry (nothing written).
 */
export function appendAudit(db: Db, entry: AuditEntryInput): AuditRecord {
  const s = prepared(db);
  const tx = db.transaction((e: AuditEntryInput) => {
    const last = s.last.get() as { seq: number; hash: string } | undefined;
    const record = nextAuditRecord(last ?? null, e, nodeSha256Hex);
    s.insert.run(record);
    return record;
  });
  return tx.immediate(entry);
}

export type AuditVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; firstBrokenSeq: number; reason: ChainBreakReason; count: number };

/** Walks the whole log in seq order (streaming, constant memory). `expectedHead`: the last hash seen elsewhere. */
export function verifyAuditLog(db: Db, opts: { expectedHead?: string } = {}): AuditVerdict {
  const v = chainVerifier({ ...opts, hash: nodeSha256Hex });
  const rows = db.prepare('SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRecord>;
  for (const r of rows) {
    if (!v.push(r)) {
      rows.return?.();
      break;
    }
  }
  return v.finish();
}

/**
 * Records a compliance decision: 'contact_attempt' (allowed), 'contact_override' (allowed by a lead) or
 * 'contact_blocked', with the reasons and the next allowed moment.
 */
export function auditContactDecision(
  db: Db,
  args: {
    at: string;
    actor: string;
    debtorId: string;
    accountId: string | null;
    channel: string;
    phoneE164?: string | null;
    decision: Decision;
  },
): AuditRecord {
  const { decision } = args;
  const base = { debtorId: args.debtorId, accountId: args.accountId, channel: args.channel, phoneE164: args.phoneE164 ?? null };
  if (decision.allowed && decision.override) {
    return appendAudit(db, {
      at: args.at,
      actor: args.actor,
      action: 'contact_override',
      subject: `debtor:${args.debtorId}`,
      detail: { ...base, override: decision.override },
    });
  }
  if (decision.allowed) {
    return appendAudit(db, { at: args.at, actor: args.actor, action: 'contact_attempt', subject: `debtor:${args.debtorId}`, detail: base });
  }
  return appendAudit(db, {
    at: args.at,
    actor: args.actor,
    action: 'contact_blocked',
    subject: `debtor:${args.debtorId}`,
    detail: { ...base, reasons: decision.reasons, nextAllowedAt: decision.nextAllowedAt },
  });
}
