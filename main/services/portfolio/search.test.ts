import { afterEach, describe, expect, it } from 'vitest';
import { replaceSlice } from './slice-writer';
import { createSearch } from './search';
import { createPhoneLookup } from './lookup';
import { createCardQuery } from './card';
import { phoneQuery } from './phone-query';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { DebtorCard } from '../../../shared/api/methods/portfolio';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';

let close: () => void = () => {};
afterEach(() => close());

function withKnownDebtors() {
  const s = freshStore();
  close = s.close;
  const slice: PortfolioSlice = demoSlice({ debtors: 30 });
  const base = slice.debtors[0]!;
  slice.debtors.push(
    { ...base, id: 'd-jose', fullName: 'José Álvarez Peñaloza', documentId: '1.023.456.789', country: 'CO', timeZone: 'America/Bogota' },
    { ...base, id: 'd-wife', fullName: 'Marta Núñez de Álvarez', documentId: '52.111.222', country: 'CO', timeZone: 'America/Bogota' },
  );
  const acc = slice.accounts[0]!;
  slice.accounts.push(
    { ...acc, id: 'a-jose', debtorId: 'd-jose', accountNumber: 'TC-4410-9981', currency: 'COP', balanceMinor: 1_250_000_00 },
    { ...acc, id: 'a-jose2', debtorId: 'd-jose', accountNumber: 'LB-77', currency: 'USD', balanceMinor: 500_00 },
    { ...acc, id: 'a-wife', debtorId: 'd-wife', accountNumber: 'TC-5000-1234', currency: 'COP', balanceMinor: 90_000_00 },
  );
  const ph = slice.phones[0]!;
  slice.phones.push(
    { ...ph, id: 'p-jose', debtorId: 'd-jose', e164: '+573119049511' },
    // The family landline, shared by both: the screen-pop must offer a picker.
    { ...ph, id: 'p-home-1', debtorId: 'd-jose', e164: '+576014567890', type: 'landline' },
    { ...ph, id: 'p-home-2', debtorId: 'd-wife', e164: '+576014567890', type: 'landline' },
    { ...ph, id: 'p-ar', debtorId: 'd-wife', e164: '+5491123456789' },
  );
  replaceSlice(s.db, slice);
  return s;
}

describe('search', () => {
  it.each([
    ['jose alvarez', 'name'],
    ['ÁLVAREZ peña', 'name'],
    ['Peñal', 'name'],
    ['1023456789', 'document'],
    ['1.023.456', 'document'],
    ['TC-4410-9981', 'account'],
    ['tc 4410', 'account'],
    ['+57 311-904-9511', 'phone'],
    ['311 904 9511', 'phone'],
  ])('finds José by %s (matched on %s)', (query, matchedOn) => {
    const s = withKnownDebtors();
    const hits = createSearch(s.db)(query);
    const hit = hits.find((h) => h.debtorId === 'd-jose');
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit!.matchedOn).toBe(matchedOn);
    // Total in the currency most of the balance is in; the USD account is counted, not added.
    expect(hit!.currency).toBe('COP');
    expect(hit!.totalMinor).toBe(1_250_000_00);
    expect(hit!.accounts).toBe(2);
  });

  it('finds nothing for a name nobody has, and does not choke on FTS syntax', () => {
    const s = withKnownDebtors();
    const search = createSearch(s.db);
    expect(search('Zzyzx Qwerty')).toEqual([]);
    expect(search('"AND OR * NEAR(')).toEqual([]);
  });
});

describe('lookup by phone', () => {
  it.each(['+573119049511', '+57 311-904-9511', '311 904 9511', '(311) 904-9511', '573119049511', '0057 311 904 9511'])(
    'finds José by %s', (input) => {
      const s = withKnownDebtors();
      expect(createPhoneLookup(s.db)(input)).toEqual(['d-jose']);
    });

  it.each(['+54 9 11 2345-6789', '+54 11 2345-6789', '11 2345-6789', '011 2345-6789'])(
    'finds an Argentine mobile however the 9 is written: %s', (input) => {
      const s = withKnownDebtors();
      expect(createPhoneLookup(s.db)(input)).toEqual(['d-wife']);
    });

  it('returns every debtor sharing a number (the picker), and nothing for an unknown one', () => {
    const s = withKnownDebtors();
    const lookup = createPhoneLookup(s.db);
    expect(lookup('+57 601 456 7890').sort()).toEqual(['d-jose', 'd-wife']);
    expect(lookup('+573000000001')).toEqual([]);
    expect(lookup('hola')).toEqual([]);
  });

  it('answers an E.164 caller ID without parsing it exactly as the full parse would, for every stored number', () => {
    const s = withKnownDebtors();
    const lookup = createPhoneLookup(s.db);
    const byE164 = s.db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE e164 = ?').pluck();
    const byNational = s.db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE national_digits = ?').pluck();
    const parsed = (input: string) => {
      const q = phoneQuery(input)!;
      return [...new Set([...q.e164.flatMap((e) => byE164.all(e)), ...q.national.flatMap((n) => byNational.all(n))])].sort();
    };
    const stored = s.db.prepare('SELECT DISTINCT e164 FROM phones').pluck().all() as string[];
    expect(stored.length).toBeGreaterThan(30);
    for (const e164 of [...stored, '+541123456789', '+573000000001']) expect(lookup(e164).sort()).toEqual(parsed(e164));
  });

  it('uses the phone indexes (no table scan on the screen-pop path)', () => {
    const s = withKnownDebtors();
    for (const [sql, index] of [
      ['SELECT DISTINCT debtor_id FROM phones WHERE e164 = ?', 'phones_e164'],
      ['SELECT DISTINCT debtor_id FROM phones WHERE national_digits = ?', 'phones_national'],
    ] as const) {
      const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((r) => r.detail).join(' ');
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/SCAN phones\b(?! USING)/);
    }
  });

  it('phoneQuery reads international and national forms', () => {
    expect(phoneQuery('+57 311-904-9511')).toEqual({ e164: ['+573119049511'], national: [] });
    expect(phoneQuery('0 1 2')).toBeNull();
    expect(phoneQuery('311 904 9511')?.national).toContain('3119049511');
    expect(phoneQuery('044 55 1234 5678')?.national).toContain('5512345678');
  });
});

describe('debtor card', () => {
  it('holds everything about the debtor, contract-valid, newest first', () => {
    const s = withKnownDebtors();
    const card = createCardQuery(s.db);
    const c = card('d-jose')!;
    expect(DebtorCard.parse(c)).toEqual(c);
    expect(c.debtor.fullName).toBe('José Álvarez Peñaloza');
    expect(c.accounts.map((a) => a.id).sort()).toEqual(['a-jose', 'a-jose2']);
    expect(c.phones.map((p) => p.e164).sort()).toEqual(['+573119049511', '+576014567890']);
    const d0 = demoSlice({ debtors: 30 });
    const withContacts = d0.debtors.find((d) => d0.contacts.filter((x) => x.debtorId === d.id).length >= 2)!;
    const cc = card(withContacts.id)!;
    const times = cc.contacts.map((x) => x.startedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(card('nobody')).toBeNull();
  });
});

describe('card query plans', () => {
  it.each([
    ['SELECT * FROM accounts WHERE debtor_id = ? ORDER BY days_past_due DESC, id', 'accounts_debtor'],
    ['SELECT * FROM phones WHERE debtor_id = ? ORDER BY valid DESC, id', 'phones_debtor'],
    ['SELECT * FROM contacts WHERE debtor_id = ? ORDER BY started_at DESC, id', 'contacts_debtor'],
    ['SELECT * FROM promises WHERE debtor_id = ? ORDER BY due_date DESC, id', 'promises_debtor'],
    ['SELECT * FROM callbacks WHERE debtor_id = ? ORDER BY due_at DESC, id', 'callbacks_debtor'],
    ['SELECT * FROM notes WHERE debtor_id = ? ORDER BY created_at DESC, id', 'notes_debtor'],
    ['SELECT p.* FROM payments p JOIN accounts a ON a.id = p.account_id WHERE a.debtor_id = ?', 'payments_account'],
  ])('%s uses %s', (sql, index) => {
    const s = withKnownDebtors();
    const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('d-jose') as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toContain(index);
  });
});
