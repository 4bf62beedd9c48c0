/** Form error → the agent's sentence (policy/promise/money codes from shared, ours from guided.*). Pure. */
import type { FormError } from '../../../shared/api/methods/negotiation';
import { isCurrencyCode } from '../../../shared/money';
import { negotiationMessage } from '../../../shared/negotiation';

type T = (key: string, params?: Record<string, unknown>) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-05" → "05/12/2026" (es) or "12/05/2026" (en), as the rest of the desk shows dates. */
function shownDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-');
  return lang === 'en' ? `${m}/${d}/${y}` : `${d}/${m}/${y}`;
}

export function formErrorText(e: FormError, t: T, exists: (k: string) => boolean, lang: string, currency: string): string {
  const l = lang === 'en' ? 'en' : 'es';
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' && ISO_DATE.test(v) ? shownDate(v, l) : v]));
  e = { ...e, params };
  const direct = negotiationMessage(e.code, e.params, l, isCurrencyCode(currency) ? currency : undefined);
  if (direct !== e.code) return direct;
  return exists(e.code) ? t(e.code, e.params) : e.code;
}
