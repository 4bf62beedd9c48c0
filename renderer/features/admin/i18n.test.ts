import { describe, expect, it } from 'vitest';
import { DEFECT_CODES, IMPORT_ERROR_CODES, IMPORT_FIELDS } from '../../../shared/import';
import { adminResources } from './i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, at = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${at}${k}`] : keys(v, `${at}${k}.`)));

describe('admin texts', () => {
  it('say the same things in Spanish and English', () => {
    expect(keys(adminResources('en')).sort()).toEqual(keys(adminResources('es')).sort());
  });
  it('name every import field, defect and import error the server can send', () => {
    const es = new Set(keys(adminResources('es')));
    for (const f of Object.values(IMPORT_FIELDS).flat()) expect(es.has(`admin.fields.${f.id}`), f.id).toBe(true);
    for (const c of DEFECT_CODES) {
      expect(es.has(`import.defect.${c}`), c).toBe(true);
      expect(es.has(`admin.import.codes.${c}`), c).toBe(true);
    }
    for (const c of IMPORT_ERROR_CODES) expect(es.has(`import.error.${c}`), c).toBe(true);
  });
});
