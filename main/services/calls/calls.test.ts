import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStorePerTest } from '../testing/temp-store';
import { createOutbox } from '../outbox/outbox';
import { createCallLog } from './call-log';
import { createPhoneSettingsRepo, MissingPasswordError } from './phone-settings-repo';
import { createRecordings, RecordingRefusedError } from './recordings';
import { createCallsHandlers } from './handlers';
import { CallLogEvent } from '../../../shared/api/methods/calls';
import { PhoneSettingsInput } from '../../../shared/api/methods/phone-settings';
import { parsePayload } from '../../../shared/sync/mutations';

const store = tempStorePerTest('recaudo-calls-');

const base = { callId: 'c1', sipCallId: 'abc@host', direction: 'outgoing' as const, remote: '+573001234567' };

describe('call log', () => {
  it('writes each event with its outbox row and folds a call with cause, who hung up and MOS', () => {
    const log = createCallLog(store.db);
    const t0 = Date.parse('2026-11-25T14:00:00Z');
    const events = [
      { ...base, type: 'dial', at: t0 },
      { ...base, type: 'ringing', at: t0 + 200, contactId: 'd-7' },
      { ...base, type: 'answer', at: t0 + 4000 },
      { ...base, type: 'hold', at: t0 + 10_000 },
      { ...base, type: 'resume', at: t0 + 12_000 },
      { ...base, type: 'hangup', at: t0 + 65_000, by: 'remote', cause: 'normal', statusCode: 200, talkSec: 61, mos: 4.2 },
    ].map((e) => CallLogEvent.parse(e));
    for (const e of events) expect(log.log(e, 'agent1').duplicate).toBe(false);
    // a replay (the renderer retried after a crash) writes nothing more
    expect(log.log(events[5]!, 'agent1').duplicate).toBe(true);

    const [call] = log.history('d-7', 10);
    expect(call).toMatchObject({
      callId: 'c1', debtorId: 'd-7', direction: 'outgoing', cause: 'normal', statusCode: 200, hungUpBy: 'remote',
      talkSec: 61, mos: 4.2, answeredAt: '2026-11-25T14:00:04.000Z', endedAt: '2026-11-25T14:01:05.000Z',
    });
    // the dial came before the debtor was known: it was adopted by the later event
    expect(call!.events.map((e) => e.type)).toEqual(['dial', 'ringing', 'answer', 'hold', 'resume', 'hangup']);

    const rows = createOutbox(store.db).pending();
    expect(rows.map((r) => (r.payload as { event: string }).event)).toEqual(['dialed', 'ringing', 'answered', 'held', 'resumed', 'ended']);
    for (const r of rows) expect(parsePayload(r.kind, r.payload).ok).toBe(true);
  });

  it('keeps a failed call with its SIP cause, and mute locally only', () => {
    const log = createCallLog(store.db);
    log.log(CallLogEvent.parse({ ...base, callId: 'c2', contactId: 'd-8', type: 'dial', at: 1 }), 'agent1');
    log.log(CallLogEvent.parse({ ...base, callId: 'c2', contactId: 'd-8', type: 'mute', muted: true, at: 2 }), 'agent1');
    log.log(CallLogEvent.parse({
      ...base, callId: 'c2', contactId: 'd-8', type: 'hangup', at: 3, by: 'remote', cause: 'busy', statusCode: 486,
      reasonPhrase: 'Busy Here', talkSec: 0,
    }), 'agent1');
    expect(log.history('d-8', 5)[0]).toMatchObject({ cause: 'busy', statusCode: 486, reasonPhrase: 'Busy Here', answeredAt: null });
    expect(createOutbox(store.db).pending().map((r) => (r.payload as { event: string }).event)).toEqual(['dialed', 'failed']);
  });

  it('rolls the event back when its outbox row cannot be written', () => {
    const log = createCallLog(store.db);
    store.db.exec('DROP TABLE outbox');
    expect(() => log.log(CallLogEvent.parse({ ...base, contactId: 'd-9', type: 'dial', at: 5 }), 'agent1')).toThrow();
    expect(store.db.prepare('SELECT count(*) FROM call_events').pluck().get()).toBe(0);
  });
});

const good = {
  wsUrl: 'wss://pbx.example.com:8089/ws', sipUser: 'agent1@pbx.example.com', displayName: 'Ana Agente',
  iceServers: [{ urls: ['stun:stun.example.com:3478'] }], dtmfMode: 'rfc4733' as const, autoRecord: true,
};

describe('phone settings', () => {
  it('refuses bad values field by field with i18n keys', () => {
    const r = PhoneSettingsInput.safeParse({
      ...good, wsUrl: 'http://pbx', sipUser: 'agent 1', iceServers: [{ urls: ['http://x'] }], dtmfMode: 'sip',
      displayName: 'a"b',
    });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.wsUrl).toBe('phoneSetup.error.wsUrl');
    expect(byPath.sipUser).toBe('phoneSetup.error.sipUser');
    expect(byPath['iceServers.0.urls.0']).toBe('phoneSetup.error.iceUrl');
    expect(byPath.displayName).toBe('phoneSetup.error.displayName');
    expect(Object.keys(byPath)).toContain('dtmfMode');
  });

  it('needs a password on first save, keeps it when omitted later and never shows it', () => {
    const repo = createPhoneSettingsRepo(store.db);
    expect(() => repo.save('agent1', good)).toThrow(MissingPasswordError);
    const v = repo.save('agent1', { ...good, password: 's3cret' });
    expect(v).not.toHaveProperty('password');
    expect(v.hasPassword).toBe(true);
    repo.save('agent1', { ...good, displayName: 'Ana' });
    expect(repo.credentials('agent1')).toMatchObject({ password: 's3cret', displayName: 'Ana' });
    expect(repo.view('agent2')).toBeNull();
    expect(repo.pbxOrigins()).toEqual(['wss://pbx.example.com:8089']);
    repo.clear('agent1');
    expect(repo.credentials('agent1')).toBeNull();
  });
});

describe('recordings', () => {
  it('saves the file under the debtor id and refuses unsafe ids and oversize data', () => {
    const rec = createRecordings(store.db, join(store.dir, 'recordings'));
    const saved = rec.save({ callId: 'c1', contactId: 'd-7', startedAt: 1, endedAt: 2, mimeType: 'audio/webm;codecs=opus', data: Buffer.from('OggS-ish') }, 'agent1');
    expect(saved.file).toBe(join('recordings', 'd-7', 'c1.webm'));
    expect(readFileSync(join(store.dir, saved.file), 'utf8')).toBe('OggS-ish');
    expect(() => rec.save({ callId: '../../etc', startedAt: 1, endedAt: 2, mimeType: 'audio/webm', data: Buffer.from('x') }, 'a'))
      .toThrow(RecordingRefusedError);
    expect(() => rec.save({ callId: 'c3', startedAt: 1, endedAt: 2, mimeType: 'audio/webm', data: Buffer.alloc(33 * 1024 * 1024) }, 'a'))
      .toThrow(/too large/);
    expect(existsSync(join(store.dir, 'recordings', 'unassigned', 'c3.webm'))).toBe(false);
  });
});

describe('calls handlers', () => {
  it('a new recording wakes the sync at once (its recording.add is in the outbox); the same bytes again do not', async () => {
    let nudges = 0;
    const session = { requireUser: () => ({ id: 'agent1' }) } as unknown as Parameters<typeof createCallsHandlers>[0]['session'];
    const h = createCallsHandlers({ db: store.db, session, guard: (fn) => async (...a) => fn(...a), outboxChanged: () => { nudges++; } });
    const input = {
      callId: 'c9', sipCallId: 'c9@pbx', contactId: 'd-7', startedAt: Date.parse('2026-11-25T14:00:00Z'), endedAt: Date.parse('2026-11-25T14:01:00Z'),
      mimeType: 'audio/webm;codecs=opus', dataBase64: Buffer.from('opus bytes').toString('base64'),
    };
    await h.saveRecording(input);
    expect(nudges).toBe(1);
    expect(store.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'recording.add'").pluck().get()).toBe(1);
    await h.saveRecording(input);
    expect(nudges).toBe(1);
  });
});
