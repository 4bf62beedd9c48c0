import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/port';
import { portfolioPage } from '../../server/portfolio/page';
import { pullPage } from '../../server/sync/pull';
import { testBackends } from '../../server/testing/backends';
import { findUserById } from '../../server/users/repository';
import { SliceWriter } from '../../main/services/portfolio/slice-writer';
import { openStore } from '../../main/services/store/open';
import { createPullApplier } from '../../main/services/sync/pull-apply';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { AGENT1, seedOrg } from './harness';

describe.each(testBackends())('a first pull and a whole-slice refresh at the same time on $name', (backend) => {
  let db: Database;
  const tmp = tempDir('recaudo-sync-gen-');
  beforeAll(async () => {
    db = await backend.fresh();
    await seedOrg(db, 12);
  });
  afterAll(async () => {
    await db?.close();
    await backend.dispose();
    tmp.cleanup();
  });

  it("the refresh's sweep keeps what the pull wrote after the refresh began", async () => {
    const user = (await findUserById(db, AGENT1))!;
    const { db: store } = openStore({ file: join(tmp.dir, 'gen.db'), key: testKey() });
    const applier = createPullApplier(store);
    applier.ensureOwner(AGENT1);
    const first = await pullPage(db, user, { limit: 4 });
    const last = await pullPage(db, user, { cursor: first.cursor, limit: 4 });
    expect([first.full, last.full]).toEqual(['page', 'last']);

    applier.apply(first, null); // the pull begins its generation…
    const refresh = new SliceWriter(store);
    const gen = refresh.begin(); // …a refresh begins a newer one and writes the whole slice…
    refresh.applyPage(gen, (await portfolioPage(db, user, { limit: 100 })).slice);
    applier.apply(last, first.cursor); // …the pull writes its last page…
    refresh.finish(gen); // …and the refresh sweeps what its generation did not see.

    const accounts = store.prepare('select id from accounts order by id').pluck().all();
    const expected = (await db.query<{ id: string }>("select id from accounts where assigned_agent_id = $1 order by id", [AGENT1])).map((r) => r.id);
    expect(accounts).toEqual([...expected].sort());
    store.close();
  });
});
