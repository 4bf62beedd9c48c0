import { describe, expect, it } from 'vitest';
import { glareDelayMs, ReofferQueue, type QueueDeps, type ReofferOutcome } from './reoffer-queue';

function fakeDeps(randoms: number[] = [0.5]) {
  let t = 0;
  const sleeps: number[] = [];
  const deps: QueueDeps = {
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    random: () => randoms.shift() ?? 0.5,
    now: () => t,
  };
  return { deps, sleeps };
}

describe('glareDelayMs (RFC 3261 §14.1)', () => {
  it('owner waits 2.1–4 s, non-owner 0–2 s', () => {
    expect(glareDelayMs(true, () => 0)).toBe(2100);
    expect(glareDelayMs(true, () => 0.999999)).toBeLessThanOrEqual(4000);
    expect(glareDelayMs(true, () => 0.999999)).toBeGreaterThan(3900);
    expect(glareDelayMs(false, () => 0)).toBe(0);
    expect(glareDelayMs(false, () => 0.5)).toBe(1000);
    expect(glareDelayMs(false, () => 1)).toBeLessThan(2000);
  });
});

describe('ReofferQueue', () => {
  it('retries a 491 glare after the random delay, then succeeds', async () => {
    const { deps, sleeps } = fakeDeps([0.25]);
    const q = new ReofferQueue({ ownsCallId: false, deps });
    const outcomes: ReofferOutcome[] = ['glare', 'ok'];
    const r = await q.run(() => outcomes.shift()!);
    expect(r).toBe('ok');
    expect(sleeps).toEqual([500]);
  });

  it('waits while another transaction is in progress', async () => {
    const { deps, sleeps } = fakeDeps();
    const q = new ReofferQueue({ ownsCallId: true, deps, busyPollMs: 40 });
    const outcomes: ReofferOutcome[] = ['busy', 'busy', 'ok'];
    expect(await q.run(() => outcomes.shift()!)).toBe('ok');
    expect(sleeps).toEqual([40, 40]);
  });

  it('gives up after the busy deadline and after too many glares', async () => {
    const { deps } = fakeDeps();
    const q = new ReofferQueue({ ownsCallId: true, deps, busyPollMs: 100, maxBusyWaitMs: 300 });
    expect(await q.run(() => 'busy')).toBe('failed');
    const q2 = new ReofferQueue({ ownsCallId: true, deps, maxGlareRetries: 2 });
    let n = 0;
    expect(
      await q2.run(() => {
        n++;
        return 'glare';
      }),
    ).toBe('failed');
    expect(n).toBe(3);
  });

  it('runs operations one after another in call order (hold then resume never cross)', async () => {
    const order: string[] = [];
    const q = new ReofferQueue({ ownsCallId: true });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = q.run(async (): Promise<ReofferOutcome> => {
      order.push('hold:start');
      await gate;
      order.push('hold:end');
      return 'ok';
    });
    const b = q.run(() => {
      order.push('resume');
      return 'ok';
    });
    await Promise.resolve();
    release();
    await Promise.all([a, b]);
    expect(order).toEqual(['hold:start', 'hold:end', 'resume']);
  });

  it('stops after dispose', async () => {
    const q = new ReofferQueue({ ownsCallId: true });
    q.dispose();
    expect(await q.run(() => 'ok')).toBe('failed');
  });
});
