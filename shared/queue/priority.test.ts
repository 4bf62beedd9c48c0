import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REASON_CODES, balancePercentiles, bestHour, buildQueue, dpdPoints, type QueueCandidate, type QueueRow,
} from './priority';
import { formatReason, queueMessages } from './messages';
import { localDate, localHour } from './local-hour';

// 15:00 UTC = 10:00 in Bogotá and Lima, 10:00 in New York (EST), 09:00 in Mexico City.
const NOW = new Date('2026-11-25T15:00:00Z');
const hours = (entries: Record<number, number> = {}) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);

function cand(over: Partial<QueueCandidate> & { accountId: string }): QueueCandidate {
  return {
    debtorId: `d-${over.accountId}`, debtorName: 'Ana Pérez', accountNumber: `N-${over.accountId}`, product: 'tc',
    currency: 'COP', balanceMinor: 100_000_00, daysPastDue: 20, segment: 'early', timeZone: 'America/Bogota',
    pendingPromises: [], brokenPromises: 0, callbacksDueAt: [], contactHours: hours(), ...over,
  };
}
const ids = (rows: QueueRow[]) => rows.map((r) => r.accountId);

describe('local time helpers', () => {
  it.each([
    ['2026-11-25T15:00:00Z', 'America/Bogota', 10, '2026-11-25'],
    ['2026-11-25T03:30:00Z', 'America/Bogota', 22, '2026-11-24'],
    ['2026-07-01T15:00:00Z', 'America/New_York', 11, '2026-07-01'],
    ['2026-11-25T15:00:00Z', 'America/Santiago', 12, '2026-11-25'],
    ['2026-11-25T23:59:00Z', 'UTC', 23, '2026-11-25'],
  ])('%s in %s is hour %i of %s', (at, zone, hour, date) => {
    expect(localHour(at, zone)).toBe(hour);
    expect(localDate(at, zone)).toBe(date);
  });
});

describe('score parts', () => {
  it.each([
    [0, 0, '0'], [1, 10.17, '1-30'], [30, 15, '1-30'], [31, 20.17, '31-60'], [75, 32.5, '61-90'], [90, 35, '61-90'],
    [91, 24.02, '90+'], [400, 29, '90+'],
  ])('%i days past due → %f points, bucket %s', (days, points, bucket) => {
    const r = dpdPoints(days);
    expect(r.points).toBeCloseTo(points, 1);
    expect(r.bucket).toBe(bucket);
  });

  it('ranks balances within their own currency only', () => {
    const p = balancePercentiles([
      cand({ accountId: 'a', balanceMinor: 10 }), cand({ accountId: 'b', balanceMinor: 20 }), cand({ accountId: 'c', balanceMinor: 30 }),
      cand({ accountId: 'u', currency: 'USD', balanceMinor: 1 }),
    ]);
    expect(Object.fromEntries(p)).toEqual({ a: 0, b: 0.5, c: 1, u: 0.5 });
  });

  it.each([
    [hours(), null], [hours({ 9: 1 }), null], [hours({ 9: 1, 19: 3 }), 19], [hours({ 7: 2, 8: 2 }), 7],
  ])('best hour of %j is %s', (h, best) => expect(bestHour(h)).toBe(best));
});

describe('buildQueue (table)', () => {
  it('puts callbacks and promises due today on top, then broken promises, then by days and balance', () => {
    const rows = buildQueue([
      cand({ accountId: 'plain', daysPastDue: 45 }),
      cand({ accountId: 'broken', brokenPromises: 1, daysPastDue: 10 }),
      cand({ accountId: 'promise-today', pendingPromises: [{ dueDate: '2026-11-25', amountMinor: 50_000_00 }], daysPastDue: 3 }),
      cand({ accountId: 'callback-later-today', callbacksDueAt: ['2026-11-25T20:00:00Z'], daysPastDue: 2 }),
      cand({ accountId: 'callback-tomorrow', callbacksDueAt: ['2026-11-26T15:00:00Z'], daysPastDue: 2 }),
      cand({ accountId: 'overdue-callback', callbacksDueAt: ['2026-11-25T13:00:00Z'], daysPastDue: 1 }),
    ], { now: NOW });
    expect(ids(rows)).toEqual(['overdue-callback', 'promise-today', 'callback-later-today', 'broken', 'plain', 'callback-tomorrow']);
    expect(rows[0]!.reasons[0]).toEqual({ code: 'callback_overdue', params: { at: '2026-11-25T13:00:00Z' } });
    expect(rows[1]!.reasons[0]).toEqual({ code: 'promise_due_today', params: { amountMinor: 50_000_00, currency: 'COP' } });
    expect(rows[3]!.reasons[0]).toEqual({ code: 'broken_promise', params: { count: 1 } });
  });

  it('"today" is the debtor\'s today: a promise due 2026-11-25 in Bogotá is not due at 03:00 UTC that day', () => {
    const early = new Date('2026-11-25T03:00:00Z'); // still the 24th in Bogotá
    const rows = buildQueue([cand({ accountId: 'p', pendingPromises: [{ dueDate: '2026-11-25', amountMinor: 1 }] })], { now: early });
    expect(rows[0]!.tier).toBe(1);
    expect(rows[0]!.reasons.map((r) => r.code)).not.toContain('promise_due_today');
  });

  it('a pending promise whose date passed counts as broken', () => {
    const rows = buildQueue([cand({ accountId: 'p', pendingPromises: [{ dueDate: '2026-11-20', amountMinor: 1 }] })], { now: NOW });
    expect(rows[0]!.reasons.find((r) => r.code === 'promise_overdue')).toEqual({ code: 'promise_overdue', params: { count: 1 } });
    expect(rows[0]!.reasons.map((r) => r.code)).not.toContain('broken_promise');
  });

  it('prefers the debtor reachable now: best hour learned from past successful contacts in their zone', () => {
    const rows = buildQueue([
      cand({ accountId: 'evening', contactHours: hours({ 19: 4 }) }),
      cand({ accountId: 'morning', contactHours: hours({ 10: 3, 11: 1 }) }),
      cand({ accountId: 'unknown' }),
    ], { now: NOW });
    expect(ids(rows)).toEqual(['morning', 'unknown', 'evening']);
    expect(rows[0]!.reasons.find((r) => r.code === 'best_hour_now')).toEqual({ code: 'best_hour_now', params: { hour: 10 } });
    expect(rows[2]!.reasons.find((r) => r.code === 'best_hour_later')).toEqual({ code: 'best_hour_later', params: { hour: 19 } });
  });

  it('filters by segment and limits', () => {
    const all = [cand({ accountId: 'a', segment: 'early' }), cand({ accountId: 'b', segment: 'late', daysPastDue: 120 }),
      cand({ accountId: 'c', segment: 'late', daysPastDue: 70 })];
    expect(ids(buildQueue(all, { now: NOW, segment: 'late' }))).toEqual(['c', 'b']);
    expect(ids(buildQueue(all, { now: NOW, limit: 1 }))).toHaveLength(1);
    expect(buildQueue(all, { now: NOW, segment: 'none' })).toEqual([]);
  });

  it('sinks rows compliance defers, with until and reason', () => {
    const rows = buildQueue([
      cand({ accountId: 'blocked', callbacksDueAt: ['2026-11-25T13:00:00Z'] }),
      cand({ accountId: 'ok' }),
    ], {
      now: NOW,
      defer: (c) => (c.accountId === 'blocked' ? { until: '2026-11-25T22:00:00Z', reason: { code: 'compliance.frequency_cap', params: { max: 7 } } } : null),
    });
    expect(ids(rows)).toEqual(['ok', 'blocked']);
    expect(rows[1]!.deferredUntil).toBe('2026-11-25T22:00:00Z');
    expect(rows[1]!.deferReason).toEqual({ code: 'compliance.frequency_cap', params: { max: 7 } });
  });
});

describe('messages', () => {
  it('every reason code has es and en wording', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const code of REASON_CODES) expect(queueMessages[lang][`queue.reason.${code}`], `${lang} ${code}`).toBeTruthy();
    }
  });

  it('words a row in the debtor\'s zone and the account\'s currency', () => {
    expect(formatReason({ code: 'callback_due', params: { at: '2026-11-25T20:30:00Z' } }, 'es', 'America/Bogota'))
      .toBe('Devolución de llamada hoy a las 15:30');
    expect(formatReason({ code: 'dpd_bucket', params: { days: 45, bucket: '31-60' } }, 'en')).toBe('45 days past due (31-60 bucket)');
    expect(formatReason({ code: 'promise_due_today', params: { amountMinor: 150_000_00, currency: 'COP' } }, 'es'))
      .toMatch(/^Promesa de pago de \$\s?150\.000 vence hoy$/);
    expect(formatReason({ code: 'compliance.x', params: {} }, 'es')).toBe('compliance.x');
  });
});

// Property tests over random queues.
const zoneArb = fc.constantFrom('America/Bogota', 'America/Mexico_City', 'America/Santiago', 'America/Lima', 'America/New_York');
const candArb = fc.record({
  accountId: fc.uuid(),
  currency: fc.constantFrom('COP', 'USD', 'MXN'),
  balanceMinor: fc.integer({ min: 1, max: 10_000_000_000 }),
  daysPastDue: fc.integer({ min: 0, max: 720 }),
  segment: fc.constantFrom('early', 'mid', 'late'),
  timeZone: zoneArb,
  brokenPromises: fc.integer({ min: 0, max: 4 }),
  dueToday: fc.boolean(),
  callbackIn: fc.option(fc.integer({ min: -10, max: 48 }), { nil: null }),
  contactHours: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 24, maxLength: 24 }),
}).map((r) => cand({
  accountId: r.accountId, currency: r.currency, balanceMinor: r.balanceMinor, daysPastDue: r.daysPastDue,
  segment: r.segment, timeZone: r.timeZone, brokenPromises: r.brokenPromises, contactHours: r.contactHours,
  pendingPromises: r.dueToday ? [{ dueDate: localDate(NOW, r.timeZone), amountMinor: 1 }] : [],
  callbacksDueAt: r.callbackIn === null ? [] : [new Date(NOW.getTime() + r.callbackIn * 3_600_000).toISOString()],
}));
const queueArb = fc.uniqueArray(candArb, { selector: (c) => c.accountId, maxLength: 60 });

describe('buildQueue (properties)', () => {
  it('every due-today callback or promise is above every row without one', () => {
    fc.assert(fc.property(queueArb, (cands) => {
      const rows = buildQueue(cands, { now: NOW });
      const firstRest = rows.findIndex((r) => r.tier === 1);
      if (firstRest >= 0) expect(rows.slice(firstRest).every((r) => r.tier === 1)).toBe(true);
      for (const r of rows) {
        const codes = r.reasons.map((x) => x.code);
        const dueNow = codes.includes('callback_overdue') || codes.includes('callback_due') || codes.includes('promise_due_today');
        expect(r.tier === 0).toBe(dueNow);
      }
    }));
  });

  it('is a permutation-invariant total order: shuffling the input gives the same queue', () => {
    fc.assert(fc.property(queueArb, fc.integer(), (cands, seed) => {
      const shuffled = [...cands].sort((a, b) => ((hash(a.accountId + seed) - hash(b.accountId + seed))));
      expect(ids(buildQueue(shuffled, { now: NOW }))).toEqual(ids(buildQueue(cands, { now: NOW })));
    }));
  });

  it('more balance in the same currency never moves an account down (all else equal)', () => {
    fc.assert(fc.property(queueArb, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (cands, pick, extra) => {
      if (cands.length === 0) return;
      const i = pick % cands.length;
      const target = cands[i]!;
      const before = ids(buildQueue(cands, { now: NOW })).indexOf(target.accountId);
      const richer = cands.map((c, j) => (j === i ? { ...c, balanceMinor: c.balanceMinor + extra } : c));
      const after = ids(buildQueue(richer, { now: NOW })).indexOf(target.accountId);
      expect(after).toBeLessThanOrEqual(before);
    }));
  });

  it('every row explains itself with known codes, and the segment filter keeps only that segment', () => {
    fc.assert(fc.property(queueArb, fc.constantFrom('early', 'mid', 'late'), (cands, seg) => {
      const rows = buildQueue(cands, { now: NOW, segment: seg });
      expect(rows.length).toBe(cands.filter((c) => c.segment === seg).length);
      for (const r of rows) {
        expect(r.segment).toBe(seg);
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const reason of r.reasons) expect(REASON_CODES).toContain(reason.code);
      }
    }));
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
