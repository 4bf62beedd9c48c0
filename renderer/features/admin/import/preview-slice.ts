/** How much of a file's head the mapping step sends: enough for headers and ~20 rows of any real file. */
export const PREVIEW_BYTES = 64 * 1024;

/**
 * Length of the head to send: up to the last line break, so the server never sees a half row (which it would
 * report as malformed). The whole file when it fits, or when the head has no line break at all.
 */
export function headSliceLength(head: Uint8Array, isWholeFile: boolean): number {
  if (isWholeFile) return head.length;
  const lf = head.lastIndexOf(0x0a);
  return lf < 0 ? head.length : lf + 1;
}
