import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordings } from '../calls/recordings';
import { createOutbox } from '../outbox/outbox';
import { ServerUnavailableError } from '../http/errors';
import { tempStorePerTest } from '../testing/temp-store';
import { createRecordingUploader, hashFile } from './recording-upload';

const store = tempStorePerTest('recaudo-upload-');

const t0 = Date.parse('2026-11-25T15:00:00Z');
function record(callId: string, data: Buffer) {
  const saved = createRecordings(store.db).save({ callId, contactId: 'd-2', startedAt: t0, endedAt: t0 + 1000, mimeType: 'audio/webm', data }, 'ag-1');
  const row = createOutbox(store.db).pending(100).find((r) => (r.payload as { callId: string }).callId === callId)!;
  return { ...saved, payload: row.payload };
}

interface Seen { method: string; url: string; headers: Record<string, string>; body: Buffer | null }
/** A server stand-in: answers each request with `answer` and keeps what it was sent (the body read to the end). */
function fakeServer(answer: (req: Seen) => { status: number; json?: unknown }) {
  const seen: Seen[] = [];
  const f: typeof fetch = async (input, init) => {
    const body = init?.body ? Buffer.from(await new Response(init.body as ReadableStream).arrayBuffer()) : null;
    const req = { method: init?.method ?? 'GET', url: String(input), headers: init?.headers as Record<string, string>, body };
    seen.push(req);
    const { status, json } = answer(req);
    return new Response(json === undefined ? null : JSON.stringify(json), { status });
  };
  return { fetch: f, seen };
}
const info = (sha256: string, bytes: number, stored = false) => ({ sha256, bytes, mimeType: 'audio/webm', stored });

describe('uploading recordings before their mutations', () => {
  it('hashes a file by streaming it', async () => {
    const data = Buffer.alloc(200_000, 3);
    writeFileSync(join(store.dir, 'f.webm'), data);
    expect(await hashFile(join(store.dir, 'f.webm'))).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), bytes: 200_000 });
  });

  it('asks first, streams the bytes with their type and size when the server lacks them, and never asks twice', async () => {
    const a = record('ca', Buffer.from('audio A'.repeat(100)));
    const b = record('cb', Buffer.from('audio B'.repeat(100)));
    const server = fakeServer((req) => {
      if (req.method === 'GET') return req.url.includes(a.sha256) ? { status: 404, json: { code: 'not_found', message: 'no', key: 'errors.notFound' } } : { status: 200, json: info(b.sha256, b.bytes) };
      return { status: 201, json: info(a.sha256, a.bytes, true) };
    });
    const up = createRecordingUploader({ db: store.db, baseUrl: () => 'http://server.test/', timeoutMs: 1000, fetch: server.fetch });
    const out = await up.prepare('tok', [{ index: 0, payload: a.payload }, { index: 3, payload: b.payload }]);
    expect(out).toEqual({ localRefusals: new Map(), cutAt: null, uploaded: 1 });
    expect(server.seen.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);
    const put = server.seen[1]!;
    expect(put.url).toBe(`http://server.test/api/v1/sync/recordings/${a.sha256}?bytes=${a.bytes}`);
    expect(put.headers).toMatchObject({ 'content-type': 'audio/webm', authorization: 'Bearer tok' });
    expect(put.body?.toString()).toBe('audio A'.repeat(100));
    await up.prepare('tok', [{ index: 0, payload: a.payload }, { index: 1, payload: b.payload }]);
    expect(server.seen).toHaveLength(3);
  });

  it('a missing or changed file gets a local reason and uploads nothing; an unreadable one cuts the batch before it', async () => {
    const gone = record('cg', Buffer.from('gone'));
    const changed = record('cc', Buffer.from('changed'));
    const locked = record('cl', Buffer.from('locked'));
    rmSync(join(store.dir, gone.file));
    writeFileSync(join(store.dir, changed.file), 'CHANGED');
    rmSync(join(store.dir, locked.file));
    mkdirSync(join(store.dir, locked.file)); // reading it fails, and not with "no such file"
    const server = fakeServer(() => ({ status: 500 }));
    const up = createRecordingUploader({ db: store.db, baseUrl: () => 'http://server.test', timeoutMs: 1000, fetch: server.fetch });
    const out = await up.prepare('tok', [{ index: 1, payload: gone.payload }, { index: 2, payload: changed.payload }, { index: 4, payload: locked.payload }]);
    expect(out.cutAt).toBe(4);
    expect([...out.localRefusals].map(([i, r]) => [i, r.key, r.params])).toEqual([
      [1, 'sync.refused.recordingFileMissing', { callId: 'cg', file: gone.file }],
      [2, 'sync.refused.recordingFileCorrupt', { callId: 'cc', file: changed.file }],
    ]);
    expect(server.seen).toEqual([]);
  });

  it('network trouble and 5xx are retried later; bytes the server will not take go on to be refused by it', async () => {
    const a = record('cn', Buffer.from('net'));
    const down = createRecordingUploader({ db: store.db, baseUrl: () => 'http://server.test', timeoutMs: 1000, fetch: fakeServer(() => ({ status: 503 })).fetch });
    await expect(down.prepare('tok', [{ index: 0, payload: a.payload }])).rejects.toBeInstanceOf(ServerUnavailableError);
    const tooBig = fakeServer((req) => (req.method === 'GET' ? { status: 404, json: { code: 'not_found', message: 'no' } } : { status: 413, json: { code: 'invalid_input', message: 'too large', key: 'errors.sync.recordingTooLarge' } }));
    const refusing = createRecordingUploader({ db: store.db, baseUrl: () => 'http://server.test', timeoutMs: 1000, fetch: tooBig.fetch });
    expect(await refusing.prepare('tok', [{ index: 0, payload: a.payload }])).toEqual({ localRefusals: new Map(), cutAt: null, uploaded: 0 });
  });

  it('marks a recording uploaded once the server applied it', () => {
    record('cu', Buffer.from('done'));
    createRecordingUploader({ db: store.db, baseUrl: () => 'http://x', timeoutMs: 1 }).acknowledged(['cu'], '2026-11-25T16:00:00.000Z');
    expect(store.db.prepare('SELECT uploaded_at FROM call_recordings WHERE call_id = ?').pluck().get('cu')).toBe('2026-11-25T16:00:00.000Z');
  });
});
