/**
 * `GET /api/v1/recordings/<callId>`: the audio of a call's recording, streamed from the database piece by piece
 * (server/recordings/blob-store.ts; never the whole blob in memory), with single byte ranges for an audio player's
 * seeking. Who may listen: an admin any recording, a lead their team's agents', an agent their own; anyone else
 * gets the same 404 as a call with no recording (whether a recording exists is not disclosed). Every listen is logged with who and which call.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { Id } from '../../shared/domain/codes';
import { recordingRoutes } from '../../shared/sync/recordings';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import type { Authenticated } from '../routes/protect';
import type { UserRecord } from '../users/repository';
import { readBlobRange } from './blob-store';

export interface RecordingRoutesOptions {
  ctx: ServerContext;
  auth: Authenticated;
  /** Most bytes read from the database per query while streaming (a query never crosses a stored piece). */
  sliceBytes?: number;
}

const Params = z.object({ callId: Id }).strict();

/** Which recordings a user may hear, as SQL on `recordings r` joined to the agent `u`, parameters from `$first`. */
function listenScope(user: UserRecord, first: number): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'admin': return { sql: 'true', params: [] };
    case 'lead': return { sql: `u.team_id = $${first}`, params: [user.teamId ?? ''] };
    case 'agent': return { sql: `r.agent_id = $${first}`, params: [user.id] };
    default: {
      const never: never = user.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range) → [start, end] inclusive; null = unsatisfiable or malformed. */
export function parseRange(header: string, size: number): [number, number] | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? [start, end] : null;
}

export const recordingReadRoutes: FastifyPluginAsync<RecordingRoutesOptions> = async (app, { ctx, auth, sliceBytes }) => {
  const slice = sliceBytes ?? 1024 * 1024;
  app.get(recordingRoutes.read.path, async (request, reply) => {
    const user = await auth(request);
    const { callId } = validate(Params, request.params, 'recording');
    const scope = listenScope(user, 2);
    const [rec] = await ctx.db.query<{ sha256: string; bytes: number; chunk_bytes: number; mime_type: string; agent_id: string }>(
      `select r.sha256, b.bytes, b.chunk_bytes, b.mime_type, r.agent_id from recordings r
         join recording_blobs b on b.sha256 = r.sha256 join users u on u.id = r.agent_id
        where r.call_id = $1 and ${scope.sql}`,
      [callId, ...scope.params],
    );
    if (!rec) throw notFound('recording', { callId });
    const size = Number(rec.bytes);
    const ext = rec.mime_type.startsWith('audio/ogg') ? 'ogg' : 'webm';
    reply
      .header('content-type', rec.mime_type)
      .header('accept-ranges', 'bytes')
      .header('etag', `"${rec.sha256}"`)
      // Personal data: never kept by a proxy or the browser's cache.
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="${callId}.${ext}"`);
    let start = 0;
    let end = size - 1;
    const range = request.headers.range;
    if (typeof range === 'string') {
      const r = parseRange(range, size);
      if (!r) return reply.status(416).header('content-range', `bytes */${size}`).send();
      [start, end] = r;
      reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`);
    }
    request.log.info({ callId, userId: user.id, role: user.role, agentId: rec.agent_id, start, end }, 'recording listened');
    reply.header('content-length', String(end - start + 1));
    return reply.send(Readable.from(readBlobRange(ctx.db, { sha256: rec.sha256, chunkBytes: Number(rec.chunk_bytes) }, start, end, slice)));
  });
};
