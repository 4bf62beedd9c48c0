import { describe, expect, it } from 'vitest';
import { DeviceManager, type DeviceManagerDeps } from './devices';
import { MemoryDevicePreferences } from './ports';

type Dev = { deviceId: string; kind: MediaDeviceKind; label: string; groupId: string };

class FakeMediaDevices extends EventTarget {
  constructor(public list: Dev[]) {
    super();
  }
  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return this.list.map((d) => ({ ...d, toJSON: () => d })) as unknown as MediaDeviceInfo[];
  }
  unplug(id: string): void {
    this.list = this.list.filter((d) => d.deviceId !== id);
    this.dispatchEvent(new Event('devicechange'));
  }
}

const devs: Dev[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default', groupId: 'g' },
  { deviceId: 'mic-usb', kind: 'audioinput', label: 'USB headset mic', groupId: 'g1' },
  { deviceId: 'mic-int', kind: 'audioinput', label: 'Built-in mic', groupId: 'g2' },
  { deviceId: 'spk-usb', kind: 'audiooutput', label: 'USB headset', groupId: 'g1' },
];

function setup(prefs = new MemoryDevicePreferences()) {
  const md = new FakeMediaDevices([...devs]);
  const log: string[] = [];
  let current = '';
  const deps: DeviceManagerDeps = {
    prefs,
    media: {
      async acquire(id: string) {
        if (id && !md.list.some((d) => d.deviceId === id)) throw new Error('NotFoundError');
        current = id;
        log.push(`acquire:${id || 'default'}`);
        return {} as MediaStream;
      },
      get currentDeviceId() {
        return current;
      },
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    changed: () => undefined,
    notice: (key) => log.push(`notice:${key}`),
    replaceMicrophone: async () => void log.push('replace-mic-in-calls'),
    speakerChanged: async (id) => void log.push(`speaker:${id || 'default'}`),
    mediaDevices: md as unknown as MediaDevices,
  };
  return { dm: new DeviceManager(deps), md, log, prefs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('DeviceManager', () => {
  it('lists devices without the browser’s pseudo "default" entries', async () => {
    const { dm } = setup();
    await dm.init();
    await dm.refresh();
    expect(dm.state.inputs.map((d) => d.deviceId)).toEqual(['mic-usb', 'mic-int']);
    expect(dm.state.outputs.map((d) => d.label)).toEqual(['USB headset']);
  });

  it('remembers the chosen microphone and speaker through the preferences port', async () => {
    const { dm, prefs, log } = setup();
    await dm.init();
    await dm.setMicrophone('mic-usb');
    await dm.setSpeaker('spk-usb');
    expect(prefs.prefs).toEqual({ microphoneId: 'mic-usb', speakerId: 'spk-usb' });
    expect(log).toEqual(['acquire:mic-usb', 'replace-mic-in-calls', 'speaker:spk-usb']);
    const again = setup(prefs);
    await again.dm.init();
    expect([again.dm.microphoneId, again.dm.speakerId]).toEqual(['mic-usb', 'spk-usb']);
  });

  it('falls back to the default and tells the agent when the chosen devices are unplugged', async () => {
    const { dm, md, log } = setup(new MemoryDevicePreferences({ microphoneId: 'mic-usb', speakerId: 'spk-usb' }));
    await dm.init();
    await dm.refresh();
    log.length = 0;
    md.unplug('mic-usb');
    md.unplug('spk-usb');
    await flush();
    await dm.refresh();
    expect(dm.microphoneId).toBe('');
    expect(dm.speakerId).toBe('');
    expect(log).toContain('notice:phone.notice.microphoneLost');
    expect(log).toContain('notice:phone.notice.speakerLost');
    expect(log).toContain('acquire:default');
    expect(log).toContain('replace-mic-in-calls');
    expect(log).toContain('speaker:default');
  });

  it('stops listening for device changes on dispose', async () => {
    const { dm, md, log } = setup(new MemoryDevicePreferences({ microphoneId: 'mic-usb' }));
    await dm.init();
    dm.dispose();
    log.length = 0;
    md.unplug('mic-usb');
    await flush();
    expect(log).toEqual([]);
  });
});
