import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { FormError, RecordContactInput, RecordContactResult } from '../../../shared/api/methods/negotiation';
import type { Callback, Contact } from '../../../shared/domain/portfolio';
import { callbackAt, DISPOSITIONS, REASONS, validateWrapUp, type Reached } from '../../../shared/negotiation';
import { createOutbox } from '../outbox/outbox';
import type { Db } from '../store/open';

type Input = z.output<typeof RecordContactInput>;

/** How far the call got, from the verification the script ran. */
export function reachedOf(v: Input['verification']): Reached {
  switch (v) {
    case 'passed':
      return 'right_party';
    case 'failed':
    case 'third_party':
      return 'third_party';
    case 'pending':
      return 'none';
    default: {
      const never: never = v;
      throw new Error(`unknown verification ${String(never)}`);
    }
  }
}

/**
 * The contact record of a call: disposition, reason, notes, and which script version ran with which disclosures
 * read; a callback disposition adds a callback at the debtor's wall-clock time. Row(s) and outbox mutations in
 * one transaction.
 */
export function createContactService(db: Db) {
  const outbox = createOutbox(db);
  const debtor = db.prepare('SELECT id, time_zone FROM debtors WHERE id = ?');
  const account = db.prepare('SELECT debtor_id FROM accounts WHERE id = ?').pluck();
  const promise = db.prepare('SELECT debtor_id FROM promises WHERE id = ?').pluck();
  const insertContact = db.prepare(`INSERT INTO contacts (id, debtor_id, account_id, agent_id, channel, direction, phone_e164,
    started_at, ended_at, outcome, reason, notes, mos, conversation, local_hour, script_id, script_version, disclosures,
    verification, reason_text) VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const phoneOf = db.prepare('SELECT id FROM phones WHERE debtor_id = ? AND e164 = ?').pluck();
  const markPhone = db.prepare('UPDATE phones SET status = ?, updated_at = ? WHERE id = ?');
  const insertCallback = db.prepare(`INSERT INTO callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, note, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`);

  const save = db.transaction((c: Contact, cb: Callback | null, extra: { input: Input; localHour: number; phone: { id: string; status: 'wrong_number' | 'not_debtor' } | null }) => {
    const { input } = extra;
    insertContact.run(c.id, c.debtorId, c.accountId, c.agentId, c.direction, c.phoneE164, c.startedAt, c.endedAt, c.outcome, c.reason,
      c.notes, c.mos, c.conversation ? 1 : 0, extra.localHour, input.scriptId, input.scriptVersion, JSON.stringify(input.disclosures),
      input.verification, input.reasonText);
    outbox.enqueue('contact.add', c, c.startedAt);
    // The contact mutation carries the shared Contact shape; what the script part adds goes to the audit trail.
    outbox.enqueue('audit.append', {
      id: randomUUID(), agentId: c.agentId, at: c.endedAt ?? c.startedAt, action: 'contact.script', subject: c.id,
      detail: {
        scriptId: input.scriptId, scriptVersion: input.scriptVersion, disclosures: input.disclosures, verification: input.verification,
        reasonText: input.reasonText, promiseId: input.promiseId, callbackId: cb?.id ?? null,
      },
    }, c.endedAt ?? c.startedAt);
    if (extra.phone && c.phoneE164) {
      // The number itself was wrong: the debtor's phone list says so, here and (synced) on every desk.
      const at = c.endedAt ?? c.startedAt;
      markPhone.run(extra.phone.status, at, extra.phone.id);
      outbox.enqueue('phone.mark', { id: randomUUID(), phoneId: extra.phone.id, debtorId: c.debtorId, e164: c.phoneE164, agentId: c.agentId, status: extra.phone.status, at }, at);
    }
    if (cb) {
      insertCallback.run(cb.id, cb.debtorId, cb.accountId, cb.agentId, cb.dueAt, cb.timeZone, cb.note);
      outbox.enqueue('callback.add', cb, c.endedAt ?? c.startedAt);
    }
  });

  return function recordContact(input: Input, agentId: string, now: Date): RecordContactResult {
    const d = debtor.get(input.debtorId) as { id: string; time_zone: string } | undefined;
    const errors: FormError[] = [];
    if (!d) return { ok: false, errors: [{ field: 'debtorId', code: 'negotiation.contact.unknownDebtor', params: { debtorId: input.debtorId } }] };
    if (input.accountId !== null && account.get(input.accountId) !== input.debtorId) {
      errors.push({ field: 'accountId', code: 'negotiation.contact.unknownAccount', params: { accountId: input.accountId } });
    }
    if (input.promiseId !== null && promise.get(input.promiseId) !== input.debtorId) {
      errors.push({ field: 'promise', code: 'negotiation.contact.unknownPromise', params: { promiseId: input.promiseId } });
    }
    const reached = reachedOf(input.verification);
    const phoneStatus = DISPOSITIONS[input.disposition].phoneStatus;
    const phoneId = input.phoneE164 ? (phoneOf.get(input.debtorId, input.phoneE164) as string | undefined) ?? null : null;
    if (input.phoneE164 && !phoneId) errors.push({ field: 'phone', code: 'negotiation.contact.unknownPhone', params: { phone: input.phoneE164 } });
    else if (phoneStatus && !input.phoneE164) errors.push({ field: 'phone', code: 'negotiation.contact.phoneRequired', params: {} });
    let callbackUtc: string | null = null;
    if (input.callbackAt) {
      const r = callbackAt(input.callbackAt.date, input.callbackAt.time, d.time_zone, now.toISOString());
      if (r.ok) callbackUtc = r.utc;
      else errors.push({ field: 'callback', code: r.error.code, params: r.error.params });
    }
    for (const e of validateWrapUp({
      disposition: input.disposition, promiseId: input.promiseId, callbackAt: input.callbackAt ? (callbackUtc ?? 'invalid') : null,
      note: input.notes, reason: input.reason, reached,
    })) {
      if (!errors.some((x) => x.field === e.field)) errors.push(e);
    }
    if (input.reason && REASONS[input.reason].textRequired && input.reasonText.trim() === '' && !errors.some((x) => x.field === 'reason')) {
      errors.push({ field: 'reasonText', code: 'reason.text_required', params: {} });
    }
    if (errors.length > 0) return { ok: false, errors };

    const info = DISPOSITIONS[input.disposition];
    const startedAt = input.startedAt ?? now.toISOString();
    const contact: Contact = {
      id: randomUUID(), debtorId: d.id, accountId: input.accountId, agentId, channel: 'call', direction: input.direction,
      phoneE164: input.phoneE164, startedAt, endedAt: input.endedAt ?? now.toISOString(), outcome: input.disposition,
      reason: input.reason, notes: input.notes, mos: input.mos, conversation: info.conversation && reached === 'right_party',
    };
    const cb: Callback | null = callbackUtc
      ? { id: randomUUID(), debtorId: d.id, accountId: input.accountId, agentId, dueAt: callbackUtc, timeZone: d.time_zone, note: input.notes.slice(0, 1000), status: 'pending' }
      : null;
    const localHour = DateTime.fromISO(startedAt, { zone: 'utc' }).setZone(d.time_zone).hour;
    save(contact, cb, { input, localHour, phone: phoneStatus && phoneId ? { id: phoneId, status: phoneStatus } : null });
    return { ok: true, contact, callback: cb };
  };
}
