/**
 * The import column spec: for each kind of file, the fields Recaudo understands, which are required, and the
 * header names we recognise without help (Spanish and English, accents and case ignored) so the mapping step
 * starts pre-filled. docs/import.md is the human version of this table.
 */
export const IMPORT_KINDS = ['accounts', 'phones', 'payments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType = 'text' | 'date' | 'amount' | 'integer' | 'currency' | 'country' | 'phone' | 'enum' | 'zone';

export interface FieldSpec {
  id: string;
  type: FieldType;
  required: boolean;
  /** Header names recognised automatically (normalised: lower case, no accents, spaces/dashes → '_'). */
  synonyms: readonly string[];
  /** For `enum` fields: the accepted values (after lower-casing). */
  values?: readonly string[];
  max?: number;
}

const f = (id: string, type: FieldType, required: boolean, synonyms: string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  id,
  type,
  required,
  synonyms: [id, ...synonyms],
  ...extra,
});

/**
 * A debtor is recognised across imports by the creditor's customer reference when the file has one, else by
 * document type + number (US files may carry only an SSN's last four digits: map the customer reference then).
 */
const DEBTOR_KEY: FieldSpec[] = [
  f('debtor_ref', 'text', false, ['codigo_cliente', 'cod_cliente', 'id_cliente', 'numero_cliente', 'cliente_id', 'customer_id', 'customer_ref', 'customer_number'], { max: 64 }),
  f('document_type', 'text', true, ['tipo_documento', 'tipo_doc', 'tipo_identificacion', 'doc_type', 'id_type'], { max: 16 }),
  f('document_id', 'text', true, ['documento', 'numero_documento', 'nro_documento', 'identificacion', 'cedula', 'rut', 'curp', 'dni', 'ssn', 'id_number'], { max: 32 }),
];

export const PROFILE_VALUES = ['occasional_late', 'chronic_late', 'first_default', 'unknown'] as const;
export const STATUS_VALUES = ['active', 'settled', 'closed'] as const;

/** One row per account; the debtor's fields repeat on each of their accounts. */
const ACCOUNTS: FieldSpec[] = [
  f('account_number', 'text', true, ['numero_cuenta', 'nro_cuenta', 'cuenta', 'num_cuenta', 'obligacion', 'numero_obligacion', 'account', 'account_no', 'credito'], { max: 64 }),
  ...DEBTOR_KEY,
  f('full_name', 'text', true, ['nombre', 'nombre_completo', 'nombres', 'deudor', 'cliente', 'name'], { max: 200 }),
  f('country', 'country', true, ['pais', 'country_code']),
  f('product', 'text', true, ['producto', 'tipo_producto', 'product_type'], { max: 64 }),
  f('currency', 'currency', true, ['moneda', 'divisa', 'currency_code']),
  f('balance', 'amount', true, ['saldo', 'saldo_total', 'saldo_deuda', 'monto_adeudado', 'deuda', 'balance_due', 'amount_owed']),
  f('principal', 'amount', false, ['capital', 'saldo_capital', 'monto_original', 'principal_amount']),
  f('due_since', 'date', true, ['fecha_vencimiento', 'vencimiento', 'fecha_mora', 'mora_desde', 'due_date', 'delinquent_since']),
  f('days_past_due', 'integer', false, ['dias_mora', 'dias_vencido', 'dias_atraso', 'dpd']),
  f('last_payment_date', 'date', false, ['fecha_ultimo_pago', 'ultimo_pago', 'last_payment', 'last_payment_at']),
  f('status', 'enum', false, ['estado', 'estado_cuenta', 'account_status'], { values: STATUS_VALUES }),
  f('birth_date', 'date', false, ['fecha_nacimiento', 'nacimiento', 'dob', 'date_of_birth']),
  f('region', 'text', false, ['departamento', 'estado_region', 'provincia', 'state', 'region_code'], { max: 64 }),
  f('city', 'text', false, ['ciudad', 'municipio', 'comuna', 'localidad'], { max: 100 }),
  f('time_zone', 'zone', false, ['zona_horaria', 'timezone', 'tz']),
  f('language', 'enum', false, ['idioma', 'lang'], { values: ['es', 'en'] }),
  f('profile', 'enum', false, ['perfil', 'perfil_pago', 'historial_pago', 'payment_history', 'payer_profile'], { values: PROFILE_VALUES }),
  f('phone_1', 'phone', false, ['telefono', 'telefono_1', 'tel_1', 'celular', 'movil', 'phone', 'phone1', 'mobile']),
  f('phone_2', 'phone', false, ['telefono_2', 'tel_2', 'telefono_fijo', 'fijo', 'phone2', 'home_phone']),
  f('phone_3', 'phone', false, ['telefono_3', 'tel_3', 'otro_telefono', 'phone3', 'work_phone']),
];

/** Extra phones for debtors already imported (found by document). */
const PHONES: FieldSpec[] = [
  ...DEBTOR_KEY,
  f('phone', 'phone', true, ['telefono', 'numero', 'celular', 'phone_number', 'number']),
  f('country', 'country', false, ['pais', 'country_code']),
];

/** Payments the creditor posted, per account; `reference` makes a re-import recognise the same payment. */
const PAYMENTS: FieldSpec[] = [
  f('account_number', 'text', true, ['numero_cuenta', 'nro_cuenta', 'cuenta', 'obligacion', 'account', 'account_no'], { max: 64 }),
  f('amount', 'amount', true, ['monto', 'valor', 'importe', 'valor_pago', 'monto_pago', 'payment_amount']),
  f('currency', 'currency', true, ['moneda', 'divisa']),
  f('posted_at', 'date', true, ['fecha', 'fecha_pago', 'fecha_aplicacion', 'payment_date', 'date']),
  f('method', 'text', false, ['medio', 'medio_pago', 'forma_pago', 'canal', 'payment_method'], { max: 32 }),
  f('reference', 'text', false, ['referencia', 'comprobante', 'nro_comprobante', 'transaction_id', 'ref'], { max: 64 }),
];

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  accounts: ACCOUNTS,
  phones: PHONES,
  payments: PAYMENTS,
};

export function fieldSpec(kind: ImportKind, id: string): FieldSpec | undefined {
  return IMPORT_FIELDS[kind].find((s) => s.id === id);
}

/** "Número de Cuenta" → "numero_de_cuenta": how headers are compared with synonyms. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Our field → the file's header, for every field whose header we recognise. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Record<string, string> {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);
  const used = new Set<string>();
  const out: Record<string, string> = {};
  for (const spec of IMPORT_FIELDS[kind]) {
    for (const syn of spec.synonyms) {
      const h = byNorm.get(syn);
      if (h !== undefined && !used.has(h)) {
        out[spec.id] = h;
        used.add(h);
        break;
      }
    }
  }
  return out;
}
