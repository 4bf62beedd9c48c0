import type { z } from 'zod';
import type { Row } from '../db/port';

/** camelCase domain field → snake_case column ("phoneE164" → "phone_e164"). */
export function columnOf(field: string): string {
  return field.replace(/([A-Z]+)/g, (m) => `_${m.toLowerCase()}`);
}

/** A domain entity → a row keyed by column; every column a field of the entity. */
export function toRow(entity: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(entity)) row[columnOf(k)] = v;
  return row;
}

type Shaped = z.ZodObject<z.ZodRawShape>;

/** A row → the entity the schema describes: only its fields, timestamps as ISO strings. */
export function fromRow<S extends Shaped>(schema: S, row: Row): z.infer<S> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(schema.shape)) {
    const v = row[columnOf(field)];
    out[field] = v instanceof Date ? v.toISOString() : v;
  }
  return out as z.infer<S>;
}

/** The column list of an entity's table, for SELECTs that must return exactly the schema's fields. */
export function columnsOf(schema: Shaped, alias?: string): string {
  return Object.keys(schema.shape)
    .map((f) => (alias ? `${alias}.${columnOf(f)}` : columnOf(f)))
    .join(', ');
}
