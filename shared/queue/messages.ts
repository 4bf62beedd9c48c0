/**
 * es/en wording of the queue's reasons, i18next style (`{{param}}`). Key: `queue.reason.<code>`. The renderer
 * formats `amount`, `time` and `hour` before interpolating (money with shared/money, times in the debtor's zone);
 * `formatReason` below does the same for logs and tests.
 */
import type { CurrencyCode } from '../domain/codes';
import { formatMoney } from '../money';
import { localHour } from './local-hour';
import type { QueueReason, ReasonCode } from './priority';

export type QueueLanguage = 'es' | 'en';

export const queueMessages: Record<QueueLanguage, Record<`queue.reason.${ReasonCode}`, string>> = {
  es: {
    'queue.reason.callback_overdue': 'Devolución de llamada vencida (era a las {{time}})',
    'queue.reason.callback_due': 'Devolución de llamada hoy a las {{time}}',
    'queue.reason.promise_due_today': 'Promesa de pago de {{amount}} vence hoy',
    'queue.reason.broken_promise': '{{count}} promesa(s) incumplida(s)',
    'queue.reason.promise_overdue': '{{count}} promesa(s) vencida(s) sin pago',
    'queue.reason.dpd_bucket': '{{days}} días de mora (tramo {{bucket}})',
    'queue.reason.balance_high': 'Saldo alto: {{amount}} (percentil {{percentile}})',
    'queue.reason.balance': 'Saldo {{amount}}',
    'queue.reason.best_hour_now': 'Buena hora para contactarlo ({{hour}}:00 en su zona)',
    'queue.reason.best_hour_later': 'Suele contestar hacia las {{hour}}:00 en su zona',
  },
  en: {
    'queue.reason.callback_overdue': 'Callback overdue (was due at {{time}})',
    'queue.reason.callback_due': 'Callback today at {{time}}',
    'queue.reason.promise_due_today': 'Promise to pay {{amount}} due today',
    'queue.reason.broken_promise': '{{count}} broken promise(s)',
    'queue.reason.promise_overdue': '{{count}} promise(s) past due, unpaid',
    'queue.reason.dpd_bucket': '{{days}} days past due ({{bucket}} bucket)',
    'queue.reason.balance_high': 'High balance: {{amount}} ({{percentile}}th percentile)',
    'queue.reason.balance': 'Balance {{amount}}',
    'queue.reason.best_hour_now': 'Good time to reach them ({{hour}}:00 their time)',
    'queue.reason.best_hour_later': 'Usually answers around {{hour}}:00 their time',
  },
};

const LOCALE: Record<QueueLanguage, string> = { es: 'es-CO', en: 'en-US' };

/** Words one reason; `zone` is the debtor's, for times. Unknown codes (e.g. a compliance deferral) fall back to the code. */
export function formatReason(reason: { code: string; params: Record<string, string | number> }, lang: QueueLanguage, zone = 'UTC'): string {
  const key = `queue.reason.${reason.code}` as keyof (typeof queueMessages)['es'];
  const template = queueMessages[lang][key];
  if (!template) return reason.code;
  const p = reason.params;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) values[k] = String(v);
  if (typeof p.amountMinor === 'number' && typeof p.currency === 'string') {
    values.amount = formatMoney({ amountMinor: p.amountMinor, currency: p.currency as CurrencyCode }, LOCALE[lang]);
  }
  if (typeof p.at === 'string') {
    const h = localHour(p.at, zone);
    const m = new Date(p.at).getUTCMinutes();
    values.time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  if (typeof p.hour === 'number') values.hour = String(p.hour).padStart(2, '0');
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

/** The row's one line: its reasons, strongest first, joined. */
export function explainRow(reasons: readonly QueueReason[], lang: QueueLanguage, zone: string): string {
  return reasons.map((r) => formatReason(r, lang, zone)).join(' · ');
}
