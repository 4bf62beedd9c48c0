/**
 * Migration 0023 on PGlite and PostgreSQL: recordings stored whole (0022's `recording_blobs.data`) move into pieces
 * of 1 MB and read back byte-identical, whole and by range; the whole-blob column is gone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { byteaParam } from '../sync/bytea';
import { testBackends } from '../testing/backends';
import { BLOB_CHUNK_BYTES, readBlob, readBlobRange } from './blob-store';

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(testBackends())('migration 0023 (recording pieces) on $name', (backend) => {
  it('moves every stored blob into pieces, byte-identical, and drops the whole-blob column', async () => {
    const db = await backend.fresh();
    try {
      await migrate(db, migrations.filter((m) => m.version <= 22));
      await db.exec(`insert into users (id, username, display_name, role, password_hash) values ('ag-1', 'ag1', 'Agente Uno', 'agent', 'x')`);
      const blobs = [randomBytes(1), randomBytes(BLOB_CHUNK_BYTES), randomBytes(2 * BLOB_CHUNK_BYTES + BLOB_CHUNK_BYTES / 2)];
      for (const b of blobs) {
        const data = byteaParam(db, 2, b);
        await db.query(
          `insert into recording_blobs (sha256, bytes, mime_type, data, uploaded_by) values ($1, $3, 'audio/webm', ${data.sql}, 'ag-1')`,
          [sha256Hex(b), data.value, b.length],
        );
      }

      expect((await migrate(db, migrations)).applied).toEqual([23]);

      const pieces = await db.query<{ sha256: string; n: number; chunk_bytes: number }>(
        `select b.sha256, count(c.ordinal)::int as n, b.chunk_bytes from recording_blobs b
           join recording_blob_chunks c on c.sha256 = b.sha256 group by b.sha256, b.chunk_bytes`);
      const bySha = new Map(pieces.map((p) => [p.sha256, [Number(p.n), Number(p.chunk_bytes)]]));
      expect(blobs.map((b) => bySha.get(sha256Hex(b)))).toEqual([[1, BLOB_CHUNK_BYTES], [1, BLOB_CHUNK_BYTES], [3, BLOB_CHUNK_BYTES]]);
      for (const b of blobs) expect(sha256Hex((await readBlob(db, sha256Hex(b)))!)).toBe(sha256Hex(b));
      const big = blobs[2]!;
      const parts: Buffer[] = [];
      for await (const p of readBlobRange(db, { sha256: sha256Hex(big), chunkBytes: BLOB_CHUNK_BYTES }, BLOB_CHUNK_BYTES - 3, 2 * BLOB_CHUNK_BYTES + 2, 4096)) parts.push(p);
      expect(sha256Hex(Buffer.concat(parts))).toBe(sha256Hex(big.subarray(BLOB_CHUNK_BYTES - 3, 2 * BLOB_CHUNK_BYTES + 3)));
      const [col] = await db.query<{ n: number }>(
        `select count(*)::int as n from information_schema.columns
          where table_name = 'recording_blobs' and column_name = 'data' and table_schema = current_schema()`);
      expect(Number(col!.n)).toBe(0);
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});
