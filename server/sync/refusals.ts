import type { z } from 'zod';
import { refusalText, type Refusal, type RefusalKey } from '../../shared/sync/reasons';

/** A refusal with its English message filled from the shared wording. */
export function refusal(key: RefusalKey, params: Record<string, string | number | null> = {}): Refusal {
  return { key, params, message: refusalText({ key, params }, 'en') };
}

export function invalidPayload(kind: string, error: z.ZodError): Refusal {
  const first = error.issues[0];
  return refusal('sync.refused.invalidPayload', {
    kind,
    field: first ? first.path.map(String).join('.') || '(payload)' : '(payload)',
    reason: first?.message ?? 'invalid',
  });
}
