import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, openAndLogin, test } from '../fixtures';
import { STORE_FILE } from '../../../main/services/desk';

test('login brings agent1’s accounts from the encrypted store through the browser-host bridge', async ({ page, stack }) => {
  await openAndLogin(page, stack, 'agent1');

  // What the server assigned to agent1 is what the queue shows.
  const assigned = await stack.server.db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM accounts a JOIN users u ON u.id = a.assigned_agent_id WHERE u.username = 'agent1' AND a.status = 'active'`,
  );
  const n = Number(assigned[0]!.n);
  expect(n).toBeGreaterThan(10);
  const queue = page.getByRole('listbox', { name: /prioridad|priority/i });
  await expect(queue.getByRole('option').first()).toBeVisible();

  // The bridge is the same typed API the preload exposes: call it from the page like the renderer does.
  const viaBridge = await page.evaluate(async () => {
    const env = await window.recaudo!.portfolio.queue({ limit: 10_000 });
    return env.ok ? env.value.length : -1;
  });
  expect(viaBridge).toBe(n);

  // A malformed call from the page is refused with the field named.
  const bad = await page.evaluate(async () => {
    const card = window.recaudo!.portfolio.card as unknown as (i: unknown) => Promise<unknown>;
    return card({ debtorId: 7 });
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'debtorId' }] } });

  // The store on disk is encrypted: a debtor's name shown on screen is not in the file's bytes…
  const firstName = (await queue.getByRole('option').first().locator('.queue-name').textContent())!.trim();
  expect(firstName.length).toBeGreaterThan(3);
  const bytes = readFileSync(join(stack.userDataDir, STORE_FILE));
  expect(bytes.includes(Buffer.from(firstName.split(' ')[0]!, 'utf8'))).toBe(false);
  expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

  // …and it cannot be opened without the key, nor with a wrong one.
  for (const key of [null, 'not-the-key']) {
    const db = new Database(join(stack.userDataDir, STORE_FILE), { readonly: true, fileMustExist: true });
    try {
      if (key) {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma(`key='${key}'`);
      }
      expect(() => db.prepare('SELECT count(*) FROM debtors').get()).toThrow(/not a database|file is encrypted/i);
    } finally {
      db.close();
    }
  }
});
