/**
 * Recording bytes stored in pieces (blob-store.ts) on PGlite and PostgreSQL: written from received parts of any
 * size, read back whole and by byte range across piece borders, through the module and through the product's
 * upload and listen routes.
 */
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordingBlobPath, recordingReadPath } from '../../shared/sync/recordings';
import { AGENT1, syncSuite, tokenFor } from '../../test/sync/harness';
import { testBackends } from '../testing/backends';
import { BLOB_CHUNK_BYTES, readBlob, readBlobRange, storeBlob } from './blob-store';

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `data` cut at the given offsets, as an HTTP body arrives. */
const cut = (data: Buffer, at: number[]) => [0, ...at, data.length].slice(1).map((end, i, ends) => data.subarray(i === 0 ? 0 : ends[i - 1]!, end));

describe.each(testBackends())('recording blobs in pieces on $name', (backend) => {
  const suite = syncSuite(backend, 2, 'recaudo-blob-store-');

  async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of gen) parts.push(p);
    return Buffer.concat(parts);
  }

  it('stores received parts as pieces of chunk_bytes and reads any byte range back exactly, across piece borders', async () => {
    const data = randomBytes(4500);
    const sha256 = sha256Hex(data);
    const parts = cut(data, [7, 1000, 2500, 2501]);
    expect(await storeBlob(suite.db, { sha256, bytes: data.length, mimeType: 'audio/webm', uploadedBy: AGENT1, parts }, { chunkBytes: 1000 })).toBe(true);
    expect(parts).toEqual([]); // consumed: the received copy is released as it is written
    const pieces = await suite.db.query<{ ordinal: number; n: number }>(
      'select ordinal, length(data) as n from recording_blob_chunks where sha256 = $1 order by ordinal', [sha256]);
    expect(pieces.map((p) => [Number(p.ordinal), Number(p.n)])).toEqual([[0, 1000], [1, 1000], [2, 1000], [3, 1000], [4, 500]]);
    expect(await readBlob(suite.db, sha256)).toEqual(data);

    const blob = { sha256, chunkBytes: 1000 };
    for (const [start, end, slice] of [[999, 1000, 1000], [0, 999, 1000], [1000, 1999, 7], [995, 3005, 300], [4499, 4499, 1], [0, 4499, 5000]] as const) {
      expect(await collect(readBlobRange(suite.db, blob, start, end, slice))).toEqual(data.subarray(start, end + 1));
    }
    await fc.assert(
      fc.asyncProperty(fc.nat(4499), fc.nat(4499), fc.integer({ min: 1, max: 2500 }), async (a, b, slice) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(await collect(readBlobRange(suite.db, blob, start, end, slice))).toEqual(data.subarray(start, end + 1));
      }),
      { numRuns: 40 },
    );
  });

  it('a second store of the same blob writes nothing; parts not adding up to the size are refused', async () => {
    const data = randomBytes(2100);
    const sha256 = sha256Hex(data);
    const blob = (parts: Buffer[]) => ({ sha256, bytes: data.length, mimeType: 'audio/webm', uploadedBy: AGENT1, parts });
    expect(await storeBlob(suite.db, blob([data]), { chunkBytes: 1000 })).toBe(true);
    expect(await storeBlob(suite.db, blob([data]), { chunkBytes: 700 })).toBe(false);
    expect(await readBlob(suite.db, sha256)).toEqual(data);
    const [row] = await suite.db.query<{ n: number }>('select count(*)::int as n from recording_blob_chunks where sha256 = $1', [sha256]);
    expect(Number(row!.n)).toBe(3);
    await expect(storeBlob(suite.db, { ...blob([data.subarray(1)]), sha256: sha256Hex(data.subarray(1)) })).rejects.toThrow(/2099 bytes given for 2100/);
  });

  it('an upload of several pieces is heard back whole and by byte ranges across the 1 MB borders', async () => {
    const data = randomBytes(2 * BLOB_CHUNK_BYTES + 12345);
    const sha256 = sha256Hex(data);
    const token = tokenFor(AGENT1);
    const put = await fetch(`${suite.server.url}${recordingBlobPath(sha256)}?bytes=${data.length}`, {
      method: 'PUT', body: new Uint8Array(data), headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/webm;codecs=opus' },
    });
    expect(put.status).toBe(201);
    const [n] = await suite.db.query<{ n: number }>('select count(*)::int as n from recording_blob_chunks where sha256 = $1', [sha256]);
    expect(Number(n!.n)).toBe(3);
    await suite.db.query(
      `insert into recordings (id, call_id, sha256, agent_id, debtor_id, mime_type, bytes, started_at, ended_at)
         values ('rec-pieces', 'call-pieces', $1, 'ag-1', 'd-0', 'audio/webm;codecs=opus', $2, now(), now())`, [sha256, data.length]);
    const listen = (range?: string) => fetch(suite.server.url + recordingReadPath('call-pieces'), {
      headers: { authorization: `Bearer ${token}`, ...(range ? { range } : {}) },
    });
    const whole = await listen();
    expect(whole.status).toBe(200);
    expect(sha256Hex(Buffer.from(await whole.arrayBuffer()))).toBe(sha256);
    const C = BLOB_CHUNK_BYTES;
    for (const [start, end] of [[C - 10, C + 9], [C, C], [C - 1, 2 * C], [0, data.length - 1], [2 * C + 100, data.length - 1]]) {
      const res = await listen(`bytes=${start}-${end}`);
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${data.length}`);
      // By hash: a deep equality of megabytes of bytes costs seconds.
      expect(sha256Hex(Buffer.from(await res.arrayBuffer()))).toBe(sha256Hex(data.subarray(start!, end! + 1)));
    }
    const tail = await listen('bytes=-5');
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(data.subarray(data.length - 5));
  });
});
