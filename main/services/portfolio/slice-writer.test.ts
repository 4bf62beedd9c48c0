import { afterEach, describe, expect, it } from 'vitest';
import { SliceWriter, replaceSlice } from './slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { createNotesRepo } from '../notes/notes-repo';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';

let close: () => void = () => {};
afterEach(() => close());

const count = (db: ReturnType<typeof freshStore>['db'], t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();

function only(slice: PortfolioSlice, debtorIds: Set<string>, dropAccounts = new Set<string>()): PortfolioSlice {
  const accounts = slice.accounts.filter((a) => debtorIds.has(a.debtorId) && !dropAccounts.has(a.id));
  const accIds = new Set(accounts.map((a) => a.id));
  return {
    ...slice,
    debtors: slice.debtors.filter((d) => debtorIds.has(d.id)),
    accounts,
    phones: slice.phones.filter((p) => debtorIds.has(p.debtorId)),
    payments: slice.payments.filter((p) => accIds.has(p.accountId)),
    contacts: slice.contacts.filter((c) => debtorIds.has(c.debtorId)),
    promises: slice.promises.filter((p) => accIds.has(p.accountId)),
    callbacks: slice.callbacks.filter((c) => debtorIds.has(c.debtorId)),
  };
}

describe('SliceWriter', () => {
  it('upserts pages and counts every entity', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 50 });
    replaceSlice(s.db, slice);
    expect(count(s.db, 'debtors')).toBe(50);
    expect(count(s.db, 'accounts')).toBe(slice.accounts.length);
    expect(count(s.db, 'phones')).toBe(slice.phones.length);
    expect(count(s.db, 'contacts')).toBe(slice.contacts.length);
    expect(count(s.db, 'debtor_search')).toBe(50);
    // Idempotent: the same slice again changes nothing.
    replaceSlice(s.db, slice);
    expect(count(s.db, 'accounts')).toBe(slice.accounts.length);
    expect(count(s.db, 'debtor_search')).toBe(50);
  });

  it('removes an account no longer in the slice, and a debtor with no account left (with their rows)', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 10, accountsPerDebtor: 2 });
    replaceSlice(s.db, slice);
    const ids = new Set(slice.debtors.map((d) => d.id));
    const gone = slice.debtors[0]!.id;
    ids.delete(gone);
    const partial = slice.debtors[1]!.id;
    const next = only(slice, ids, new Set([`${partial}-a1`]));
    const w = new SliceWriter(s.db);
    const gen = w.begin();
    // Two pages: the sweep happens only after the last.
    w.applyPage(gen, only(next, new Set([...ids].slice(0, 4))));
    w.applyPage(gen, only(next, new Set([...ids].slice(4))));
    expect(w.finish(gen)).toEqual({ removedAccounts: 3, removedDebtors: 1 });
    expect(s.db.prepare('SELECT count(*) FROM debtors WHERE id = ?').pluck().get(gone)).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM phones WHERE debtor_id = ?').pluck().get(gone)).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM accounts WHERE debtor_id = ?').pluck().get(partial)).toBe(1);
    const acc = s.db.prepare("SELECT accounts FROM debtor_search WHERE rowid = (SELECT num FROM debtors WHERE id = ?)").pluck().get(partial) as string;
    expect(acc.split(' ')).toHaveLength(1);
    expect(count(s.db, 'debtor_search')).toBe(9);
  });

  it('an interrupted refresh (no finish) removes nothing, and local notes survive a refresh', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 6 });
    replaceSlice(s.db, slice);
    const note = createNotesRepo(s.db).add({ debtorId: slice.debtors[2]!.id, agentId: 'u-agent1', text: 'Pidió llamar el lunes', at: new Date() });
    const w = new SliceWriter(s.db);
    const gen = w.begin();
    w.applyPage(gen, only(slice, new Set([slice.debtors[2]!.id])));
    expect(count(s.db, 'debtors')).toBe(6);
    replaceSlice(s.db, slice);
    expect(s.db.prepare('SELECT text FROM notes WHERE id = ?').pluck().get(note.id)).toBe('Pidió llamar el lunes');
  });

  it('updates a changed balance without deleting the debtor\'s history (upsert, not replace)', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 3 });
    replaceSlice(s.db, slice);
    const contactsBefore = count(s.db, 'contacts');
    const changed = { ...slice, debtors: slice.debtors.map((d) => ({ ...d, fullName: d.fullName + ' Jr' })),
      accounts: slice.accounts.map((a) => ({ ...a, balanceMinor: 42 })) };
    replaceSlice(s.db, changed);
    expect(s.db.prepare('SELECT DISTINCT balance_minor FROM accounts').pluck().all()).toEqual([42]);
    expect(count(s.db, 'contacts')).toBe(contactsBefore);
  });

  it("keeps a contact or callback on an account the store does not hold, unlinked, and links it when the account's page lands", () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 1, accountsPerDebtor: 2 });
    const d = slice.debtors[0]!.id;
    const [a0, a1] = [`${d}-a0`, `${d}-a1`];
    // The debtor's history names both accounts; each page carries one account and the whole history.
    const contact = (id: string, accountId: string) => ({ id, debtorId: d, accountId, agentId: 'u-agent2', channel: 'call' as const,
      direction: 'outbound' as const, phoneE164: null, startedAt: '2026-11-20T15:00:00.000Z', endedAt: null, outcome: 'no_answer' as const,
      reason: null, notes: '', mos: null, conversation: false });
    const contacts = [contact('ct-a1', a1), contact('ct-a0', a0)];
    const callbacks = [{ id: 'cb-a1', debtorId: d, accountId: a1, agentId: 'u-agent2', dueAt: '2026-11-27T15:00:00.000Z',
      timeZone: 'America/Bogota', note: '', status: 'pending' as const }];
    const page = (account: string): PortfolioSlice => ({
      ...slice, contacts, callbacks,
      accounts: slice.accounts.filter((a) => a.id === account),
      payments: slice.payments.filter((p) => p.accountId === account),
      promises: slice.promises.filter((p) => p.accountId === account),
    });
    const link = (t: string, id: string) => s.db.prepare(`SELECT account_id FROM ${t} WHERE id = ?`).pluck().get(id);
    const w = new SliceWriter(s.db);
    const gen = w.begin();
    w.applyPage(gen, page(a0));
    expect(link('contacts', contacts[0]!.id)).toBeNull();
    expect(link('contacts', contacts[1]!.id)).toBe(a0);
    expect(link('callbacks', 'cb-a1')).toBeNull();
    w.applyPage(gen, page(a1));
    expect(link('contacts', contacts[0]!.id)).toBe(a1);
    expect(link('callbacks', 'cb-a1')).toBe(a1);
    expect(w.finish(gen)).toEqual({ removedAccounts: 0, removedDebtors: 0 });
    expect(count(s.db, 'contacts')).toBe(contacts.length);
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a payment or promise of an account the page does not carry fails the page whole', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 2 });
    const [mine, other] = slice.accounts;
    const w = new SliceWriter(s.db);
    const gen = w.begin();
    const base = { ...slice, accounts: [mine!], payments: [], promises: [] };
    expect(() => w.applyPage(gen, { ...base, payments: [{ id: 'pay-x', accountId: other!.id, amountMinor: 100, currency: 'COP', postedAt: '2026-11-01', method: 'pse' }] }))
      .toThrow(/FOREIGN KEY/);
    const promise = { id: 'pr-x', accountId: other!.id, debtorId: other!.debtorId, agentId: 'u-agent2', amountMinor: 100, currency: 'COP' as const,
      dueDate: '2026-12-01', method: 'pse', installments: 1, status: 'pending' as const, createdAt: '2026-11-01T00:00:00.000Z' };
    expect(() => w.applyPage(gen, { ...base, debtors: slice.debtors, promises: [promise] })).toThrow(/FOREIGN KEY/);
    expect(count(s.db, 'accounts')).toBe(0);
  });

  it('a page referring to a debtor it does not carry fails whole, nothing half-applied', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 3 });
    const bad = { ...slice, debtors: slice.debtors.slice(1) };
    const w = new SliceWriter(s.db);
    expect(() => w.applyPage(w.begin(), bad)).toThrow(/FOREIGN KEY/);
    expect(count(s.db, 'accounts')).toBe(0);
    expect(count(s.db, 'debtors')).toBe(0);
  });
});
