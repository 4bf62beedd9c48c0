/**
 * Why a row of an import file was refused. The report lists each defect with its physical line, the file's
 * column (the creditor's header) and one of these codes; the UI says it with `import.defect.<code>` and
 * `params` (i18next), the es/en texts are in ./messages.
 */
export const DEFECT_CODES = [
  'missing_required',
  'bad_phone',
  'unknown_currency',
  'negative_amount',
  'non_numeric_amount',
  'bad_amount',
  'bad_date',
  'bad_integer',
  'bad_value',
  'unknown_country',
  'bad_zone',
  'too_long',
  'duplicate_account',
  'debtor_conflict',
  'unknown_account',
  'unknown_debtor',
  'bad_encoding',
  'wrong_column_count',
  'malformed_row',
] as const;
export type DefectCode = (typeof DEFECT_CODES)[number];

export interface RowDefect {
  /** Physical line of the file where the row starts (1 = header), right even when quoted fields span lines. */
  line: number;
  /** The file's header of the offending column ('' when the problem is the whole row). */
  column: string;
  code: DefectCode;
  params: Record<string, string | number>;
}

/** Errors that stop a whole import (not one row): the UI shows `import.error.<code>`. */
export const IMPORT_ERROR_CODES = [
  'unmapped_required',
  'unknown_header',
  'unknown_field',
  'duplicate_mapping',
  'empty_file',
  'no_header',
  'already_started',
  'unknown_creditor',
  'failed',
  'interrupted',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
