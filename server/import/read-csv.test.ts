import { describe, expect, it } from 'vitest';
import { KeyTable } from './key-table';
import { openCsv, sniffDelimiter, type CsvRecord } from './read-csv';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array, size = 3) {
  const csv = await openCsv(chunks(bytes, size), { encoding: 'auto', delimiter: 'auto' });
  const records: (CsvRecord | { line: number; malformed: string })[] = [];
  for await (const r of csv.records) records.push(r);
  return { csv, records };
}

describe('streaming CSV reader', () => {
  it('UTF-8 with a BOM split across chunks, CRLF, quoted newlines: physical start lines', async () => {
    const text = 'a;b\r\n1;"x\r\ny\r\nz"\r\n\r\n2;"q ""w"""\r\n3;ñ\r\n';
    for (const size of [1, 2, 5, 64]) {
      const { csv, records } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), size);
      expect(csv.encoding).toBe('utf-8');
      expect(csv.header).toEqual(['a', 'b']);
      expect(records).toEqual([
        { line: 2, fields: ['1', 'x\r\ny\r\nz'] },
        { line: 6, fields: ['2', 'q "w"'] },
        { line: 7, fields: ['3', 'ñ'] },
      ]);
    }
  });

  it('Latin-1 decided at the first non-ASCII byte, however late, and read as Windows-1252', async () => {
    const ascii = 'nombre,saldo\n' + 'Juan,1\n'.repeat(500);
    const bytes = Buffer.concat([Buffer.from(ascii), Buffer.from('Peña \x80,2\n', 'latin1')]);
    const { csv, records } = await read(bytes, 100);
    expect(csv.encoding).toBe('latin1');
    expect(records.at(-1)).toEqual({ line: 502, fields: ['Peña €', '2'] });
  });

  it('invalid bytes after a UTF-8 start become U+FFFD (the row is then reported as bad_encoding)', async () => {
    // Decided on the first chunk with a non-ASCII letter (valid UTF-8); the bad byte comes later in the stream.
    const bytes = Buffer.concat([Buffer.from('n\nñ\n'), Buffer.from([0x41, 0xff, 0x0a])]);
    const { csv, records } = await read(bytes, 4);
    expect(csv.encoding).toBe('utf-8');
    expect(records.at(-1)).toEqual({ line: 3, fields: ['A\uFFFD'] });
  });

  it('an unclosed quote is reported as a malformed record, not a crash', async () => {
    const { records } = await read(Buffer.from('a,b\n1,2\n"3,4\n5,6\n'), 64);
    expect(records).toContainEqual({ line: 2, fields: ['1', '2'] });
    expect(records.some((r) => 'malformed' in r)).toBe(true);
  });

  it('sniffs the delimiter from the header, ignoring quoted ones', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('"a;x",b,c')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('a|b')).toBe('|');
    expect(sniffDelimiter('solo')).toBe(',');
  });

  it('an empty file and a blank-only file are import errors', async () => {
    await expect(read(Buffer.from(''))).rejects.toMatchObject({ code: 'empty_file' });
    await expect(read(Buffer.from('\r\n\r\n'))).rejects.toMatchObject({ code: 'empty_file' });
  });
});

describe('key table', () => {
  it('remembers first lines and fingerprints through growth, without false duplicates', () => {
    const t = new KeyTable(16);
    for (let i = 0; i < 100_000; i++) expect(t.seen(`AC-${i}`, i + 2, i % 7)).toBeUndefined();
    expect(t.size).toBe(100_000);
    expect(t.seen('AC-0', 999)).toEqual({ line: 2, fingerprint: 0 });
    expect(t.seen('AC-99999', 999)).toEqual({ line: 100_001, fingerprint: 99_999 % 7 });
    expect(t.bump('x')).toBe(1);
    expect(t.bump('x')).toBe(2);
    expect(t.bump('x')).toBe(3);
  });

  it('without fingerprints, sized from a guess that was too small, still finds every duplicate', () => {
    const t = new KeyTable(10, false);
    for (let i = 0; i < 5_000; i++) t.seen(`K${i}`, i);
    for (let i = 0; i < 5_000; i += 97) expect(t.seen(`K${i}`, 99_999)).toEqual({ line: i, fingerprint: 0 });
    expect(t.seen('K5000', 1)).toBeUndefined();
    expect(t.size).toBe(5_001);
  });
});
