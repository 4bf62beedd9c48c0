/**
 * The guided call end to end on the real stack (central server with the demo portfolio + desk + browser host +
 * Chromium): open a debtor from the queue → right-party verification → disclosures → reason → offers → promise
 * form (each policy breach refused with its message) → read-back confirmed by the debtor → disposition → the
 * follow-up calendar. And a failed verification that never shows the debt. Screenshots at 1366×768 in
 * docs/screenshots/negotiation-*.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { addBusinessDays, isBusinessDay } from '../../../shared/calendar';
import { formatMoney, type CurrencyCode } from '../../../shared/money';
import { expect, openAndLogin, test, type Stack } from '../fixtures';

const SHOTS = resolve('docs/screenshots');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/negotiation-${name}.png` });

interface Target extends Record<string, unknown> {
  debtor_id: string; full_name: string; document_id: string; birth_date: string; account_id: string; account_number: string;
  balance_minor: number; currency: string; time_zone: string;
}

/** Colombian debtors of agent1 with one active account, a birth date on file and no contact restriction. */
async function targets(stack: Stack): Promise<Target[]> {
  return stack.server.db.query<Target>(
    `select d.id as debtor_id, d.full_name, d.document_id, d.birth_date, a.id as account_id, a.account_number, a.balance_minor,
            a.currency, d.time_zone
       from accounts a join debtors d on d.id = a.debtor_id join users u on u.id = a.assigned_agent_id
      where u.username = 'agent1' and a.status = 'active' and d.country = 'CO' and d.birth_date is not null and d.flags = '{}'
        and a.balance_minor > 0
        and (select count(*) from accounts x where x.debtor_id = d.id and x.status = 'active') = 1
      order by a.balance_minor desc`,
  );
}

async function openFromQueue(page: Page, t: Target): Promise<void> {
  await expect(page.getByTestId('queue-list').locator('.queue-row').first()).toBeVisible({ timeout: 20_000 });
  const row = page.locator(`.queue-row[data-account="${t.account_number}"]`);
  if ((await row.count()) > 0) {
    await row.scrollIntoViewIfNeeded();
    await row.click();
  } else {
    // Not among the rows on screen: find the debtor by document (F3), as an agent would.
    await page.keyboard.press('F3');
    await page.getByTestId('search-input').fill(t.document_id);
    await expect(page.locator('.hit', { hasText: t.full_name })).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('debtor-card')).toHaveAttribute('data-debtor', t.debtor_id);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test.afterEach(async ({ page }) => {
  if (page.isClosed()) return;
  await page.evaluate(() => Promise.race([window.recaudo?.session.logout(), new Promise((r) => setTimeout(r, 2_000))])).catch(() => undefined);
});

test('a whole guided call: verification → disclosure → reason → offers → promise → read-back → disposition', async ({ page, stack }) => {
  const [t] = await targets(stack);
  expect(t, 'a Colombian debtor of agent1 in the demo portfolio').toBeDefined();
  await openAndLogin(page, stack, 'agent1');
  await openFromQueue(page, t!);
  const col = page.getByTestId('call-column');
  const balanceText = formatMoney({ amountMinor: t!.balance_minor, currency: t!.currency as CurrencyCode }, 'es-CO', { display: 'code' });

  // Alt+G starts the guided call on the open debtor: greeting, nothing about the debt.
  await page.keyboard.press('Alt+G');
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'saludo');
  await expect(col.getByTestId('call-say')).toContainText(t!.full_name);
  await expect(col.getByTestId('debt-locked')).toBeVisible();
  await expect(col).not.toContainText(balanceText);
  await page.keyboard.press('1'); // «Sí, es el titular»
  // Recording notice: Enter is refused until it is ticked.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'aviso');
  await expect(col.locator('[data-call-primary="true"]')).toBeDisabled();
  await col.getByTestId('disclosure-co_grabacion').getByRole('checkbox').check();
  await page.keyboard.press('Enter');

  // Verification: last four digits of the document and the date of birth as people say it.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'verificacion');
  const digits = t!.document_id.replace(/\D/g, '');
  await col.getByTestId('verify-document_last4').fill(digits.slice(-4));
  await col.getByTestId('verify-birth_date').fill(dmy(t!.birth_date));
  await shot(page, '01-verification');
  await col.getByTestId('verify-birth_date').press('Enter');

  // Verified: the debt is speakable now, and the collection disclosure is mandatory before anything else.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'divulgacion');
  await expect(col.getByTestId('debt-details')).toContainText(balanceText);
  await expect(col.getByTestId('disclosure-co_identificacion')).toContainText(t!.account_number.replace(/\D/g, '').slice(-4));
  await shot(page, '02-disclosure');
  await col.getByTestId('disclosure-co_identificacion').getByRole('checkbox').check();
  await col.locator('[data-call-primary="true"]').click();
  // The situation, worded assertively and never accusatory.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'situacion');
  await expect(col.getByTestId('call-say')).toContainText('Notamos que el pago');
  await expect(col.getByTestId('call-say')).not.toContainText(/usted no ha pagado/i);
  await page.keyboard.press('Enter');

  // Reason (Colombia: only if the debtor volunteers it).
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'motivo');
  await expect(col).toContainText('No pregunte por qué no pagó');
  await col.getByTestId('reason-code').selectOption('reduced_income');
  await col.getByTestId('reason-text').fill('Le redujeron el turno en la fábrica');
  await shot(page, '03-reason');
  await col.locator('[data-call-primary="true"]').click();

  // Offers from the account's policy.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'opciones');
  const offers = col.getByTestId('call-offers');
  await expect(offers.locator('tr').first()).toBeVisible();
  await expect(offers).toContainText('Pago total');
  await shot(page, '04-offers');
  await offers.getByTestId('pick-pay_in_full').click();
  // F10 goes to the promise form.
  await page.keyboard.press('F10');
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'promesa');
  const form = col.getByTestId('promise-form');
  await expect(form.getByTestId('promise-kind')).toHaveValue('pay_in_full');

  // Each policy breach is refused with its message, in the agent's language, beside its field.
  const review = () => form.getByTestId('promise-review').click();
  await review();
  await expect(form.getByTestId('error-method')).toHaveText('Elija el medio de pago.');
  await form.getByTestId('promise-method').selectOption('pse');
  const amount = await form.getByTestId('promise-amount').inputValue();
  await form.getByTestId('promise-amount').fill('1.000');
  await review();
  await expect(form.getByTestId('error-amount')).toContainText(/El descuento máximo es .*: el pago total no puede ser menor que COP/);
  await form.getByTestId('promise-amount').fill(amount);
  const today = DateTime.now().setZone(t!.time_zone).toISODate()!;
  let saturday = DateTime.fromISO(today).plus({ days: 1 });
  while (saturday.weekday !== 6) saturday = saturday.plus({ days: 1 });
  const payBy = (await form.getByTestId('promise-date-0').inputValue());
  await form.getByTestId('promise-date-0').fill(saturday.toISODate()!);
  await review();
  await expect(form.getByTestId('error-dates.0')).toContainText('no es día hábil para el deudor');
  await form.getByTestId('promise-date-0').fill(DateTime.fromISO(payBy).plus({ days: 40 }).toISODate()!);
  await review();
  await expect(form.getByTestId('error-dates.0')).toContainText('La política permite pagar a más tardar el');
  await shot(page, '05-promise-errors');
  // A plan beyond the maximum term.
  await form.getByTestId('promise-kind').selectOption('installments');
  await form.getByTestId('promise-installments').fill('99');
  await form.getByTestId('promise-frequency').selectOption('monthly');
  await review();
  await expect(form.locator('.field-error').first()).toBeVisible();
  await expect(form).toContainText(/como máximo \d+ cuotas|Se necesitan \d+ fechas|no puede ser menor|Ninguna cuota/);

  // Back to the accepted offer, paying on the next business day.
  await form.getByTestId('promise-kind').selectOption('pay_in_full');
  await form.getByTestId('promise-amount').fill(amount);
  const payDay = isBusinessDay(addBusinessDays(today, 1, 'CO'), 'CO') ? addBusinessDays(today, 1, 'CO') : payBy;
  await form.getByTestId('promise-date-0').fill(payDay);
  await form.getByTestId('promise-method').selectOption('pse');
  await form.getByTestId('promise-amount').press('Enter');
  // Read-back in the debtor's language; saving waits for the debtor's yes.
  const readBack = form.getByTestId('readback');
  await expect(readBack).toContainText('Confirmamos su compromiso de pago total de COP');
  await expect(readBack).toContainText('por PSE');
  await expect(readBack).toContainText('¿Me confirma que es correcto?');
  await expect(form.getByTestId('promise-save')).toBeDisabled();
  await form.getByTestId('readback-confirmed').check();
  await shot(page, '06-readback');
  await form.getByTestId('promise-save').click();

  // The promise is in the local store (and its outbox) before the wrap-up.
  await expect(col.getByTestId('promise-saved')).toBeVisible();
  await expect(col.getByTestId('wrapup')).toBeVisible();
  await expect(col.getByTestId('disposition')).toHaveValue('promise_to_pay');
  await expect(col.getByTestId('wrap-timer')).toContainText(/Tiempo de cierre: \d+ s/);
  await col.getByTestId('wrap-notes').fill('Pagará por PSE con la liquidación.');
  await shot(page, '07-wrapup');
  await col.getByTestId('wrap-finish').click();
  await expect(col.getByTestId('call-done')).toContainText('Gestión registrada: Promesa de pago.');
  // The card's timeline shows the new promise at once (from the local store).
  await expect(page.getByTestId('debtor-card')).toContainText(`Promesa para el ${dmy(payDay)}`);

  // The contact keeps the script version and the disclosures read; the promise is pending with its terms.
  const card = await page.evaluate(async (id) => {
    const r = await window.recaudo!.portfolio.card({ debtorId: id });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }, t!.debtor_id);
  expect(card.promises.find((p) => p.status === 'pending' && p.dueDate === payDay)).toBeDefined();
  expect(card.contacts[0]).toMatchObject({ outcome: 'promise_to_pay', reason: 'reduced_income', conversation: true });

  // The follow-up calendar: this week's view lists the promised payment.
  await col.getByRole('tab', { name: 'Esta semana' }).click();
  const sunday = DateTime.fromISO(today).plus({ days: 7 - DateTime.fromISO(today).weekday }).toISODate()!;
  if (payDay <= sunday) await expect(col.getByTestId('followup')).toContainText(t!.full_name);
  else await expect(col.getByTestId('followup').or(col.getByTestId('followup-empty'))).not.toContainText(t!.full_name);
  await shot(page, '08-done-calendar');
});

test('a failed verification shows no debt details, and only non right-party dispositions', async ({ page, stack }) => {
  const list = await targets(stack);
  const t = list[list.length - 1]!;
  await openAndLogin(page, stack, 'agent1');
  await openFromQueue(page, t);
  const col = page.getByTestId('call-column');
  const balanceText = formatMoney({ amountMinor: t.balance_minor, currency: t.currency as CurrencyCode }, 'es-CO', { display: 'code' });
  await col.getByTestId('call-start').click();
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'saludo');
  await col.locator('[data-call-key="1"]').click();
  await col.getByTestId('disclosure-co_grabacion').getByRole('checkbox').check();
  await page.keyboard.press('Enter');
  for (let attempt = 0; attempt < 2; attempt++) {
    await col.getByTestId('verify-document_last4').fill('0000');
    await col.getByTestId('verify-birth_date').fill('01/01/1900');
    await col.getByRole('button', { name: /Verificar/ }).click();
    if (attempt === 0) await expect(col).toContainText('Los datos no coinciden');
  }
  // The script's closing step for a failed verification, and the wrap-up under it.
  await expect(col.getByTestId('call-step')).toHaveAttribute('data-step', 'verificacion_fallida');
  await expect(col.getByTestId('wrapup')).toBeVisible();
  await expect(col.getByTestId('debt-locked')).toContainText('no revele nada sobre la deuda');
  await expect(col.getByTestId('debt-details')).toHaveCount(0);
  await expect(col).not.toContainText(balanceText);
  await expect(col).not.toContainText(t.account_number.replace(/\D/g, '').slice(-4));
  await shot(page, '09-verification-failed');
  const options = await col.getByTestId('disposition').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(options).not.toContain('promise_to_pay');
  expect(options).not.toContain('refused');
  expect(options).toContain('third_party');
  await col.getByTestId('disposition').selectOption('third_party');
  await col.getByTestId('wrap-finish').click();
  await expect(col.getByTestId('call-done')).toContainText('Contestó un tercero');
});

test('in English: the column, the wrap-up and its errors speak the agent language', async ({ page, stack }) => {
  const list = await targets(stack);
  const t = list[Math.floor(list.length / 2)]!;
  await openAndLogin(page, stack, 'agent1');
  await openFromQueue(page, t);
  await page.keyboard.press('Alt+L');
  const col = page.getByTestId('call-column');
  try {
    await expect(col.getByTestId('call-start')).toContainText('Start guided call');
    await col.getByTestId('call-start').click();
    // The script is the debtor's (Spanish, Colombia); the agent's own words are English.
    await expect(col.getByTestId('call-say')).toContainText('Buenos días');
    await expect(col.getByTestId('debt-locked')).toHaveText('Debt details hidden until the right party is verified.');
    await page.keyboard.press('1');
    await expect(col.getByTestId('disclosure-co_grabacion')).toContainText('Read to the debtor');
    await page.keyboard.press('Alt+F');
    await expect(col.getByTestId('wrapup')).toContainText('Wrap-up time');
    await col.getByTestId('wrap-finish').click();
    await expect(col.getByTestId('wrap-error-disposition')).toHaveText('Pick the call outcome.');
    const options = await col.getByTestId('disposition').locator('option').allTextContents();
    expect(options).toContain('No answer');
    expect(options).not.toContain('Promise to pay');
    // A wrong number needs the number: it is marked on the debtor's phones (and synced).
    await col.getByTestId('disposition').selectOption('wrong_number');
    await col.getByTestId('wrap-finish').click();
    await expect(col.getByTestId('wrap-error-phone')).toHaveText('Pick the number that was wrong.');
    const e164 = await col.getByTestId('wrap-phone').locator('option').nth(1).getAttribute('value');
    await col.getByTestId('wrap-phone').selectOption(e164!);
    await col.getByTestId('wrap-finish').click();
    await expect(col.getByTestId('call-done')).toContainText('Contact recorded: Wrong number.');
    const phones = await page.evaluate(async (id) => {
      const r = await window.recaudo!.portfolio.card({ debtorId: id });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.phones;
    }, t.debtor_id);
    expect(phones.find((p) => p.e164 === e164)?.status).toBe('not_debtor');
  } finally {
    await page.keyboard.press('Alt+L');
    await expect(page.getByRole('button', { name: 'Salir' })).toBeVisible();
  }
});
