import { z } from 'zod';

/** One problem with one field of an input, `path` as dotted text ("promise.amount", "items.3.phone"). */
export const FieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiErrorCode = z.enum([
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'blocked',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/**
 * What crosses a process boundary when a call fails. `key` + `params` let the UI say it in the user's
 * language (i18next); `message` is the English fallback for logs.
 */
export const ApiErrorData = z.object({
  code: ApiErrorCode,
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  issues: z.array(FieldIssue).optional(),
});
export type ApiErrorData = z.infer<typeof ApiErrorData>;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly key: string | undefined;
  readonly params: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.key = data.key;
    this.params = data.params;
    this.issues = data.issues;
  }

  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, message: this.message };
    if (this.key !== undefined) data.key = this.key;
    if (this.params !== undefined) data.params = this.params;
    if (this.issues !== undefined) data.issues = this.issues;
    return data;
  }
}

/** zod issues → field issues with a dotted path; the first one names the field in the message. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    code: i.code,
    message: i.message,
  }));
}

export function invalidInput(error: z.ZodError, what: string): ApiError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  return new ApiError({
    code: 'invalid_input',
    message: first ? `${what}: ${first.path}: ${first.message}` : `${what}: invalid input`,
    key: 'errors.invalidField',
    params: { field: first?.path ?? '', reason: first?.message ?? '' },
    issues,
  });
}

export function toErrorData(err: unknown): ApiErrorData {
  if (err instanceof ApiError) return err.toData();
  return {
    code: 'internal',
    message: err instanceof Error ? err.message : String(err),
    key: 'errors.internal',
  };
}
