/**
 * Turns whatever a call threw into what the agent reads: a sentence in their language, what to do next, and
 * the per-field messages to show beside the fields. Pure (takes `t`), so it is tested without a DOM.
 */
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';

type T = (key: string, options?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

export interface ShownError {
  code: ApiErrorCode;
  message: string;
  next: string;
  /** Field path ("text", "promise.amount") → message to show next to that field. */
  fields: Record<string, string>;
}

function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ code: 'internal', message: err instanceof Error ? err.message : String(err), key: 'errors.internal' });
}

export function describeError(err: unknown, t: T, exists: Exists, now: Date = new Date()): ShownError {
  const e = asApiError(err);
  const params = { ...(e.params ?? {}) };
  const message = e.key && exists(e.key) ? t(e.key, params) : t(`errors.code.${e.code}`);
  const time = now.toISOString().slice(11, 19) + ' UTC';
  // A key may carry its own next step (errors.x.y → errors.nextFor.x.y); else the code's general one.
  const nextKey = e.key?.startsWith('errors.') ? `errors.nextFor.${e.key.slice('errors.'.length)}` : null;
  const next = nextKey && exists(nextKey) ? t(nextKey, { ...params, time }) : t(`errors.next.${e.code}`, { time });
  const fields: Record<string, string> = {};
  for (const issue of e.issues ?? []) {
    // A domain module may send an i18n key as the issue code (e.g. "money.negative"); else zod's own message.
    const text = exists(issue.code) ? t(issue.code, params) : issue.message;
    fields[issue.path] ??= text;
  }
  return { code: e.code, message, next, fields };
}
