import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../shared/sync/mutations';
import { createOutbox } from '../outbox/outbox';
import { tempStorePerTest } from '../testing/temp-store';
import { createRecordings, RecordingRefusedError } from './recordings';

const store = tempStorePerTest('recaudo-recordings-');

const t0 = Date.parse('2026-11-25T15:00:00Z');
const input = (data: Buffer, extra: Partial<{ callId: string; contactId: string }> = {}) =>
  ({ callId: 'c1', contactId: 'd-7', startedAt: t0, endedAt: t0 + 90_000, mimeType: 'audio/webm;codecs=opus', data, ...extra });
const rows = () => store.db.prepare('SELECT call_id, debtor_id, agent_id, bytes, uploaded_at FROM call_recordings ORDER BY call_id').all();

describe('saving a recording', () => {
  it('writes the file, its row and a recording.add mutation (hash and size, no audio) in one transaction', () => {
    const data = Buffer.from('OggS'.repeat(5000));
    const saved = createRecordings(store.db, join(store.dir, 'recordings'), () => new Date('2026-11-25T15:02:00Z')).save(input(data), 'ag-1');
    const sha256 = createHash('sha256').update(data).digest('hex');
    expect(saved).toEqual({ file: join('recordings', 'd-7', 'c1.webm'), bytes: data.length, sha256, duplicate: false });
    expect(readFileSync(join(store.dir, saved.file)).equals(data)).toBe(true);
    expect(rows()).toEqual([{ call_id: 'c1', debtor_id: 'd-7', agent_id: 'ag-1', bytes: data.length, uploaded_at: null }]);
    const [m] = createOutbox(store.db).pending();
    expect(m).toMatchObject({ kind: 'recording.add', createdAt: '2026-11-25T15:02:00.000Z' });
    expect(m!.payload).toMatchObject({
      callId: 'c1', debtorId: 'd-7', agentId: 'ag-1', sha256, bytes: data.length, mimeType: 'audio/webm;codecs=opus',
      startedAt: '2026-11-25T15:00:00.000Z', endedAt: '2026-11-25T15:01:30.000Z',
    });
    expect(parsePayload('recording.add', m!.payload)).toMatchObject({ ok: true });
    expect(JSON.stringify(m!.payload).length).toBeLessThan(400); // the audio never rides the mutation
  });

  it('a call from an unknown number is saved under "unassigned" with no debtor', () => {
    createRecordings(store.db).save({ callId: 'c9', startedAt: t0, endedAt: t0, mimeType: 'audio/ogg', data: Buffer.from('x') }, 'ag-1');
    expect(existsSync(join(store.dir, 'recordings', 'unassigned', 'c9.ogg'))).toBe(true);
    expect(createOutbox(store.db).pending()[0]!.payload).toMatchObject({ callId: 'c9', debtorId: null, mimeType: 'audio/ogg' });
  });

  it('a retried save of the same bytes is a no-op; other bytes for the same call are refused and the first kept', () => {
    const rec = createRecordings(store.db);
    const first = Buffer.from('first take');
    rec.save(input(first), 'ag-1');
    expect(rec.save(input(first), 'ag-1')).toMatchObject({ duplicate: true });
    expect(createOutbox(store.db).pendingCount()).toBe(1);
    let error: unknown;
    try { rec.save(input(Buffer.from('second take')), 'ag-1'); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(RecordingRefusedError);
    expect(error).toMatchObject({ key: 'calls.error.recordingExists', params: { callId: 'c1' } });
    expect(readFileSync(join(store.dir, 'recordings', 'd-7', 'c1.webm'), 'utf8')).toBe('first take');
    expect(createOutbox(store.db).pendingCount()).toBe(1);
  });

  it('if the row or its mutation cannot be written, neither is: the file alone is harmless garbage', () => {
    store.db.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => createRecordings(store.db).save(input(Buffer.from('audio')), 'ag-1')).toThrow(/disk full/);
    expect(rows()).toEqual([]);
    store.db.exec('DROP TRIGGER outbox_full');
    // The retry writes both (the leftover file is simply replaced).
    expect(createRecordings(store.db).save(input(Buffer.from('audio')), 'ag-1')).toMatchObject({ duplicate: false });
    expect(rows()).toHaveLength(1);
    expect(createOutbox(store.db).pendingCount()).toBe(1);
  });

  it('refuses a type the server would not take, before writing anything', () => {
    expect(() => createRecordings(store.db).save({ ...input(Buffer.from('x')), mimeType: 'audio/mpeg' }, 'ag-1'))
      .toThrow(expect.objectContaining({ key: 'calls.error.recordingType' }));
    expect(existsSync(join(store.dir, 'recordings'))).toBe(false);
  });
});
