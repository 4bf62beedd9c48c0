import { describe, expect, it } from 'vitest';
import { defectText } from './defect-text';

const texts: Record<string, string> = {
  'import.defect.missing_required': 'Falta el dato obligatorio «{{field}}».',
  'import.defect.bad_phone': 'Teléfono «{{value}}» inválido para {{country}} ({{reason}}).',
  'import.defect.unknown_currency': 'Moneda desconocida «{{value}}».',
  'phones.error.too_short': 'El número «{{raw}}» es demasiado corto para {{defaultCountry}}.',
  'admin.fields.full_name': 'Nombre completo',
};
const t = (k: string, o?: Record<string, unknown>) => (texts[k] ?? k).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(o?.[n] ?? ''));
const exists = (k: string) => k in texts;

describe('defectText', () => {
  it('names the missing field as the admin reads it', () => {
    expect(defectText({ code: 'missing_required', params: { field: 'full_name' } }, t, exists)).toBe('Falta el dato obligatorio «Nombre completo».');
  });
  it('says a phone reason in words, not as a code', () => {
    expect(defectText({ code: 'bad_phone', params: { value: '12345', country: 'CO', reason: 'too_short' } }, t, exists))
      .toBe('El número «12345» es demasiado corto para CO.');
    expect(defectText({ code: 'bad_phone', params: { value: 'x', country: 'CO', reason: 'weird' } }, t, exists))
      .toBe('Teléfono «x» inválido para CO (weird).');
  });
  it('uses the import sentence for the rest', () => {
    expect(defectText({ code: 'unknown_currency', params: { value: 'XYZ' } }, t, exists)).toBe('Moneda desconocida «XYZ».');
  });
});
