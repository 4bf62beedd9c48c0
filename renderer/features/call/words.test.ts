import { describe, expect, it } from 'vitest';
import { formErrorText } from './words';

const t = (k: string) => `T(${k})`;

describe('form error words', () => {
  it('words policy codes with amounts in the account currency, in the agent language', () => {
    const e = { field: 'amount', code: 'policy.discount_exceeds_max', params: { maxPercent: '15', minMinor: 425_000_000 } };
    expect(formErrorText(e, t, () => false, 'es', 'COP')).toBe('El descuento máximo es 15 %: el pago total no puede ser menor que COP 4.250.000.');
    expect(formErrorText(e, t, () => false, 'en', 'COP')).toMatch(/^The largest discount is 15%: paying in full cannot be less than COP 4,250,000\.$/);
  });
  it('shows dates as the desk does', () => {
    const e = { field: 'dates.0', code: 'policy.pay_by_too_late', params: { maxDate: '2026-12-05' } };
    expect(formErrorText(e, t, () => false, 'es', 'COP')).toBe('La política permite pagar a más tardar el 05/12/2026.');
    expect(formErrorText(e, t, () => false, 'en', 'COP')).toBe('The policy allows paying by 12/05/2026 at the latest.');
  });

  it('falls back to the app texts for the desk\'s own codes', () => {
    expect(formErrorText({ field: 'confirmed', code: 'negotiation.promise.notConfirmed', params: {} }, t, () => true, 'es', 'COP')).toBe('T(negotiation.promise.notConfirmed)');
  });
});
