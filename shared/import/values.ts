/**
 * Cell parsers for import files: pure, fast on the common case (1,000,000 rows), and each failure a defect
 * code with params. Amounts go through shared/money (decimal comma, grouping, negatives).
 */
import { isCurrencyCode, parseMoneyInput, type CurrencyCode } from '../money';
import type { DefectCode } from './defects';

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: DefectCode; params: Record<string, string | number> };

const bad = (code: DefectCode, params: Record<string, string | number>): CellResult<never> => ({ ok: false, code, params });

export type DateOrder = 'dmy' | 'mdy';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO (2024-03-05, optionally with a time) or dd/mm/yyyy (mm/dd/yyyy for US files); → 'YYYY-MM-DD'. */
export function parseImportDate(raw: string, order: DateOrder = 'dmy'): CellResult<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(s);
  if (iso) {
    y = +iso[1]!;
    m = +iso[2]!;
    d = +iso[3]!;
  } else {
    const sl = SLASHED.exec(s);
    if (!sl) return bad('bad_date', { value: raw });
    const a = +sl[1]!;
    const b = +sl[2]!;
    y = +sl[3]!;
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return bad('bad_date', { value: raw });
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** Non-negative whole number ("45", "1.200" with grouping is refused: a count is never grouped in files). */
export function parseImportInteger(raw: string): CellResult<number> {
  const s = raw.trim();
  if (!/^\d{1,9}$/.test(s)) return bad('bad_integer', { value: raw });
  return { ok: true, value: Number(s) };
}

export type DecimalMark = ',' | '.';

/**
 * An amount in the file's notation → integer minor units. `decimalMark` is the file's (',' for
 * "1.234.567,89"); amounts may carry the ISO minor unit's decimals (COP centavos too).
 */
export function parseImportAmount(raw: string, currency: CurrencyCode, decimalMark: DecimalMark): CellResult<number> {
  const s = raw.trim();
  // Fast path for plain digits, the bulk of machine-made files.
  if (/^\d{1,15}$/.test(s)) {
    const minor = Number(s) * 10 ** minorExp(currency);
    if (Number.isSafeInteger(minor)) return { ok: true, value: minor };
  }
  const r = parseMoneyInput(s, currency, decimalMark === ',' ? 'es-CO' : 'en-US', { precision: 'minor' });
  if (r.ok) return { ok: true, value: r.value.amountMinor };
  switch (r.error.code) {
    case 'money.negative':
      return bad('negative_amount', { value: raw });
    case 'money.not_numeric':
    case 'money.empty':
      return bad('non_numeric_amount', { value: raw });
    default:
      return bad('bad_amount', { value: raw, reason: r.error.code.slice('money.'.length) });
  }
}

const EXP: Record<string, number> = {};
function minorExp(c: CurrencyCode): number {
  return (EXP[c] ??= c === 'CLP' ? 0 : 2);
}

export function parseImportCurrency(raw: string): CellResult<CurrencyCode> {
  const c = raw.trim().toUpperCase();
  if (!isCurrencyCode(c)) return bad('unknown_currency', { value: raw });
  return { ok: true, value: c };
}

export const IMPORT_COUNTRIES = ['CO', 'CL', 'MX', 'PE', 'US', 'AR'] as const;
export type ImportCountry = (typeof IMPORT_COUNTRIES)[number];

const COUNTRY_NAMES: Record<string, ImportCountry> = {
  co: 'CO', col: 'CO', colombia: 'CO',
  cl: 'CL', chl: 'CL', chile: 'CL',
  mx: 'MX', mex: 'MX', mexico: 'MX',
  pe: 'PE', per: 'PE', peru: 'PE',
  us: 'US', usa: 'US', eeuu: 'US', 'estados unidos': 'US', 'united states': 'US',
  ar: 'AR', arg: 'AR', argentina: 'AR',
};

export function parseImportCountry(raw: string): CellResult<ImportCountry> {
  const k = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\./g, '');
  const c = COUNTRY_NAMES[k];
  if (!c) return bad('unknown_country', { value: raw });
  return { ok: true, value: c };
}
