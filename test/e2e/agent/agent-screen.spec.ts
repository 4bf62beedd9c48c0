/**
 * The agent's screen end to end on the real stack (central server + desk + browser host + Chromium):
 * login → agent1's own accounts in the queue → keyboard to a card → search by phone typed in another format →
 * add a note (saved in the local store) → English → screenshots at 1366×768 and 1920×1080 (docs/screenshots).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { DEMO_PASSWORD, expect, openAndLogin, startStack, stopStack, test } from '../fixtures';
import type { Deferral } from '../../../main/services/queue/queue-service';
import { timelineFirstRows } from '../../../renderer/features/debtor/timeline';

const SHOTS = resolve('docs/screenshots');
mkdirSync(SHOTS, { recursive: true });

async function snap(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The layout fits the window: nothing scrolls but the columns themselves.
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow, `page scroll at ${w}×${h}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** "+573119049511" → "(311) 904-9511": the national digits in a format the store never saw. */
function retype(e164: string, countryDigits: number): string {
  const n = e164.slice(1 + countryDigits);
  return `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
}

test.afterEach(async ({ page }) => {
  // The desk keeps one session: leave it signed out for the next test.
  if (page.isClosed()) return;
  await page
    .evaluate(() => Promise.race([window.recaudo?.session.logout(), new Promise((r) => setTimeout(r, 2_000))]))
    .catch(() => undefined);
});

test('a wrong password is said beside the field, in Spanish, with what to do', async ({ page, stack }) => {
  await page.goto(stack.desk.host.launchUrl());
  await page.getByLabel('Usuario').fill('agent1');
  await page.getByLabel('Contraseña').fill('not-the-password');
  await page.keyboard.press('Enter');
  const password = page.getByLabel('Contraseña');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#login-pass-err')).toContainText('Usuario o contraseña incorrectos.');
  await expect(page.locator('#login-pass-err')).toContainText('pida a su líder');
  await expect(password).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/login-wrong-password-1366x768.png` });
  // Empty fields are caught before asking the host.
  await page.getByLabel('Usuario').fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Escriba su usuario.')).toBeVisible();
  await page.getByLabel('Usuario').fill('agent1');
  await password.fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-list').getByRole('option').first()).toBeVisible({ timeout: 20_000 });
});

test('agent1 works the queue, finds a debtor by phone, adds a note and switches to English', async ({ page, stack }) => {
  // The page runs under the host's strict CSP: nothing it does may be refused (no inline script/style).
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await openAndLogin(page, stack, 'agent1');

  // The queue holds exactly agent1's active accounts, as the server assigned them.
  const rows = await stack.server.db.query<{ account_number: string }>(
    `SELECT a.account_number FROM accounts a JOIN users u ON u.id = a.assigned_agent_id WHERE u.username = 'agent1' AND a.status = 'active'`,
  );
  const assigned = new Set(rows.map((r) => r.account_number));
  expect(assigned.size).toBeGreaterThan(10);
  const queue = page.getByTestId('queue-list');
  await expect(page.locator('.col-queue .col-count')).toHaveText(new RegExp(`^${assigned.size} cuentas( · \\d+ diferidas?)?$`));
  const shown = await queue.locator('.queue-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-account')));
  expect(shown.length).toBeGreaterThan(5);
  for (const a of shown) expect(assigned.has(a!)).toBe(true);
  await expect(page.getByText('Sin llamada activa')).toBeVisible();
  await snap(page, 'agent-queue');

  // Segment filter (Alt+S): only that segment's rows, and back.
  const segments = await stack.server.db.query<{ segment: string; n: string }>(
    `SELECT a.segment, count(*)::text AS n FROM accounts a JOIN users u ON u.id = a.assigned_agent_id
      WHERE u.username = 'agent1' AND a.status = 'active' GROUP BY a.segment ORDER BY count(*) ASC LIMIT 1`,
  );
  const seg = segments[0]!;
  await page.keyboard.press('Alt+S');
  await expect(page.locator('#queue-segment')).toBeFocused();
  await page.locator('#queue-segment').selectOption(seg.segment);
  await expect(page.locator('.col-queue .col-count')).toHaveText(new RegExp(`^${seg.n} cuentas?( · \\d+ diferidas?)?$`));
  const segs = await queue.locator('.queue-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-segment')));
  expect(new Set(segs)).toEqual(new Set([seg.segment]));
  await page.locator('#queue-segment').selectOption('');
  await expect(page.locator('.col-queue .col-count')).toHaveText(new RegExp(`^${assigned.size} cuentas( · \\d+ diferidas?)?$`));

  // Keyboard: F2 to the queue, Home to the top, ↓ to the second row, Enter opens its card.
  await page.keyboard.press('F2');
  await expect(queue).toBeFocused();
  await page.keyboard.press('Home');
  await expect(queue.locator('.queue-row').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  const second = queue.locator('.queue-row').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const name = (await second.locator('.queue-name').textContent())!.trim();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('debtor-card');
  await expect(card.locator('.debtor-name')).toHaveText(name);
  await expect(page.getByTestId('debtor-localtime')).toHaveText(/^\d{2}:\d{2} hora local$/);
  // The card gives the debtor's first place in the queue: 2, unless the first row is another account of theirs
  // (which rows lead depends on the hour: outside a zone's contact hours its debtors are deferred to the end).
  const debtors = await queue.locator('.queue-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-debtor')));
  const place = debtors.indexOf(debtors[1]!) + 1;
  await expect(page.getByTestId('queue-place')).toContainText(`Puesto ${place} de ${assigned.size} en la cola:`);
  await expect(card.locator('.timeline li').first()).toBeVisible();
  await expect(page.locator('.call-policy')).toContainText(/Políticas?: segment/); // one or several segments
  // The call column already shows what the account's policy allows, from the local store.
  await expect(page.getByTestId('offers').locator('tr').first()).toBeVisible();
  await expect(page.getByTestId('offers')).toContainText(/Pago total|Acuerdo de pago único|Plan de cuotas/);
  await snap(page, 'agent-card');

  // Search (F3) by a phone of another debtor, typed the way a person would say it.
  const other = await page.evaluate(async (current) => {
    const env = await window.recaudo!.portfolio.queue({});
    if (!env.ok) throw new Error(env.error.message);
    for (const item of env.value) {
      if (item.debtorName === current) continue;
      const c = await window.recaudo!.portfolio.card({ debtorId: item.debtorId });
      if (!c.ok) continue;
      const p = c.value.phones.find((x) => x.valid && x.status === 'ok' && x.e164.length >= 12);
      if (p) return { id: c.value.debtor.id, name: c.value.debtor.fullName, e164: p.e164, country: c.value.debtor.country };
    }
    throw new Error('no debtor with a usable phone');
  }, name);
  const cc = other.country === 'US' ? 1 : 2; // +1 vs +57/+52/+56/+51/+54
  // Esc backs out of the search and gives the focus back where it was.
  await page.keyboard.press('F3');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-dialog')).toBeHidden();
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill(retype(other.e164, cc));
  const hit = page.locator('.hit', { hasText: other.name });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('teléfono');
  await snap(page, 'agent-search');
  // ↓/↑ select; Enter opens the selected hit.
  const idx = await page.locator('.hit').evaluateAll((els, n) => els.findIndex((e) => e.textContent!.includes(n)), other.name);
  for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-dialog')).toBeHidden();
  await expect(card).toHaveAttribute('data-debtor', other.id);
  await expect(card.locator('.debtor-name')).toHaveText(other.name);

  // Alt+N → the note box; Enter saves it to the local store (and its outbox).
  await page.keyboard.press('Alt+N');
  await expect(page.locator('#note-input')).toBeFocused();
  const text = `Dice que paga el viernes por PSE; llamar después de las 18:00 (${Date.now()})`;
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nota guardada.')).toBeVisible();
  await expect(page.getByTestId('notes').locator('.note-text').first()).toHaveText(text);
  // The note waits in the outbox: the top bar says so in words.
  await expect(page.getByTestId('sync-state')).toHaveText(/(Sincronizando|Sincronizado|Sin conexión).*\d+ pendientes/);
  const stored = await page.evaluate(async (id) => {
    const c = await window.recaudo!.portfolio.card({ debtorId: id });
    return c.ok ? c.value.notes.map((n) => n.text) : [];
  }, other.id);
  expect(stored).toContain(text);

  // An empty note is refused beside the box, in words.
  await page.locator('#note-input').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-err')).toHaveText('Escriba la nota antes de guardar.');

  // Esc backs out to the queue; Alt+L switches to English, and the choice is remembered by the host.
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { name: /Queue/ })).toBeVisible();
  await expect(page.getByText('No active call')).toBeVisible();
  await expect(page.locator('.col-queue .col-count')).toHaveText(new RegExp(`^${assigned.size} accounts( · \\d+ deferred)?$`));
  await expect(page.getByTestId('debtor-localtime')).toHaveText(/local time$/);
  await expect
    .poll(() => page.evaluate(async () => {
      const s = await window.recaudo!.app.getSettings();
      return s.ok ? s.value.language : null;
    }))
    .toBe('en');
  await page.locator('.col-debtor .col-body').evaluate((el) => el.scrollTo(0, 0));
  await snap(page, 'agent-card-en');

  expect(cspViolations).toEqual([]);

  // Back to Spanish for whoever comes next.
  await page.getByRole('button', { name: 'es', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Cola/ })).toBeVisible();
});

test('accounts compliance defers sink, greyed, saying until when in the debtor’s zone and why', async ({ page }) => {
  // A desk whose compliance hook defers every account over 300 days past due until 08:00 tomorrow, debtor's time.
  // The hook sees ids only, so the old accounts are read from the server once it is up (before anyone logs in).
  const old = new Set<string>();
  const deferral: Deferral = (account, debtor) => {
    if (!old.has(account.id)) return null;
    const until = DateTime.now().setZone(debtor.timeZone).plus({ days: 1 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
    return {
      until: until.toUTC().toISO()!,
      reason: { code: 'outside_hours', params: { windows: '08:00–19:00', zone: debtor.timeZone, localTime: DateTime.now().setZone(debtor.timeZone).toFormat('HH:mm') } },
    };
  };
  const stack = await startStack({ desk: { deferral } });
  for (const r of await stack.server.db.query<{ id: string }>('SELECT id FROM accounts WHERE days_past_due > 300')) old.add(r.id);
  try {
    await openAndLogin(page, stack, 'agent1');
    const rows = page.getByTestId('queue-list').locator('.queue-row');
    await expect(rows.first()).toBeVisible();
    const deferred = page.getByTestId('queue-list').locator('.queue-row.is-deferred');
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('End');
    await expect(deferred.last()).toBeVisible();
    const last = deferred.last();
    await expect(last.locator('.queue-why')).toHaveText(/^Diferida hasta (\d\d\/\d\d )?08:00 \(America\/[A-Za-z_]+\) · Fuera del horario permitido/);
    const deferredTotal = await page.evaluate(async () => {
      const env = await window.recaudo!.portfolio.queue({});
      return env.ok ? env.value.filter((i) => i.deferredUntil !== null).length : -1;
    });
    expect(deferredTotal).toBeGreaterThan(1);
    await expect(page.locator('.col-queue .col-count')).toContainText(`· ${deferredTotal} diferidas`);
    // Deferred rows come after every contactable one.
    const flags = await rows.evaluateAll((els) => els.map((e) => e.classList.contains('is-deferred')));
    expect(flags.indexOf(true)).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf(true)).every(Boolean)).toBe(true);
    await page.keyboard.press('PageUp');
    await snap(page, 'agent-queue-deferred');
    await page.evaluate(() => window.recaudo?.session.logout());
  } finally {
    await page.close();
    await stopStack(stack);
  }
});

test('with the central server gone the desk says so and keeps working from the local store', async ({ page }) => {
  const stack = await startStack();
  try {
    await openAndLogin(page, stack, 'agent1');
    const rows = page.getByTestId('queue-list').locator('.queue-row');
    await expect(rows.first()).toBeVisible();
    const count = await page.locator('.col-queue .col-count').textContent();
    const name = (await rows.nth(2).locator('.queue-name').textContent())!.trim();

    await stack.server.close();
    // F5 pulls from the server: it fails, in words, beside the queue, and the top bar turns to offline.
    await page.keyboard.press('F5');
    await expect(page.locator('.col-queue [role=alert]')).toContainText('No se pudo conectar con el servidor central');
    await expect(page.locator('.col-queue [role=alert]')).toContainText('Siga trabajando: la cola, las fichas y las notas funcionan con la copia local');
    await expect(page.getByTestId('sync-state')).toHaveText(/^⚠Sin conexión desde \d{2}:\d{2}$/);
    await expect(page.locator('.col-queue .col-count')).toHaveText(count!);

    // Queue, card and search still answer from the local store.
    await page.keyboard.press('F3');
    await page.getByTestId('search-input').fill(name.split(' ').slice(-2).join(' '));
    await expect(page.locator('.hit', { hasText: name }).first()).toBeVisible();
    await page.locator('.hit', { hasText: name }).first().click();
    await expect(page.getByTestId('debtor-card').locator('.debtor-name')).toHaveText(name);
    await snap(page, 'agent-offline');
    await page.evaluate(() => window.recaudo?.session.logout());
  } finally {
    await page.close();
    await stopStack(stack);
  }
});

test('a long history paints a window of rows with the card and the rest a frame later, every row in the end', async ({ page, stack }) => {
  await openAndLogin(page, stack, 'agent1');
  const firstRows = timelineFirstRows(await page.evaluate(() => window.screen.height));
  // A debtor of agent1 called many times over the last months: a history longer than a window of rows.
  const pick = await page.evaluate(async (attempts) => {
    const r = window.recaudo!;
    const q = await r.portfolio.queue({});
    if (!q.ok) throw new Error(q.error.message);
    const debtorId = q.value[q.value.length - 1]!.debtorId;
    for (let i = 0; i < attempts; i++) {
      const started = Date.now() - (i + 1) * 26 * 3_600_000;
      const res = await r.negotiation.recordContact({
        debtorId, accountId: null, disposition: 'no_answer', reason: null, notes: '', scriptId: 'e2e', scriptVersion: 1,
        disclosures: [], verification: 'pending', startedAt: new Date(started).toISOString(), endedAt: new Date(started + 30_000).toISOString(),
      });
      if (!res.ok) throw new Error(res.error.message);
    }
    const c = await r.portfolio.card({ debtorId });
    if (!c.ok) throw new Error(c.error.message);
    const entries = c.value.contacts.length + c.value.payments.length + c.value.promises.length + c.value.callbacks.length;
    return { id: debtorId, account: c.value.accounts[0]!.accountNumber, entries };
  }, firstRows + 10);
  expect(pick.entries).toBeGreaterThan(firstRows);
  // Every frame from the search on: which debtor the card shows, its history rows, and whether rows are to come.
  await page.evaluate(() => {
    const w = window as unknown as { framesSeen: Array<[string | null, number, boolean]> };
    w.framesSeen = [];
    const look = () => {
      const c = document.querySelector<HTMLElement>('[data-testid="debtor-card"]');
      w.framesSeen.push([c?.getAttribute('data-debtor') ?? null, c?.querySelectorAll('.timeline > li.tl').length ?? 0, !!c?.querySelector('.timeline > .tl-rest')]);
      if (w.framesSeen.length < 600) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.keyboard.press('F3');
  await page.getByTestId('search-input').fill(pick.account);
  await expect(page.locator('.hit')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const card = page.getByTestId('debtor-card');
  await expect(card).toHaveAttribute('data-debtor', pick.id);
  await expect(card.locator('.timeline > li.tl')).toHaveCount(pick.entries);
  await expect(card.locator('.timeline > .tl-rest')).toHaveCount(0);
  const frames = await page.evaluate(() => (window as unknown as { framesSeen: Array<[string | null, number, boolean]> }).framesSeen);
  const shown = frames.filter(([d]) => d === pick.id);
  expect(shown.length).toBeGreaterThan(1);
  // The card's first frame: a window's worth of rows, and the space of the rest held for them.
  expect(shown[0]).toEqual([pick.id, firstRows, true]);
  expect(shown.some(([, rows, rest]) => rows === pick.entries && !rest)).toBe(true);
});
