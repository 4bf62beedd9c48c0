/**
 * A desk's sync engine in its own process, for the kill -9 test: `desk-child.ts <store-file> <key-hex> <url>`.
 * Pushes the store's outbox in small batches, forever, until the parent kills it.
 */
import { openTestDesk } from './harness';

const [file, keyHex, url] = process.argv.slice(2) as [string, string, string];
const desk = openTestDesk(file, Buffer.from(keyHex, 'hex'), { baseUrl: () => url, batchSize: 10, timeoutMs: 30_000 });
process.stdout.write('pushing\n');
for (;;) {
  const r = await desk.engine.syncNow();
  process.stdout.write(`round ${JSON.stringify(r)}\n`);
  await new Promise((res) => setTimeout(res, 10));
}
