/**
 * The one database port the server talks to. Two adapters implement it — embedded PGlite and node-postgres —
 * with the same value mapping, so every query and every test runs unchanged on both:
 * int8 → number (refused beyond 2^53), date → 'YYYY-MM-DD' string, timestamptz → Date, jsonb → parsed value.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with positional parameters ($1, $2…). */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** int8 columns (money, sequences) → number; refusing values a double cannot hold exactly. */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return n;
}

export const PG_TYPE = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184 } as const;
