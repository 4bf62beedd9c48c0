/**
 * The audit trail's hash chain, pure. Each record's hash is SHA-256 over the canonical JSON of its content
 * (seq, at, actor, action, subject, detail) followed by the previous record's hash, so editing, removing or
 * reordering any row breaks every link after it. The first record chains to GENESIS_HASH.
 *
 * What a chain cannot show alone is the loss of its newest rows (truncation): keep the last hash somewhere else
 * (the sync server records the head it last saw) and pass it as `expectedHead`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

export const GENESIS_HASH = '0'.repeat(64);

/** What the audit log records. Codes, not sentences: the viewer renders them in the reader's language. */
export const AUDIT_ACTIONS = [
  'contact_attempt', // a contact allowed by the compliance check and made
  'contact_blocked', // a contact the check refused
  'contact_override', // a lead's override of a refusal
  'debtor_viewed', // a debtor's record opened
  'export', // data exported
  'flag_changed', // a stop flag set or cleared
  'compliance_settings_changed',
  'creditor_rules_changed',
  'login',
  'logout',
] as const;

const ActionCode = z.string().regex(/^[a-z][a-z0-9_.]{1,63}$/, 'action code');

export const AuditEntryInput = z
  .object({
    /** UTC ISO instant. */
    at: z.iso.datetime({ offset: true }),
    /** User id (or "system"). */
    actor: z.string().min(1).max(128),
    action: ActionCode,
    /** What it is about, e.g. "debtor:D-123" or "account:A-9". */
    subject: z.string().min(1).max(256).nullable().default(null),
    /** Any JSON value (the decision, the reasons, the override…). */
    detail: z.unknown().default({}),
  })
  .strict();
export type AuditEntryInput = z.input<typeof AuditEntryInput>;

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  /** Canonical JSON text of the detail. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** A value that cannot be put in canonical JSON (undefined, a function, NaN, Infinity, a cycle…). */
export class CanonicalJsonError extends Error {
  constructor(readonly path: string, what: string) {
    super(`audit.error.not_json: ${what} at ${path || '(root)'}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as JSON.stringify writes them.
 * Refuses what JSON.stringify would silently drop or change, so the hashed text is exactly what is stored.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(v)) throw new CanonicalJsonError(path, String(v));
        return JSON.stringify(v);
      case 'object': {
        if (seen.has(v)) throw new CanonicalJsonError(path, 'a cycle');
        seen.add(v);
        let out: string;
        if (Array.isArray(v)) {
          out = `[${v.map((x, i) => walk(x, `${path}[${i}]`)).join(',')}]`;
        } else {
          const proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(path, `a ${proto?.constructor?.name ?? 'non-plain'} object`);
          const keys = Object.keys(v).sort();
          out = `{${keys
            .map((k) => {
              const x = (v as Record<string, unknown>)[k];
              if (x === undefined) throw new CanonicalJsonError(`${path}.${k}`, 'undefined');
              return `${JSON.stringify(k)}:${walk(x, `${path}.${k}`)}`;
            })
            .join(',')}}`;
        }
        seen.delete(v);
        return out;
      }
      default:
        throw new CanonicalJsonError(path, typeof v);
    }
  };
  return walk(value, '');
}

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex. */
export type Sha256Hex = (text: string) => string;

/**
 * The portable SHA-256 (@noble/hashes, plain JS: browser, Node, server). A Node process passes its native one
 * (main/services/audit: node:crypto), several times faster; both give the same hex for the same text.
 */
export const sha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/** The hash of a record given its content and the previous record's hash. */
export function computeAuditHash(prevHash: string, r: Omit<AuditRecord, 'prev_hash' | 'hash'>, hash: Sha256Hex = sha256Hex): string {
  const content = canonicalJson({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: r.detail });
  return hash(`${content}\n${prevHash}`);
}

/** Builds the next record of the chain (validated). `prev` is the last record, or null for the first. */
export function nextAuditRecord(prev: Pick<AuditRecord, 'seq' | 'hash'> | null, input: AuditEntryInput, hash: Sha256Hex = sha256Hex): AuditRecord {
  const e = AuditEntryInput.parse(input);
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const base = { seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: canonicalJson(e.detail ?? {}) };
  return { ...base, prev_hash: prevHash, hash: computeAuditHash(prevHash, base, hash) };
}

export type ChainBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'missing_rows' | 'malformed_row' | 'head_mismatch';

export type ChainVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; firstBrokenSeq: number; reason: ChainBreakReason; count: number };

/**
 * Incremental verifier: feed records in seq order, then `finish()`. Stops at the first broken link, which is the
 * seq the verify command names.
 */
export function chainVerifier(opts: { expectedHead?: string; hash?: Sha256Hex } = {}) {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let broken: ChainVerdict | null = null;
  return {
    /** Returns false once the chain is broken (stop feeding). */
    push(r: AuditRecord): boolean {
      if (broken) return false;
      const fail = (firstBrokenSeq: number, reason: ChainBreakReason) => {
        broken = { ok: false, firstBrokenSeq, reason, count };
        return false;
      };
      if (!Number.isInteger(r.seq) || typeof r.hash !== 'string' || typeof r.prev_hash !== 'string' || typeof r.detail !== 'string') {
        return fail(prevSeq + 1, 'malformed_row');
      }
      if (r.seq !== prevSeq + 1) return fail(prevSeq + 1, 'missing_rows');
      if (r.prev_hash !== prevHash) return fail(r.seq, 'prev_hash_mismatch');
      let expected: string;
      try {
        expected = computeAuditHash(r.prev_hash, r, opts.hash);
      } catch {
        return fail(r.seq, 'malformed_row');
      }
      if (expected !== r.hash) return fail(r.seq, 'hash_mismatch');
      prevSeq = r.seq;
      prevHash = r.hash;
      count++;
      return true;
    },
    finish(): ChainVerdict {
      if (broken) return broken;
      if (opts.expectedHead !== undefined && opts.expectedHead !== prevHash) {
        return { ok: false, firstBrokenSeq: prevSeq + 1, reason: 'head_mismatch', count };
      }
      return { ok: true, count, head: prevHash };
    },
  };
}

export function verifyAuditChain(records: Iterable<AuditRecord>, opts: { expectedHead?: string } = {}): ChainVerdict {
  const v = chainVerifier(opts);
  for (const r of records) if (!v.push(r)) break;
  return v.finish();
}
