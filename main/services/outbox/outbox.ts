import { randomUUID } from 'node:crypto';
import type { Db } from '../store/open';

/** Kinds of mutation the desk records: the sync wire's own list (shared/sync/mutations), pushed in seq order. */
import type { MutationKind } from '../../../shared/sync/mutations';
export type { MutationKind };

export interface OutboxRow {
  seq: number;
  uuid: string;
  kind: MutationKind;
  payload: unknown;
  createdAt: string;
  state: 'pending' | 'refused';
  error: string | null;
  attempts: number;
}

/**
 * The outbox of unsynced changes. `enqueue` must run inside the caller's transaction, together with the local
 * effect it describes, so a change and its mutation are saved — or lost — together. `seq` (AUTOINCREMENT, never
 * reused) is the per-client sequence number; `uuid` lets the server drop a replay.
 */
export function createOutbox(db: Db) {
  const insert = db.prepare('INSERT INTO outbox (uuid, kind, payload, created_at) VALUES (?, ?, ?, ?)');
  const pendingStmt = db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?");
  const countStmt = db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck();
  const ackStmt = db.prepare('DELETE FROM outbox WHERE seq = ?');
  const refuseStmt = db.prepare("UPDATE outbox SET state = 'refused', error = ?, attempts = attempts + 1 WHERE seq = ?");
  return {
    enqueue(kind: MutationKind, payload: unknown, at: string): { seq: number; uuid: string } {
      if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the transaction that makes the change');
      const uuid = randomUUID();
      const seq = Number(insert.run(uuid, kind, JSON.stringify(payload), at).lastInsertRowid);
      return { seq, uuid };
    },
    pending(limit = 500): OutboxRow[] {
      return (pendingStmt.all(limit) as Array<Record<string, unknown>>).map((r) => ({
        seq: r.seq as number, uuid: r.uuid as string, kind: r.kind as MutationKind,
        payload: JSON.parse(r.payload as string) as unknown, createdAt: r.created_at as string,
        state: r.state as OutboxRow['state'], error: (r.error as string | null) ?? null, attempts: r.attempts as number,
      }));
    },
    pendingCount(): number {
      return countStmt.get() as number;
    },
    /** Only the server's acknowledgement removes a mutation. */
    acknowledge(seqs: readonly number[]): void {
      db.transaction(() => { for (const s of seqs) ackStmt.run(s); })();
    },
    refuse(seq: number, reason: string): void {
      refuseStmt.run(reason, seq);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

/**
 * This desk's client id for sync (issue 7): a random UUID created on first use and kept in sync_meta, so the
 * server's (client id, seq) dedup survives restarts. A new store (new profile) is a new client.
 */
export function clientId(db: Db): string {
  const get = db.prepare("SELECT value FROM sync_meta WHERE key = 'client.id'").pluck();
  const existing = get.get() as string | undefined;
  if (existing) return existing;
  db.prepare("INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('client.id', ?)").run(randomUUID());
  return get.get() as string;
}
