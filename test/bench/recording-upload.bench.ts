/**
 * Recording upload benchmarks: a 32 MB call recording saved at the desk the product's way (file + call_recordings
 * row + `recording.add` in the outbox) goes up through the desk's own uploader (main/services/sync/recording-upload:
 * hash the file, GET, streamed PUT /api/v1/sync/recordings/<sha256>?bytes=N) to a sync server in its own process.
 * - recording_upload_32mb_ms_pglite / _pg: from the start of the upload to the server's answer that it stored the
 *   blob (it answers after the insert commits), median of 5 recordings, on embedded PGlite (on disk, as the
 *   default install) and on PostgreSQL.
 * - recording_upload_peak_rss_mb_pglite / _pg: the server process's peak RSS during an upload above its RSS just
 *   before it (Linux VmHWM, reset through /proc/<pid>/clear_refs), the largest of the 5.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchFigure } from './bench';
import { startPostgres } from '../support/postgres';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { openStore, type Db } from '../../main/services/store/open';
import { createOutbox } from '../../main/services/outbox/outbox';
import { createRecordingUploader } from '../../main/services/sync/recording-upload';
import { recordingBlobPath, RecordingBlobInfo } from '../../shared/sync/recordings';
import { AGENT1, killHard, saveRecording, spawnChild, tokenFor } from '../sync/harness';

const BYTES = 32 * 1024 * 1024;
const RUNS = 5;
const SERVER_CHILD = join(import.meta.dirname, '..', 'sync', 'server-child.ts');

/** Current and peak resident set of a process, in bytes (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the peak RSS to the current one; false where the kernel or permissions do not allow it. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The recording's `recording.add` payload as queued in the desk's outbox. */
function queuedPayload(db: Db, callId: string): unknown {
  const row = createOutbox(db).pending(1000).find((r) => (r.payload as { callId?: string }).callId === callId);
  if (!row) throw new Error(`no recording.add queued for ${callId}`);
  return row.payload;
}

/** Uploads RUNS fresh 32 MB recordings (after one small warm-up) to the server child given by `target`. */
async function uploads(target: string): Promise<{ ms: number; peakRssMb: number | null }> {
  const tmp = tempDir('recaudo-bench-rec-');
  const server = await spawnChild(SERVER_CHILD, [target === 'pglite' ? join(tmp.dir, 'pglite') : target, '--seed'], /^listening (\S+)/);
  const url = server.match[1]!;
  const pid = server.child.pid!;
  const { db } = openStore({ file: join(tmp.dir, 'desk.db'), key: testKey() });
  try {
    const token = tokenFor(AGENT1);
    const uploader = createRecordingUploader({ db, baseUrl: () => url, timeoutMs: 60_000 });
    const upload = async (bytes: number): Promise<{ ms: number; growth: number | null; sha256: string }> => {
      const rec = saveRecording({ db }, { bytes });
      const payload = queuedPayload(db, rec.callId);
      const before = memoryOf(pid);
      const peakReset = resetPeak(pid);
      const t0 = performance.now();
      const res = await uploader.prepare(token, [{ index: 0, payload }]);
      const ms = performance.now() - t0;
      const after = memoryOf(pid);
      if (res.uploaded !== 1 || res.localRefusals.size > 0 || res.cutAt !== null) throw new Error(`upload did not go through: ${JSON.stringify({ ...res, localRefusals: [...res.localRefusals] })}`);
      return { ms, growth: peakReset ? after.peak - before.rss : null, sha256: rec.sha256 };
    };
    await upload(64 * 1024); // connection, JIT and the server's first statements: not what is measured
    const times: number[] = [];
    const growths: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await upload(BYTES);
      // The server holds it, whole: asked as the desk asks.
      const res = await fetch(url.replace(/\/+$/, '') + recordingBlobPath(r.sha256), { headers: { authorization: `Bearer ${token}` } });
      const info = RecordingBlobInfo.parse(await res.json());
      if (info.bytes !== BYTES) throw new Error(`server holds ${info.bytes} bytes of ${r.sha256}, not ${BYTES}`);
      times.push(r.ms);
      if (r.growth !== null) growths.push(r.growth);
    }
    return {
      ms: Math.round(median(times)),
      peakRssMb: growths.length === RUNS ? Math.round(Math.max(...growths) / (1024 * 1024)) : null,
    };
  } finally {
    db.close();
    server.child.kill('SIGTERM');
    const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await killHard(server.child);
    tmp.cleanup();
  }
}

const bench: Bench = {
  ids: ['recording_upload_32mb_ms_pglite', 'recording_upload_32mb_ms_pg', 'recording_upload_peak_rss_mb_pglite', 'recording_upload_peak_rss_mb_pg'],
  async run(): Promise<BenchFigure[]> {
    const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    const want = (backend: 'pglite' | 'pg') =>
      wanted.length === 0 || !this.ids.some((x) => wanted.includes(x)) || wanted.some((w) => this.ids.includes(w) && w.endsWith(`_${backend}`));
    const out: BenchFigure[] = [];
    const figures = (backend: 'pglite' | 'pg', r: { ms: number; peakRssMb: number | null }) => {
      out.push({ id: `recording_upload_32mb_ms_${backend}`, value: r.ms, unit: 'ms' });
      if (r.peakRssMb !== null) out.push({ id: `recording_upload_peak_rss_mb_${backend}`, value: r.peakRssMb, unit: 'MB' });
    };
    if (want('pglite')) figures('pglite', await uploads('pglite'));
    if (want('pg')) {
      const cluster = await startPostgres();
      try {
        figures('pg', await uploads(await cluster.createDatabase('bench_recordings')));
      } finally {
        await cluster.stop();
      }
    }
    return out;
  },
};
export default bench;
