/**
 * Central server figures: generating and seeding the 2,000-debtor demo (PGlite and PostgreSQL), a full
 * in-memory start with the demo (what tests and the browser host pay), and a 1,000-account portfolio page.
 */
import { migrate } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations';
import { openPostgres } from '../../server/db/postgres';
import { generateDemoPortfolio } from '../../server/demo/generate';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seed';
import { startServer } from '../../server/start';
import type { Bench, BenchFigure } from './bench';
import { startPostgres } from '../support/postgres';

const AS_OF = '2026-11-25';

const bench: Bench = {
  ids: [
    'demo_generate_2000_ms',
    'server_start_demo_pglite_ms',
    'demo_seed_2000_pglite_ms',
    'demo_seed_2000_pg_ms',
    'portfolio_page_1000_pglite_ms',
  ],
  async run() {
    const figures: BenchFigure[] = [];
    let t = performance.now();
    const demo = generateDemoPortfolio({ seed: 'bench', asOf: AS_OF });
    figures.push({ id: 'demo_generate_2000_ms', value: Math.round(performance.now() - t), unit: 'ms' });

    t = performance.now();
    const server = await startServer({ demo: { seed: 'bench', debtors: 2000, asOf: AS_OF } });
    figures.push({ id: 'server_start_demo_pglite_ms', value: Math.round(performance.now() - t), unit: 'ms' });
    try {
      figures.push({ id: 'demo_seed_2000_pglite_ms', value: server.seeded?.ms ?? NaN, unit: 'ms' });
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin1', password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        const res = await fetch(`${server.url}/api/v1/portfolio?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`portfolio page: HTTP ${res.status}`);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      figures.push({ id: 'portfolio_page_1000_pglite_ms', value: Math.round(times[3]!), unit: 'ms' });
    } finally {
      await server.close();
    }

    const cluster = await startPostgres();
    try {
      const db = await openPostgres(await cluster.createDatabase('bench'));
      try {
        await migrate(db, migrations);
        const seeded = await seedDemo(db, demo);
        figures.push({ id: 'demo_seed_2000_pg_ms', value: seeded.ms, unit: 'ms' });
      } finally {
        await db.close();
      }
    } finally {
      await cluster.stop();
    }
    return figures;
  },
};

export default bench;
