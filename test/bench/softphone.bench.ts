/**
 * Softphone figures, measured in real Chromium processes against the test Kamailio on loopback:
 * - call_setup_ms: Dial pressed → 180 Ringing at the caller, with a STUN server configured that never answers
 *   (a UDP socket that swallows every request), median of N calls;
 * - call_setup_jssip_default_ms: the same call with JsSIP's default ICE handling (waits for gathering), once;
 * - heap_growth_mb_500_calls: the caller's JS heap after 500 answered calls minus after the first (GC forced).
 */
import { createSocket } from 'node:dgram';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startKamailio } from '../pbx/kamailio';
import { buildTestPage, launchParty, makeWorkDir, servePage, TONES } from '../e2e/softphone/harness';
import type { Bench, BenchFigure } from './bench';

const SETUP_RUNS = Number(process.env.SOFTPHONE_BENCH_RUNS ?? 21);
const HEAP_CALLS = Number(process.env.SOFTPHONE_BENCH_CALLS ?? 500);
const DEBTOR = '+573001234567';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function blackHoleStun(): Promise<{ url: string; close(): void }> {
  const sock = createSocket('udp4');
  sock.on('message', () => undefined); // swallow binding requests: a STUN server that never answers
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { url: `stun:127.0.0.1:${sock.address().port}`, close: () => sock.close() };
}

const bench: Bench = {
  ids: ['call_setup_ms', 'call_setup_jssip_default_ms', 'heap_growth_mb_500_calls'],
  async run(): Promise<BenchFigure[]> {
    const workDir = makeWorkDir();
    const pbx = await startKamailio();
    const stun = await blackHoleStun();
    const out = join(workDir, 'page');
    await buildTestPage(out);
    const srv = await servePage(out);
    const iceServers = [{ urls: stun.url }];
    const parties: Array<{ close(): Promise<void> }> = [];
    try {
      const launch = (name: string, user: string, freq: number, settings: object, extraArgs: string[] = []) =>
        launchParty({ name, user, freq, pbx, pageUrl: srv.url, workDir, settings, extraArgs }).then((p) => {
          parties.push(p);
          return p;
        });
      const agent = await launch('agent', 'agent1', TONES.agent, { iceServers }, ['--js-flags=--expose-gc']);
      const jssipAgent = await launch('agent-default', 'agent2', TONES.agent, { iceServers, jssipDefaultIce: true });
      const debtor = await launch('debtor', 'debtor', TONES.debtor, { iceServers });

      const ringOnce = async (page: typeof agent.page) => {
        const r = await page.evaluate((n) => window.t.timeToRinging(n), DEBTOR);
        await page.evaluate((id) => window.t.phone.hangup(id), r.callId);
        await page.waitForFunction(() => window.t.liveCalls().length === 0);
        await debtor.page.waitForFunction(() => window.t.liveCalls().length === 0);
        return r.ms;
      };

      await ringOnce(agent.page); // first call in the process: not counted
      const setups: number[] = [];
      for (let i = 0; i < SETUP_RUNS; i++) setups.push(await ringOnce(agent.page));
      const jssipDefault = await ringOnce(jssipAgent.page);

      await debtor.page.evaluate(() => window.t.autoAnswer(true));
      await agent.page.evaluate((n) => window.t.fullCall(n), DEBTOR);
      const heap0 = await agent.page.evaluate(() => window.t.heapMb());
      for (let i = 1; i < HEAP_CALLS; i++) {
        await agent.page.evaluate((n) => window.t.fullCall(n), DEBTOR);
      }
      await agent.page.waitForTimeout(500);
      const heap1 = await agent.page.evaluate(() => window.t.heapMb());

      return [
        { id: 'call_setup_ms', value: Math.round(median(setups) * 10) / 10, unit: 'ms' },
        { id: 'call_setup_jssip_default_ms', value: Math.round(jssipDefault), unit: 'ms' },
        { id: 'heap_growth_mb_500_calls', value: Math.round((heap1 - heap0) * 100) / 100, unit: 'MB' },
      ];
    } finally {
      for (const p of parties) await p.close().catch(() => undefined);
      await srv.close();
      stun.close();
      await pbx.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};

export default bench;
