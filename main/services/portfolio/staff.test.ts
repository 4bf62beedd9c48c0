import { afterEach, describe, expect, it } from 'vitest';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';
import { DebtorCard } from '../../../shared/api/methods/portfolio';
import { PullPage } from '../../../shared/sync/wire';
import { createNotesRepo } from '../notes/notes-repo';
import { createPullApplier } from '../sync/pull-apply';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { createCardQuery } from './card';

let close: () => void = () => {};
afterEach(() => close());

/** A pulled page as the server sends it (parsed by the same contract the sync client uses). */
const page = (slice: PortfolioSlice, staff: unknown[], cursor: string, full: PullPage['full'] = 'none'): PullPage =>
  PullPage.parse({ slice, scripts: [], staff, removedAccounts: [], cursor, more: false, full });

const empty = (): PortfolioSlice => ({
  creditors: [], debtors: [], accounts: [], phones: [], payments: [], contacts: [], promises: [], callbacks: [], policies: [],
});

describe('staff directory on the desk', () => {
  it('pulled staff rows land in the store and the card names the users its rows mention', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 3, agentId: 'u-agent1' });
    const applier = createPullApplier(s.db);
    applier.ensureOwner('u-agent1');
    applier.apply(page(slice, [
      { id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' },
      { id: 'u-agent2', displayName: 'Carlos Ruiz', role: 'agent' },
      { id: 'u-lead1', displayName: 'Marta Gil', role: 'lead' },
    ], 'c-1', 'last'), null);
    expect(s.db.prepare('SELECT id, display_name, role FROM staff ORDER BY id').all()).toEqual([
      { id: 'u-agent1', display_name: 'Laura Benítez', role: 'agent' },
      { id: 'u-agent2', display_name: 'Carlos Ruiz', role: 'agent' },
      { id: 'u-lead1', display_name: 'Marta Gil', role: 'lead' },
    ]);

    const debtorId = slice.debtors[0]!.id;
    // A lead's note and one from an id the directory has never heard of (imported history, another system).
    const notes = createNotesRepo(s.db);
    notes.add({ debtorId, agentId: 'u-lead1', text: 'Revisar acuerdo', at: new Date('2026-11-20T15:00:00Z') });
    notes.add({ debtorId, agentId: 'legacy-77', text: 'Nota importada', at: new Date('2026-11-19T15:00:00Z') });

    const card = createCardQuery(s.db)(debtorId)!;
    expect(DebtorCard.parse(card)).toEqual(card);
    expect(card.contacts.length).toBeGreaterThan(0);
    // Only the users this card mentions, with their names; the unknown id has no entry (the screen shows the id).
    expect(card.staff).toEqual([
      { id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' },
      { id: 'u-lead1', displayName: 'Marta Gil', role: 'lead' },
    ]);
  });

  it('a rename on a later pull replaces the name on the card; the directory survives a change of desk owner', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 2, agentId: 'u-agent1' });
    const applier = createPullApplier(s.db);
    applier.ensureOwner('u-agent1');
    applier.apply(page(slice, [{ id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' }], 'c-1', 'last'), null);
    applier.apply(page(empty(), [{ id: 'u-agent1', displayName: 'Laura Benítez Ríos', role: 'lead' }], 'c-2'), 'c-1');
    const card = createCardQuery(s.db)(slice.debtors[0]!.id)!;
    expect(card.staff).toEqual([{ id: 'u-agent1', displayName: 'Laura Benítez Ríos', role: 'lead' }]);

    // Another agent signs in on this desk: their slice replaces this one, the names stay until their pull lands.
    applier.ensureOwner('u-agent2');
    expect(s.db.prepare('SELECT display_name FROM staff WHERE id = ?').pluck().get('u-agent1')).toBe('Laura Benítez Ríos');
  });

  it('a page from a server without the directory applies and leaves the known names alone', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 1, agentId: 'u-agent1' });
    const applier = createPullApplier(s.db);
    applier.ensureOwner('u-agent1');
    applier.apply(page(slice, [{ id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' }], 'c-1', 'last'), null);
    const { staff: _none, ...older } = page(empty(), [], 'c-2');
    applier.apply(PullPage.parse(older), 'c-1');
    expect(applier.cursor()).toBe('c-2');
    expect(createCardQuery(s.db)(slice.debtors[0]!.id)!.staff).toEqual([{ id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' }]);
  });
});
