import type { z } from 'zod';
import { invalidInput } from '../../shared/api/errors';

/** Parses a request part with its contract schema; a failure is a 400 naming the field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, what);
  return result.data;
}
