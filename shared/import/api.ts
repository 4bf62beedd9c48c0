/**
 * The import HTTP contract (admin only), for the server routes, the admin screen and tests. Flow:
 * 1. `POST  /api/v1/admin/imports/preview?kind=…` with the first ~64 KB of the file → encoding, delimiter,
 *    headers, sample rows and a suggested mapping (the mapping step).
 * 2. `POST  /api/v1/admin/imports` (JSON: creditor, kind, mapping, options) → the import, state `awaiting_file`;
 *    a mapping that leaves a required field unmapped is refused here (400 naming the field).
 * 3. `PUT   /api/v1/admin/imports/:id/file` with the CSV as the raw body, streamed; answers when the import ends.
 * 4. `GET   /api/v1/admin/imports/:id` → progress (poll it for the progress bar); `…/defects?after=&limit=` → the report.
 */
import { z } from 'zod';
import { DEFECT_CODES, IMPORT_ERROR_CODES } from './defects';
import { IMPORT_KINDS } from './fields';

export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const ImportOptions = z
  .object({
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    encoding: z.enum(['auto', 'utf-8', 'latin1']).default('auto'),
    /** 'auto': ',' when the file is ';'-separated, '.' otherwise. */
    decimalMark: z.enum(['auto', ',', '.']).default('auto'),
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
    /** Cut-off date days past due are computed against when the file has no days_past_due column. */
    asOf: z.iso.date().optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

export const StartImportRequest = z
  .object({
    creditorId: z.string().min(1).max(64),
    kind: ImportKindSchema,
    fileName: z.string().max(255).default(''),
    /** Our field id → the file's header. Omitted: the suggested mapping from the file's headers. */
    mapping: z.record(z.string().min(1).max(64), z.string().min(1).max(200)).optional(),
    options: ImportOptions.default({ delimiter: 'auto', encoding: 'auto', decimalMark: 'auto', dateOrder: 'dmy' }),
  })
  .strict();
export type StartImportRequest = z.input<typeof StartImportRequest>;

export const ImportState = z.enum(['awaiting_file', 'running', 'done', 'failed']);
export type ImportState = z.infer<typeof ImportState>;

export const ImportError = z.object({
  code: z.enum(IMPORT_ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportStatus = z.object({
  id: z.string(),
  creditorId: z.string(),
  kind: ImportKindSchema,
  fileName: z.string(),
  state: ImportState,
  /** Data rows read so far (header excluded), good + defective. */
  rowsRead: z.number().int(),
  good: z.number().int(),
  defective: z.number().int(),
  /** Good rows that changed nothing in the database (a re-import of the same file: all of them). */
  unchanged: z.number().int(),
  bytesRead: z.number().int(),
  /** The upload's Content-Length when known: bytesRead / bytesTotal is the progress bar. */
  bytesTotal: z.number().int().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  defectsByCode: z.record(z.string(), z.number().int()),
  error: ImportError.nullable(),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportDefect = z.object({
  line: z.number().int(),
  column: z.string(),
  code: z.enum(DEFECT_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const DefectPageQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const DefectPage = z.object({
  defects: z.array(ImportDefect),
  /** Pass as `after` for the next page; null at the end. */
  nextAfter: z.number().int().nullable(),
  /** Defects beyond the stored cap are counted in defectsByCode but not listed. */
  stored: z.number().int(),
});
export type DefectPage = z.infer<typeof DefectPage>;

export const PreviewResponse = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
  fields: z.array(z.object({ id: z.string(), type: z.string(), required: z.boolean() })),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const importRoutePaths = {
  preview: '/api/v1/admin/imports/preview',
  start: '/api/v1/admin/imports',
  list: '/api/v1/admin/imports',
  upload: '/api/v1/admin/imports/:id/file',
  status: '/api/v1/admin/imports/:id',
  defects: '/api/v1/admin/imports/:id/defects',
} as const;
