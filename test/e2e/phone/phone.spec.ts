/**
 * The softphone inside the real desk (server + desk + browser host + Chromium) against Debian's Kamailio: the
 * agent sets the phone up in the "Teléfono" panel, a second Chromium party registered with a demo debtor's E.164
 * as its SIP user (so its From user — the caller ID — is that number) calls the agent and that debtor's card pops;
 * the agent answers and hangs up, and the card's call history shows the call with its cause and who hung up.
 * Then preview (queue → card → F4) and progressive dialing (countdown, pause key) dial queue debtors through the
 * PBX. Screenshots at 1366×768 in docs/screenshots/phone-*.png.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_USERS } from '../../pbx/kamailio-config';
import { startKamailio, type KamailioHandle } from '../../pbx/kamailio';
import { buildTestPage, launchParty, makeWorkDir, servePage, TONES, type Party } from '../softphone/harness';
import { expect, openAndLogin, startStack, stopStack, test, type Stack } from '../fixtures';
import { formatAmountCell } from '../../../renderer/lib/format';
import '../agent/window.d';

const SHOTS = resolve('docs/screenshots');
mkdirSync(SHOTS, { recursive: true });

// Wednesday 25 November 2026, 11:00 in Bogotá: inside every contact window of the demo's Colombian debtors.
const DESK_NOW = new Date('2026-11-25T16:00:00.000Z');

interface Target { id: string; name: string; e164: string; totalMinor: number; currency: string }

test.describe.serial('phone in the desk', () => {
  let stack: Stack;
  let pbx: KamailioHandle | null = null;
  let debtorParty: Party | null = null;
  let workDir = '';
  let page: { url: string; close(): Promise<void> } | null = null;
  let target: Target;
  /** Phones of the first queue accounts: the PBX routes them all to the debtor party. */
  let queuePhones: Record<string, string> = {};
  /** Debtors the preview and progressive test dialed: each has calls of their own in the history. */
  let dialed: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    workDir = join(makeWorkDir(), 'phone');
    mkdirSync(workDir, { recursive: true });
    const built = buildTestPage(join(workDir, 'page')).then(() => servePage(join(workDir, 'page')));
    stack = await startStack({ desk: { now: () => DESK_NOW } });
    page = await built;
  });
  test.afterAll(async () => {
    await debtorParty?.close();
    await pbx?.stop();
    await page?.close();
    if (stack) await stopStack(stack);
    rmSync(workDir, { recursive: true, force: true });
  });

  test('inbound call from a demo debtor pops the card; answered, hung up, in the call history with its cause', async ({ page: agent }) => {
    test.setTimeout(120_000);
    // The ring is heard through the Ringer's AudioContext: resumed when a call rings, suspended when it stops.
    await agent.addInitScript(() => {
      const w = window as unknown as { ring: string[] };
      w.ring = [];
      const { resume, suspend } = AudioContext.prototype;
      AudioContext.prototype.resume = function (this: AudioContext) {
        w.ring.push('resume');
        return resume.call(this);
      };
      AudioContext.prototype.suspend = function (this: AudioContext) {
        w.ring.push('suspend');
        return suspend.call(this);
      };
    });
    await openAndLogin(agent, stack, 'agent1');

    // A Colombian debtor of agent1 whose mobile number is theirs alone (one card, no picker), and the phones of the
    // first callable queue accounts (what preview and progressive dialing will call).
    const found = await agent.evaluate(async () => {
      const r = window.recaudo!;
      const q = await r.portfolio.queue({});
      if (!q.ok) throw new Error(q.error.message);
      let target: Target | null = null;
      const phones: Record<string, string> = {};
      const seen = new Set<string>();
      for (const item of q.value) {
        if (seen.has(item.debtorId) || seen.size >= 40) continue;
        seen.add(item.debtorId);
        const c = await r.portfolio.card({ debtorId: item.debtorId });
        if (!c.ok) continue;
        const ok = c.value.phones.filter((p) => p.valid && p.status === 'ok');
        const best = ok.find((p) => p.type === 'mobile') ?? ok[0];
        if (best && Object.keys(phones).length < 12) phones[best.e164] = item.debtorId;
        if (target || !best || c.value.debtor.country !== 'CO' || c.value.debtor.flags.length > 0) continue;
        const hits = await r.portfolio.lookupByPhone({ phone: best.e164 });
        if (!hits.ok || hits.value.length !== 1) continue;
        const active = c.value.accounts.filter((a) => a.status === 'active');
        const currency = active[0]?.currency ?? 'COP';
        target = {
          id: c.value.debtor.id, name: c.value.debtor.fullName, e164: best.e164, currency,
          totalMinor: active.filter((a) => a.currency === currency).reduce((s, a) => s + a.balanceMinor, 0),
        };
      }
      return { target, phones };
    });
    expect(found.target, 'agent1 has a Colombian debtor with a number of their own').not.toBeNull();
    target = found.target!;
    queuePhones = found.phones;

    // The PBX: the demo users, the debtor party's account named by the debtor's E.164, and the queue's numbers
    // routed to it (as a carrier would deliver them).
    const numbers: Record<string, string> = {};
    for (const e164 of Object.keys(queuePhones)) if (e164 !== target.e164) numbers[e164] = target.e164;
    pbx = await startKamailio({ users: { ...DEFAULT_USERS, [target.e164]: 'debtor-secret' }, numbers });
    debtorParty = await launchParty({ name: 'debtor', user: target.e164, freq: TONES.debtor, pbx, pageUrl: page!.url, workDir });

    // Phone setup through the UI form (Alt+O); a bad URL is refused beside its field first.
    await agent.keyboard.press('Alt+o');
    const form = agent.getByTestId('phone-settings');
    await expect(form).toBeVisible();
    await form.getByLabel('Dirección WebSocket de la central').fill('http://pbx');
    await form.getByLabel('Usuario SIP', { exact: true }).fill('agent1');
    await form.getByRole('button', { name: 'Guardar y conectar' }).click();
    await expect(form.locator('.field-error').first()).toContainText('Debe ser ws:// o wss://');
    await expect(form.getByText('Escriba la contraseña SIP (no hay una guardada)')).toHaveCount(0);
    await form.getByLabel('Dirección WebSocket de la central').fill(pbx.wsUrl);
    await form.getByLabel('Nombre que ve quien recibe la llamada').fill('Agente Uno');
    await form.getByLabel('Grabar todas las llamadas (la política del acreedor lo exige)').check();
    await agent.screenshot({ path: `${SHOTS}/phone-settings-1366x768.png` });
    await form.getByRole('button', { name: 'Guardar y conectar' }).click();
    await expect(form.getByText('Escriba la contraseña SIP (no hay una guardada)')).toBeVisible();
    await form.getByLabel('Contraseña SIP').fill(pbx.users.agent1!);
    await form.getByRole('button', { name: 'Guardar y conectar' }).click();
    await expect(form).toHaveCount(0);
    // The first save of a PBX origin reloads the page once (CSP); the session resumes and the phone registers.
    await expect(agent.getByTestId('phone-registration')).toHaveText(/Registrado/, { timeout: 20_000 });
    // The password is never read back by the form.
    const view = await agent.evaluate(async () => window.recaudo!.phone.get({}));
    expect(view.ok && view.value).toMatchObject({ wsUrl: pbx.wsUrl, sipUser: 'agent1', hasPassword: true });
    expect(JSON.stringify(view)).not.toContain(pbx.users.agent1!);

    // The debtor calls the agent: caller ID = the debtor's E.164 → their card pops, with name and balance.
    const deskTop = async () => (await agent.locator('.columns').boundingBox())?.y;
    const topBeforeRing = await deskTop();
    expect(topBeforeRing).toBeGreaterThan(0);
    await debtorParty.page.evaluate(() => window.t.phone.dial('agent1'));
    const card = agent.getByTestId('debtor-card');
    await expect(card).toHaveAttribute('data-debtor', target.id, { timeout: 10_000 });
    await expect(card).toContainText(target.name);
    await expect(card.locator('.total-amount').first()).toHaveText(formatAmountCell(target.totalMinor, target.currency, 'es-CO'));
    await expect(agent.getByRole('button', { name: 'Contestar' })).toBeVisible();
    // The ringing call takes the dial box's and the call controls' place: the bar keeps its row, the desk below
    // does not move under the agent's pointer.
    expect(await deskTop()).toBe(topBeforeRing);
    await expect(agent.getByRole('button', { name: /Colgar/ })).toHaveCount(0);
    // The bar names the caller by the record the call belongs to, the number beside it.
    await expect(agent.getByRole('alert').filter({ hasText: 'Entrante:' })).toContainText(`${target.name} · ${target.e164}`);
    await agent.screenshot({ path: `${SHOTS}/phone-inbound-pop-1366x768.png` });
    // It rings (the graph was built, silent and suspended, when the phone registered), and stops on answering.
    const ring = () => agent.evaluate(() => (window as unknown as { ring: string[] }).ring.join(' '));
    await expect.poll(ring).toBe('suspend resume');

    await agent.getByRole('button', { name: 'Contestar' }).click();
    await expect.poll(ring).toBe('suspend resume suspend');
    await debtorParty.page.waitForFunction(() => window.t.liveCalls().some((c) => c.status === 'active'));
    await expect(agent.getByTestId('phonebar')).toContainText('En llamada');
    await expect(agent.getByTestId('phone-party')).toHaveText(`${target.name} · ${target.e164}`);
    await expect(agent.getByTestId('phonebar')).toContainText('00:02'); // a couple of seconds of conversation
    // The debtor hangs up.
    await debtorParty.page.evaluate(() => { for (const c of window.t.liveCalls()) window.t.phone.hangup(c.id); });

    const history = card.getByTestId('call-history');
    const row = history.locator('li').first();
    await expect(row).toContainText('Entrante', { timeout: 10_000 });
    await expect(row).toContainText(target.e164);
    await expect(row).toContainText('Llamada terminada');
    await expect(row).toContainText('colgó el deudor');
    await expect(row).toContainText(/Conversación 0:0[2-9]/);
    // Recorded (auto-record on): the file is in the user-data dir under the debtor's id.
    await expect(row).toContainText('Grabada', { timeout: 10_000 });
    const recordings = readdirSync(join(stack.userDataDir, 'recordings', target.id));
    expect(recordings).toHaveLength(1);
    expect(recordings[0]).toMatch(/^[0-9a-f-]{36}\.(webm|ogg)$/);
    expect(statSync(join(stack.userDataDir, 'recordings', target.id, recordings[0]!)).size).toBeGreaterThan(1000);
    await card.getByTestId('call-history').scrollIntoViewIfNeeded();
    await agent.screenshot({ path: `${SHOTS}/phone-call-history-1366x768.png` });


    // In the store, each event written with its outbox row (the record survives the app dying), then pushed by
    // sync: the central server ends up with the call's events exactly once and the outbox lets them go.
    const calls = await agent.evaluate(async (id) => window.recaudo!.calls.history({ debtorId: id }), target.id);
    expect(calls.ok && calls.value[0]).toMatchObject({ direction: 'incoming', cause: 'normal', hungUpBy: 'remote', debtorId: target.id });
    const callIds = stack.desk.desk.db.prepare('SELECT DISTINCT call_id FROM call_events WHERE debtor_id = ?').pluck().all(target.id) as string[];
    expect(callIds).toHaveLength(1);
    await expect
      .poll(async () => (await stack.server.db.query<{ event: string }>('SELECT event FROM call_events WHERE call_id = $1 ORDER BY at, event', [callIds[0]])).map((r) => r.event).sort(), { timeout: 15_000 })
      .toEqual(['answered', 'ended', 'ringing']);
    expect(stack.desk.desk.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'call.event' AND state = 'pending'").pluck().get()).toBe(0);
  });

  test('preview from the queue (card, then F4) and progressive dialing with its countdown and pause key', async ({ page: agent }) => {
    test.setTimeout(90_000);
    await agent.goto(stack.desk.host.launchUrl());
    await expect(agent.getByTestId('phone-registration')).toHaveText(/Registrado/, { timeout: 20_000 });

    // Editing the account from the phone bar keeps the saved password (empty field) and restarts the phone.
    await agent.getByTestId('phone-settings-open').click();
    const form = agent.getByTestId('phone-settings');
    await expect(form.getByLabel('Dirección WebSocket de la central')).toHaveValue(pbx!.wsUrl);
    await expect(form.getByLabel('Contraseña SIP (vacío = conservar la guardada)')).toHaveValue('');
    await form.getByLabel('Nombre que ve quien recibe la llamada').fill('Laura Benítez');
    await agent.keyboard.press('Enter');
    await expect(form).toHaveCount(0);
    await expect(agent.getByTestId('phone-registration')).toHaveText(/Registrado/, { timeout: 20_000 });
    const saved = await agent.evaluate(async () => window.recaudo!.phone.get({}));
    expect(saved.ok && saved.value).toMatchObject({ displayName: 'Laura Benítez', hasPassword: true });
    await agent.keyboard.press('Alt+o');
    await expect(form).toBeVisible();
    await agent.keyboard.press('Escape');
    await expect(form).toHaveCount(0);

    // Preview: the first queue row's card, then F4 dials it through compliance and the PBX.
    const first = agent.getByTestId('queue-list').locator('.queue-row:not(.is-deferred)').first();
    await first.click();
    const card = agent.getByTestId('debtor-card');
    const debtorId = await card.getAttribute('data-debtor');
    expect(Object.values(queuePhones)).toContain(debtorId);
    await agent.keyboard.press('F4');
    await debtorParty!.page.waitForFunction(() => window.t.liveCalls().some((c) => c.status === 'incoming'), undefined, { timeout: 10_000 });
    await expect(card).toHaveAttribute('data-debtor', debtorId!);
    // The debtor's phone declines: 486 → "ocupado", in the history with the SIP code.
    await debtorParty!.page.evaluate(() => { for (const c of window.t.liveCalls()) window.t.phone.decline(c.id); });
    const row = card.getByTestId('call-history').locator('li').first();
    await expect(row).toContainText('Saliente', { timeout: 10_000 });
    await expect(row).toContainText('(SIP 486');

    // Progressive: Alt+P → the next account (skipping deferred ones) opens with a visible countdown, then is dialed.
    await agent.keyboard.press('Alt+p');
    const countdown = agent.getByTestId('progressive-countdown');
    await expect(countdown).toBeVisible({ timeout: 10_000 });
    await expect(countdown).toContainText(/Llamando a .+ en [1-5] s/);
    const progressiveDebtor = await card.getAttribute('data-debtor');
    await agent.screenshot({ path: `${SHOTS}/phone-progressive-countdown-1366x768.png` });
    await debtorParty!.page.waitForFunction(() => window.t.liveCalls().some((c) => c.status === 'incoming'), undefined, { timeout: 15_000 });
    expect(await card.getAttribute('data-debtor')).toBe(progressiveDebtor);
    await debtorParty!.page.evaluate(() => { for (const c of window.t.liveCalls()) void window.t.phone.answer(c.id); });
    await debtorParty!.page.waitForFunction(() => window.t.liveCalls().some((c) => c.status === 'active'));
    expect(progressiveDebtor).not.toBe(debtorId); // down the queue: the previewed debtor is not dialed again
    dialed = [debtorId!, progressiveDebtor!];
    await expect(agent.getByTestId('call-column')).toHaveAttribute('data-phase', 'running'); // the guided call started
    await agent.keyboard.press('F6'); // the agent hangs up

    // Not ready while the guided call and its wrap-up are open: no countdown until the agent closes them.
    await expect(agent.getByTestId('progressive')).toContainText('Esperando a que termine la llamada y la tipificación');
    await agent.waitForTimeout(1_500);
    await expect(countdown).toHaveCount(0);
    await agent.getByTestId('call-end').click();
    await expect(agent.getByTestId('wrapup')).toBeVisible({ timeout: 10_000 });
    await expect(countdown).toHaveCount(0);
    await agent.getByTestId('disposition').selectOption('hung_up');
    await agent.getByTestId('wrap-finish').click();

    // Ready again: the next countdown starts by itself; Alt+P pauses it and nothing is dialed.
    await expect(countdown).toBeVisible({ timeout: 15_000 });
    await agent.keyboard.press('Alt+p');
    await expect(countdown).toHaveCount(0);
    await expect(agent.getByTestId('progressive')).toContainText('Marcación progresiva en pausa');
    await agent.waitForTimeout(6_000);
    expect(await debtorParty!.page.evaluate(() => window.t.liveCalls().length)).toBe(0);
    await agent.screenshot({ path: `${SHOTS}/phone-progressive-paused-1366x768.png` });

    // Logout stops the phone: it unregisters, so a call to agent1 now finds nobody (404).
    await agent.getByRole('button', { name: /salir/i }).click();
    await expect(agent.getByLabel(/usuario/i)).toBeVisible();
    await expect.poll(async () => {
      const id = await debtorParty!.page.evaluate(() => window.t.phone.dial('agent1'));
      await debtorParty!.page.waitForFunction((cid) => window.t.state().lastEnded?.id === cid, id, { timeout: 10_000 });
      return debtorParty!.page.evaluate(() => window.t.state().lastEnded?.end?.statusCode);
    }, { timeout: 15_000 }).toBe(404);
  });

  test("a call that pops over another debtor's card never shows that debtor's calls under the caller's name", async ({ page: agent }) => {
    test.setTimeout(90_000);
    await openAndLogin(agent, stack, 'agent1');
    await expect(agent.getByTestId('phone-registration')).toHaveText(/Registrado/, { timeout: 20_000 });
    // A debtor dialed in the test above (not the caller): their card open, their calls listed.
    const other = dialed.find((d) => d !== target.id)!;
    expect(other).toBeTruthy();
    const otherNumbers = await agent.evaluate(async (id) => {
      const h = await window.recaudo!.calls.history({ debtorId: id });
      if (!h.ok) throw new Error(h.error.message);
      return [...new Set(h.value.map((c) => c.remote))];
    }, other);
    expect(otherNumbers.length).toBeGreaterThan(0);
    expect(otherNumbers).not.toContain(target.e164);
    await agent.keyboard.press('F3');
    await agent.getByTestId('search-input').fill(otherNumbers[0]!);
    await expect(agent.locator('.hit')).toHaveCount(1);
    await agent.keyboard.press('Enter');
    const card = agent.getByTestId('debtor-card');
    await expect(card).toHaveAttribute('data-debtor', other);
    await expect(card.getByTestId('call-history')).toContainText(otherNumbers[0]!);

    // The card stays mounted when a call pops another debtor over it: every frame from the ring on is looked at,
    // and none may show the caller's name with the other debtor's calls (theirs load a moment after the card).
    await agent.evaluate(() => {
      const w = window as unknown as { framesSeen: Array<[string | null, string]> };
      w.framesSeen = [];
      const look = () => {
        const c = document.querySelector<HTMLElement>('[data-testid="debtor-card"]');
        w.framesSeen.push([c?.getAttribute('data-debtor') ?? null, c?.querySelector('[data-testid="call-history"]')?.textContent ?? '']);
        if (w.framesSeen.length < 240) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await debtorParty!.page.evaluate(() => window.t.phone.dial('agent1'));
    await expect(card).toHaveAttribute('data-debtor', target.id, { timeout: 10_000 });
    await expect(card.getByTestId('call-history')).toContainText(target.e164); // the caller's own calls
    await agent.waitForFunction(() => (window as unknown as { framesSeen: unknown[] }).framesSeen.length >= 240, undefined, { timeout: 15_000 });
    const frames = await agent.evaluate(() => (window as unknown as { framesSeen: Array<[string | null, string]> }).framesSeen);
    expect(frames.some(([d, calls]) => d === other && calls.includes(otherNumbers[0]!))).toBe(true);
    const callers = frames.filter(([d]) => d === target.id);
    expect(callers.length).toBeGreaterThan(10);
    expect(callers.filter(([, calls]) => otherNumbers.some((n) => calls.includes(n)))).toEqual([]);

    await agent.getByRole('button', { name: 'Rechazar' }).click();
    await debtorParty!.page.waitForFunction(() => window.t.liveCalls().length === 0, undefined, { timeout: 10_000 });
  });
});
