/** What the phone bar test page exposes on window (typed for the specs). */
import type { MemoryDevicePreferences, Softphone } from '../../renderer/softphone';

export interface BarPageApi {
  engine: Softphone;
  prefs: MemoryDevicePreferences;
  setLanguage(l: 'es' | 'en'): Promise<unknown>;
}

declare global {
  interface Window {
    bar: BarPageApi;
  }
}
