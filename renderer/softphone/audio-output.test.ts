import { afterEach, describe, expect, it } from 'vitest';
import { Ringer } from './audio-output';
import { silentLogger } from './ports';

// Node has no Web Audio: a stand-in that records what the ringer asks of the context and of a media element.
const calls: string[] = [];
const param = () => ({ value: 0, setValueAtTime: () => undefined, cancelScheduledValues: () => undefined });
const node = (name: string) => ({ connect: (to: { name?: string }) => calls.push(`${name}→${to.name ?? '?'}`) });

class FakeContext {
  static made = 0;
  state = 'running';
  currentTime = 0;
  destination = { name: 'speaker' };
  constructor() {
    FakeContext.made++;
  }
  createGain() {
    return { ...node('gain'), name: 'gain', gain: param() };
  }
  createOscillator() {
    return { ...node('osc'), name: 'osc', frequency: param(), start: () => undefined };
  }
  createMediaStreamDestination() {
    return { name: 'stream', stream: { id: 'ring-stream' } };
  }
  async resume() {
    calls.push('resume');
    this.state = 'running';
  }
  async suspend() {
    calls.push('suspend');
    this.state = 'suspended';
  }
  async close() {
    calls.push('close');
  }
}
/** Chromium 110+: the context picks its output device. */
class SinkContext extends FakeContext {
  async setSinkId(id: string) {
    if (id === 'gone') throw new Error('NotFoundError');
    calls.push(`ctx.setSinkId(${id})`);
  }
}
class FakeAudio {
  srcObject: unknown = null;
  async setSinkId(id: string) {
    calls.push(`el.setSinkId(${id})`);
  }
  async play() {
    calls.push('el.play');
  }
  pause() {
    calls.push('el.pause');
  }
}

function install(ctx: typeof FakeContext) {
  calls.length = 0;
  FakeContext.made = 0;
  Object.assign(globalThis, { AudioContext: ctx, Audio: FakeAudio });
}
afterEach(() => {
  delete (globalThis as Record<string, unknown>).AudioContext;
  delete (globalThis as Record<string, unknown>).Audio;
});

describe('Ringer', () => {
  it('rings straight from its context on the chosen speaker: built once, the device set only when it changes', async () => {
    install(SinkContext);
    const r = new Ringer(silentLogger);
    r.warm();
    r.warm();
    expect(FakeContext.made).toBe(1);
    expect(calls).toContain('gain→speaker');
    calls.length = 0;

    await r.start(''); // the system default: nothing to set
    expect(calls).toEqual(['resume']);
    r.stop();
    expect(calls.at(-1)).toBe('suspend');

    calls.length = 0;
    await r.start('headset');
    r.stop();
    await r.start('headset');
    r.stop();
    expect(calls.filter((c) => c.startsWith('ctx.setSinkId'))).toEqual(['ctx.setSinkId(headset)']);
    expect(calls.filter((c) => c === 'resume')).toHaveLength(2);
    expect(calls.some((c) => c.startsWith('el.'))).toBe(false); // no media element on this path
  });

  it('falls back to the default device when the chosen one is gone, and tries it again on the next ring', async () => {
    install(SinkContext);
    const r = new Ringer(silentLogger);
    await r.start('gone');
    r.stop();
    expect(calls).toContain('ctx.setSinkId()');
    expect(calls).toContain('resume');
    calls.length = 0;
    await r.start('gone');
    expect(calls).toContain('ctx.setSinkId()'); // asked again, not remembered as set
    r.dispose();
    expect(calls.at(-1)).toBe('close');
  });

  it('without setSinkId on the context, rings through one media element kept between rings', async () => {
    install(FakeContext);
    const r = new Ringer(silentLogger);
    await r.start('headset');
    r.stop();
    await r.start('headset');
    expect(calls).toContain('gain→stream');
    expect(calls.filter((c) => c === 'el.setSinkId(headset)')).toHaveLength(1);
    expect(calls.filter((c) => c === 'el.play')).toHaveLength(2);
    expect(calls).toContain('el.pause');
  });
});
