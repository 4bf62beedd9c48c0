/**
 * Per-agent client ids and their contiguous wire sequence. The outbox's own seq is one counter for the whole
 * desk; two agents sharing a desk would leave gaps in each other's sequence, and the server treats a gap as
 * "wait for the missing one". So each agent gets a client id, and each of their outbox rows a wire seq, given
 * in outbox order inside one local transaction before the row is first sent.
 */
import { randomBytes } from 'node:crypto';
import { authorOf } from '../../../shared/sync/mutations';
import type { Db } from '../store/open';

export function createWireSeq(db: Db) {
  const getMeta = db.prepare('SELECT value FROM sync_meta WHERE key = ?').pluck();
  const setMeta = db.prepare('INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const unassigned = db.prepare(
    `SELECT o.seq, o.payload FROM outbox o LEFT JOIN sync_wire w ON w.outbox_seq = o.seq
      WHERE o.state = 'pending' AND w.outbox_seq IS NULL ORDER BY o.seq`,
  );
  const insertWire = db.prepare('INSERT INTO sync_wire (outbox_seq, client_id, wire_seq) VALUES (?, ?, ?)');
  const orphans = db.prepare('DELETE FROM sync_wire WHERE outbox_seq NOT IN (SELECT seq FROM outbox)');

  function clientId(agentId: string): string {
    const key = `sync.client.${agentId}`;
    let id = getMeta.get(key) as string | undefined;
    if (!id) {
      id = `d${randomBytes(15).toString('base64url')}`;
      setMeta.run(key, id);
    }
    return id;
  }

  /** Numbers the agent's not-yet-numbered pending rows (rows of other agents wait for their own login). */
  const assign = db.transaction((agentId: string): string => {
    const id = clientId(agentId);
    const nextKey = `sync.client.${id}.next`;
    let next = Number(getMeta.get(nextKey) ?? 1);
    for (const row of unassigned.all() as Array<{ seq: number; payload: string }>) {
      let author: string | null = null;
      try { author = authorOf(JSON.parse(row.payload)); } catch { author = null; }
      // A row that names no agent goes with the agent at the desk; the server checks it.
      if (author !== null && author !== agentId) continue;
      insertWire.run(row.seq, id, next++);
    }
    setMeta.run(nextKey, String(next));
    return id;
  });

  return {
    clientId: (agentId: string) => db.transaction(() => clientId(agentId))(),
    assign,
    /** Wire rows whose outbox row the server acknowledged. */
    prune: () => orphans.run(),
  };
}
