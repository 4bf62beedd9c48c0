import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { m0001 } from '../store/migrations/0001-initial';
import { m0002 } from '../store/migrations/0002-search';
import { m0003 } from '../store/migrations/0003-sync-wire';
import { m0004 } from '../store/migrations/0004-negotiation';
import { openStore } from '../store/open';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { tempDir, testKey } from '../testing/temp';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

it('0004 keeps existing promises and contacts, adds terms/script columns with empty defaults, and the agenda indexes', () => {
  const t = tempDir();
  dirs.push(t);
  const file = join(t.dir, 'store.db');
  const key = testKey();
  const before = openStore({ file, key, migrations: [m0001, m0002, m0003] }).db;
  const slice = demoSlice({ debtors: 20 });
  replaceSlice(before, slice);
  const promises = before.prepare('SELECT count(*) FROM promises').pluck().get() as number;
  const contacts = before.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  expect(promises).toBeGreaterThan(0);
  before.close();

  const { db, migration } = openStore({ file, key, migrations: [m0001, m0002, m0003, m0004] });
  expect(migration.applied).toEqual(['4-negotiation']);
  expect(db.prepare('SELECT count(*) FROM promises WHERE terms IS NULL').pluck().get()).toBe(promises);
  expect(db.prepare("SELECT count(*) FROM contacts WHERE disclosures = '[]' AND reason_text = '' AND script_id IS NULL").pluck().get()).toBe(contacts);
  const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM promises WHERE agent_id = 'u-agent1' AND status IN ('pending', 'partial')").all() as Array<{ detail: string }>;
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/promises_agent_status/);
  db.close();
});
