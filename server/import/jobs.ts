/** The `imports` table: one row per import, its progress and outcome; `import_defects` holds the report. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/port';
import type { ImportError, ImportKind, ImportOptions, ImportState, ImportStatus, RowDefect } from '../../shared/import';

export interface ImportJob {
  id: string;
  creditorId: string;
  kind: ImportKind;
  fileName: string;
  mapping: Record<string, string> | null;
  options: ImportOptions;
  state: ImportState;
}

type ImportRowDb = {
  id: string;
  creditor_id: string;
  kind: ImportKind;
  file_name: string;
  mapping: Record<string, string> | null;
  options: ImportOptions;
  state: ImportState;
  rows_read: number;
  good: number;
  defective: number;
  unchanged: number;
  bytes_read: number;
  bytes_total: number | null;
  encoding: string | null;
  delimiter: string | null;
  defects_by_code: Record<string, number>;
  error: ImportError | null;
  started_by: string | null;
  created_at: Date;
  finished_at: Date | null;
};

export async function createImport(
  db: Queryable,
  job: { creditorId: string; kind: ImportKind; fileName: string; mapping: Record<string, string> | null; options: ImportOptions; startedBy: string | null },
): Promise<ImportJob> {
  const id = `imp_${randomUUID()}`;
  await db.query(
    `insert into imports (id, creditor_id, kind, file_name, mapping, options, state, started_by)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, 'awaiting_file', $7)`,
    [id, job.creditorId, job.kind, job.fileName, job.mapping ? JSON.stringify(job.mapping) : null, JSON.stringify(job.options), job.startedBy],
  );
  return { id, creditorId: job.creditorId, kind: job.kind, fileName: job.fileName, mapping: job.mapping, options: job.options, state: 'awaiting_file' };
}

export async function getImportJob(db: Queryable, id: string): Promise<ImportJob | null> {
  const [r] = await db.query<ImportRowDb>('select * from imports where id = $1', [id]);
  if (!r) return null;
  return { id: r.id, creditorId: r.creditor_id, kind: r.kind, fileName: r.file_name, mapping: r.mapping, options: r.options, state: r.state };
}

/** Moves an import from awaiting_file to running; false when another request got there first. */
export async function claimImport(db: Queryable, id: string, bytesTotal: number | null): Promise<boolean> {
  const rows = await db.query(
    `update imports set state = 'running', bytes_total = $2, progress_at = now() where id = $1 and state = 'awaiting_file' returning id`,
    [id, bytesTotal],
  );
  return rows.length === 1;
}

export interface Progress {
  rowsRead: number;
  good: number;
  defective: number;
  unchanged: number;
  bytesRead: number;
  encoding: string | null;
  delimiter: string | null;
  defectsByCode: Record<string, number>;
}

export async function saveProgress(db: Queryable, id: string, p: Progress): Promise<void> {
  await db.query(
    `update imports set rows_read = $2, good = $3, defective = $4, unchanged = $5, bytes_read = $6, encoding = $7,
       delimiter = $8, defects_by_code = $9::jsonb, progress_at = now() where id = $1`,
    [id, p.rowsRead, p.good, p.defective, p.unchanged, p.bytesRead, p.encoding, p.delimiter, JSON.stringify(p.defectsByCode)],
  );
}

export async function finishImport(db: Queryable, id: string, state: 'done' | 'failed', error: ImportError | null): Promise<void> {
  await db.query(`update imports set state = $2, error = $3::jsonb, finished_at = now() where id = $1`, [
    id,
    state,
    error ? JSON.stringify(error) : null,
  ]);
}

export async function saveDefects(db: Queryable, id: string, firstSeq: number, defects: RowDefect[]): Promise<void> {
  if (defects.length === 0) return;
  await db.query(
    `insert into import_defects (import_id, seq, line, col, code, params)
     select $1, t.seq, t.line, t.col, t.code, t.params::jsonb
       from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) as t(seq, line, col, code, params)`,
    [
      id,
      defects.map((_, i) => firstSeq + i),
      defects.map((d) => d.line),
      defects.map((d) => d.column),
      defects.map((d) => d.code),
      defects.map((d) => JSON.stringify(d.params)),
    ],
  );
}

/** An import 'running' without a committed batch for this long was cut off (its server stopped). */
export const STALE_AFTER_MINUTES = 10;

export async function importStatus(db: Queryable, id: string): Promise<ImportStatus | null> {
  await db.query(
    `update imports set state = 'failed', finished_at = now(),
       error = jsonb_build_object('code', 'interrupted', 'params', jsonb_build_object('since', progress_at::text),
                                  'message', 'The import was cut off (no progress since ' || progress_at::text || ')')
      where id = $1 and state = 'running' and progress_at < now() - make_interval(mins => $2)`,
    [id, STALE_AFTER_MINUTES],
  );
  const [r] = await db.query<ImportRowDb>('select * from imports where id = $1', [id]);
  return r ? toStatus(r) : null;
}

export async function listImports(db: Queryable, creditorId: string | undefined, limit: number): Promise<ImportStatus[]> {
  const rows = creditorId
    ? await db.query<ImportRowDb>('select * from imports where creditor_id = $1 order by created_at desc limit $2', [creditorId, limit])
    : await db.query<ImportRowDb>('select * from imports order by created_at desc limit $1', [limit]);
  return rows.map(toStatus);
}

function toStatus(r: ImportRowDb): ImportStatus {
  return {
    id: r.id,
    creditorId: r.creditor_id,
    kind: r.kind,
    fileName: r.file_name,
    state: r.state,
    rowsRead: r.rows_read,
    good: r.good,
    defective: r.defective,
    unchanged: r.unchanged,
    bytesRead: Number(r.bytes_read),
    bytesTotal: r.bytes_total === null ? null : Number(r.bytes_total),
    encoding: r.encoding,
    delimiter: r.delimiter,
    defectsByCode: r.defects_by_code,
    error: r.error,
    startedBy: r.started_by,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

export async function defectPage(
  db: Queryable,
  id: string,
  after: number,
  limit: number,
): Promise<{ defects: RowDefect[]; nextAfter: number | null; stored: number }> {
  const rows = await db.query<{ seq: number; line: number; col: string; code: RowDefect['code']; params: RowDefect['params'] }>(
    'select seq, line, col, code, params from import_defects where import_id = $1 and seq > $2 order by seq limit $3',
    [id, after, limit + 1],
  );
  const [count] = await db.query<{ n: number }>('select count(*)::int as n from import_defects where import_id = $1', [id]);
  const page = rows.slice(0, limit);
  return {
    defects: page.map((r) => ({ line: r.line, column: r.col, code: r.code, params: r.params })),
    nextAfter: rows.length > limit ? page[page.length - 1]!.seq : null,
    stored: count?.n ?? 0,
  };
}
