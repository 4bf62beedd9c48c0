import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { describeError } from './errors';

const dict: Record<string, string> = {
  'errors.invalidField': 'Campo {{field}}: {{reason}}',
  'errors.code.unavailable': 'El servicio no responde.',
  'errors.code.internal': 'Error inesperado.',
  'errors.next.unavailable': 'Reintente.',
  'errors.next.internal': 'Avise a soporte ({{time}}).',
  'errors.next.invalid_input': 'Corrija los campos.',
  'money.negative': 'Monto negativo.',
  'errors.server.unavailable': 'Sin servidor ({{url}}).',
  'errors.nextFor.server.unavailable': 'Siga con la copia local.',
};
const t = (key: string, o: Record<string, unknown> = {}) =>
  (dict[key] ?? `!${key}`).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(o[k]));
const exists = (key: string) => key in dict;

describe('describeError', () => {
  it('words a keyed ApiError with its params and maps field issues by path', () => {
    const err = new ApiError({
      code: 'invalid_input',
      message: 'x',
      key: 'errors.invalidField',
      params: { field: 'text', reason: 'too short' },
      issues: [
        { path: 'text', code: 'too_small', message: 'Too small: expected string to have >=1 characters' },
        { path: 'amount', code: 'money.negative', message: 'negative' },
      ],
    });
    const shown = describeError(err, t, exists);
    expect(shown.message).toBe('Campo text: too short');
    expect(shown.next).toBe('Corrija los campos.');
    expect(shown.fields).toEqual({ text: 'Too small: expected string to have >=1 characters', amount: 'Monto negativo.' });
  });

  it('falls back to the code when the key is unknown to the UI', () => {
    const shown = describeError(new ApiError({ code: 'unavailable', message: 'down', key: 'server.gone' }), t, exists);
    expect(shown.message).toBe('El servicio no responde.');
    expect(shown.next).toBe('Reintente.');
  });

  it('uses the next step a key carries over its code’s general one', () => {
    const shown = describeError(new ApiError({ code: 'unavailable', message: 'x', key: 'errors.server.unavailable', params: { url: 'http://s' } }), t, exists);
    expect(shown.message).toBe('Sin servidor (http://s).');
    expect(shown.next).toBe('Siga con la copia local.');
  });

  it('treats a plain exception as internal and stamps the time for support', () => {
    const shown = describeError(new TypeError('boom'), t, exists, new Date('2026-11-25T10:41:07Z'));
    expect(shown.code).toBe('internal');
    expect(shown.next).toBe('Avise a soporte (10:41:07 UTC).');
  });
});
