/**
 * The follow-up calendar with thousands of items (a desk with 5,000 pending callbacks): each group says its total,
 * paints only its first rows, and "Ver N más" pages in more. The queue header's counts are the host's totals over
 * the whole queue, not a count of the rows the desk loaded.
 */
import { expect, openAndLogin, test } from '../fixtures';

const MANY = 5_000;
const PAGE = 25;

/** Unwraps the bridge's envelope (`{ ok, value }`), failing on an error. */
function value<T>(env: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!env.ok) throw new Error(env.error.message);
  return env.value;
}

test.afterEach(async ({ stack, page }) => {
  stack.desk.desk.db.prepare("DELETE FROM callbacks WHERE id LIKE 'e2e-many-%'").run();
  if (!page.isClosed()) await page.evaluate(() => window.recaudo?.session.logout()).catch(() => undefined);
});

test('5,000 overdue callbacks: the group says 5,000, paints 25 rows, and "Ver 25 más" pages in 25 more', async ({ page, stack }) => {
  const db = stack.desk.desk.db;
  await openAndLogin(page, stack);
  const debtorId = db.prepare("SELECT debtor_id FROM accounts WHERE assigned_agent_id = 'u-agent1' LIMIT 1").pluck().get() as string;
  expect(debtorId).toBeTruthy();
  const before = value(await page.evaluate(() => window.recaudo!.negotiation.agenda({ range: 'today' })));
  const insert = db.prepare(`INSERT INTO callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, status)
    VALUES (?, ?, NULL, 'u-agent1', ?, 'America/Bogota', 'pending')`);
  const now = Date.now();
  db.transaction(() => {
    // Overdue whatever the browser's zone: one to five hours ago, a second apart.
    for (let k = 0; k < MANY; k++) insert.run(`e2e-many-${String(k).padStart(5, '0')}`, debtorId, new Date(now - 3_600_000 - k * 1_000).toISOString());
  })();
  await page.reload();
  const overdue = page.locator('[data-testid="followup"] .fu-group[data-group="overdue"]');
  const total = before.totals.overdue + MANY;
  await expect(page.getByTestId('followup-total-overdue')).toHaveText(String(total), { timeout: 20_000 });
  await expect(overdue.locator('.fu-row')).toHaveCount(PAGE);
  // The host sent no more than the cap either.
  const capped = value(await page.evaluate((limit) => window.recaudo!.negotiation.agenda({ range: 'today', limit }), PAGE));
  expect(capped.overdue).toHaveLength(PAGE);
  expect(capped.totals.overdue).toBe(total);

  await overdue.getByRole('button', { name: `Ver ${PAGE} más` }).click();
  await expect(overdue.locator('.fu-row')).toHaveCount(2 * PAGE);
  // The page stays light: nowhere near one element per callback.
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3_000);
});

test('the queue header counts the whole queue, not the rows the desk loaded', async ({ page, stack }) => {
  await openAndLogin(page, stack);
  const all = value(await page.evaluate(() => window.recaudo!.portfolio.queue({})));
  const top = value(await page.evaluate(() => window.recaudo!.portfolio.queuePage({ limit: 5 })));
  expect(top.items.map((i) => i.accountId)).toEqual(all.slice(0, 5).map((i) => i.accountId));
  const deferred = all.filter((i) => i.deferredUntil !== null).length;
  expect(top.totals).toMatchObject({ accounts: all.length, deferred });
  expect(top.segments).toEqual([...new Set(all.map((i) => i.segment))].sort());
  await expect(page.getByTestId('queue-count')).toContainText(`${all.length} cuentas`);
});
