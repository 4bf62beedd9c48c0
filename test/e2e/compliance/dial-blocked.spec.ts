/**
 * A blocked dial in the real UI (server + desk + browser host + Chromium): the desk's clock is set to 23:30 in
 * New York, the agent sits in Mexico City. Clicking "Llamar" on a New York debtor's phone runs the compliance
 * check on the desk and shows, in the debtor column, why and when — in the debtor's zone and the agent's clock —
 * recorded in the audit log; then the same panel in English. Screenshots at 1366×768 in docs/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, openAndLogin, startStack, stopStack, test, type Stack } from '../fixtures';
import '../agent/window.d';

const SHOTS = resolve('docs/screenshots');
mkdirSync(SHOTS, { recursive: true });

// Wednesday 25 November 2026, 23:30 in New York (EST, UTC−5); 22:30 in Mexico City (UTC−6, no DST since 2022).
const NIGHT = new Date('2026-11-26T04:30:00.000Z');
// The next morning, 10:00 in New York.
const MORNING = new Date('2026-11-26T15:00:00.000Z');
let deskNow = NIGHT;

test.describe('compliance: a blocked dial says why and when', () => {
  test.use({ timezoneId: 'America/Mexico_City' });
  let stack: Stack;
  test.beforeAll(async () => {
    stack = await startStack({ desk: { now: () => deskNow } });
  });
  test.afterAll(async () => {
    await stopStack(stack);
  });

  test('in Spanish and in English, with the next allowed moment in both clocks', async ({ page }) => {
    await openAndLogin(page, stack, 'agent1');
    // A New York debtor of agent1 with a 212/646/718/917/347 number (the phone's zone is New York too).
    const target = await page.evaluate(async () => {
      const q = await window.recaudo!.portfolio.queue({});
      if (!q.ok) throw new Error(q.error.message);
      const seen = new Set<string>();
      for (const item of q.value) {
        if (item.timeZone !== 'America/New_York' || seen.has(item.debtorId)) continue;
        seen.add(item.debtorId);
        const c = await window.recaudo!.portfolio.card({ debtorId: item.debtorId });
        if (!c.ok || c.value.debtor.country !== 'US' || c.value.debtor.flags.length > 0) continue;
        const p = c.value.phones.find((x) => x.valid && x.status === 'ok' && /^\+1(212|646|718|917|347|332|929)/.test(x.e164));
        if (p) return { id: c.value.debtor.id, name: c.value.debtor.fullName, e164: p.e164 };
      }
      return null;
    });
    expect(target, 'agent1 has a New York debtor with a New York number in the demo portfolio').not.toBeNull();
    const { id, name, e164 } = target!;

    // The queue already shows New York accounts deferred until 08:00 their time.
    await expect(page.getByTestId('queue-list').locator('.queue-row.is-deferred').first()).toBeVisible();

    await page.keyboard.press('Control+K');
    await page.getByTestId('search-input').fill(name);
    await page.locator('.hit', { hasText: name }).first().click();
    const card = page.getByTestId('debtor-card');
    await expect(card).toHaveAttribute('data-debtor', id);

    const auditBefore = await page.evaluate(async () => (await window.recaudo!.compliance.attempts({ debtorId: 'x' })).ok);
    expect(auditBefore).toBe(false); // an agent may not review the audit log

    const dialButton = card.locator(`li.phone[data-e164="${e164}"]`).getByRole('button', { name: /^Llamar al / });
    await dialButton.click();
    const panel = page.getByTestId('dial-blocked');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading')).toContainText('No se puede llamar al +1');
    await expect(panel.locator('.dial-reasons li').first()).toHaveText(
      'Fuera del horario permitido en la zona del deudor (08:00–21:00 America/New_York); allí son las 23:30 del miércoles 25 de noviembre.',
    );
    await expect(page.getByTestId('dial-next')).toHaveText(
      'Próximo momento permitido: mañana 08:00 (America/New_York) — 07:00 su hora',
    );
    await expect(panel).toContainText('Intento registrado en la auditoría.');
    await expect(panel).toContainText('Solo un supervisor puede autorizar una excepción.');
    // Not a modal: the focus stays where the agent put it.
    await expect(dialButton).toBeFocused();
    await expect(panel.getByRole('button', { name: 'Autorizar excepción' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/compliance-dial-blocked-1366x768.png` });

    // The block is in the audit log, with the reason and the next allowed moment.
    const blocked = await page.evaluate(async (debtorId) => {
      const env = await window.recaudo!.compliance.checkDial({ debtorId, phoneE164: '+12125550199', channel: 'call' });
      return env.ok ? env.value : null;
    }, id);
    expect(blocked).toMatchObject({ allowed: false, nextAllowedAt: '2026-11-26T13:00:00.000Z', debtorZone: 'America/New_York' });

    // English: the same panel re-words itself.
    await page.getByRole('button', { name: 'en', exact: true }).click();
    await expect(page.getByRole('heading', { name: /Queue/ })).toBeVisible();
    await expect(panel.getByRole('heading')).toContainText('You cannot call +1');
    await expect(panel.locator('.dial-reasons li').first()).toHaveText(
      "Outside the allowed hours in the debtor's zone (08:00–21:00 America/New_York); it is 11:30 PM on Wednesday, November 25 there.",
    );
    await expect(page.getByTestId('dial-next')).toHaveText('Next allowed moment: tomorrow 08:00 (America/New_York) — 07:00 your time');
    await expect(panel).toContainText('Only a lead can authorize an exception.');
    await page.screenshot({ path: `${SHOTS}/compliance-dial-blocked-en-1366x768.png` });

    await panel.getByRole('button', { name: 'Got it' }).click();
    await expect(panel).toBeHidden();
    await page.getByRole('button', { name: 'es', exact: true }).click();
    await expect(page.getByRole('heading', { name: /Cola/ })).toBeVisible();

    // At 10:00 New York time the same dial is allowed; this seat has no softphone, and says so.
    deskNow = MORNING;
    await dialButton.click();
    await expect(page.getByTestId('dial-not-connected')).toHaveText(
      /^Softphone no conectado: la llamada al \+1 [\d ]+ está permitida y quedó registrada, pero este puesto no tiene teléfono\./,
    );
    await expect(panel).toBeHidden();
    await page.evaluate(() => window.recaudo?.session.logout());
  });

  test('a lead authorizes an exception with a required reason, recorded with their name', async ({ page }) => {
    deskNow = NIGHT;
    await openAndLogin(page, stack, 'lead1');
    // The lead's slice is their team's: a New York debtor with a New York number.
    const target = await page.evaluate(async () => {
      const q = await window.recaudo!.portfolio.queue({});
      if (!q.ok) throw new Error(q.error.message);
      for (const item of q.value) {
        if (item.timeZone !== 'America/New_York') continue;
        const c = await window.recaudo!.portfolio.card({ debtorId: item.debtorId });
        if (!c.ok || c.value.debtor.flags.length > 0) continue;
        const p = c.value.phones.find((x) => x.valid && x.status === 'ok' && /^\+1(212|646|718|917|347|332|929)/.test(x.e164));
        if (p) return { id: c.value.debtor.id, name: c.value.debtor.fullName, e164: p.e164 };
      }
      return null;
    });
    expect(target, 'lead1 sees a New York debtor of the team').not.toBeNull();
    await page.keyboard.press('Control+K');
    await page.getByTestId('search-input').fill(target!.name);
    await page.locator('.hit', { hasText: target!.name }).first().click();
    const card = page.getByTestId('debtor-card');
    await expect(card).toHaveAttribute('data-debtor', target!.id);
    await card.locator(`li.phone[data-e164="${target!.e164}"]`).getByRole('button', { name: /^Llamar al / }).click();
    const panel = page.getByTestId('dial-blocked');
    await expect(panel.locator('.dial-reasons li').first()).toContainText('Fuera del horario permitido');

    await panel.getByRole('button', { name: 'Autorizar excepción' }).click();
    const reason = panel.getByLabel('Motivo de la excepción (obligatorio)');
    await expect(reason).toBeVisible();
    // An empty reason is refused beside the field, before asking the desk.
    await panel.getByRole('button', { name: 'Autorizar y llamar' }).click();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('Escriba el motivo (mínimo 5 caracteres).');
    await reason.fill('El deudor pidió por correo que lo llamemos hoy a esta hora');
    await page.screenshot({ path: `${SHOTS}/compliance-dial-override-1366x768.png` });
    await panel.getByRole('button', { name: 'Autorizar y llamar' }).click();
    const done = page.getByTestId('dial-not-connected');
    await expect(done).toContainText('Softphone no conectado');
    await expect(done).toContainText('Excepción autorizada por Carmen Salgado: El deudor pidió por correo que lo llamemos hoy a esta hora');

    // Recorded: the lead reviews this debtor's attempts and finds the override; the audit chain verifies.
    const review = await page.evaluate(async (debtorId) => {
      const a = await window.recaudo!.compliance.attempts({ debtorId });
      const v = await window.recaudo!.compliance.verifyAudit({});
      return { attempts: a.ok ? a.value : null, verdict: v.ok ? v.value : null };
    }, target!.id);
    expect(review.attempts).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'contact_override', actor: 'u-lead1', status: 'compliant' })]));
    expect(review.verdict).toMatchObject({ ok: true });
    await page.evaluate(() => window.recaudo?.session.logout());
  });
});
