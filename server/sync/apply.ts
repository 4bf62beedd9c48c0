/**
 * Applies one pushed batch in ONE transaction together with the client's last applied sequence: a mutation
 * with seq ≤ last applied is a duplicate (its recorded outcome is repeated, nothing applied); seq = last + 1 is
 * validated and applied or refused with a reason (a refusal also consumes the seq, so it never blocks the queue);
 * a gap defers the rest of the batch until the missing seq arrives. Writes are multi-row (one statement per
 * table), so 1,000 mutations cost a handful of round trips.
 */
import { ApiError } from '../../shared/api/errors';
import { authorOf, parsePayload, type MutationKind, type MutationPayload } from '../../shared/sync/mutations';
import type { Refusal } from '../../shared/sync/reasons';
import type { PushRequest, PushResponse, PushResult } from '../../shared/sync/wire';
import { insertMany } from '../db/bulk';
import type { Queryable, Row } from '../db/port';
import type { Database } from '../db/port';
import { accountScope } from '../portfolio/scope';
import type { UserRecord } from '../users/repository';
import { invalidPayload, refusal } from './refusals';

/** Lets tests stop a server inside the transaction (kill -9 mid-transaction). */
export interface ApplyHooks {
  beforeCommit?: (info: { clientId: string; applied: number }) => Promise<void>;
}

interface Candidate {
  seq: number;
  id: string;
  kind: string;
  payload: unknown;
  refused?: Refusal;
  parsed?: { kind: MutationKind; value: MutationPayload<MutationKind> };
}

interface OwnedAccount {
  id: string;
  debtor_id: string;
  currency: string;
  status: string;
  creditor_id: string;
  segment: string;
}

export function forbiddenClient(clientId: string): ApiError {
  return new ApiError({
    code: 'forbidden',
    message: `client id ${clientId} belongs to another user`,
    key: 'errors.sync.clientNotYours',
    params: { clientId },
  });
}

export async function applyBatch(db: Database, user: UserRecord, req: PushRequest, hooks: ApplyHooks = {}): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    await tx.query(
      'insert into sync_clients (client_id, user_id) values ($1, $2) on conflict (client_id) do nothing',
      [req.clientId, user.id],
    );
    // The row lock serialises two batches of one client arriving at once (duplicates, two instances).
    const [client] = await tx.query<{ user_id: string; last_applied_seq: number }>(
      'select user_id, last_applied_seq from sync_clients where client_id = $1 for update',
      [req.clientId],
    );
    if (!client || client.user_id !== user.id) throw forbiddenClient(req.clientId);
    const start = Number(client.last_applied_seq);
    let last = start;

    const results: PushResult[] = [];
    const dupSeqs: number[] = [];
    const candidates: Candidate[] = [];
    let gapAt: number | null = null;
    for (const m of req.mutations) {
      if (m.seq <= start) {
        dupSeqs.push(m.seq);
      } else if (gapAt === null && m.seq === last + 1) {
        candidates.push({ seq: m.seq, id: m.id, kind: m.kind, payload: m.payload });
        last = m.seq;
      } else {
        gapAt ??= last + 1;
      }
    }

    const previous = new Map<number, { id: string; status: 'applied' | 'refused'; reason: Refusal | null }>();
    if (dupSeqs.length) {
      const rows = await tx.query<{ seq: number; mutation_id: string; status: 'applied' | 'refused'; reason: string | null }>(
        'select seq, mutation_id::text, status, reason from sync_mutations where client_id = $1 and seq = any($2::int8[])',
        [req.clientId, dupSeqs],
      );
      for (const r of rows) {
        previous.set(Number(r.seq), { id: r.mutation_id, status: r.status, reason: r.reason ? (JSON.parse(r.reason) as Refusal) : null });
      }
    }

    await validate(tx, user, candidates);
    const applied = candidates.filter((c) => !c.refused);
    await write(tx, req.clientId, applied);
    await insertMany(
      tx,
      'sync_mutations',
      candidates.map((c) => ({
        mutation_id: c.id,
        client_id: req.clientId,
        seq: c.seq,
        user_id: user.id,
        kind: c.kind.slice(0, 32),
        entity_id: c.refused ? null : String((c.parsed!.value as { id: string }).id),
        payload: c.refused ? (c.payload === undefined || c.payload === null ? {} : c.payload) : null,
        status: c.refused ? 'refused' : 'applied',
        reason: c.refused ? JSON.stringify(c.refused) : null,
      })),
      { chunk: 1000 },
    );
    await tx.query('update sync_clients set last_applied_seq = $2, last_seen_at = now() where client_id = $1', [req.clientId, last]);
    if (hooks.beforeCommit) await hooks.beforeCommit({ clientId: req.clientId, applied: applied.length });

    const bySeq = new Map(candidates.map((c) => [c.seq, c]));
    for (const m of req.mutations) {
      const c = bySeq.get(m.seq);
      if (c) {
        results.push(c.refused ? { seq: m.seq, id: m.id, outcome: 'refused', reason: c.refused } : { seq: m.seq, id: m.id, outcome: 'applied' });
      } else if (m.seq <= start) {
        const p = previous.get(m.seq);
        if (p && p.id !== m.id) {
          // Same seq, another mutation: the desk reused a number (a restored store). Never applied; tell it.
          results.push({ seq: m.seq, id: m.id, outcome: 'refused', reason: refusal('sync.refused.idReused', { id: m.id }) });
        } else {
          results.push({ seq: m.seq, id: m.id, outcome: 'duplicate', previous: p?.status ?? 'applied', reason: p?.reason ?? null });
        }
      } else {
        results.push({ seq: m.seq, id: m.id, outcome: 'deferred', missingSeq: gapAt ?? last + 1 });
      }
    }
    return { clientId: req.clientId, lastAppliedSeq: last, results };
  });
}

/** Schema per kind, author, ownership of every account/debtor/phone named, currency, policy version. */
async function validate(tx: Queryable, user: UserRecord, candidates: Candidate[]): Promise<void> {
  const accountIds = new Set<string>();
  const debtorIds = new Set<string>();
  const phoneIds = new Set<string>();
  for (const c of candidates) {
    const author = authorOf(c.payload);
    const parsed = parsePayload(c.kind, c.payload);
    if (!parsed.ok) {
      c.refused = parsed.unknownKind
        ? refusal('sync.refused.unknownKind', { kind: c.kind.slice(0, 32) })
        : invalidPayload(c.kind, parsed.error!);
      continue;
    }
    if (author !== user.id) {
      c.refused = refusal('sync.refused.wrongAgent', { agentId: author });
      continue;
    }
    c.parsed = parsed;
    const v = parsed.value as Record<string, unknown>;
    if (typeof v.accountId === 'string') accountIds.add(v.accountId);
    if (typeof v.debtorId === 'string') debtorIds.add(v.debtorId);
    if (parsed.kind === 'phone.mark') phoneIds.add(v.phoneId as string);
  }
  if (candidates.every((c) => c.refused)) return;

  // Ids already used by another mutation (a replay under another client id): refused, never applied twice.
  const ids = candidates.filter((c) => !c.refused).map((c) => c.id);
  const reused = new Set(
    (await tx.query<{ id: string }>('select mutation_id::text as id from sync_mutations where mutation_id = any($1::uuid[])', [ids])).map((r) => r.id),
  );

  const scope = accountScope(user, 3);
  const owned = await tx.query<OwnedAccount & Row>(
    `select a.id, a.debtor_id, a.currency, a.status, a.creditor_id, a.segment from accounts a
      where (a.id = any($1::text[]) or a.debtor_id = any($2::text[])) and ${scope.sql}`,
    [[...accountIds], [...debtorIds], ...scope.params],
  );
  const accounts = new Map(owned.map((a) => [a.id, a]));
  const debtors = new Set(owned.map((a) => a.debtor_id));
  const phones = new Map(
    phoneIds.size
      ? (await tx.query<{ id: string; debtor_id: string }>('select id, debtor_id from phones where id = any($1::text[])', [[...phoneIds]])).map((p) => [p.id, p.debtor_id])
      : [],
  );
  const recordingChecks = await recordingFacts(tx, user, candidates);
  const policyKeys = new Set<string>();
  for (const a of owned) policyKeys.add(`${a.creditor_id}\u0000${a.segment}`);
  const pairs = [...policyKeys].map((k) => k.split('\u0000'));
  const currentPolicy = new Map<string, number>();
  const policyIds = new Set<string>();
  if (pairs.length && candidates.some((c) => c.parsed?.kind === 'promise.add')) {
    const rows = await tx.query<{ creditor_id: string; segment: string; version: number }>(
      `select creditor_id, segment, max(version) as version from policies
        where (creditor_id, segment) in (select * from unnest($1::text[], $2::text[])) group by creditor_id, segment`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    for (const r of rows) currentPolicy.set(`${r.creditor_id}\u0000${r.segment}`, Number(r.version));
    const named = candidates.map((c) => (c.parsed?.value as { policyId?: string | null } | undefined)?.policyId).filter((x): x is string => !!x);
    if (named.length) {
      for (const r of await tx.query<{ id: string }>('select id from policies where id = any($1::text[])', [named])) policyIds.add(r.id);
    }
  }

  const ownsDebtor = (id: string) => debtors.has(id);
  const ownsAccount = (id: string, debtorId: string) => accounts.get(id)?.debtor_id === debtorId;
  for (const c of candidates) {
    if (c.refused || !c.parsed) continue;
    if (reused.has(c.id)) {
      c.refused = refusal('sync.refused.idReused', { id: c.id });
      continue;
    }
    const { kind, value } = c.parsed;
    switch (kind) {
      case 'note.add':
      case 'contact.add':
      case 'callback.add': {
        const v = value as { debtorId: string; accountId?: string | null };
        if (!ownsDebtor(v.debtorId)) c.refused = refusal('sync.refused.notAssigned', { entity: v.debtorId });
        else if (v.accountId && !ownsAccount(v.accountId, v.debtorId)) c.refused = refusal('sync.refused.notAssigned', { entity: v.accountId });
        break;
      }
      case 'promise.add': {
        const v = value as MutationPayload<'promise.add'>;
        const a = accounts.get(v.accountId);
        if (!a || a.debtor_id !== v.debtorId) c.refused = refusal('sync.refused.notAssigned', { entity: v.accountId });
        else if (a.status !== 'active') c.refused = refusal('sync.refused.accountClosed', { entity: a.id, status: a.status });
        else if (a.currency !== v.currency) c.refused = refusal('sync.refused.currencyMismatch', { currency: v.currency, expected: a.currency });
        else if (v.policyId && !policyIds.has(v.policyId)) c.refused = refusal('sync.refused.unknownEntity', { entity: v.policyId });
        else if (v.policyVersion != null) {
          const current = currentPolicy.get(`${a.creditor_id}\u0000${a.segment}`);
          if (current !== undefined && current > v.policyVersion) {
            c.refused = refusal('sync.refused.policyChanged', { version: v.policyVersion, current });
          }
        }
        break;
      }
      case 'phone.mark': {
        const v = value as MutationPayload<'phone.mark'>;
        const debtor = phones.get(v.phoneId);
        if (debtor === undefined || debtor !== v.debtorId) c.refused = refusal('sync.refused.unknownEntity', { entity: v.phoneId });
        else if (!ownsDebtor(v.debtorId)) c.refused = refusal('sync.refused.notAssigned', { entity: v.debtorId });
        break;
      }
      case 'call.event': {
        const v = value as MutationPayload<'call.event'>;
        if (v.debtorId && !ownsDebtor(v.debtorId)) c.refused = refusal('sync.refused.notAssigned', { entity: v.debtorId });
        break;
      }
      case 'recording.add': {
        const v = value as MutationPayload<'recording.add'>;
        const why = recordingChecks.check(v, ownsDebtor);
        if (why) c.refused = why;
        break;
      }
      case 'audit.append':
        break;
      default: {
        const never: never = kind;
        throw new Error(`unhandled mutation kind ${String(never)}`);
      }
    }
  }
}

/** The local effects, one multi-row statement per table; entity ids are UUIDs, so a replay is a no-op. */
async function write(tx: Queryable, clientId: string, applied: Candidate[]): Promise<void> {
  const of = <K extends MutationKind>(k: K) =>
    applied.filter((c) => c.parsed!.kind === k).map((c) => c.parsed!.value as MutationPayload<K>);
  const nothing = { onConflict: 'on conflict (id) do nothing', chunk: 1000 };
  await insertMany(tx, 'notes', of('note.add').map((n) => ({
    id: n.id, debtor_id: n.debtorId, agent_id: n.agentId, text: n.text, created_at: n.createdAt,
  })), nothing);
  await insertMany(tx, 'contacts', of('contact.add').map((c) => ({
    id: c.id, debtor_id: c.debtorId, account_id: c.accountId, agent_id: c.agentId, channel: c.channel,
    direction: c.direction, phone_e164: c.phoneE164, started_at: c.startedAt, ended_at: c.endedAt, outcome: c.outcome,
    reason: c.reason, notes: c.notes, mos: c.mos, conversation: c.conversation,
  })), nothing);
  await insertMany(tx, 'promises', of('promise.add').map((p) => ({
    id: p.id, account_id: p.accountId, debtor_id: p.debtorId, agent_id: p.agentId, amount_minor: p.amountMinor,
    currency: p.currency, due_date: p.dueDate, method: p.method, installments: p.installments, status: 'pending',
    policy_id: p.policyId ?? null, created_at: p.createdAt,
  })), nothing);
  await insertMany(tx, 'callbacks', of('callback.add').map((c) => ({
    id: c.id, debtor_id: c.debtorId, account_id: c.accountId, agent_id: c.agentId, due_at: c.dueAt,
    time_zone: c.timeZone, note: c.note, status: 'pending',
  })), nothing);
  await insertMany(tx, 'audit_events', of('audit.append').map((a) => ({
    id: a.id, agent_id: a.agentId, client_id: clientId, at: a.at, action: a.action, subject: a.subject, detail: a.detail,
  })), nothing);
  await insertMany(tx, 'call_events', of('call.event').map((e) => ({
    id: e.id, agent_id: e.agentId, call_id: e.callId, debtor_id: e.debtorId, phone_e164: e.phoneE164, event: e.event,
    at: e.at, detail: e.detail,
  })), nothing);
  // A recording seen again (same call, same bytes: a desk restored from a backup) links nothing new.
  await insertMany(tx, 'recordings', of('recording.add').map((r) => ({
    id: r.id, call_id: r.callId, sha256: r.sha256, agent_id: r.agentId, debtor_id: r.debtorId, mime_type: r.mimeType,
    bytes: r.bytes, started_at: r.startedAt, ended_at: r.endedAt,
  })), { onConflict: 'on conflict do nothing', chunk: 1000 });
  // Phone marks: last writer wins by the time of the mark (per-client order breaks ties); a desk never lifts
  // do_not_call (that takes the compliance workflow on the server).
  const latest = new Map<string, MutationPayload<'phone.mark'>>();
  for (const m of of('phone.mark')) {
    const prev = latest.get(m.phoneId);
    // Folded as if applied one by one: a later mark in the same batch does not lift a do_not_call either.
    if (prev?.status === 'do_not_call' && m.status !== 'do_not_call') continue;
    if (!prev || m.at >= prev.at) latest.set(m.phoneId, m);
  }
  if (latest.size) {
    await tx.query(
      `update phones p set status = m.status, updated_at = m.at
         from json_to_recordset($1::json) as m(id text, status text, at timestamptz)
        where p.id = m.id and p.updated_at <= m.at and not (p.status = 'do_not_call' and m.status <> 'do_not_call')`,
      [JSON.stringify([...latest.values()].map((m) => ({ id: m.phoneId, status: m.status, at: m.at })))],
    );
  }
}

/**
 * What `recording.add` needs to know, read once per batch: calls with another agent's events or recording, the
 * recordings already linked, and which blobs the server holds. `check` refuses: another agent's call, a debtor not
 * the agent's, a call that already has a different recording (also earlier in this batch), bytes never uploaded.
 */
async function recordingFacts(tx: Queryable, user: UserRecord, candidates: Candidate[]) {
  const recs = candidates.filter((c) => !c.refused && c.parsed?.kind === 'recording.add').map((c) => c.parsed!.value as MutationPayload<'recording.add'>);
  const foreignCalls = new Set<string>();
  const linked = new Map<string, { agent_id: string; sha256: string }>();
  const blobs = new Map<string, number>();
  if (recs.length) {
    const calls = [...new Set(recs.map((r) => r.callId))].sort();
    // Two batches linking the same call at once (two desks of one agent, two instances) take turns here, so the
    // second sees the first's link and is refused `recordingConflict` instead of silently linking nothing.
    await tx.query('select pg_advisory_xact_lock(7311442, hashtext(c)) from unnest($1::text[]) as c', [calls]);
    for (const r of await tx.query<{ call_id: string }>(
      'select distinct call_id from call_events where call_id = any($1::text[]) and agent_id <> $2', [calls, user.id],
    )) foreignCalls.add(r.call_id);
    for (const r of await tx.query<{ call_id: string; agent_id: string; sha256: string }>(
      'select call_id, agent_id, sha256 from recordings where call_id = any($1::text[])', [calls],
    )) linked.set(r.call_id, r);
    for (const r of await tx.query<{ sha256: string; bytes: number }>(
      'select sha256, bytes from recording_blobs where sha256 = any($1::text[])', [[...new Set(recs.map((r) => r.sha256))]],
    )) blobs.set(r.sha256, Number(r.bytes));
  }
  const inBatch = new Map<string, string>();
  return {
    check(v: MutationPayload<'recording.add'>, ownsDebtor: (id: string) => boolean): Refusal | null {
      const link = linked.get(v.callId);
      if (foreignCalls.has(v.callId) || (link && link.agent_id !== user.id)) return refusal('sync.refused.callNotYours', { callId: v.callId });
      if (v.debtorId && !ownsDebtor(v.debtorId)) return refusal('sync.refused.notAssigned', { entity: v.debtorId });
      const other = link?.sha256 ?? inBatch.get(v.callId);
      if (other !== undefined && other !== v.sha256) return refusal('sync.refused.recordingConflict', { callId: v.callId });
      const size = blobs.get(v.sha256);
      if (size === undefined) return refusal('sync.refused.recordingNotUploaded', { callId: v.callId });
      if (size !== v.bytes) {
        return refusal('sync.refused.invalidPayload', { kind: 'recording.add', field: 'bytes', reason: `the uploaded recording has ${size} bytes` });
      }
      inBatch.set(v.callId, v.sha256);
      return null;
    },
  };
}
