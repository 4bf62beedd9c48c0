/**
 * Call recordings through the sync (issue 7, "recording upload"): the bytes go up content-addressed before the
 * `recording.add` that links them; exactly one blob and one link whatever the network does; tampered, oversize or
 * mistyped bodies store nothing; a recording whose file is gone is kept refused with its reason while the rest of
 * the batch goes through; another agent's call is refused; only the agent, their lead or an admin can listen.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiErrorData } from '../../shared/api/errors';
import { refusalText, type Refusal } from '../../shared/sync/reasons';
import { MAX_RECORDING_BYTES, recordingBlobPath, recordingReadPath, RecordingBlobInfo } from '../../shared/sync/recordings';
import { PushResponse, syncRoutes } from '../../shared/sync/wire';
import { testBackends } from '../../server/testing/backends';
import { readBlob } from '../../server/recordings/blob-store';
import { sweepUnlinkedBlobs, UNLINKED_BLOB_DAYS } from '../../server/sync/recording-blobs';
import { testKey } from '../../main/services/testing/temp';
import { rng, startFaultProxy, type Fault } from './fault-proxy';
import {
  AGENT1, AGENT2, enqueue, makeMutation, openTestDesk, saveRecording, serverMutations, sha256Hex, startSyncServer, syncSuite,
  tokenFor,
} from './harness';

describe.each(testBackends())('call recordings through the sync on $name', (backend) => {
  const suite = syncSuite(backend, 12, 'recaudo-sync-rec-');

  const listen = (callId: string, token: string, headers: Record<string, string> = {}) =>
    fetch(suite.server.url + recordingReadPath(callId), { headers: { authorization: `Bearer ${token}`, ...headers } });
  const put = (sha: string, body: Buffer, opts: { bytes?: number; mime?: string; token?: string } = {}) =>
    fetch(`${suite.server.url}${recordingBlobPath(sha)}?bytes=${opts.bytes ?? body.length}`, {
      method: 'PUT', body: new Uint8Array(body),
      headers: { authorization: `Bearer ${opts.token ?? tokenFor(AGENT1)}`, 'content-type': opts.mime ?? 'audio/webm;codecs=opus' },
    });
  const blobCount = async (sha: string) =>
    Number((await suite.db.query<{ n: number }>('select count(*)::int as n from recording_blobs where sha256 = $1', [sha]))[0]!.n);
  const links = (callId: string) =>
    suite.db.query<{ sha256: string; agent_id: string; debtor_id: string | null; bytes: number }>(
      'select sha256, agent_id, debtor_id, bytes from recordings where call_id = $1', [callId]);

  it('a recording made offline reaches the server after reconnect, byte-identical, once, and the desk marks it uploaded', async () => {
    let url = 'http://127.0.0.1:9'; // nothing listens: the desk is offline
    const desk = openTestDesk(join(suite.tmp.dir, 'offline.db'), testKey(), { baseUrl: () => url });
    const callId = 'call-offline-1';
    enqueue(desk, [makeMutation('call.event', 0, AGENT1, { callId })]);
    const rec = saveRecording(desk, { callId, debtor: 0, bytes: 300 * 1024 });
    enqueue(desk, [makeMutation('note.add', 0)]);
    expect(await desk.engine.syncNow()).toMatchObject({ ok: false });
    expect(desk.outbox.pendingCount()).toBe(3);
    expect(await blobCount(rec.sha256)).toBe(0);

    url = suite.server.url; // back online
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 3, refused: 0 });
    expect(desk.outbox.pendingCount()).toBe(0);
    expect(await links(callId)).toEqual([{ sha256: rec.sha256, agent_id: AGENT1, debtor_id: 'd-0', bytes: 300 * 1024 }]);
    expect(await blobCount(rec.sha256)).toBe(1);
    expect(sha256Hex((await readBlob(suite.db, rec.sha256))!)).toBe(sha256Hex(rec.data));
    // What the agent hears back is the same bytes.
    const res = await listen(callId, tokenFor(AGENT1));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/webm;codecs=opus');
    expect(sha256Hex(Buffer.from(await res.arrayBuffer()))).toBe(sha256Hex(rec.data));
    const uploaded = desk.db.prepare('SELECT uploaded_at FROM call_recordings WHERE call_id = ?').pluck().get(callId);
    expect(typeof uploaded).toBe('string');

    // Syncing again sends nothing; the server still holds one blob and one link.
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 0 });
    expect(await blobCount(rec.sha256)).toBe(1);
    expect(await links(callId)).toHaveLength(1);
    expect((await serverMutations(suite.db, desk.engine.clientId(AGENT1))).map((m) => m.kind)).toEqual(['call.event', 'recording.add', 'note.add']);
    await desk.close();
  });

  it('cuts mid-body and duplicated requests through the fault proxy still end with one blob and one link per recording', async () => {
    const server = await startSyncServer(suite.db, { closeConnections: true });
    const proxy = await startFaultProxy(Number(new URL(server.url).port));
    try {
      const random = rng(7311);
      // Scripted first (the first upload is cut mid-body, then uploads and pushes are duplicated), then a random mix
      // where cuts fall anywhere inside 100 kB bodies.
      const script: Fault[] = [
        { kind: 'pass' }, { kind: 'cut-request', afterBytes: 40_000 },
        { kind: 'pass' }, { kind: 'duplicate', delayMs: 0 }, { kind: 'duplicate', delayMs: 30 },
      ];
      proxy.plan((n) => script[n] ?? (() => {
        const r = random();
        if (r < 0.35) return { kind: 'pass' };
        if (r < 0.55) return { kind: 'cut-request', afterBytes: Math.floor(random() * 110_000) };
        if (r < 0.7) return { kind: 'cut-response', afterBytes: Math.floor(random() * 300) };
        if (r < 0.85) return { kind: 'duplicate', delayMs: Math.floor(random() * 60) };
        return { kind: 'drop' };
      })());
      // What the desk saw of its uploads: a PUT that died mid-body must have happened and been retried.
      const puts: Array<{ sha: string; ok: boolean }> = [];
      const watched: typeof fetch = async (input, init) => {
        const isPut = init?.method === 'PUT';
        const sha = String(input).split('/').pop()!.split('?')[0]!;
        try {
          const res = await fetch(input, init);
          if (isPut) puts.push({ sha, ok: res.ok });
          return res;
        } catch (err) {
          if (isPut) puts.push({ sha, ok: false });
          throw err;
        }
      };
      const desk = openTestDesk(join(suite.tmp.dir, 'faulty.db'), testKey(), { baseUrl: () => proxy.url, timeoutMs: 2000, batchSize: 3, fetch: watched });
      const recs = [saveRecording(desk, { debtor: 2, bytes: 100 * 1024 })];
      let rounds = 0;
      while (desk.outbox.pendingCount() > 0 && rounds < 200) {
        await desk.engine.syncNow();
        if (rounds === 2) {
          // The agent keeps recording calls while the network misbehaves.
          for (let i = 0; i < 4; i++) recs.push(saveRecording(desk, { debtor: 4, bytes: 100 * 1024 }));
          enqueue(desk, [makeMutation('note.add', 4)]);
        }
        rounds++;
      }
      expect(desk.outbox.pendingCount()).toBe(0);
      expect(proxy.stats['cut-request']).toBeGreaterThan(0);
      expect(puts[0]).toEqual({ sha: recs[0]!.sha256, ok: false }); // cut mid-body (40 kB of 100 kB)
      expect(puts.some((p) => p.sha === recs[0]!.sha256 && p.ok)).toBe(true);
      expect(proxy.stats.duplicate).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300)); // late duplicates land
      for (const rec of recs) {
        expect(await blobCount(rec.sha256)).toBe(1);
        expect(await links(rec.callId)).toEqual([expect.objectContaining({ sha256: rec.sha256, agent_id: AGENT1 })]);
        expect(sha256Hex((await readBlob(suite.db, rec.sha256))!)).toBe(rec.sha256);
      }
      const recorded = await serverMutations(suite.db, desk.engine.clientId(AGENT1));
      expect(recorded.map((m) => m.status)).toEqual(recorded.map(() => 'applied'));
      expect(recorded.map((m) => m.seq)).toEqual(recorded.map((_, i) => i + 1));
      expect(recorded.filter((m) => m.kind === 'recording.add')).toHaveLength(recs.length);
      expect(desk.engine.refused()).toEqual([]);
      await desk.close();
    } finally {
      await proxy.close();
      await server.close();
    }
  });

  it('refuses a tampered body (hash mismatch), a short or long one, an oversize one and a foreign type, storing nothing', async () => {
    const real = Buffer.from('OggS recording bytes '.repeat(500));
    const sha = sha256Hex(real);
    const tampered = Buffer.from(real);
    tampered[100] = tampered[100]! ^ 0xff;

    const bad = await put(sha, tampered);
    expect(bad.status).toBe(422);
    expect(ApiErrorData.parse(await bad.json())).toMatchObject({ key: 'errors.sync.recordingHashMismatch', params: { expected: sha, actual: sha256Hex(tampered) } });
    const short = await put(sha, real.subarray(0, 100), { bytes: real.length });
    expect(short.status).toBe(400);
    expect(ApiErrorData.parse(await short.json())).toMatchObject({ key: 'errors.sync.recordingSizeMismatch' });
    const big = await put(sha, Buffer.from('x'), { bytes: MAX_RECORDING_BYTES + 1 });
    expect(big.status).toBe(413);
    expect(ApiErrorData.parse(await big.json())).toMatchObject({ key: 'errors.sync.recordingTooLarge', params: { maxMb: 32 } });
    const mp3 = await put(sha, real, { mime: 'audio/mpeg' });
    expect(mp3.status).toBe(415);
    expect(ApiErrorData.parse(await mp3.json())).toMatchObject({ key: 'errors.sync.recordingMimeRefused', params: { mimeType: 'audio/mpeg' } });
    const anonymous = await fetch(`${suite.server.url}${recordingBlobPath(sha)}?bytes=${real.length}`, { method: 'PUT', body: new Uint8Array(real), headers: { 'content-type': 'audio/webm' } });
    expect(anonymous.status).toBe(401);
    expect(await blobCount(sha)).toBe(0);
    expect(await blobCount(sha256Hex(tampered))).toBe(0);

    // A mutation naming bytes that never arrived is refused with its reason; the rest of the batch is applied.
    const token = tokenFor(AGENT1);
    const rec = makeMutation('recording.add', 0, AGENT1, { sha256: sha, bytes: real.length });
    const note = makeMutation('note.add', 0);
    const wire = (seq: number, m: { kind: string; payload: Record<string, unknown> }) =>
      ({ seq, id: crypto.randomUUID(), kind: m.kind, payload: m.payload, createdAt: '2026-11-25T12:00:00.000Z' });
    const push = async (body: unknown) => PushResponse.parse(await (await fetch(suite.server.url + syncRoutes.push.path, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    })).json());
    const first = await push({ clientId: 'rec-tamper-1', mutations: [wire(1, rec), wire(2, note)] });
    expect(first.results.map((r) => (r.outcome === 'refused' ? r.reason.key : r.outcome))).toEqual(['sync.refused.recordingNotUploaded', 'applied']);
    expect(await links(String(rec.payload.callId))).toEqual([]);

    // Once the real bytes are up (201, then 200 for the same bytes again), the same recording links.
    const ok = await put(sha, real);
    expect(ok.status).toBe(201);
    expect(RecordingBlobInfo.parse(await ok.json())).toEqual({ sha256: sha, bytes: real.length, mimeType: 'audio/webm;codecs=opus', stored: true });
    const again = await put(sha, real);
    expect(again.status).toBe(200);
    expect(await blobCount(sha)).toBe(1);
    const check = await fetch(suite.server.url + recordingBlobPath(sha), { headers: { authorization: `Bearer ${token}` } });
    expect(RecordingBlobInfo.parse(await check.json())).toMatchObject({ sha256: sha, stored: false });
    const lying = makeMutation('recording.add', 0, AGENT1, { sha256: sha, bytes: real.length + 1 });
    const second = await push({ clientId: 'rec-tamper-1', mutations: [wire(3, { ...rec, payload: { ...rec.payload, id: crypto.randomUUID() } }), wire(4, lying)] });
    expect(second.results[0]).toMatchObject({ outcome: 'applied' });
    expect(second.results[1]).toMatchObject({ outcome: 'refused', reason: { key: 'sync.refused.invalidPayload', params: { field: 'bytes' } } });
    expect(await links(String(rec.payload.callId))).toHaveLength(1);
  });

  it('the sweep deletes old blobs no recording links, and keeps linked and recent ones', async () => {
    const sha = (n: number) => sha256Hex(Buffer.from(`sweep ${n}`));
    await suite.db.query(
      `insert into recording_blobs (sha256, bytes, mime_type, uploaded_by, created_at) values
         ($1, 1, 'audio/webm', 'ag-1', now() - interval '40 days'),
         ($2, 1, 'audio/webm', 'ag-1', now() - interval '40 days'),
         ($3, 1, 'audio/webm', 'ag-1', now() - interval '2 days')`,
      [sha(1), sha(2), sha(3)],
    );
    await suite.db.query(
      `insert into recording_blob_chunks (sha256, ordinal, data) values
         ($1, 0, decode('00', 'hex')), ($2, 0, decode('00', 'hex')), ($3, 0, decode('00', 'hex'))`,
      [sha(1), sha(2), sha(3)],
    );
    await suite.db.query(
      `insert into recordings (id, call_id, sha256, agent_id, debtor_id, mime_type, bytes, started_at, ended_at)
         values ('rec-sweep', 'call-sweep', $1, 'ag-1', 'd-0', 'audio/webm', 1, now(), now())`, [sha(2)]);
    expect(await sweepUnlinkedBlobs(suite.db, { olderThanDays: UNLINKED_BLOB_DAYS })).toBe(1);
    expect([await blobCount(sha(1)), await blobCount(sha(2)), await blobCount(sha(3))]).toEqual([0, 1, 1]);
    // The swept blob's bytes go with it.
    expect(await suite.db.query('select ordinal from recording_blob_chunks where sha256 = $1', [sha(1)])).toEqual([]);
    expect(await readBlob(suite.db, sha(3))).toEqual(Buffer.from([0]));
  });

  it('two desks linking different recordings to one call at the same instant: one is linked, the other refused', async () => {
    const token = tokenFor(AGENT1);
    const callId = 'call-raced-1';
    const bodies = [Buffer.from('take one '.repeat(300)), Buffer.from('take two '.repeat(300))];
    for (const b of bodies) expect((await put(sha256Hex(b), b)).status).toBe(201);
    const pushes = bodies.map((b, i) => fetch(suite.server.url + syncRoutes.push.path, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: `rec-race-${i}`, mutations: [{
        seq: 1, id: crypto.randomUUID(), kind: 'recording.add', createdAt: '2026-11-25T12:00:00.000Z',
        payload: { ...makeMutation('recording.add', 0).payload, callId, sha256: sha256Hex(b), bytes: b.length },
      }] }),
    }).then(async (r) => PushResponse.parse(await r.json()).results[0]!));
    const outcomes = await Promise.all(pushes);
    expect(outcomes.map((r) => (r.outcome === 'refused' ? r.reason.key : r.outcome)).sort()).toEqual(['applied', 'sync.refused.recordingConflict']);
    expect(await links(callId)).toHaveLength(1);
  });

  it('a recording whose file is gone (or changed) is kept refused with its reason; the rest of the batch is applied', async () => {
    const desk = openTestDesk(join(suite.tmp.dir, 'missing.db'), testKey(), { baseUrl: () => suite.server.url });
    const before = saveRecording(desk, { debtor: 6 });
    const gone = saveRecording(desk, { debtor: 6 });
    const changed = saveRecording(desk, { debtor: 6 });
    const note = makeMutation('note.add', 6);
    enqueue(desk, [note]);
    const after = saveRecording(desk, { debtor: 8, bytes: 10_000 });
    rmSync(join(suite.tmp.dir, gone.file));
    writeFileSync(join(suite.tmp.dir, changed.file), Buffer.from('overwritten by something else'));

    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 3, refused: 2 });
    expect(desk.outbox.pendingCount()).toBe(0);
    const refused = desk.engine.refused();
    expect(refused.map((r) => [r.kind, r.reason.key])).toEqual([
      ['recording.add', 'sync.refused.recordingFileMissing'], ['recording.add', 'sync.refused.recordingFileCorrupt'],
    ]);
    const reason = refused[0]!.reason as Refusal;
    expect(reason.params).toEqual({ callId: gone.callId, file: gone.file });
    expect(refusalText(reason, 'es')).toBe(`La grabación de la llamada ${gone.callId} ya no está en este equipo (${gone.file}); no se pudo enviar.`);
    expect(refusalText(reason, 'en')).toBe(`The recording of call ${gone.callId} is no longer on this computer (${gone.file}); it could not be sent.`);
    for (const ok of [before, after]) expect(await links(ok.callId)).toHaveLength(1);
    for (const lost of [gone, changed]) expect(await links(lost.callId)).toEqual([]);
    expect(await suite.db.query('select id from notes where id = $1', [note.payload.id])).toHaveLength(1);
    const uploaded = desk.db.prepare('SELECT call_id FROM call_recordings WHERE uploaded_at IS NOT NULL ORDER BY call_id').pluck().all();
    expect(uploaded).toEqual([before.callId, after.callId].sort());
    // The server kept the refusal (seq consumed, nothing blocked); a later sync does not resend it.
    const recorded = await serverMutations(suite.db, desk.engine.clientId(AGENT1));
    expect(recorded.map((m) => m.status)).toEqual(['applied', 'refused', 'refused', 'applied', 'applied']);
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 0, refused: 0 });
    await desk.close();
  });

  it("refuses a recording of another agent's call, on another agent's debtor, or of a call that already has another recording", async () => {
    const desk2 = openTestDesk(join(suite.tmp.dir, 'agent2.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT2 });
    const theirCall = 'call-of-agent-2';
    enqueue(desk2, [makeMutation('call.event', 1, AGENT2, { callId: theirCall })]);
    const theirs = saveRecording(desk2, { callId: 'call-of-agent-2b', debtor: 1, agentId: AGENT2 });
    expect(await desk2.engine.syncNow()).toMatchObject({ ok: true, pushed: 2, refused: 0 });

    const desk = openTestDesk(join(suite.tmp.dir, 'agent1.db'), testKey(), { baseUrl: () => suite.server.url });
    saveRecording(desk, { callId: theirCall, debtor: 10 });
    const foreignDebtor = saveRecording(desk, { debtor: 3 });
    const mine = saveRecording(desk, { callId: 'call-mine-1', debtor: 10 });
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 1, refused: 2 });
    expect(desk.engine.refused().map((r) => [r.reason.key, r.reason.params])).toEqual([
      ['sync.refused.callNotYours', { callId: theirCall }],
      ['sync.refused.notAssigned', { entity: 'd-3' }],
    ]);
    expect(await links(theirCall)).toEqual([]);
    expect(await links(foreignDebtor.callId)).toEqual([]);

    // A restored desk records the same call again with other bytes: the server keeps the first recording.
    mkdirSync(join(suite.tmp.dir, 'restored'), { recursive: true }); // its own recordings folder
    const restored = openTestDesk(join(suite.tmp.dir, 'restored', 'agent1.db'), testKey(), { baseUrl: () => suite.server.url });
    saveRecording(restored, { callId: mine.callId, debtor: 10 });
    expect(await restored.engine.syncNow()).toMatchObject({ ok: true, refused: 1 });
    expect(restored.engine.refused()[0]!.reason).toMatchObject({ key: 'sync.refused.recordingConflict', params: { callId: mine.callId } });
    expect(await links(mine.callId)).toEqual([expect.objectContaining({ sha256: mine.sha256 })]);

    // Who may listen: the agent, their team's lead; not another agent (the same 404 as no recording at all).
    expect((await listen(mine.callId, tokenFor(AGENT1))).status).toBe(200);
    expect((await listen(mine.callId, tokenFor('lead-1', 'lead'))).status).toBe(200);
    const other = await listen(mine.callId, tokenFor(AGENT2));
    expect(other.status).toBe(404);
    expect(ApiErrorData.parse(await other.json())).toMatchObject({ key: 'errors.notFound' });
    expect((await listen(theirs.callId, tokenFor(AGENT1))).status).toBe(404);
    expect((await listen('call-never-recorded', tokenFor('lead-1', 'lead'))).status).toBe(404);
    // An audio player's seek: one byte range.
    const part = await listen(mine.callId, tokenFor('lead-1', 'lead'), { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${mine.bytes}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(mine.data.subarray(100, 200));
    await Promise.all([desk.close(), desk2.close(), restored.close()]);
  });
});
