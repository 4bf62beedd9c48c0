import { afterEach, describe, expect, it } from 'vitest';
import { createPhoneLookup } from '../../main/services/portfolio/lookup';
import { fill } from '../../main/services/testing/bench-fixture';
import { freshStore } from '../../main/services/testing/store-fixture';
import { pickCallers, popOfCall } from './screenpop-ui-calls';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('screen-pop bench callers', () => {
  it('picks different debtors, each calling from a number of their own, never a flagged one or a shared number', () => {
    const s = freshStore();
    close = s.close;
    fill(s.db, 200, 2);
    const ids = s.db.prepare('SELECT id FROM debtors ORDER BY num').pluck().all() as string[];
    const [flagged, sharer, owner] = [ids[10]!, ids[20]!, ids[30]!];
    s.db.prepare(`UPDATE debtors SET flags = '["cease"]' WHERE id = ?`).run(flagged);
    const mine = s.db.prepare(`SELECT e164, national_digits FROM phones WHERE debtor_id = ? ORDER BY type = 'mobile' DESC LIMIT 1`).get(owner) as { e164: string; national_digits: string };
    s.db.prepare('UPDATE phones SET e164 = ?, national_digits = ? WHERE debtor_id = ?').run(mine.e164, mine.national_digits, sharer);

    const callers = pickCallers(s.db, 60);
    expect(callers).toHaveLength(60);
    expect(new Set(callers.map((c) => c.debtorId)).size).toBe(60);
    expect(new Set(callers.map((c) => c.e164)).size).toBe(60);
    const lookup = createPhoneLookup(s.db);
    for (const c of callers) expect(lookup(c.e164)).toEqual([c.debtorId]);
    const picked = new Set(callers.map((c) => c.debtorId));
    expect(picked.has(flagged)).toBe(false);
    expect(picked.has(sharer)).toBe(false);
    expect(picked.has(owner)).toBe(false);
  });

  it('refuses to run short of callers rather than repeat one', () => {
    const s = freshStore();
    close = s.close;
    fill(s.db, 5, 1);
    expect(() => pickCallers(s.db, 50)).toThrow(/of 50 debtors/);
  });
});

describe('one call’s pop time', () => {
  const target = { debtorId: 'd-1', e164: '+573001234567' };
  it('is the measure when it and the card on screen name the caller’s debtor', () => {
    expect(popOfCall(target, { ms: 12.5, number: '+573001234567', debtorId: 'd-1' }, 'd-1')).toBe(12.5);
  });
  it('a wrong pop is an error, never a figure', () => {
    expect(() => popOfCall(target, { ms: 3, number: '+573001234567', debtorId: 'd-2' }, 'd-1')).toThrow(/painted debtor d-2/);
    expect(() => popOfCall(target, { ms: 3, number: '+573001234567', debtorId: 'd-1' }, 'd-2')).toThrow(/on screen is debtor d-2/);
    expect(() => popOfCall(target, { ms: 3, number: '+15550100', debtorId: 'd-1' }, 'd-1')).toThrow(/measured for \+15550100/);
    expect(() => popOfCall(target, { ms: Number.NaN, number: '+573001234567', debtorId: 'd-1' }, 'd-1')).toThrow(/not a duration/);
  });
});
