/**
 * A creditor's CSV, streamed: bytes → text (./decode) → csv-parse → records with the physical line each starts
 * on. The delimiter is sniffed from the header line (',' ';' tab '|', outside quotes). Nothing is held beyond
 * the parser's current record and the stream buffers, so memory does not grow with the file.
 */
import { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { decodeText, type TextEncoding } from './decode';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvRecord {
  /** Physical line where the record starts (the header is line 1 in a file without blank lines before it). */
  line: number;
  fields: string[];
}

export interface CsvSource {
  encoding: TextEncoding;
  delimiter: Delimiter;
  header: string[];
  headerLine: number;
  records: AsyncGenerator<CsvRecord | CsvMalformed>;
}

/** A record csv-parse could not read (an unclosed quote…): reported as a defect, the import goes on. */
export interface CsvMalformed {
  line: number;
  malformed: string;
}

export class CsvFileError extends Error {
  constructor(
    readonly code: 'empty_file' | 'no_header',
    message: string,
  ) {
    super(message);
  }
}

const CANDIDATES: Delimiter[] = [';', ',', '\t', '|'];

export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  let max = 0;
  for (const d of CANDIDATES) {
    if (counts.get(d)! > max) {
      max = counts.get(d)!;
      best = d;
    }
  }
  return best;
}

/** Line breaks inside a record's quoted fields: all of them, and the CRLF pairs among them. */
function breaksIn(fields: string[]): { breaks: number; crlf: number } {
  let breaks = 0;
  let crlf = 0;
  for (const f of fields) {
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    breaks += (f.match(/\r\n|\r|\n/g) ?? []).length;
    crlf += (f.match(/\r\n/g) ?? []).length;
  }
  return { breaks, crlf };
}

/**
 * csv-parse's `info.lines` is the line a record ends on, except that it counts a CRLF inside quotes as two
 * lines; `extra` carries that surplus so every reported line is the physical one, and the start line is the
 * end line minus the breaks inside the record.
 */
function lineTracker() {
  let extra = 0;
  return (endLine: number, fields: string[]): number => {
    const { breaks, crlf } = breaksIn(fields);
    extra += crlf;
    return endLine - extra - breaks;
  };
}

export async function openCsv(
  bytes: AsyncIterable<Uint8Array>,
  opts: { encoding: TextEncoding | 'auto'; delimiter: Delimiter | 'auto' },
): Promise<CsvSource> {
  let encoding: TextEncoding = 'utf-8';
  const text = decodeText(bytes, opts.encoding, (e) => (encoding = e));
  // Read text until the first line break to sniff the delimiter; then replay it into the parser.
  let head = '';
  let done = false;
  while (!/[\r\n]/.test(head)) {
    const next = await text.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  if (head.trim() === '') throw new CsvFileError('empty_file', 'the file is empty');
  const delimiter = opts.delimiter === 'auto' ? sniffDelimiter(head.split(/\r?\n|\r/, 1)[0]!) : opts.delimiter;

  // csv-parse counts a CR at the end of one chunk and the LF starting the next as two lines: never split a CRLF.
  async function* replay(): AsyncGenerator<string> {
    let carry = '';
    const emit = (t: string): string | null => {
      const s = carry + t;
      if (s.endsWith('\r')) {
        carry = '\r';
        return s.length > 1 ? s.slice(0, -1) : null;
      }
      carry = '';
      return s;
    };
    const first = emit(head);
    if (first) yield first;
    if (!done) {
      for await (const t of text) {
        const out = emit(t);
        if (out) yield out;
      }
    }
    if (carry) yield carry;
  }
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const malformed: CsvMalformed[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => malformed.push({ line: err.lines ?? 0, malformed: err.message }));
  Readable.from(replay(), { objectMode: false }).on('error', (e) => parser.destroy(e)).pipe(parser);

  const it = (parser as AsyncIterable<{ info: Info; record: string[] }>)[Symbol.asyncIterator]();
  let first = await it.next();
  while (!first.done && first.value.record.every((f) => f.trim() === '')) first = await it.next();
  if (first.done) throw new CsvFileError('no_header', 'the file has no header row');
  const startLine = lineTracker();
  const header = first.value.record.map((h) => h.trim());
  const headerLine = startLine(first.value.info.lines, first.value.record);

  async function* records(): AsyncGenerator<CsvRecord | CsvMalformed> {
    try {
      for (;;) {
        const n = await it.next();
        while (malformed.length) yield malformed.shift()!;
        if (n.done) break;
        const { info, record } = n.value;
        yield { line: startLine(info.lines, record), fields: record };
      }
    } finally {
      parser.destroy();
    }
  }
  return {
    get encoding() {
      return encoding;
    },
    delimiter,
    header,
    headerLine,
    records: records(),
  } as CsvSource;
}
