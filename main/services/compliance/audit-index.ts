/**
 * What the compliance service needs back from the audit log, kept in memory so a check never scans the log:
 * - the attempts this desk allowed in the last HISTORY_DAYS (they count toward caps before a contact exists),
 *   loaded once by walking the log from its newest row backwards, then kept current as the service appends;
 * - when this desk first learned of each debtor's stop flags (`flag_changed` rows), read per debtor on demand.
 */
import type { Db } from '../store/open';
import type { AuditRecord } from '../../../shared/compliance/audit-chain';
import type { FlagInput } from '../../../shared/compliance/check';
import type { ComplianceFlag } from '../../../shared/compliance/rules-schema';
import type { AttemptRecord } from './attempt-history';

export const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FlagKnowledge {
  flag: ComplianceFlag;
  /** When the flag took effect, as far as the desk can tell (the debtor record's update time on the server). */
  effectiveAt: string;
  /** When this desk first saw it (the flag_changed row). */
  receivedAt: string;
}

interface FlagChangedDetail {
  debtorId: string;
  added: ComplianceFlag[];
  removed: ComplianceFlag[];
  effectiveAt: string;
}

export function createAuditIndex(db: Db, now: () => Date) {
  const byDebtor = new Map<string, AttemptRecord[]>();
  const flags = new Map<string, Map<ComplianceFlag, FlagKnowledge>>();
  let loaded = false;
  /** Bumped whenever an attempt is added, so a cache of a debtor's events knows to look again. */
  let attemptsAdded = 0;
  const newestFirst = db.prepare(
    "SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE action IN ('contact_attempt', 'contact_override') ORDER BY seq DESC",
  );
  const flagRows = db.prepare("SELECT at, detail FROM audit_log WHERE action = 'flag_changed' AND subject = ? ORDER BY seq");

  function add(r: Pick<AuditRecord, 'seq' | 'at' | 'actor' | 'action' | 'detail'>): void {
    const d = JSON.parse(r.detail) as { debtorId: string; accountId: string | null; channel: AttemptRecord['channel']; phoneE164: string | null };
    const rec: AttemptRecord = {
      seq: r.seq, at: r.at, atMs: Date.parse(r.at), actor: r.actor, action: r.action as AttemptRecord['action'],
      debtorId: d.debtorId, accountId: d.accountId, channel: d.channel, phoneE164: d.phoneE164,
    };
    let list = byDebtor.get(rec.debtorId);
    if (!list) byDebtor.set(rec.debtorId, (list = []));
    list.push(rec);
    attemptsAdded++;
  }

  function load(): void {
    if (loaded) return;
    loaded = true;
    const since = now().getTime() - HISTORY_DAYS * DAY_MS;
    const found: AuditRecord[] = [];
    // seq order is append order, and `at` is the desk clock at append: stop at the first row older than the window.
    for (const r of newestFirst.iterate() as IterableIterator<AuditRecord>) {
      if (Date.parse(r.at) < since) break;
      found.push(r);
    }
    for (let i = found.length - 1; i >= 0; i--) add(found[i]!);
  }

  function knowledgeOf(debtorId: string): Map<ComplianceFlag, FlagKnowledge> {
    let k = flags.get(debtorId);
    if (k) return k;
    k = new Map();
    for (const r of flagRows.iterate(`debtor:${debtorId}`) as IterableIterator<{ at: string; detail: string }>) {
      const d = JSON.parse(r.detail) as FlagChangedDetail;
      for (const f of d.removed) k.delete(f);
      for (const f of d.added) k.set(f, { flag: f, effectiveAt: d.effectiveAt, receivedAt: r.at });
    }
    flags.set(debtorId, k);
    return k;
  }

  return {
    /** Allowed attempts on this debtor within the history window, oldest first. */
    attempts(debtorId: string): readonly AttemptRecord[] {
      load();
      const list = byDebtor.get(debtorId);
      if (!list) return NONE;
      const since = now().getTime() - HISTORY_DAYS * DAY_MS;
      let i = 0;
      while (i < list.length && list[i]!.atMs < since) i++;
      if (i > 0) list.splice(0, i);
      return list;
    },
    /** Changes whenever an attempt is added (loaded or recorded). */
    attemptsVersion(): number {
      load();
      return attemptsAdded;
    },
    /** Every debtor with attempts in the window (the queue merges only those). */
    hasAttempts(debtorId: string): boolean {
      load();
      return byDebtor.has(debtorId);
    },
    /** After the service appended a contact decision. */
    recorded(r: AuditRecord): void {
      if (!loaded) return; // the first load will read it
      if (r.action === 'contact_attempt' || r.action === 'contact_override') add(r);
    },
    /**
     * Compares the debtor's flags in the store with what the desk knew; returns the change to record (or null),
     * and applies it to memory once the caller has written the flag_changed row (`commit`).
     */
    flagChange(debtorId: string, current: readonly ComplianceFlag[], effectiveAt: string) {
      // Most debtors have no flag: no need to read the log for them (a lifted flag is seen once it was known).
      if (current.length === 0 && !flags.has(debtorId)) return null;
      const k = knowledgeOf(debtorId);
      const added = current.filter((f) => !k.has(f));
      const removed = [...k.keys()].filter((f) => !current.includes(f));
      if (added.length === 0 && removed.length === 0) return null;
      const detail: FlagChangedDetail = { debtorId, added, removed, effectiveAt };
      return {
        detail: { ...detail, flags: [...current] },
        commit(receivedAt: string) {
          for (const f of removed) k.delete(f);
          for (const f of added) k.set(f, { flag: f, effectiveAt, receivedAt });
        },
      };
    },
    /** The debtor's flags with when they took effect and when this desk learned of them. */
    flagInputs(debtorId: string, current: readonly ComplianceFlag[]): FlagInput[] {
      if (current.length === 0) return [];
      const k = knowledgeOf(debtorId);
      return current.map((f) => {
        const x = k.get(f);
        return x ? { flag: f, effectiveAt: x.effectiveAt, receivedAt: x.receivedAt } : f;
      });
    },
  };
}
export type AuditIndex = ReturnType<typeof createAuditIndex>;

const NONE: readonly AttemptRecord[] = Object.freeze([]);
