/** Worker-scoped PBX, test page and parties (agent 440 Hz, debtor 1200 Hz, third party 2000 Hz). */
import { test as base, expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startKamailio, type KamailioHandle } from '../../pbx/kamailio';
import { buildTestPage, launchParty, makeWorkDir, servePage, TONES, type Party } from './harness';

interface WorkerFixtures {
  workDir: string;
  pbx: KamailioHandle;
  pageUrl: string;
  agent: Party;
  debtor: Party;
  third: Party;
}

export const NUMBERS = { debtor: '+573001234567', third: '+573009876543' } as const;

function party(name: 'agent' | 'debtor' | 'third', user: string) {
  return [
    async ({ pbx, pageUrl, workDir }: Pick<WorkerFixtures, 'pbx' | 'pageUrl' | 'workDir'>, use: (p: Party) => Promise<void>) => {
      const p = await launchParty({ name, user, freq: TONES[name], pbx, pageUrl, workDir });
      await use(p);
      await p.close();
    },
    { scope: 'worker' as const, timeout: 60_000 },
  ] as const;
}

export const test = base.extend<{ clean: void }, WorkerFixtures>({
  workDir: [
    async ({}, use) => {
      const d = makeWorkDir();
      await use(d);
      rmSync(d, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  pbx: [
    async ({}, use) => {
      // A WAN-like 150 ms on re-INVITEs: hold pressed on both sides at once reliably crosses (491 glare).
      const pbx = await startKamailio({ reinviteDelayMs: 150 });
      await use(pbx);
      await pbx.stop();
    },
    { scope: 'worker' },
  ],
  pageUrl: [
    async ({ workDir }, use) => {
      const out = join(workDir, 'page');
      await buildTestPage(out);
      const srv = await servePage(out);
      await use(srv.url);
      await srv.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  agent: party('agent', 'agent1') as never,
  debtor: party('debtor', 'debtor') as never,
  third: party('third', 'third') as never,
  // Every test starts with no call on any phone and everyone registered.
  clean: [
    async ({ agent, debtor, third }, use) => {
      for (const p of [agent, debtor, third]) {
        await p.page.waitForFunction(() => window.t.state().registration.kind === 'registered', undefined, { timeout: 20_000 });
      }
      await use();
      for (const p of [agent, debtor, third]) {
        await p.page.evaluate(() => {
          for (const c of window.t.liveCalls()) {
            try {
              window.t.phone.hangup(c.id);
            } catch {
              /* already ending */
            }
          }
        });
      }
      for (const p of [agent, debtor, third]) {
        await p.page.waitForFunction(() => window.t.liveCalls().length === 0, undefined, { timeout: 10_000 });
      }
    },
    { auto: true },
  ],
});

export { expect };

type Levels = Record<number, number>;

/** A tone is heard when it is within 30 dB of the source's full level (-6 dBFS); silence is below -45 dBFS. */
export const HEARD_DB = -30;
export const SILENT_DB = -45;

export async function levels(p: Party, callId: string, ms = 500): Promise<Levels> {
  return p.page.evaluate(({ id, ms }) => window.t.levels(id, [440, 1200, 2000], ms), { id: callId, ms });
}

/** Polls until `p` hears (or does not hear) `freq` on `callId`; returns the last levels for the message. */
export async function expectHearing(p: Party, callId: string, freq: number, heard: boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Levels = {};
  while (Date.now() < deadline) {
    last = await levels(p, callId);
    const db = last[freq] ?? -200;
    if (heard ? db > HEARD_DB : db < SILENT_DB) return;
  }
  throw new Error(`${p.name} ${heard ? 'does not hear' : 'still hears'} ${freq} Hz on ${callId}: ${JSON.stringify(last)}`);
}

export async function liveCalls(p: Party) {
  return p.page.evaluate(() => window.t.liveCalls());
}

export async function waitCall(p: Party, pred: string, timeout = 10_000): Promise<string> {
  const handle = await p.page.waitForFunction(
    (src) => {
      const f = new Function('c', `return ${src}`) as (c: unknown) => boolean;
      return window.t.liveCalls().find((c) => f(c))?.id ?? false;
    },
    pred,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

export async function dial(p: Party, number: string, contactId?: string): Promise<string> {
  return p.page.evaluate(({ n, c }) => window.t.phone.dial(n, c ? { contactId: c } : {}), { n: number, c: contactId });
}

export async function answerIncoming(p: Party): Promise<string> {
  const id = await waitCall(p, `c.status === 'incoming'`);
  await p.page.evaluate((cid) => window.t.phone.answer(cid), id);
  return id;
}

/** Agent calls debtor, debtor answers; both sides active. */
export async function connectCall(agent: Party, debtor: Party, contactId = 'contact-42'): Promise<{ agentCall: string; debtorCall: string }> {
  const agentCall = await dial(agent, NUMBERS.debtor, contactId);
  const debtorCall = await answerIncoming(debtor);
  await waitCall(agent, `c.id === ${JSON.stringify(agentCall)} && c.status === 'active'`);
  await waitCall(debtor, `c.id === ${JSON.stringify(debtorCall)} && c.status === 'active'`);
  return { agentCall, debtorCall };
}

export async function eventCount(p: Party): Promise<number> {
  return p.page.evaluate(() => window.t.events().length);
}

export async function eventsSince(p: Party, n: number) {
  return p.page.evaluate((k) => window.t.events().slice(k), n);
}
