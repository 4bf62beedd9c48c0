/**
 * Where a recording's bytes live in the database (migration 0023): `recording_blobs` holds one row per blob (hash,
 * size, type, `chunk_bytes`) and `recording_blob_chunks` the bytes in pieces of `chunk_bytes`, ordinal 0, 1, … in
 * order. Written in one transaction with the blob row, so a blob is whole or absent; read back piece by piece, so
 * neither a write nor a byte-range read ever holds the whole recording as one value. Why pieces: a 32 MB bytea
 * crossing the port whole costs several full copies on the server (the joined buffer, a 64 MB hex string for
 * PGlite, PGlite's own copy in its WebAssembly heap, which never shrinks); in 1 MB pieces each copy is 1 MB.
 */
import type { Database, Queryable } from '../db/port';
import { byteaColumn, byteaParam } from '../sync/bytea';

/** Bytes per stored piece: small enough that no copy of one matters, large enough that a 32 MB blob is 32 rows. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

export interface NewBlob {
  sha256: string;
  bytes: number;
  mimeType: string;
  uploadedBy: string;
  /**
   * The bytes as received, in pieces of any size adding up to `bytes`. Consumed: each entry is released once
   * written, so the received copy shrinks while the stored one grows.
   */
  parts: Buffer[];
}

const EMPTY = Buffer.alloc(0);

/** `parts` re-cut into pieces of `size` bytes (the last may be shorter), releasing each part once used. */
function* piecesOf(parts: Buffer[], size: number): Generator<Buffer> {
  let pending: Buffer[] = [];
  let have = 0;
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i]!;
    parts[i] = EMPTY;
    while (p.length > 0) {
      const take = Math.min(size - have, p.length);
      pending.push(p.subarray(0, take));
      have += take;
      p = p.subarray(take);
      if (have === size) {
        yield Buffer.concat(pending, have);
        pending = [];
        have = 0;
      }
    }
  }
  if (have > 0) yield Buffer.concat(pending, have);
  parts.length = 0;
}

/**
 * Stores a blob whose bytes were already checked against its hash and size; true when this call wrote it, false
 * when it was there already (two uploads of one blob at once: the primary key keeps one, the other writes nothing).
 */
export async function storeBlob(db: Database, blob: NewBlob, opts: { chunkBytes?: number } = {}): Promise<boolean> {
  const chunkBytes = opts.chunkBytes ?? BLOB_CHUNK_BYTES;
  const total = blob.parts.reduce((n, p) => n + p.length, 0);
  if (total !== blob.bytes) throw new Error(`recording blob ${blob.sha256}: ${total} bytes given for ${blob.bytes}`);
  return db.transaction(async (tx: Queryable) => {
    const inserted = await tx.query(
      `insert into recording_blobs (sha256, bytes, mime_type, chunk_bytes, uploaded_by) values ($1, $2, $3, $4, $5)
         on conflict (sha256) do nothing returning sha256`,
      [blob.sha256, blob.bytes, blob.mimeType, chunkBytes, blob.uploadedBy],
    );
    if (inserted.length === 0) {
      blob.parts.length = 0;
      return false;
    }
    let ordinal = 0;
    for (const piece of piecesOf(blob.parts, chunkBytes)) {
      const data = byteaParam(db, 3, piece);
      await tx.query(`insert into recording_blob_chunks (sha256, ordinal, data) values ($1, $2, ${data.sql})`, [blob.sha256, ordinal++, data.value]);
    }
    return true;
  });
}

/**
 * Bytes `start`..`end` (inclusive) of a stored blob, in order, at most `sliceBytes` per query and never crossing a
 * piece border within one query (the first and last pieces are read in part, with `substring`).
 */
export async function* readBlobRange(
  db: Database,
  blob: { sha256: string; chunkBytes: number },
  start: number,
  end: number,
  sliceBytes: number,
): AsyncGenerator<Buffer> {
  const col = byteaColumn(db, 'substring(data from $3 for $4)');
  const size = blob.chunkBytes;
  for (let at = start; at <= end;) {
    const ordinal = Math.floor(at / size);
    const offset = at - ordinal * size;
    const len = Math.min(sliceBytes, size - offset, end - at + 1);
    const [row] = await db.query<{ d: unknown }>(
      `select ${col.sql} as d from recording_blob_chunks where sha256 = $1 and ordinal = $2`,
      [blob.sha256, ordinal, offset + 1, len],
    );
    if (!row) throw new Error(`recording blob ${blob.sha256}: piece ${ordinal} missing while streaming`);
    const piece = col.read(row.d);
    if (piece.length !== len) throw new Error(`recording blob ${blob.sha256}: piece ${ordinal} gave ${piece.length} bytes at ${offset}, not ${len}`);
    yield piece;
    at += len;
  }
}

/** The whole blob as one Buffer (checks and tests; the read route streams with readBlobRange), or null. */
export async function readBlob(db: Database, sha256: string): Promise<Buffer | null> {
  const [row] = await db.query<{ bytes: number; chunk_bytes: number }>('select bytes, chunk_bytes from recording_blobs where sha256 = $1', [sha256]);
  if (!row) return null;
  const parts: Buffer[] = [];
  for await (const p of readBlobRange(db, { sha256, chunkBytes: Number(row.chunk_bytes) }, 0, Number(row.bytes) - 1, BLOB_CHUNK_BYTES)) parts.push(p);
  return Buffer.concat(parts);
}
