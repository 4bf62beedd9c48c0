import { describe, expect, it } from 'vitest';
import { headStats, importProgress } from './progress';

const head = headStats(new TextEncoder().encode('a;b\n1;2\n3;4\n5;6\n')); // 4 lines, 4 bytes each

describe('importProgress', () => {
  it('follows the committed rows, not the bytes the server buffered ahead', () => {
    // 4,000 bytes ≈ 1,000 lines − the header = 999 rows; all bytes arrived, 500 rows committed.
    const v = importProgress({ state: 'running', rowsRead: 500, bytesRead: 4000, bytesTotal: 4000 }, 4000, head);
    expect(v.estimatedRows).toBe(999);
    expect(v.percent).toBe(50);
  });
  it('never runs ahead of the bytes received, and stays below 100 until the server says done', () => {
    expect(importProgress({ state: 'running', rowsRead: 900, bytesRead: 1000, bytesTotal: 4000 }, 4000, head).percent).toBe(25);
    expect(importProgress({ state: 'running', rowsRead: 5000, bytesRead: 4000, bytesTotal: 4000 }, 4000, head).percent).toBe(99);
    expect(importProgress({ state: 'done', rowsRead: 999, bytesRead: 4000, bytesTotal: 4000 }, 4000, head)).toEqual({ percent: 100, estimatedRows: 999 });
  });
  it('falls back to bytes when the head measured nothing', () => {
    expect(importProgress({ state: 'running', rowsRead: 0, bytesRead: 300, bytesTotal: null }, 1200, null).percent).toBe(25);
    expect(importProgress({ state: 'running', rowsRead: 0, bytesRead: 0, bytesTotal: null }, null, null).percent).toBe(0);
  });
});
