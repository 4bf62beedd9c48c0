import type { ApiErrorData } from './errors';

/** What a call returns across the boundary: errors travel as data so both shells carry them alike. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
