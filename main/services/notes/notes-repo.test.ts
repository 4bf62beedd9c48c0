import { afterEach, describe, expect, it } from 'vitest';
import { createNotesRepo, DebtorNotFoundError } from './notes-repo';
import { clientId, createOutbox } from '../outbox/outbox';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';

let close: () => void = () => {};
afterEach(() => close());

describe('notes', () => {
  it('writes the note and its outbox mutation together, in client order', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 2 });
    replaceSlice(s.db, slice);
    const notes = createNotesRepo(s.db);
    const at = new Date('2026-11-25T15:00:00Z');
    const n1 = notes.add({ debtorId: slice.debtors[0]!.id, agentId: 'u-agent1', text: 'Dice que paga el viernes', at });
    const n2 = notes.add({ debtorId: slice.debtors[1]!.id, agentId: 'u-agent1', text: 'Número equivocado', at });
    const pending = createOutbox(s.db).pending();
    expect(pending.map((p) => p.kind)).toEqual(['note.add', 'note.add']);
    expect(pending.map((p) => p.payload)).toEqual([n1, n2]);
    expect(pending[0]!.seq).toBeLessThan(pending[1]!.seq);
    expect(new Set(pending.map((p) => p.uuid)).size).toBe(2);
  });

  it('a note for an unknown debtor writes neither the note nor a mutation', () => {
    const s = freshStore();
    close = s.close;
    const notes = createNotesRepo(s.db);
    expect(() => notes.add({ debtorId: 'ghost', agentId: 'u', text: 'x', at: new Date() })).toThrow(DebtorNotFoundError);
    expect(s.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    expect(createOutbox(s.db).pendingCount()).toBe(0);
  });

  it('if the outbox write fails, the note is rolled back too', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 1 });
    replaceSlice(s.db, slice);
    s.db.exec("CREATE TRIGGER break_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => createNotesRepo(s.db).add({ debtorId: slice.debtors[0]!.id, agentId: 'u', text: 'x', at: new Date() })).toThrow(/disk full/);
    expect(s.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });
});

describe('outbox', () => {
  it('refuses to enqueue outside a transaction, acknowledges and keeps refusals with the reason', () => {
    const s = freshStore();
    close = s.close;
    const outbox = createOutbox(s.db);
    expect(() => outbox.enqueue('note.add', {}, 'now')).toThrow(/inside the transaction/);
    const [a, b] = s.db.transaction(() => [outbox.enqueue('note.add', { n: 1 }, 't'), outbox.enqueue('note.add', { n: 2 }, 't')])();
    outbox.refuse(b!.seq, 'account reassigned');
    expect(outbox.pendingCount()).toBe(1);
    outbox.acknowledge([a!.seq]);
    expect(outbox.pendingCount()).toBe(0);
    expect(s.db.prepare('SELECT state, error FROM outbox').all()).toEqual([{ state: 'refused', error: 'account reassigned' }]);
  });
});

describe('client id', () => {
  it('is created once and kept', () => {
    const s = freshStore();
    close = s.close;
    const id = clientId(s.db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(clientId(s.db)).toBe(id);
  });
});
