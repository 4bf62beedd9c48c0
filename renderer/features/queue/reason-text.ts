/**
 * Words a queue reason (code + params): the queue module's own es/en texts (shared/queue/messages, which
 * formats money and the debtor's local times), the compliance module's for deferrals, else our i18n, else the
 * code made readable so a new code never shows as a blank row.
 */
import { formatReason, queueMessages } from '../../../shared/queue/messages';
import { formatReason as formatComplianceReason, reasonMessages as complianceMessages } from '../../../shared/compliance/messages';
import type { Reason as ComplianceReason } from '../../../shared/compliance/check';

type T = (key: string, options?: Record<string, unknown>) => string;
type Reason = { code: string; params: Record<string, string | number> };

export function humanize(code: string): string {
  const s = code.replace(/[_.]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function reasonText(t: T, lang: string, reason: Reason, zone: string): string {
  const l = lang === 'en' ? 'en' : 'es';
  if (`queue.reason.${reason.code}` in queueMessages[l]) return formatReason(reason, l, zone);
  // A deferral's reason is a compliance reason (outside hours, holiday, cap…).
  if (reason.code in complianceMessages[l]) return formatComplianceReason(reason as ComplianceReason, l);
  return t(`queue.reason.${reason.code}`, { ...reason.params, defaultValue: humanize(reason.code) });
}
