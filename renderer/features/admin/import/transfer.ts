/**
 * The CSV bytes go from the renderer straight to the central server (never over the desk bridge): a slice of
 * the head for the mapping step, then the whole File as a streamed PUT body (Chromium sends a Blob body from
 * disk without reading it into the page). The token comes from the desk's `admin.serverAccess`.
 */
import { ApiError, ApiErrorData } from '../../../../shared/api/errors';
import type { ServerAccess } from '../../../../shared/api/methods/admin';
import { ImportStatus, PreviewResponse, importRoutePaths } from '../../../../shared/import/api';
import type { ImportKind } from '../../../../shared/import/fields';
import { headSliceLength, PREVIEW_BYTES } from './preview-slice';
import { headStats, type HeadStats } from './progress';

async function send(access: ServerAccess, path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(access.serverUrl + path, {
      ...init,
      headers: { authorization: `Bearer ${access.token}`, 'content-type': 'text/csv', accept: 'application/json' },
    });
  } catch (err) {
    throw new ApiError({
      code: 'unavailable', message: `upload to ${access.serverUrl} failed: ${err instanceof Error ? err.message : String(err)}`,
      key: 'errors.admin.upload', params: { url: access.serverUrl, reason: err instanceof Error ? err.message : String(err) },
    });
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const data = ApiErrorData.safeParse(json);
    throw new ApiError(data.success ? data.data : { code: 'internal', message: `HTTP ${res.status}`, key: 'errors.internal' });
  }
  return json;
}

/** Encoding, delimiter, headers, first rows and the suggested mapping, from the file's first ~64 KB. */
export async function previewFile(access: ServerAccess, file: Blob, kind: ImportKind): Promise<{ preview: PreviewResponse; head: HeadStats }> {
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const body = head.subarray(0, headSliceLength(head, file.size <= PREVIEW_BYTES));
  const json = await send(access, `${importRoutePaths.preview}?kind=${encodeURIComponent(kind)}`, { method: 'POST', body });
  const out = PreviewResponse.safeParse(json);
  if (!out.success) throw new ApiError({ code: 'internal', message: 'preview outside the contract', key: 'errors.server.contract', params: { path: importRoutePaths.preview } });
  return { preview: out.data, head: headStats(body) };
}

/** Sends the file; resolves with the final status when the server has read it all. */
export async function uploadFile(access: ServerAccess, importId: string, file: Blob): Promise<ImportStatus> {
  const path = importRoutePaths.upload.replace(':id', encodeURIComponent(importId));
  const json = await send(access, path, { method: 'PUT', body: file });
  const out = ImportStatus.safeParse(json);
  if (!out.success) throw new ApiError({ code: 'internal', message: 'upload answer outside the contract', key: 'errors.server.contract', params: { path } });
  return out.data;
}
