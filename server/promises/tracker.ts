import { DateTime } from 'luxon';
import type { Money } from '../../shared/money';
import { parsePolicy, trackPromises, type PostedPayment, type TrackedPromise, type TrackedPromiseStatus } from '../../shared/negotiation';
import type { Database, Queryable } from '../db/port';
import { scheduleFor } from './schedule';

/** Serialises tracking runs across server instances on one database (arbitrary constant). */
const TRACK_LOCK = 6_604_120_337;

export interface TrackingRun {
  /** false when another instance was running at the same time (it covers this run's work). */
  ran: boolean;
  checked: number;
  changed: Array<{ promiseId: string; accountId: string; agentId: string; from: string; to: TrackedPromiseStatus }>;
}

interface PromiseRow extends Record<string, unknown> {
  id: string; account_id: string; agent_id: string; amount_minor: number; currency: string; due_date: string;
  installments: number; status: string; created_at: Date; policy_id: string | null; creditor_id: string; segment: string;
  time_zone: string; terms: unknown;
}

/**
 * Matches posted payments to promises with the pure tracker (shared/negotiation/promise-tracking) and writes the
 * status of every open promise that changed: kept, partial, or broken once its date plus the policy's grace days
 * passed unpaid. A broken promise is what the desk's queue priority counts (shared/queue/priority), and the
 * status change bumps the row's change sequence, so the assigned agent's desk pulls it and sees the account
 * rise. Resolved promises (kept, broken, cancelled) never change again.
 */
export async function trackOpenPromises(db: Database, opts: { now: Date; accountIds?: readonly string[] }): Promise<TrackingRun> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [TRACK_LOCK]);
    if (!lock?.ok) return { ran: false, checked: 0, changed: [] };
    // Every promise of an account with an open one: earlier promises take earlier payments first.
    const rows = await tx.query<PromiseRow>(
      `select p.id, p.account_id, p.agent_id, p.amount_minor, p.currency, p.due_date, p.installments, p.status, p.created_at,
              p.policy_id, a.creditor_id, a.segment, d.time_zone,
              (select e.detail from audit_events e where e.action = 'promise.terms' and e.subject = p.id order by e.at desc limit 1) as terms
         from promises p join accounts a on a.id = p.account_id join debtors d on d.id = p.debtor_id
        where p.account_id in (select account_id from promises where status in ('pending', 'partial')
                                 ${opts.accountIds ? 'and account_id = any($1::text[])' : ''})
        order by p.account_id, p.created_at, p.id`,
      opts.accountIds ? [[...opts.accountIds]] : [],
    );
    if (rows.length === 0) return { ran: true, checked: 0, changed: [] };
    const accountIds = [...new Set(rows.map((r) => r.account_id))];
    const grace = await graceDays(tx, rows);
    const payments = await tx.query<{ id: string; account_id: string; amount_minor: number; currency: string; posted_at: string }>(
      'select id, account_id, amount_minor, currency, posted_at from payments where account_id = any($1::text[])',
      [accountIds],
    );
    const promises: TrackedPromise[] = rows.map((r) => {
      const createdAt = r.created_at.toISOString();
      return {
        id: r.id, accountId: r.account_id, agentId: r.agent_id, createdAt,
        createdOn: DateTime.fromISO(createdAt, { zone: 'utc' }).setZone(r.time_zone).toISODate() as string,
        zone: r.time_zone, schedule: scheduleFor(r, r.terms), cancelled: r.status === 'cancelled',
      };
    });
    const posted: PostedPayment[] = payments.map((p) => ({
      id: p.id, accountId: p.account_id, amount: { amountMinor: p.amount_minor, currency: p.currency as Money['currency'] }, postedOn: p.posted_at,
    }));
    const result = trackPromises({ promises, payments: posted, graceDays: (p) => grace.get(p.id) ?? 0, now: opts.now.toISOString() });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const changed: TrackingRun['changed'] = [];
    for (const t of result.promises) {
      const row = byId.get(t.promiseId)!;
      if (row.status !== 'pending' && row.status !== 'partial') continue;
      if (t.status === row.status || t.status === 'cancelled') continue;
      changed.push({ promiseId: t.promiseId, accountId: t.accountId, agentId: t.agentId, from: row.status, to: t.status });
    }
    if (changed.length > 0) {
      await tx.query(
        `update promises p set status = c.status from unnest($1::text[], $2::text[]) as c(id, status) where p.id = c.id`,
        [changed.map((c) => c.promiseId), changed.map((c) => c.to)],
      );
    }
    return { ran: true, checked: rows.filter((r) => r.status === 'pending' || r.status === 'partial').length, changed };
  });
}

/** Grace days per promise: the policy it was made under, else the newest policy of its creditor and segment. */
async function graceDays(tx: Queryable, rows: readonly PromiseRow[]): Promise<Map<string, number>> {
  const policies = await tx.query<{ id: string; creditor_id: string; segment: string; version: number; body: unknown }>(
    `select id, creditor_id, segment, version, body from policies
      where id = any($1::text[]) or (creditor_id, segment) in (select * from unnest($2::text[], $3::text[]))`,
    [[...new Set(rows.map((r) => r.policy_id).filter((x): x is string => !!x))], rows.map((r) => r.creditor_id), rows.map((r) => r.segment)],
  );
  const graceOf = (body: unknown): number | null => {
    const p = parsePolicy(body);
    if (p.ok) return p.policy.graceDays;
    const g = (body as { graceDays?: unknown } | null)?.graceDays;
    return typeof g === 'number' && Number.isInteger(g) && g >= 0 ? g : null;
  };
  const byId = new Map(policies.map((p) => [p.id, graceOf(p.body)]));
  const newest = new Map<string, { version: number; grace: number | null }>();
  for (const p of policies) {
    const k = `${p.creditor_id}\u0000${p.segment}`;
    const cur = newest.get(k);
    if (!cur || p.version > cur.version) newest.set(k, { version: p.version, grace: graceOf(p.body) });
  }
  const out = new Map<string, number>();
  for (const r of rows) {
    const g = (r.policy_id ? byId.get(r.policy_id) : null) ?? newest.get(`${r.creditor_id}\u0000${r.segment}`)?.grace ?? 0;
    out.set(r.id, g);
  }
  return out;
}
