import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { importFieldErrors } from './field-errors';

const texts: Record<string, string> = {
  'import.error.unmapped_required': 'El campo obligatorio «{{field}}» no está asignado.',
  'admin.fields.document_id': 'Número de documento',
};
const t = (k: string, o?: Record<string, unknown>) => (texts[k] ?? k).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(o?.[n] ?? ''));
const exists = (k: string) => k in texts;

describe('importFieldErrors', () => {
  it('puts the server sentence beside the field it names, with the field named as the admin reads it', () => {
    const err = new ApiError({
      code: 'invalid_input', message: 'x', key: 'import.error.unmapped_required', params: { field: 'document_id' },
      issues: [{ path: 'mapping.document_id', code: 'unmapped_required', message: 'Required field "document_id" is not mapped' }],
    });
    expect(importFieldErrors(err, t, exists)).toEqual({ 'mapping.document_id': 'El campo obligatorio «Número de documento» no está asignado.' });
  });
  it('keeps the server message for other refusals, and nothing for non-API errors', () => {
    const err = new ApiError({ code: 'invalid_input', message: 'x', key: 'errors.invalidField', issues: [{ path: 'fileName', code: 'too_big', message: 'too long' }] });
    expect(importFieldErrors(err, t, exists)).toEqual({ fileName: 'too long' });
    expect(importFieldErrors(new Error('boom'), t, exists)).toEqual({});
  });
});
