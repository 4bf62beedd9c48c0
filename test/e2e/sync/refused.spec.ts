import { expect, openAndLogin, startStack, stopStack, test } from '../fixtures';

// A note written for a debtor the server has meanwhile given to another agent is refused at push: the desk
// keeps it and tells the agent why, in their language.
test('a mutation the server refuses is kept and shown to the agent with the reason', async ({ page }) => {
  const stack = await startStack();
  try {
    await openAndLogin(page, stack, 'agent1');
    const first = page.getByTestId('queue-list').locator('.queue-row').first();
    await expect(first).toBeVisible();
    await first.click();
    const debtorId = await page.evaluate(async () => {
      const env = await window.recaudo!.portfolio.queue({ limit: 1 });
      return env.ok ? env.value[0]!.debtorId : '';
    });
    // The admin reassigns that debtor on the server (as an assignment would), before the desk hears of it.
    const [agent2] = await stack.server.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'agent2'`);
    await stack.server.db.query('UPDATE accounts SET assigned_agent_id = $1 WHERE debtor_id = $2', [agent2!.id, debtorId]);

    const saved = await page.evaluate(async (id) => window.recaudo!.notes.add({ debtorId: id, text: 'Acordó llamar el lunes' }), debtorId);
    expect(saved).toMatchObject({ ok: true });

    const refused = page.getByTestId('sync-refused');
    await expect(refused).toHaveText(/1 rechazado por el servidor/, { timeout: 20_000 });
    await refused.click();
    await expect(page.locator('#sync-refused-list')).toContainText(/Nota · .*ya no está asignada a usted/);
    // Kept on the desk, not dropped: still listed after another sync round.
    const still = await page.evaluate(async () => {
      const env = await window.recaudo!.sync.refused({});
      return env.ok ? env.value.map((r) => r.kind) : [];
    });
    expect(still).toEqual(['note.add']);
    await page.getByRole('button', { name: 'en', exact: true }).click();
    await expect(page.locator('#sync-refused-list')).toContainText(/Note · /);
    await page.screenshot({ path: 'docs/screenshots/sync-refused-1366x768.png' });
  } finally {
    await page.close();
    await stopStack(stack);
  }
});
