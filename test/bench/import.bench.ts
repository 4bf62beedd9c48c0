/**
 * Portfolio import at scale: a 1,000,000-row accounts CSV (500,000 debtors, two accounts each, two phones, ';'
 * separated with decimal commas, dd/mm/yyyy dates, generated once and cached in the temp dir) uploaded over
 * HTTP to a real server process, into PGlite and into PostgreSQL. Figures:
 *   import_rows_per_s_pglite / import_rows_per_s_pg — rows per second, upload start to final answer;
 *   import_peak_rss_mb — the server process's peak RSS (VmHWM, reset just before the upload) during the
 *   PostgreSQL import, goal ≤300 MB; import_peak_rss_mb_pglite — the same with embedded PGlite, whose WASM
 *   database heap (~250 MB before any row) lives in that process too.
 * The server runs in a child process (this file with RECAUDO_IMPORT_BENCH_CHILD=1) so its memory is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../server/node-flags';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchFigure } from './bench';

const ROWS = Number(process.env.RECAUDO_IMPORT_BENCH_ROWS ?? 1_000_000);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

/** Streams the CSV to `<tmp>/recaudo-bench/import-<rows>-v1.csv` once; later runs reuse it. */
export async function benchCsv(rows = ROWS): Promise<string> {
  const dir = join(tmpdir(), 'recaudo-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `import-${rows}-v1.csv`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.part`;
  const out = createWriteStream(partial, { highWaterMark: 1 << 20 });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Nro Cuenta;Tipo Doc;Documento;Nombre;País;Producto;Moneda;Saldo;Capital;Fecha Vencimiento;Departamento;Ciudad;Perfil;Teléfono;Teléfono 2\r\n');
  const names = ['José Pérez', 'María Gómez', 'Luis Rodríguez', 'Ana Martínez', 'Carlos López', 'Lucía Díaz', 'Jorge Muñoz', 'Sofía Ramírez'];
  const regions = ['ANT', 'DC', 'VAC', 'ATL', 'SAN', 'BOL'];
  const cities = ['Medellín', 'Bogotá', 'Cali', 'Barranquilla', 'Bucaramanga', 'Cartagena'];
  const products = ['tarjeta', 'consumo', 'libranza', 'vehiculo'];
  const profiles = ['occasional_late', 'chronic_late', 'first_default', 'unknown'];
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const d = i >> 1; // two accounts per debtor
    const doc = 10_000_000 + d;
    const bal = 100_000 + ((i * 7919) % 9_000_000);
    const balText = `${Math.floor(bal / 1000).toLocaleString('es-CO')}.${String(bal % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')}`;
    const day = 1 + (i % 28);
    const month = 1 + (i % 10);
    const mobile = `300${String(1_000_000 + (d % 8_999_999)).padStart(7, '0')}`;
    const land = `604${String(2_000_000 + (d % 7_999_999)).padStart(7, '0')}`;
    buf +=
      `AC-${String(i).padStart(8, '0')};CC;${doc};${names[d % 8]} ${d};CO;${products[i % 4]};COP;${balText};${balText};` +
      `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026;${regions[d % 6]};${cities[d % 6]};${profiles[d % 4]};` +
      `${mobile};${land}\r\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(partial, file);
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// Child: a server process with the import routes, on PGlite (RECAUDO_BENCH_DATA_DIR) or PostgreSQL (DATABASE_URL).
async function serveChild(): Promise<void> {
  const { openDatabase } = await import('../../server/db/open');
  const { buildServer } = await import('../../server/app');
  const { keyFromSecret } = await import('../../server/auth/keys');
  const { issueToken } = await import('../../server/auth/token');
  const { migratedWithImport, seedOrg } = await import('../../server/import/test-db');
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.RECAUDO_BENCH_DATA_DIR });
  await migratedWithImport(db);
  await seedOrg(db);
  if (process.env.RECAUDO_IMPORT_BENCH_CHILD === 'prepare') {
    // A server restarts on an existing database; creating it (initdb) is not part of what we measure.
    await db.close();
    process.exit(0);
  }
  const key = keyFromSecret(SECRET);
  // The real app, with the import routes as the integrator registers them (MINIMAL=1: the import routes alone,
  // to tell the importer's memory from the rest of the server's).
  let app;
  if (process.env.RECAUDO_IMPORT_BENCH_MINIMAL === '1') {
    const Fastify = (await import('fastify')).default;
    const { importRoutes } = await import('../../server/import/routes');
    const { authenticator } = await import('../../server/routes/protect');
    const ctx = { db, keys: [key], tokenTtlSeconds: 3600, version: 'bench' };
    app = Fastify();
    await app.register(importRoutes, { ctx, auth: authenticator(ctx) });
  } else {
    app = await buildServer({ db, jwtSecrets: [SECRET], databaseUrl: process.env.DATABASE_URL });
  }
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = issueToken({ id: 'u-admin', role: 'admin' }, key, 3600).token;
  console.log(JSON.stringify({ url, token }));
  process.on('SIGTERM', () => {
    void app.close().then(() => db.close()).finally(() => process.exit(0));
  });
}

if (process.env.RECAUDO_IMPORT_BENCH_CHILD === '1' || process.env.RECAUDO_IMPORT_BENCH_CHILD === 'prepare') await serveChild();

// ---------------------------------------------------------------------------------------------------------
function kbField(pid: number, field: string): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function prepare(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'import.bench.ts')], {
    cwd: root,
    env: { ...process.env, ...env, RECAUDO_IMPORT_BENCH_CHILD: 'prepare' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`preparing the bench database failed (${code})`);
}

async function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; token: string }> {
  await prepare(env);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', join(here, 'import.bench.ts')], {
    cwd: root,
    env: { ...process.env, ...env, RECAUDO_IMPORT_BENCH_CHILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before listening`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return { child, url, token };
}

function http(method: string, url: string, token: string, body?: string | { file: string }): Promise<{ status: number; json: { id?: string; good?: number } & Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    if (body && typeof body !== 'string') {
      headers['content-type'] = 'text/csv';
      headers['content-length'] = statSync(body.file).size;
    }
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
    });
    req.setTimeout(0);
    req.on('error', reject);
    if (body && typeof body !== 'string') createReadStream(body.file, { highWaterMark: 1 << 16 }).pipe(req);
    else req.end(body);
  });
}

async function importOnce(file: string, env: Record<string, string>): Promise<{ rowsPerS: number; peakMb: number }> {
  const { child, url, token } = await startChild(env);
  try {
    // Reset the peak-RSS mark (Linux clear_refs 5) so VmHWM covers the import, not the database's start-up.
    let reset = true;
    try {
      writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    } catch {
      reset = false;
    }
    const baseRss = kbField(child.pid!, 'VmRSS');
    const started = await http('POST', `${url}/api/v1/admin/imports`, token, JSON.stringify({ creditorId: 'cred-co', kind: 'accounts', options: { asOf: '2026-11-25' } }));
    if (started.status !== 201) throw new Error(`start failed: ${JSON.stringify(started.json)}`);
    const t0 = performance.now();
    const done = await http('PUT', `${url}/api/v1/admin/imports/${started.json.id}/file`, token, { file });
    const seconds = (performance.now() - t0) / 1000;
    if (done.status !== 200 || done.json.good !== ROWS) throw new Error(`import did not take every row: ${JSON.stringify(done.json).slice(0, 500)}`);
    const peakKb = kbField(child.pid!, 'VmHWM');
    console.error(
      `bench: ${env.DATABASE_URL ? 'postgres' : 'pglite'}: ${ROWS} rows in ${seconds.toFixed(1)} s; server RSS before the upload ` +
        `${(baseRss / 1024).toFixed(0)} MB, peak during it ${(peakKb / 1024).toFixed(0)} MB${reset ? '' : ' (peak includes start-up: clear_refs refused)'}`,
    );
    return { rowsPerS: Math.round(ROWS / seconds), peakMb: Math.round(peakKb / 1024) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const bench: Bench = {
  ids: ['import_rows_per_s_pglite', 'import_rows_per_s_pg', 'import_peak_rss_mb', 'import_peak_rss_mb_pglite'],
  async run(): Promise<BenchFigure[]> {
    const file = await benchCsv();
    const figures: BenchFigure[] = [];
    // `npm run bench -- import_rows_per_s_pg` (or import_peak_rss_mb) skips the slower PGlite half.
    const wanted = process.argv.slice(2).filter((a) => a.startsWith('import_'));
    const runs = (ids: string[]) => wanted.length === 0 || ids.some((id) => wanted.includes(id));
    const dataDir = mkdtempSync(join(tmpdir(), 'recaudo-import-bench-'));
    if (runs(['import_rows_per_s_pglite', 'import_peak_rss_mb_pglite'])) try {
      const lite = await importOnce(file, { RECAUDO_BENCH_DATA_DIR: dataDir });
      figures.push({ id: 'import_rows_per_s_pglite', value: lite.rowsPerS, unit: 'rows/s' });
      // The embedded database lives in the same process: its WASM heap is part of this figure.
      figures.push({ id: 'import_peak_rss_mb_pglite', value: lite.peakMb, unit: 'MB' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    else rmSync(dataDir, { recursive: true, force: true });
    if (!runs(['import_rows_per_s_pg', 'import_peak_rss_mb'])) return figures;
    const { startPostgres } = await import('../support/postgres');
    const cluster = await startPostgres();
    try {
      const url = await cluster.createDatabase('import_bench');
      const pg = await importOnce(file, { DATABASE_URL: url });
      figures.push({ id: 'import_rows_per_s_pg', value: pg.rowsPerS, unit: 'rows/s' });
      // The server process alone (the database is another process): what the importer itself holds.
      figures.push({ id: 'import_peak_rss_mb', value: pg.peakMb, unit: 'MB' });
    } finally {
      await cluster.stop();
    }
    return figures;
  },
};
export default bench;
