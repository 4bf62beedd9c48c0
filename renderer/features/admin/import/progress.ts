/**
 * How far an import is, for the bar. The server's byte count runs ahead of the database (its CSV reader buffers
 * what the socket delivers), so bytes alone reach 100 % long before the last batch commits. The bar follows the
 * committed rows instead, against the row count the file's size suggests (average row length measured on the
 * head the preview read), capped by the bytes: never ahead of what actually arrived. Pure: tested beside.
 */
export interface HeadStats {
  /** Bytes of the head sent to the preview, and line breaks in it. */
  bytes: number;
  lines: number;
}

export function headStats(head: Uint8Array): HeadStats {
  let lines = 0;
  for (const b of head) if (b === 0x0a) lines++;
  return { bytes: head.length, lines };
}

export interface ProgressInput {
  state: 'awaiting_file' | 'running' | 'done' | 'failed';
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
}

export interface ProgressView {
  /** 0–100, whole. */
  percent: number;
  /** Rows the file probably has (null when the head gave nothing to measure). */
  estimatedRows: number | null;
}

export function importProgress(s: ProgressInput, fileSize: number | null, head: HeadStats | null): ProgressView {
  const total = s.bytesTotal ?? fileSize ?? 0;
  const estimatedRows = head && head.lines > 0 && total > 0 ? Math.max(1, Math.round(total / (head.bytes / head.lines)) - 1) : null;
  if (s.state === 'done') return { percent: 100, estimatedRows: s.rowsRead };
  const byBytes = total > 0 ? Math.min(1, s.bytesRead / total) : 0;
  const byRows = estimatedRows ? Math.min(1, s.rowsRead / estimatedRows) : byBytes;
  // Running: at most 99 % — 100 means the server said done.
  const f = Math.min(byRows, byBytes, s.state === 'running' ? 0.99 : 1);
  return { percent: Math.floor(f * 100), estimatedRows };
}
