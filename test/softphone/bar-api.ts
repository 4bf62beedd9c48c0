/** What the phone bar test page exposes on window (typed for the specs). */
import type { Softphone } from '../../renderer/softphone';

export interface BarPageApi {
  engine: Softphone;
  setLanguage(l: 'es' | 'en'): Promise<unknown>;
}

declare global {
  interface Window {
    bar: BarPageApi;
  }
}
