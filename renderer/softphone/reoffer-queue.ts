/**
 * Serializes a call's SDP re-offers (hold, resume, device changes) and retries them instead of dropping the call:
 * - `busy`: another INVITE transaction is in progress (JsSIP's isReadyToReOffer() is false) → wait and retry;
 * - `glare`: the peer answered 491 because its own re-INVITE crossed ours → retry after RFC 3261 §14.1's delay.
 * JsSIP itself terminates the session on any failed hold/unhold (JsSIP #771, #806); see `reoffer.ts`.
 */

export type ReofferOutcome = 'ok' | 'glare' | 'busy' | 'failed' | 'noop';

export interface QueueDeps {
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
}

export const realDeps: QueueDeps = {
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
  now: () => Date.now(),
};

/** RFC 3261 §14.1: the Call-ID owner waits 2.1–4 s, the other side 0–2 s (10 ms units). */
export function glareDelayMs(ownsCallId: boolean, random: () => number): number {
  const r = Math.min(0.999999, Math.max(0, random()));
  return ownsCallId ? 2100 + Math.floor((r * 1900) / 10) * 10 : Math.floor((r * 2000) / 10) * 10;
}

export interface ReofferQueueOptions {
  ownsCallId: boolean;
  deps?: QueueDeps;
  busyPollMs?: number;
  maxBusyWaitMs?: number;
  maxGlareRetries?: number;
}

export class ReofferQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private readonly deps: QueueDeps;
  /** 491 answers retried so far (diagnostics). */
  glareRetries = 0;

  constructor(private readonly opts: ReofferQueueOptions) {
    this.deps = opts.deps ?? realDeps;
  }

  /** Runs `attempt` after every earlier operation settled, retrying busy/glare outcomes. */
  run(attempt: () => Promise<ReofferOutcome> | ReofferOutcome): Promise<ReofferOutcome> {
    const result = this.tail.then(() => this.loop(attempt));
    this.tail = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    this.disposed = true;
  }

  private async loop(attempt: () => Promise<ReofferOutcome> | ReofferOutcome): Promise<ReofferOutcome> {
    const busyPoll = this.opts.busyPollMs ?? 50;
    const busyDeadline = this.deps.now() + (this.opts.maxBusyWaitMs ?? 10_000);
    let glares = 0;
    for (;;) {
      if (this.disposed) return 'failed';
      const outcome = await attempt();
      if (outcome === 'busy') {
        if (this.deps.now() >= busyDeadline) return 'failed';
        await this.deps.sleep(busyPoll);
        continue;
      }
      if (outcome === 'glare') {
        if (++glares > (this.opts.maxGlareRetries ?? 5)) return 'failed';
        this.glareRetries++;
        await this.deps.sleep(glareDelayMs(this.opts.ownsCallId, this.deps.random));
        continue;
      }
      return outcome;
    }
  }
}
