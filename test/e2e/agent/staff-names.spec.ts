/**
 * Who did what on the debtor's card, in people's words: the agent's own contacts and notes say "usted" ("you" in
 * English), a colleague's their name from the staff directory the sync pull brings, never a user id; a colleague
 * renamed on the server shows under the new name on the open card without reopening it.
 */
import { resolve } from 'node:path';
import { expect, openAndLogin, test } from '../fixtures';

const SHOTS = resolve('docs/screenshots');
const USER_ID = /\bu-(agent|lead|admin)\d+\b/;

test('the card names colleagues, says usted for the agent, and follows a rename', async ({ page, stack }) => {
  await openAndLogin(page, stack, 'agent1');
  // One of agent1's debtors whom both agent1 and a colleague have called (unique document, so search finds one).
  const [row] = await stack.server.db.query<{ id: string; full_name: string; document_id: string; colleague: string; name: string }>(
    `SELECT d.id, d.full_name, d.document_id, u.id AS colleague, u.display_name AS name
       FROM debtors d JOIN contacts c ON c.debtor_id = d.id JOIN users u ON u.id = c.agent_id
       JOIN users me ON me.username = 'agent1'
      WHERE u.id <> me.id AND d.country = 'CO'
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.debtor_id = d.id AND a.assigned_agent_id = me.id AND a.status = 'active')
        AND EXISTS (SELECT 1 FROM contacts c2 WHERE c2.debtor_id = d.id AND c2.agent_id = me.id)
        AND (SELECT count(*) FROM debtors d2 WHERE d2.document_id = d.document_id) = 1
      ORDER BY d.id LIMIT 1`,
  );
  expect(row, 'a debtor of agent1 with a colleague in their history').toBeTruthy();
  const debtor = row!;

  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill(debtor.document_id);
  await expect(page.locator('.hit', { hasText: debtor.full_name })).toBeVisible();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('debtor-card');
  await expect(card).toHaveAttribute('data-debtor', debtor.id);
  const timeline = card.locator('.timeline');
  await expect(timeline).toContainText(debtor.name);
  await expect(timeline).toContainText('saliente · usted');
  await expect(timeline).not.toContainText(USER_ID);

  // The agent's own note: "usted", the id kept for whoever hovers.
  await page.keyboard.press('Alt+N');
  await page.keyboard.type(`Nombres en el historial (${Date.now()})`);
  await page.keyboard.press('Enter');
  const mine = page.getByTestId('notes').locator('.note-agent').first();
  await expect(mine).toHaveText('usted');
  await page.locator('.col-debtor .col-body').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/agent-card-names-1366x768.png` });

  // A colleague renamed on the server: the live channel wakes the desk, the pull brings the name, the card re-reads.
  const renamed = `${debtor.name} Ríos`;
  try {
    await stack.server.db.query('UPDATE users SET display_name = $1 WHERE id = $2', [renamed, debtor.colleague]);
    await expect(timeline).toContainText(renamed, { timeout: 15_000 });
  } finally {
    await stack.server.db.query('UPDATE users SET display_name = $1 WHERE id = $2', [debtor.name, debtor.colleague]);
  }

  // In English the agent is "you".
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+L');
  await expect(timeline).toContainText('outbound · you');
  await expect(mine).toHaveText('you');
  await page.getByRole('button', { name: 'es', exact: true }).click();
  await expect(timeline).toContainText('saliente · usted');
});
