/**
 * The import's refusals next to the field they name. An import-wide error (`import.error.<code>`, from the
 * server or from the same check run here first) carries one issue whose path is the field ("mapping.document_id",
 * "creditorId"): the whole sentence belongs beside that field, with our field's name instead of its id.
 */
import { ApiError } from '../../../../shared/api/errors';

type T = (key: string, options?: Record<string, unknown>) => string;

export function importFieldErrors(err: unknown, t: T, exists: (key: string) => boolean): Record<string, string> {
  if (!(err instanceof ApiError) || !err.issues?.length) return {};
  const out: Record<string, string> = {};
  const params: Record<string, unknown> = { ...(err.params ?? {}) };
  if (typeof params.field === 'string' && exists(`admin.fields.${params.field}`)) params.field = t(`admin.fields.${params.field}`);
  for (const issue of err.issues) {
    const text = err.key?.startsWith('import.error.') && exists(err.key) ? t(err.key, params) : issue.message;
    out[issue.path] ??= text;
  }
  return out;
}
