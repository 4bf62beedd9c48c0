// The page's `window.recaudo` (the same declaration as renderer/api.ts), for page.evaluate in these specs.
import type { RecaudoBridge } from '../../../shared/api/contract';

declare global {
  interface Window {
    recaudo?: RecaudoBridge;
  }
}
export {};
