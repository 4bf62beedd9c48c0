import type { Db } from '../store/open';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';
import { localHour } from '../../../shared/queue/local-hour';
import { nationalDigits } from '../store/migrations/0002-search';
import { searchAccounts, searchDocument } from '../store/search-text';

export interface SweepResult {
  removedAccounts: number;
  removedDebtors: number;
}

/**
 * Writes the agent's slice into the local store. A refresh is a generation: `begin()` numbers it, every page is
 * upserted in its own transaction stamping `seen_gen`, and `finish()` removes — in one transaction — what that
 * generation did not see (an account reassigned away leaves, with the callbacks on it the server holds; a debtor
 * with no account left leaves with all their rows). An interrupted refresh (offline mid-way) never sweeps, so
 * nothing is lost. Rows the agent made locally carry seen_gen NULL and are swept only as above: a callback on an
 * account that left, once its `callback.add` is acknowledged (the server has it, now the other agent's).
 *
 * Upserts use ON CONFLICT DO UPDATE, never INSERT OR REPLACE: REPLACE deletes the old row and would cascade to
 * the debtor's contacts, notes and promises.
 */
export class SliceWriter {
  private readonly stmts;

  constructor(private readonly db: Db) {
    // `linkOnly`: an optional account link kept only when the account is in the store (see applyPage).
    const upsert = (table: string, cols: string[], key = 'id', linkOnly?: string) =>
      db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols
          .map((c) => (c === linkOnly ? `(SELECT id FROM accounts WHERE id = @${c})` : '@' + c))
          .join(', ')})
         ON CONFLICT(${key}) DO UPDATE SET ${cols.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
    this.stmts = {
      creditor: upsert('creditors', ['id', 'name', 'country']),
      debtor: upsert('debtors', ['id', 'creditor_id', 'full_name', 'document_type', 'document_id', 'birth_date', 'country',
        'region', 'city', 'time_zone', 'language', 'flags', 'profile', 'updated_at', 'seen_gen']),
      account: upsert('accounts', ['id', 'debtor_id', 'creditor_id', 'account_number', 'product', 'currency', 'balance_minor',
        'principal_minor', 'days_past_due', 'due_since', 'last_payment_at', 'segment', 'assigned_agent_id', 'status',
        'updated_at', 'seen_gen']),
      phone: upsert('phones', ['id', 'debtor_id', 'e164', 'national_digits', 'type', 'valid', 'status', 'updated_at', 'seen_gen']),
      payment: upsert('payments', ['id', 'account_id', 'amount_minor', 'currency', 'posted_at', 'method', 'seen_gen']),
      contact: upsert('contacts', ['id', 'debtor_id', 'account_id', 'agent_id', 'channel', 'direction', 'phone_e164',
        'started_at', 'ended_at', 'outcome', 'reason', 'notes', 'mos', 'conversation', 'local_hour', 'seen_gen'], 'id', 'account_id'),
      promise: upsert('promises', ['id', 'account_id', 'debtor_id', 'agent_id', 'amount_minor', 'currency', 'due_date',
        'method', 'installments', 'status', 'created_at', 'seen_gen']),
      callback: upsert('callbacks', ['id', 'debtor_id', 'account_id', 'agent_id', 'due_at', 'time_zone', 'note', 'status', 'seen_gen'],
        'id', 'account_id'),
      policy: upsert('policies', ['id', 'creditor_id', 'segment', 'version', 'body', 'seen_gen']),
      debtorZone: db.prepare('SELECT time_zone FROM debtors WHERE id = ?').pluck(),
      searchRow: db.prepare(`SELECT d.num, d.full_name, d.document_id,
          (SELECT group_concat(account_number, ' ') FROM accounts WHERE debtor_id = d.id) AS numbers
        FROM debtors d WHERE d.id = ?`),
      searchDelete: db.prepare('DELETE FROM debtor_search WHERE rowid = ?'),
      searchInsert: db.prepare('INSERT INTO debtor_search(rowid, name, document, accounts) VALUES (?, ?, ?, ?)'),
      getMeta: db.prepare('SELECT value FROM sync_meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** Starts a refresh generation. */
  begin(): number {
    const last = Number(this.stmts.getMeta.get('slice.generation') ?? 0);
    const gen = last + 1;
    this.stmts.setMeta.run('slice.generation', String(gen));
    return gen;
  }

  /**
   * Upserts one page in one transaction (foreign keys checked at its commit). A contact or callback names its
   * account only when that account is in the store once the page's accounts are written: a debtor's history
   * arrives with every page that carries one of their accounts, so it may name an account another agent works
   * (never in this slice) or one on a later page (linked again when that page lands). The row is kept — the
   * collector sees the debtor's whole history — without the link. Payments and promises have no such leeway:
   * their account must be in the page.
   */
  applyPage(gen: number, slice: PortfolioSlice): void {
    const s = this.stmts;
    this.db.transaction(() => {
      this.db.pragma('defer_foreign_keys = ON');
      for (const c of slice.creditors) s.creditor.run({ id: c.id, name: c.name, country: c.country });
      const zones = new Map<string, string>();
      const touched = new Set<string>();
      for (const d of slice.debtors) {
        zones.set(d.id, d.timeZone);
        touched.add(d.id);
        s.debtor.run({
          id: d.id, creditor_id: d.creditorId, full_name: d.fullName, document_type: d.documentType,
          document_id: d.documentId, birth_date: d.birthDate, country: d.country, region: d.region, city: d.city,
          time_zone: d.timeZone, language: d.language, flags: JSON.stringify(d.flags), profile: d.profile,
          updated_at: d.updatedAt, seen_gen: gen,
        });
      }
      // Before contacts and callbacks: their account link is kept only when the account is already written.
      for (const a of slice.accounts) {
        touched.add(a.debtorId);
        s.account.run({
          id: a.id, debtor_id: a.debtorId, creditor_id: a.creditorId, account_number: a.accountNumber, product: a.product,
          currency: a.currency, balance_minor: a.balanceMinor, principal_minor: a.principalMinor,
          days_past_due: a.daysPastDue, due_since: a.dueSince, last_payment_at: a.lastPaymentAt, segment: a.segment,
          assigned_agent_id: a.assignedAgentId, status: a.status, updated_at: a.updatedAt, seen_gen: gen,
        });
      }
      for (const p of slice.phones) {
        s.phone.run({
          id: p.id, debtor_id: p.debtorId, e164: p.e164, national_digits: nationalDigits(p.e164), type: p.type,
          valid: p.valid ? 1 : 0, status: p.status, updated_at: p.updatedAt, seen_gen: gen,
        });
      }
      for (const p of slice.payments) {
        s.payment.run({
          id: p.id, account_id: p.accountId, amount_minor: p.amountMinor, currency: p.currency, posted_at: p.postedAt,
          method: p.method, seen_gen: gen,
        });
      }
      const zoneOf = (debtorId: string): string => {
        let z = zones.get(debtorId);
        if (z === undefined) {
          z = (s.debtorZone.get(debtorId) as string | undefined) ?? 'UTC';
          zones.set(debtorId, z);
        }
        return z;
      };
      for (const c of slice.contacts) {
        s.contact.run({
          id: c.id, debtor_id: c.debtorId, account_id: c.accountId, agent_id: c.agentId, channel: c.channel,
          direction: c.direction, phone_e164: c.phoneE164, started_at: c.startedAt, ended_at: c.endedAt,
          outcome: c.outcome, reason: c.reason, notes: c.notes, mos: c.mos, conversation: c.conversation ? 1 : 0,
          local_hour: localHour(c.startedAt, zoneOf(c.debtorId)), seen_gen: gen,
        });
      }
      for (const p of slice.promises) {
        s.promise.run({
          id: p.id, account_id: p.accountId, debtor_id: p.debtorId, agent_id: p.agentId, amount_minor: p.amountMinor,
          currency: p.currency, due_date: p.dueDate, method: p.method, installments: p.installments, status: p.status,
          created_at: p.createdAt, seen_gen: gen,
        });
      }
      for (const c of slice.callbacks) {
        s.callback.run({
          id: c.id, debtor_id: c.debtorId, account_id: c.accountId, agent_id: c.agentId, due_at: c.dueAt,
          time_zone: c.timeZone, note: c.note, status: c.status, seen_gen: gen,
        });
      }
      for (const p of slice.policies) {
        s.policy.run({
          id: p.id, creditor_id: p.creditorId, segment: p.segment, version: p.version, body: JSON.stringify(p.body ?? null),
          seen_gen: gen,
        });
      }
      for (const id of touched) this.reindex(id);
    })();
  }

  /** Removes what generation `gen` did not see, in one transaction. */
  finish(gen: number): SweepResult {
    const db = this.db;
    return db.transaction(() => {
      const affected = db
        .prepare('SELECT DISTINCT debtor_id FROM accounts WHERE seen_gen IS NULL OR seen_gen < ?')
        .pluck().all(gen) as string[];
      // Before the accounts go, their callbacks the server holds go (the change pull's rule, sync/pull-apply.ts):
      // pulled ones, and the agent's own already pushed (no `callback.add` for them left in the outbox) — the other
      // agent's work now. Left to ON DELETE SET NULL, one pushed but never pulled back (seen_gen NULL) would stay
      // as a debtor-wide callback, and the queue would call the debtor again at the other agent's callback time.
      // One still in the outbox (pending, or refused because the account left) is the agent's unsynced work: it
      // stays, unlinked.
      db.prepare(`DELETE FROM callbacks WHERE account_id IN (SELECT id FROM accounts WHERE seen_gen IS NULL OR seen_gen < ?)
          AND (seen_gen IS NOT NULL OR NOT EXISTS (SELECT 1 FROM outbox o
            WHERE o.kind = 'callback.add' AND json_extract(o.payload, '$.id') = callbacks.id))`).run(gen);
      const removedAccounts = db.prepare('DELETE FROM accounts WHERE seen_gen IS NULL OR seen_gen < ?').run(gen).changes;
      for (const t of ['phones', 'payments', 'contacts', 'promises', 'callbacks', 'policies']) {
        db.prepare(`DELETE FROM ${t} WHERE seen_gen IS NOT NULL AND seen_gen < ?`).run(gen);
      }
      const removedDebtors = db
        .prepare('DELETE FROM debtors WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.debtor_id = debtors.id)')
        .run().changes;
      // Debtors who lost some (not all) accounts: their account numbers in the index change.
      for (const id of affected) this.reindex(id);
      this.stmts.setMeta.run('slice.completedGeneration', String(gen));
      this.stmts.setMeta.run('slice.refreshedAt', new Date().toISOString());
      return { removedAccounts, removedDebtors };
    })();
  }

  private reindex(debtorId: string): void {
    const r = this.stmts.searchRow.get(debtorId) as
      | { num: number; full_name: string; document_id: string; numbers: string | null }
      | undefined;
    if (!r) return;
    this.stmts.searchDelete.run(r.num);
    this.stmts.searchInsert.run(r.num, r.full_name, searchDocument(r.document_id), searchAccounts((r.numbers ?? '').split(' ')));
  }
}

/** Replaces the whole slice with one in-memory slice (tests, fixtures): begin, one page, finish. */
export function replaceSlice(db: Db, slice: PortfolioSlice): SweepResult {
  const w = new SliceWriter(db);
  const gen = w.begin();
  w.applyPage(gen, slice);
  return w.finish(gen);
}
