import { describe, expect, it } from 'vitest';
import type { Money } from '../money';
import type { NegotiationContext } from './arrangement';
import { callbackAt } from './callbacks';
import { DISPOSITION_CODES, validateWrapUp } from './dispositions';
import { negotiationMessage, negotiationMessages } from './messages';
import { moneyMessages } from '../money/messages';
import { scriptMessages } from '../scripts/messages';
import { PaymentMethodSchema } from './payment-methods';
import { validatePromise } from './promise';
import { REASON_CODES } from './reasons';
import { coBusinessDay, S2 } from './testing/fixtures';

const cop = (pesos: number): Money => ({ amountMinor: pesos * 100, currency: 'COP' });
const ctx: NegotiationContext = { policy: S2, balance: cop(53_369_636), principal: cop(39_200_000), today: '2026-11-25', isBusinessDay: coBusinessDay };
const meta = { id: 'p', accountId: 'a', debtorId: 'd', agentId: 'g', createdAt: '2026-11-25T15:00:00Z', zone: 'America/Bogota' };

describe('negotiation messages', () => {
  it('es and en have the same keys', () => {
    expect(Object.keys(negotiationMessages.en).sort()).toEqual(Object.keys(negotiationMessages.es).sort());
  });
  it('money, negotiation and script keys never clash, even when i18next nests them by "."', () => {
    const keys = [...Object.keys(moneyMessages.es), ...Object.keys(negotiationMessages.es), ...Object.keys(scriptMessages.es)];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => keys.some((o) => o.startsWith(`${k}.`)))).toEqual([]);
  });
  it('every enum has a label in both languages', () => {
    for (const lang of ['es', 'en'] as const) {
      const t = negotiationMessages[lang] as Record<string, string>;
      for (const m of PaymentMethodSchema.options) expect(t[`paymentMethod.${m}`], m).toBeTruthy();
      for (const r of REASON_CODES) expect(t[`reason.${r}`], r).toBeTruthy();
      for (const d of DISPOSITION_CODES) expect(t[`disposition.${d}`], d).toBeTruthy();
    }
  });
  it('every code a battery of bad inputs produces has a text (no raw code shown to the agent)', () => {
    const drafts: unknown[] = [
      { kind: 'pay_in_full', amount: cop(1), dates: ['2026-12-08'], method: 'pse', installments: 1 },
      { kind: 'pay_in_full', amount: cop(60_000_000), dates: ['2026-11-20'], method: 'pse', installments: 1 },
      { kind: 'settlement', amount: cop(1), dates: ['2027-01-20'], method: 'pse', installments: 1 },
      { kind: 'partial', amount: cop(1), dates: ['2026-11-26', '2026-11-27'], method: 'pse', installments: 2 },
      { kind: 'installments', amount: cop(1_000_000), dates: ['2026-12-20', '2026-12-21', '2027-05-21'], method: 'pse', installments: 2, frequency: 'weekly', downPayment: cop(10) },
      { kind: 'installments', amount: cop(1_000_000), dates: ['2026-11-26'], method: 'pse', installments: 1 },
      { kind: undefined, amount: null, dates: [], method: '', installments: -1, extra: 1 },
      { kind: 'pay_in_full', amount: { amountMinor: 1, currency: 'USD' }, dates: ['2026-13-01'], method: 'pse', installments: 1 },
    ];
    const codes = new Set<string>();
    for (const d of drafts) {
      const r = validatePromise(d, ctx, meta);
      if (!r.ok) r.errors.forEach((e) => codes.add(e.code));
    }
    for (const w of [
      { disposition: 'promise_to_pay' as const, reached: 'none' as const },
      { disposition: 'dispute' as const, reached: 'right_party' as const, callbackAt: 'x' },
      { disposition: 'no_answer' as const, reached: 'none' as const, reason: 'forgot', promiseId: 'p' },
      { disposition: 'callback' as const, reached: 'right_party' as const },
    ]) {
      validateWrapUp(w).forEach((e) => codes.add(e.code));
    }
    for (const [d, t, z] of [['2026-03-08', '02:30', 'America/New_York'], ['x', '10:00', 'UTC'], ['2026-01-01', 'x', 'UTC'], ['2026-01-01', '10:00', 'Mars/Base']]) {
      const r = callbackAt(d!, t!, z!);
      if (!r.ok) codes.add(r.error.code);
    }
    expect(codes.size).toBeGreaterThan(25);
    for (const c of codes) {
      expect(negotiationMessage(c, {}, 'es'), c).not.toBe(c);
      expect(negotiationMessage(c, {}, 'en'), c).not.toBe(c);
    }
  });
  it('formats amount params in the account currency per language', () => {
    expect(negotiationMessage('policy.installment_below_min', { minMinor: 20_000_000 }, 'es', 'COP')).toBe('Ninguna cuota puede ser menor que COP 200.000.');
    expect(negotiationMessage('policy.installment_below_min', { minMinor: 20_000_000 }, 'en', 'COP')).toBe('No installment can be less than COP 200,000.');
    expect(negotiationMessage('money.too_many_decimals', { max: 0, currency: 'COP' }, 'es')).toBe('En COP se admiten como máximo 0 decimales.');
  });
});
