import { IMPORT_FIELDS, type ImportKind } from './fields';
import type { ImportErrorCode } from './defects';

export type MappingCheck =
  | { ok: true; mapping: Record<string, string> }
  | { ok: false; code: ImportErrorCode; params: Record<string, string>; field: string };

/**
 * Checks a column mapping (our field → the file's header). With `headers` (the file's), also that each mapped
 * header exists. Unknown field ids are refused as well: a typo must not silently drop a column.
 */
export function checkMapping(kind: ImportKind, mapping: Record<string, string>, headers?: readonly string[]): MappingCheck {
  const specs = IMPORT_FIELDS[kind];
  for (const id of Object.keys(mapping)) {
    if (!specs.some((s) => s.id === id)) {
      return { ok: false, code: 'unknown_field', params: { field: id, header: mapping[id]! }, field: `mapping.${id}` };
    }
  }
  for (const s of specs) {
    if (s.required && !mapping[s.id]) return { ok: false, code: 'unmapped_required', params: { field: s.id }, field: `mapping.${s.id}` };
  }
  const seen = new Map<string, string>();
  for (const [id, h] of Object.entries(mapping)) {
    if (seen.has(h)) return { ok: false, code: 'duplicate_mapping', params: { header: h, field: id }, field: `mapping.${id}` };
    seen.set(h, id);
    if (headers && !headers.includes(h)) return { ok: false, code: 'unknown_header', params: { field: id, header: h }, field: `mapping.${id}` };
  }
  return { ok: true, mapping };
}
