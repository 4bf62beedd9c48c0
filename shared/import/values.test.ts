import { describe, expect, it } from 'vitest';
import { checkMapping } from './mapping';
import { normalizeHeader, suggestMapping } from './fields';
import { parseImportAmount, parseImportCountry, parseImportCurrency, parseImportDate, parseImportInteger } from './values';
import { defaultZone } from './zones';

describe('import cell parsers', () => {
  it.each([
    ['2026-09-15', 'dmy', '2026-09-15'],
    ['2026-9-5', 'dmy', '2026-09-05'],
    ['2026-09-15T10:00:00Z', 'dmy', '2026-09-15'],
    ['15/09/2026', 'dmy', '2026-09-15'],
    ['5-9-2026', 'dmy', '2026-09-05'],
    ['09/15/2026', 'mdy', '2026-09-15'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ] as const)('date %s (%s) → %s', (raw, order, iso) => expect(parseImportDate(raw, order)).toEqual({ ok: true, value: iso }));

  it.each(['31/02/2026', '29/02/2026', '2026-13-01', '15/09/26', 'ayer', '', '09/15/2026'])('bad date %j', (raw) =>
    expect(parseImportDate(raw, 'dmy')).toMatchObject({ ok: false, code: 'bad_date' }),
  );

  it.each([
    ['1.234.567,89', 'COP', ',', 123_456_789],
    ['1,234,567.89', 'COP', ',', 123_456_789],
    ['1234567', 'COP', ',', 123_456_700],
    ['1.500.000', 'CLP', ',', 1_500_000],
    ['25.300,50', 'MXN', ',', 2_530_050],
    ['1,250.75', 'PEN', '.', 125_075],
    ['$ 1.200.000', 'COP', ',', 120_000_000],
    ['0', 'USD', '.', 0],
  ] as const)('amount %s %s (decimal %s) → %i minor', (raw, cur, mark, minor) =>
    expect(parseImportAmount(raw, cur, mark)).toEqual({ ok: true, value: minor }),
  );

  it.each([
    ['-5.000', 'negative_amount'],
    ['(5.000)', 'negative_amount'],
    ['abc', 'non_numeric_amount'],
    ['12a', 'non_numeric_amount'],
    ['1.23.456', 'bad_amount'],
    ['1,234', 'bad_amount'],
  ] as const)('bad amount %s → %s', (raw, code) => expect(parseImportAmount(raw, 'USD', ',')).toMatchObject({ ok: false, code }));

  it('integers, currencies and countries', () => {
    expect(parseImportInteger('45')).toEqual({ ok: true, value: 45 });
    expect(parseImportInteger('-1')).toMatchObject({ ok: false, code: 'bad_integer' });
    expect(parseImportCurrency(' cop ')).toEqual({ ok: true, value: 'COP' });
    expect(parseImportCurrency('EUR')).toMatchObject({ ok: false, code: 'unknown_currency' });
    expect(parseImportCountry('México')).toEqual({ ok: true, value: 'MX' });
    expect(parseImportCountry('Perú')).toEqual({ ok: true, value: 'PE' });
    expect(parseImportCountry('Brasil')).toMatchObject({ ok: false, code: 'unknown_country' });
  });

  it('zones from country and region', () => {
    expect(defaultZone('US', 'ca')).toBe('America/Los_Angeles');
    expect(defaultZone('US', null)).toBe('America/New_York');
    expect(defaultZone('MX', 'ROO')).toBe('America/Cancun');
    expect(defaultZone('CO', 'ANT')).toBe('America/Bogota');
  });
});

describe('column mapping', () => {
  it('normalises headers and suggests a mapping from Spanish and English names', () => {
    expect(normalizeHeader('  Número de Cuenta ')).toBe('numero_de_cuenta');
    expect(suggestMapping('accounts', ['Cédula', 'NOMBRE', 'Saldo Total', 'Fecha-Vencimiento', 'Customer ID'])).toEqual({
      document_id: 'Cédula',
      full_name: 'NOMBRE',
      balance: 'Saldo Total',
      due_since: 'Fecha-Vencimiento',
      debtor_ref: 'Customer ID',
    });
  });

  it('refuses unmapped required fields, unknown fields, a header used twice and headers the file lacks', () => {
    const full = {
      account_number: 'a', document_type: 'b', document_id: 'c', full_name: 'd', country: 'e', product: 'f', currency: 'g', balance: 'h', due_since: 'i',
    };
    expect(checkMapping('accounts', full)).toEqual({ ok: true, mapping: full });
    const { due_since: _, ...partial } = full;
    expect(checkMapping('accounts', partial)).toMatchObject({ ok: false, code: 'unmapped_required', field: 'mapping.due_since' });
    expect(checkMapping('accounts', { ...full, saldo_x: 'z' })).toMatchObject({ ok: false, code: 'unknown_field', field: 'mapping.saldo_x' });
    expect(checkMapping('accounts', { ...full, principal: 'h' })).toMatchObject({ ok: false, code: 'duplicate_mapping' });
    expect(checkMapping('accounts', full, ['a', 'b'])).toMatchObject({ ok: false, code: 'unknown_header', params: { field: 'document_id', header: 'c' } });
  });
});
