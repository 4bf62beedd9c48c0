import { randomUUID } from 'node:crypto';
import type { Db } from '../store/open';
import type { Note } from '../../../shared/domain/portfolio';
import { createOutbox } from '../outbox/outbox';

export class DebtorNotFoundError extends Error {
  constructor(readonly debtorId: string) {
    super(`no debtor ${debtorId} in the local store`);
    this.name = 'DebtorNotFoundError';
  }
}

/** Notes: the note row and its outbox mutation in ONE transaction; resolved means durable (WAL commit). */
export function createNotesRepo(db: Db) {
  const outbox = createOutbox(db);
  const exists = db.prepare('SELECT 1 FROM debtors WHERE id = ?').pluck();
  const insert = db.prepare('INSERT INTO notes (id, debtor_id, agent_id, text, created_at) VALUES (?, ?, ?, ?, ?)');
  const add = db.transaction((note: Note) => {
    if (!exists.get(note.debtorId)) throw new DebtorNotFoundError(note.debtorId);
    insert.run(note.id, note.debtorId, note.agentId, note.text, note.createdAt);
    outbox.enqueue('note.add', note, note.createdAt);
  });
  return {
    add(input: { debtorId: string; agentId: string; text: string; at: Date }): Note {
      const note: Note = {
        id: randomUUID(), debtorId: input.debtorId, agentId: input.agentId, text: input.text,
        createdAt: input.at.toISOString(),
      };
      add(note);
      return note;
    },
  };
}
