/**
 * One import, from the upload's bytes to the database: read (./read-csv), check each row (./rows), write the
 * good ones in batches (./writer), each batch one transaction together with its defects and the progress
 * counters, so what the admin sees is always what is committed, and a failure leaves whole batches only.
 * Parsing the next batch overlaps writing the previous one; memory stays flat whatever the file size.
 */
import type { Database } from '../db/port';
import {
  checkMapping,
  suggestMapping,
  type ImportCountry,
  type ImportError,
  type ImportErrorCode,
  type ImportStatus,
  type RowDefect,
} from '../../shared/import';
import { importErrorMessages } from '../../shared/import/messages';
import { compileSegmenter } from '../segments/evaluate';
import { currentRuleSet } from '../segments/store';
import { finishImport, importStatus, saveDefects, saveProgress, type ImportJob, type Progress } from './jobs';
import { CsvFileError, openCsv } from './read-csv';
import { compileRowReader, type AccountRow, type ImportRow, type PaymentRow, type PhoneRow } from './rows';
import { writeAccounts, writePayments, writePhones, type BatchOutcome } from './writer';

/** An import-wide problem (bad mapping, empty file): the import fails before any row is written. */
export class ImportFailure extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly params: Record<string, string>,
    /** The request field at fault, for a 400 that names it. */
    readonly field: string,
  ) {
    super(interpolate(importErrorMessages.en[code], params));
    this.name = 'ImportFailure';
  }

  toError(): ImportError {
    return { code: this.code, params: this.params, message: this.message };
  }
}

function interpolate(t: string, params: Record<string, string | number>): string {
  return t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

export interface RunImportOptions {
  /** The upload's size when known (Content-Length): sizes the in-file duplicate checks up front. */
  expectedBytes?: number | null;
  /** Good rows per transaction. */
  batchSize?: number;
  /** Defects listed in the report at most (all are counted). */
  defectCap?: number;
  /** 'YYYY-MM-DD' for days past due and ages when the options carry no asOf. */
  today?: string;
}

async function* countBytes(src: AsyncIterable<Uint8Array>, progress: Progress): AsyncGenerator<Uint8Array> {
  for await (const chunk of src) {
    progress.bytesRead += chunk.byteLength;
    yield chunk;
  }
}

export async function runImport(db: Database, job: ImportJob, bytes: AsyncIterable<Uint8Array>, opts: RunImportOptions = {}): Promise<ImportStatus> {
  const batchSize = opts.batchSize ?? 2000;
  const defectCap = opts.defectCap ?? 100_000;
  const asOf = job.options.asOf ?? opts.today ?? new Date().toISOString().slice(0, 10);
  const progress: Progress = { rowsRead: 0, good: 0, defective: 0, unchanged: 0, bytesRead: 0, encoding: null, delimiter: null, defectsByCode: {} };
  let storedDefects = 0;
  try {
    const [creditor] = await db.query<{ country: ImportCountry }>('select country from creditors where id = $1', [job.creditorId]);
    if (!creditor) throw new ImportFailure('unknown_creditor', { creditorId: job.creditorId }, 'creditorId');

    let csv;
    try {
      csv = await openCsv(countBytes(bytes, progress), {
        encoding: job.options.encoding,
        delimiter: job.options.delimiter === 'auto' ? 'auto' : job.options.delimiter,
      });
    } catch (err) {
      if (err instanceof CsvFileError) throw new ImportFailure(err.code, {}, 'file');
      throw err;
    }
    progress.delimiter = csv.delimiter;
    const mapping = job.mapping ?? suggestMapping(job.kind, csv.header);
    const check = checkMapping(job.kind, mapping, csv.header);
    if (!check.ok) throw new ImportFailure(check.code, check.params, check.field);

    const decimalMark = job.options.decimalMark === 'auto' ? (csv.delimiter === ';' ? ',' : '.') : job.options.decimalMark;
    const readRow = compileRowReader({
      kind: job.kind,
      header: csv.header,
      mapping,
      decimalMark,
      dateOrder: job.options.dateOrder,
      asOf,
      creditorCountry: creditor.country,
      // Data rows are about as long as the header line: a rough guess, corrected by growing if short.
      expectedRows: opts.expectedBytes ? Math.ceil(opts.expectedBytes / Math.max(40, csv.header.join(',').length)) : 0,
    });
    const segmenter =
      job.kind === 'accounts' ? compileSegmenter((await currentRuleSet(db, job.creditorId)).ruleSet, asOf) : null;

    let good: ImportRow[] = [];
    let defects: RowDefect[] = [];
    let inflight: Promise<void> | null = null;
    let flushError: unknown = null;

    const flush = (rows: ImportRow[], rowDefects: RowDefect[], rowsRead: number, defectiveRows: number) =>
      db.transaction(async (tx) => {
        let outcome: BatchOutcome = { changed: 0, defects: [], refused: 0 };
        if (rows.length > 0) {
          if (job.kind === 'accounts') {
            const accs = rows as AccountRow[];
            const segments = accs.map((r) =>
              segmenter!({
                daysPastDue: r.daysPastDue,
                balanceMinor: r.balanceMinor,
                currency: r.currency,
                profile: r.debtor.profile,
                product: r.product,
                region: r.debtor.region,
                country: r.debtor.country,
                birthDate: r.debtor.birthDate,
                language: r.debtor.language,
              }),
            );
            outcome = await writeAccounts(tx, job.creditorId, accs, segments);
          } else if (job.kind === 'phones') outcome = await writePhones(tx, job.creditorId, rows as PhoneRow[]);
          else outcome = await writePayments(tx, job.creditorId, rows as PaymentRow[]);
        }
        const all = rowDefects.concat(outcome.defects);
        const toStore = all.slice(0, Math.max(0, defectCap - storedDefects));
        await saveDefects(tx, job.id, storedDefects + 1, toStore);
        const next: Progress = {
          ...progress,
          rowsRead,
          good: progress.good + rows.length - outcome.refused,
          defective: progress.defective + defectiveRows + outcome.refused,
          unchanged: progress.unchanged + (rows.length - outcome.refused - outcome.changed),
          encoding: csv.encoding,
          defectsByCode: { ...progress.defectsByCode },
        };
        for (const d of all) next.defectsByCode[d.code] = (next.defectsByCode[d.code] ?? 0) + 1;
        await saveProgress(tx, job.id, next);
        // Only once committed does the in-memory progress move on.
        return () => {
          storedDefects += toStore.length;
          Object.assign(progress, { ...next, bytesRead: progress.bytesRead });
        };
      }).then((commit) => commit());

    let rowsRead = 0;
    let defectiveRows = 0;
    const pending = async () => {
      const rows = good;
      const ds = defects;
      const read = rowsRead;
      const bad = defectiveRows;
      good = [];
      defects = [];
      defectiveRows = 0;
      if (inflight) await inflight;
      if (flushError) throw flushError;
      // A failed batch is kept here (not left as an unhandled rejection) and stops the import at the next step.
      inflight = flush(rows, ds, read, bad).catch((e: unknown) => {
        flushError = e;
      });
    };

    for await (const rec of csv.records) {
      rowsRead++;
      if ('malformed' in rec) {
        defects.push({ line: rec.line, column: '', code: 'malformed_row', params: { detail: rec.malformed } });
        defectiveRows++;
      } else {
        const r = readRow(rec.line, rec.fields);
        if (r.ok) good.push(r.row);
        else {
          defects.push(...r.defects);
          defectiveRows++;
        }
      }
      if (good.length >= batchSize || defects.length >= batchSize) await pending();
    }
    await pending();
    if (inflight) await inflight;
    if (flushError) throw flushError;
    await finishImport(db, job.id, 'done', null);
  } catch (err) {
    const failure =
      err instanceof ImportFailure
        ? err
        : new ImportFailure('failed', { reason: err instanceof Error ? err.message : String(err) }, 'file');
    await saveProgress(db, job.id, progress).catch(() => undefined);
    await finishImport(db, job.id, 'failed', failure.toError());
    throw failure;
  }
  return (await importStatus(db, job.id))!;
}
