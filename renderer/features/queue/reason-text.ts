/**
 * Words a queue reason (code + params): the queue module's own es/en texts (shared/queue/messages, which
 * formats money and the debtor's local times), else our i18n, else the code made readable so a new code never
 * shows as a blank row.
 */
import { formatReason, queueMessages } from '../../../shared/queue/messages';

type T = (key: string, options?: Record<string, unknown>) => string;
type Reason = { code: string; params: Record<string, string | number> };

export function humanize(code: string): string {
  const s = code.replace(/[_.]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function reasonText(t: T, lang: string, reason: Reason, zone: string): string {
  const l = lang === 'en' ? 'en' : 'es';
  if (`queue.reason.${reason.code}` in queueMessages[l]) return formatReason(reason, l, zone);
  return t(`queue.reason.${reason.code}`, { ...reason.params, defaultValue: humanize(reason.code) });
}
