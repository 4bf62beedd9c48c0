/**
 * One CSV record → a typed row or the row's defects (every defect of the row, each with the file's column).
 * Compiled once per import from the mapping so the per-row work is index lookups and the cell parsers.
 */
import { normalizePhone } from '../../shared/phones';
import {
  defaultLanguage,
  defaultZone,
  parseImportAmount,
  parseImportCountry,
  parseImportCurrency,
  parseImportDate,
  parseImportInteger,
  IMPORT_FIELDS,
  type CellResult,
  type DateOrder,
  type DecimalMark,
  type DefectCode,
  type FieldSpec,
  type ImportCountry,
  type ImportKind,
  type RowDefect,
} from '../../shared/import';
import type { CurrencyCode } from '../../shared/money';
import { hash32, KeyTable } from './key-table';

export interface DebtorRow {
  /** How this debtor is recognised across imports: `ref:<customer ref>` or `doc:<TYPE>|<ID>`. */
  key: string;
  documentType: string;
  documentId: string;
  fullName: string;
  birthDate: string | null;
  country: ImportCountry;
  region: string | null;
  city: string | null;
  timeZone: string;
  language: 'es' | 'en';
  profile: string;
}

export interface AccountRow {
  kind: 'accounts';
  line: number;
  debtor: DebtorRow;
  accountNumber: string;
  product: string;
  currency: CurrencyCode;
  balanceMinor: number;
  principalMinor: number;
  daysPastDue: number;
  dueSince: string;
  lastPaymentAt: string | null;
  status: string;
  phones: { e164: string; type: string }[];
}

export interface PhoneRow {
  kind: 'phones';
  line: number;
  debtorKey: string;
  documentType: string;
  documentId: string;
  e164: string;
  type: string;
}

export interface PaymentRow {
  kind: 'payments';
  line: number;
  accountNumber: string;
  amountMinor: number;
  currency: CurrencyCode;
  postedAt: string;
  method: string;
  reference: string;
}

export type ImportRow = AccountRow | PhoneRow | PaymentRow;

export interface RowContext {
  kind: ImportKind;
  header: readonly string[];
  mapping: Record<string, string>;
  decimalMark: DecimalMark;
  dateOrder: DateOrder;
  /** 'YYYY-MM-DD' days past due are counted to when the file has none. */
  asOf: string;
  /** Country for phones of a `phones` file without a country column. */
  creditorCountry: ImportCountry;
  /** Rough row count (from the upload's size) to size the duplicate checks once; 0 = unknown. */
  expectedRows?: number;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; defects: RowDefect[] };

const ZONE_OK = new Map<string, boolean>();
function isZone(z: string): boolean {
  let ok = ZONE_OK.get(z);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: z });
      ok = /\//.test(z) || z === 'UTC';
    } catch {
      ok = false;
    }
    if (ZONE_OK.size < 1000) ZONE_OK.set(z, ok);
  }
  return ok;
}

const DAY_MS = 86_400_000;
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / DAY_MS);
}

/** Document ids arrive as "1.234.567" or "1234567 ": the same person. Dots and spaces go, the rest stays. */
export function normalizeDocumentId(s: string): string {
  return s.replace(/[\s.]/g, '').toUpperCase();
}

/**
 * A debtor's phones repeat on each of their account rows, usually on adjacent lines: a small cache of the last
 * numbers seen saves libphonenumber's parse (the costliest cell, and most of the garbage) for the repeats.
 */
function phoneCache(limit = 512): typeof normalizePhone {
  let cache = new Map<string, ReturnType<typeof normalizePhone>>();
  return (raw, country) => {
    const k = `${country}\u0001${raw}`;
    let r = cache.get(k);
    if (r === undefined) {
      if (cache.size >= limit) cache = new Map();
      r = normalizePhone(raw, country);
      cache.set(k, r);
    }
    return r;
  };
}

export function debtorKeyOf(ref: string | null, documentType: string, documentId: string): string {
  return ref !== null ? `ref:${ref}` : `doc:${documentType}|${documentId}`;
}

export function compileRowReader(ctx: RowContext): (line: number, fields: string[]) => RowResult {
  const specs = IMPORT_FIELDS[ctx.kind];
  const idx: Record<string, number> = {};
  for (const s of specs) {
    const h = ctx.mapping[s.id];
    idx[s.id] = h === undefined ? -1 : ctx.header.indexOf(h);
  }
  const expected = ctx.header.length;
  const rowsGuess = Math.min(ctx.expectedRows ?? 0, 20_000_000);
  const accountsSeen = new KeyTable(ctx.kind === 'accounts' ? rowsGuess : 16, false);
  const debtorsSeen = new KeyTable(ctx.kind === 'accounts' ? rowsGuess / 2 : 16);
  const paymentsSeen = new KeyTable(ctx.kind === 'payments' ? rowsGuess : 16);
  const cachedPhone = phoneCache();

  return (line, fields) => {
    const defects: RowDefect[] = [];
    const fail = (spec: FieldSpec | null, code: DefectCode, params: Record<string, string | number>) =>
      defects.push({ line, column: spec ? (ctx.mapping[spec.id] ?? '') : '', code, params });

    if (fields.length !== expected && !(fields.length > expected && fields.slice(expected).every((f) => f === ''))) {
      fail(null, 'wrong_column_count', { found: fields.length, expected });
      return { ok: false, defects };
    }
    for (const f of fields) {
      if (f.includes('\uFFFD')) {
        fail(null, 'bad_encoding', {});
        return { ok: false, defects };
      }
    }
    const text = (spec: FieldSpec): string | null => {
      const i = idx[spec.id]!;
      const v = i < 0 ? '' : (fields[i] ?? '').trim();
      if (v === '') {
        if (spec.required) fail(spec, 'missing_required', { field: spec.id });
        return null;
      }
      if (spec.max !== undefined && v.length > spec.max) {
        fail(spec, 'too_long', { length: v.length, max: spec.max });
        return null;
      }
      return v;
    };
    const cell = <T>(spec: FieldSpec, parse: (v: string) => CellResult<T>): T | null => {
      const v = text(spec);
      if (v === null) return null;
      const r = parse(v);
      if (!r.ok) {
        fail(spec, r.code, r.params);
        return null;
      }
      return r.value;
    };
    const enumCell = (spec: FieldSpec): string | null =>
      cell(spec, (v) => {
        const low = v.toLowerCase();
        return spec.values!.includes(low)
          ? { ok: true, value: low }
          : { ok: false, code: 'bad_value', params: { value: v, allowed: spec.values!.join(', ') } };
      });
    const S = (id: string) => specs.find((s) => s.id === id)!;

    if (ctx.kind === 'accounts') {
      const accountNumber = text(S('account_number'));
      const debtorRef = text(S('debtor_ref'));
      const documentType = text(S('document_type'))?.toUpperCase() ?? null;
      const documentIdRaw = text(S('document_id'));
      const documentId = documentIdRaw === null ? null : normalizeDocumentId(documentIdRaw);
      const fullName = text(S('full_name'));
      const country = cell(S('country'), parseImportCountry);
      const product = text(S('product'));
      const currency = cell(S('currency'), parseImportCurrency);
      const amount = (spec: FieldSpec) =>
        currency === null ? (text(spec), null) : cell(spec, (v) => parseImportAmount(v, currency, ctx.decimalMark));
      const balanceMinor = amount(S('balance'));
      const principalMinor = amount(S('principal'));
      const dueSince = cell(S('due_since'), (v) => parseImportDate(v, ctx.dateOrder));
      const dpd = cell(S('days_past_due'), parseImportInteger);
      const lastPaymentAt = cell(S('last_payment_date'), (v) => parseImportDate(v, ctx.dateOrder));
      const status = enumCell(S('status')) ?? 'active';
      const birthDate = cell(S('birth_date'), (v) => parseImportDate(v, ctx.dateOrder));
      const region = text(S('region'));
      const city = text(S('city'));
      const zoneRaw = cell(S('time_zone'), (v) => (isZone(v) ? { ok: true, value: v } : { ok: false, code: 'bad_zone', params: { value: v } }));
      const language = (enumCell(S('language')) as 'es' | 'en' | null) ?? (country ? defaultLanguage(country) : 'es');
      const profile = enumCell(S('profile')) ?? 'unknown';
      const phones: { e164: string; type: string }[] = [];
      for (const id of ['phone_1', 'phone_2', 'phone_3']) {
        const spec = S(id);
        const v = text(spec);
        if (v === null || country === null) continue;
        const p = cachedPhone(v, country);
        if (!p.ok) fail(spec, 'bad_phone', { value: v, country, reason: p.reason });
        else if (!phones.some((x) => x.e164 === p.e164)) phones.push({ e164: p.e164, type: p.type });
      }
      if (defects.length > 0) return { ok: false, defects };

      const debtor: DebtorRow = {
        key: debtorKeyOf(debtorRef, documentType!, documentId!),
        documentType: documentType!,
        documentId: documentId!,
        fullName: fullName!,
        birthDate,
        country: country!,
        region,
        city,
        timeZone: zoneRaw ?? defaultZone(country!, region),
        language,
        profile,
      };
      const prevAccount = accountsSeen.seen(accountNumber!, line);
      if (prevAccount) {
        fail(S('account_number'), 'duplicate_account', { value: accountNumber!, firstLine: prevAccount.line });
        return { ok: false, defects };
      }
      const fp = hash32(
        [debtor.documentType, debtor.documentId, debtor.fullName, debtor.birthDate, debtor.country, debtor.region, debtor.city, debtor.timeZone, debtor.language, debtor.profile].join('\u0001'),
        7,
      );
      const prevDebtor = debtorsSeen.seen(debtor.key, line, fp);
      if (prevDebtor && prevDebtor.fingerprint !== fp) {
        fail(S('document_id'), 'debtor_conflict', { value: `${debtor.documentType} ${debtor.documentId}`, firstLine: prevDebtor.line });
        return { ok: false, defects };
      }
      const daysPastDue = dpd ?? Math.max(0, daysBetween(dueSince!, ctx.asOf));
      return {
        ok: true,
        row: {
          kind: 'accounts',
          line,
          debtor,
          accountNumber: accountNumber!,
          product: product!,
          currency: currency!,
          balanceMinor: balanceMinor!,
          principalMinor: principalMinor ?? balanceMinor!,
          daysPastDue,
          dueSince: dueSince!,
          lastPaymentAt,
          status,
          phones,
        },
      };
    }

    if (ctx.kind === 'phones') {
      const debtorRef = text(S('debtor_ref'));
      const documentType = text(S('document_type'))?.toUpperCase() ?? null;
      const documentIdRaw = text(S('document_id'));
      const country = cell(S('country'), parseImportCountry) ?? ctx.creditorCountry;
      const spec = S('phone');
      const v = text(spec);
      let phone: { e164: string; type: string } | null = null;
      if (v !== null) {
        const p = cachedPhone(v, country);
        if (!p.ok) fail(spec, 'bad_phone', { value: v, country, reason: p.reason });
        else phone = { e164: p.e164, type: p.type };
      }
      if (defects.length > 0) return { ok: false, defects };
      return {
        ok: true,
        row: {
          kind: 'phones',
          line,
          debtorKey: debtorKeyOf(debtorRef, documentType!, normalizeDocumentId(documentIdRaw!)),
          documentType: documentType!,
          documentId: normalizeDocumentId(documentIdRaw!),
          ...phone!,
        },
      };
    }

    const accountNumber = text(S('account_number'));
    const currency = cell(S('currency'), parseImportCurrency);
    const amountMinor = currency === null ? (text(S('amount')), null) : cell(S('amount'), (v) => parseImportAmount(v, currency, ctx.decimalMark));
    const postedAt = cell(S('posted_at'), (v) => parseImportDate(v, ctx.dateOrder));
    const method = text(S('method')) ?? '';
    const ref = text(S('reference'));
    if (defects.length > 0) return { ok: false, defects };
    // Without the creditor's reference, the same (account, date, amount, method) seen n times is n payments:
    // the occurrence number keeps a re-import of the same file recognising each one.
    const natural = `${accountNumber}|${postedAt}|${amountMinor}|${method}`;
    const reference = ref !== null ? `ref:${ref}` : `auto:${natural}|${paymentsSeen.bump(natural)}`;
    return {
      ok: true,
      row: { kind: 'payments', line, accountNumber: accountNumber!, amountMinor: amountMinor!, currency: currency!, postedAt: postedAt!, method, reference },
    };
  };
}
