/**
 * The contact's call timeline: each softphone event is written to `call_events` and, in the same transaction, to
 * the outbox as a `call.event` mutation (shared/sync/mutations), so the record is complete even if the app dies
 * right after, and the server gets it once (the event id is derived from the call id + type + time, so a replay
 * of the same event is a no-op here and on the server).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../store/open';
import { createOutbox } from '../outbox/outbox';
import type { CallLogEvent, CallRecord } from '../../../shared/api/methods/calls';
import { CallEvent as WireCallEvent } from '../../../shared/sync/mutations';

type WireEvent = 'dialed' | 'ringing' | 'answered' | 'held' | 'resumed' | 'transferred' | 'ended' | 'failed';

const E164_RE = /^\+[1-9]\d{6,14}$/;

/** The sync vocabulary for an engine event; null = kept locally only (the wire has no word for it yet). */
export function wireEventOf(e: CallLogEvent): WireEvent | null {
  switch (e.type) {
    case 'dial': return 'dialed';
    case 'incoming':
    case 'ringing': return 'ringing';
    case 'answer': return 'answered';
    case 'decline': return 'ended';
    case 'hold': return 'held';
    case 'resume': return 'resumed';
    case 'transfer': return 'transferred';
    case 'hangup': return e.talkSec > 0 || e.cause === 'normal' ? 'ended' : 'failed';
    case 'mute':
    case 'recording': return null;
  }
}

/** The event's own fields beyond the common ones: what the timeline and the server's KPIs read. */
export function detailOf(e: CallLogEvent): Record<string, unknown> {
  const { callId: _c, sipCallId: _s, contactId: _ct, direction, remote: _r, at: _a, type, ...rest } = e;
  return { direction, ...(type === 'decline' ? { declined: true } : {}), ...(type === 'incoming' ? { incoming: true } : {}), ...rest };
}

function eventId(e: CallLogEvent): string {
  const h = createHash('sha256').update(`${e.callId}\u0000${e.type}\u0000${e.at}\u0000${JSON.stringify(detailOf(e))}`).digest('hex');
  return `ce-${h.slice(0, 40)}`;
}

export function createCallLog(db: Db) {
  const outbox = createOutbox(db);
  const exists = db.prepare('SELECT 1 FROM call_events WHERE id = ?').pluck();
  const insert = db.prepare(`INSERT INTO call_events (id, call_id, sip_call_id, debtor_id, agent_id, direction, remote, type, at, detail)
    VALUES (@id, @callId, @sipCallId, @debtorId, @agentId, @direction, @remote, @type, @at, @detail)`);
  // A call dialed before its debtor was known (screen-pop after ringing) gets the debtor on its earlier events.
  const adopt = db.prepare('UPDATE call_events SET debtor_id = ? WHERE call_id = ? AND debtor_id IS NULL');
  const callsOf = db.prepare(`SELECT call_id FROM call_events WHERE debtor_id = ?
    GROUP BY call_id ORDER BY min(at) DESC LIMIT ?`).pluck();
  const eventsOf = db.prepare('SELECT * FROM call_events WHERE call_id = ? ORDER BY at, rowid');
  const recordingOf = db.prepare('SELECT 1 FROM call_recordings WHERE call_id = ?').pluck();

  return {
    /** Writes one event and its outbox row in one transaction. Returns whether it was already there. */
    log(e: CallLogEvent, agentId: string): { id: string; duplicate: boolean } {
      const id = eventId(e);
      const at = new Date(e.at).toISOString();
      return db.transaction(() => {
        if (exists.get(id)) return { id, duplicate: true };
        const detail = detailOf(e);
        insert.run({
          id, callId: e.callId, sipCallId: e.sipCallId, debtorId: e.contactId ?? null, agentId,
          direction: e.direction, remote: e.remote, type: e.type, at, detail: JSON.stringify(detail),
        });
        if (e.contactId) adopt.run(e.contactId, e.callId);
        const wire = wireEventOf(e);
        if (wire) {
          const payload = WireCallEvent.parse({
            id, agentId, callId: e.callId, debtorId: e.contactId ?? null,
            phoneE164: E164_RE.test(e.remote) ? e.remote : null, event: wire, at, detail: { type: e.type, ...detail },
          });
          outbox.enqueue('call.event', payload, at);
        }
        return { id, duplicate: false };
      })();
    },

    /** A debtor's calls, newest first, each folded from its events. */
    history(debtorId: string, limit: number): CallRecord[] {
      const ids = callsOf.all(debtorId, limit) as string[];
      return ids.map((callId) => fold(callId, eventsOf.all(callId) as EventRow[], Boolean(recordingOf.get(callId))));
    },
  };
}
export type CallLog = ReturnType<typeof createCallLog>;

interface EventRow {
  id: string; call_id: string; debtor_id: string | null; agent_id: string; direction: string; remote: string;
  type: string; at: string; detail: string;
}

function fold(callId: string, rows: EventRow[], recorded: boolean): CallRecord {
  const first = rows[0]!;
  const events = rows.map((r) => ({ id: r.id, type: r.type, at: r.at, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  const answer = events.find((e) => e.type === 'answer');
  const end = events.find((e) => e.type === 'hangup') ?? events.find((e) => e.type === 'decline');
  const d = (end?.detail ?? {}) as { cause?: string; statusCode?: number; reasonPhrase?: string; by?: 'local' | 'remote' | 'system'; talkSec?: number; mos?: number };
  return {
    callId,
    debtorId: rows.find((r) => r.debtor_id)?.debtor_id ?? null,
    agentId: first.agent_id,
    direction: first.direction === 'incoming' ? 'incoming' : 'outgoing',
    remote: first.remote,
    startedAt: first.at,
    answeredAt: answer?.at ?? null,
    endedAt: end?.at ?? null,
    talkSec: typeof d.talkSec === 'number' ? d.talkSec : null,
    cause: end ? (d.cause ?? (end.type === 'decline' ? 'declined' : null)) : null,
    statusCode: typeof d.statusCode === 'number' ? d.statusCode : null,
    reasonPhrase: d.reasonPhrase ?? null,
    hungUpBy: d.by ?? (end?.type === 'decline' ? 'local' : null),
    mos: typeof d.mos === 'number' ? d.mos : null,
    recorded: recorded || events.some((e) => e.type === 'recording' && e.detail.state === 'stopped'),
    events,
  };
}
