/**
 * The import HTTP surface (admin only), a Fastify plugin the app registers with its context and authenticator:
 *   app.register(importRoutes, { ctx, auth })
 * The CSV body is never buffered: a content-type parser hands the raw request stream to the importer, which
 * reads it at the database's pace (TCP backpressure does the rest). The upload answers when the import ends;
 * the admin screen polls GET …/imports/:id meanwhile (progress from the committed batches).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import {
  checkMapping,
  DefectPageQuery,
  IMPORT_FIELDS,
  ImportKindSchema,
  importRoutePaths,
  StartImportRequest,
  suggestMapping,
  type DefectPage,
  type ImportStatus,
  type PreviewResponse,
} from '../../shared/import';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import type { Authenticated } from '../routes/protect';
import type { UserRecord } from '../users/repository';
import { claimImport, createImport, defectPage, getImportJob, importStatus, listImports, type ImportJob } from './jobs';
import { openCsv, CsvFileError } from './read-csv';
import { ImportFailure, runImport } from './run-import';

export interface ImportRoutesOptions {
  ctx: ServerContext;
  auth: Authenticated;
  /** Awaited after an import completes, before the response (the server re-tracks promises after payments). */
  onImported?: (job: ImportJob, status: ImportStatus) => Promise<void> | void;
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'];

const IdParams = z.object({ id: z.string().min(1).max(64) }).strict();
const PreviewQuery = z
  .object({
    kind: ImportKindSchema.default('accounts'),
    encoding: z.enum(['auto', 'utf-8', 'latin1']).default('auto'),
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
  })
  .strict();
const ListQuery = z
  .object({ creditorId: z.string().min(1).max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

export function requireRole(user: UserRecord, roles: readonly UserRecord['role'][]): void {
  if (!roles.includes(user.role)) {
    throw new ApiError({
      code: 'forbidden',
      message: `this needs the role ${roles.join(' or ')}`,
      key: 'errors.forbiddenRole',
      params: { roles: roles.join(', ') },
    });
  }
}

/** An import-wide failure → the one error shape: a 400 naming the field, key `import.error.<code>`. */
function toApiError(f: ImportFailure): ApiError {
  return new ApiError({
    code: f.code === 'failed' ? 'internal' : f.code === 'already_started' ? 'conflict' : 'invalid_input',
    message: f.message,
    key: `import.error.${f.code}`,
    params: f.params,
    issues: [{ path: f.field, code: f.code, message: f.message }],
  });
}

function bodyStream(request: FastifyRequest): Readable {
  const body = request.body as Readable | undefined;
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new ApiError({
      code: 'invalid_input',
      message: `send the CSV file as the request body with Content-Type ${CSV_TYPES[0]}`,
      key: 'import.error.no_file',
      issues: [{ path: 'file', code: 'missing', message: 'no file in the request body' }],
    });
  }
  return body;
}

export const importRoutes: FastifyPluginAsync<ImportRoutesOptions> = async (app, { ctx, auth, onImported }) => {
  // Hand the raw stream through: no buffering, no body limit (a portfolio is hundreds of MB).
  app.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

  const admin = async (request: FastifyRequest) => {
    const user = await auth(request);
    requireRole(user, ['admin']);
    return user;
  };

  app.post(importRoutePaths.preview, async (request): Promise<PreviewResponse> => {
    await admin(request);
    const q = validate(PreviewQuery, request.query, 'preview');
    const stream = bodyStream(request);
    try {
      const csv = await openCsv(stream, { encoding: q.encoding, delimiter: q.delimiter });
      const sample: string[][] = [];
      for await (const r of csv.records) {
        if ('fields' in r) sample.push(r.fields);
        if (sample.length >= 20) break;
      }
      return {
        encoding: csv.encoding,
        delimiter: csv.delimiter,
        headers: csv.header,
        sample,
        suggestedMapping: suggestMapping(q.kind, csv.header),
        fields: IMPORT_FIELDS[q.kind].map((f) => ({ id: f.id, type: f.type, required: f.required })),
      };
    } catch (err) {
      if (err instanceof CsvFileError) throw toApiError(new ImportFailure(err.code, {}, 'file'));
      throw err;
    } finally {
      stream.resume();
    }
  });

  app.post(importRoutePaths.start, async (request, reply): Promise<ImportStatus> => {
    const user = await admin(request);
    const body = validate(StartImportRequest, request.body, 'import');
    const [creditor] = await ctx.db.query('select id from creditors where id = $1', [body.creditorId]);
    if (!creditor) throw toApiError(new ImportFailure('unknown_creditor', { creditorId: body.creditorId }, 'creditorId'));
    if (body.mapping) {
      const check = checkMapping(body.kind, body.mapping);
      if (!check.ok) throw toApiError(new ImportFailure(check.code, check.params, check.field));
    }
    const job = await createImport(ctx.db, {
      creditorId: body.creditorId,
      kind: body.kind,
      fileName: body.fileName,
      mapping: body.mapping ?? null,
      options: body.options,
      startedBy: user.id,
    });
    reply.status(201);
    return (await importStatus(ctx.db, job.id))!;
  });

  app.put(importRoutePaths.upload, async (request): Promise<ImportStatus> => {
    await admin(request);
    const { id } = validate(IdParams, request.params, 'import');
    const stream = bodyStream(request);
    const job = await getImportJob(ctx.db, id);
    if (!job) {
      stream.resume();
      throw notFound('import', { id });
    }
    const length = Number(request.headers['content-length']);
    if (!(await claimImport(ctx.db, id, Number.isSafeInteger(length) ? length : null))) {
      stream.resume();
      throw toApiError(new ImportFailure('already_started', { id }, 'id'));
    }
    request.log.info({ event: 'import_started', importId: id, kind: job.kind, creditorId: job.creditorId }, 'import started');
    try {
      const status = await runImport(ctx.db, job, stream, { expectedBytes: Number.isSafeInteger(length) ? length : null });
      request.log.info({ event: 'import_done', importId: id, good: status.good, defective: status.defective }, 'import done');
      // The import stands whatever happens next: a failed follow-up step is logged (the job's timer retries it).
      await Promise.resolve(onImported?.(job, status)).catch((err: unknown) => request.log.error({ err, importId: id }, 'after-import step failed'));
      return status;
    } catch (err) {
      stream.resume();
      if (err instanceof ImportFailure) throw toApiError(err);
      throw err;
    }
  });

  app.get(importRoutePaths.status, async (request): Promise<ImportStatus> => {
    await admin(request);
    const { id } = validate(IdParams, request.params, 'import');
    const status = await importStatus(ctx.db, id);
    if (!status) throw notFound('import', { id });
    return status;
  });

  app.get(importRoutePaths.defects, async (request): Promise<DefectPage> => {
    await admin(request);
    const { id } = validate(IdParams, request.params, 'import');
    const q = validate(DefectPageQuery, request.query, 'defects');
    if (!(await getImportJob(ctx.db, id))) throw notFound('import', { id });
    return defectPage(ctx.db, id, q.after, q.limit);
  });

  app.get(importRoutePaths.list, async (request): Promise<{ imports: ImportStatus[] }> => {
    await admin(request);
    const q = validate(ListQuery, request.query, 'imports');
    return { imports: await listImports(ctx.db, q.creditorId, q.limit) };
  });
};
