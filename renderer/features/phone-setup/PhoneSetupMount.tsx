import { useEffect } from 'react';
import { startPhoneLifecycle, usePhoneSetup } from './lifecycle';
import { PhoneSettingsPanel } from './PhoneSettingsPanel';

/** Mounted beside the agent's desk after login: the softphone's lifecycle, its settings panel (Alt+O) and dialing modes. */
export function PhoneSetupMount() {
  const open = usePhoneSetup((s) => s.panelOpen);
  useEffect(() => {
    const stop = startPhoneLifecycle();
    const onKey = (e: KeyboardEvent) => {
      // Esc closes the panel wherever the focus is (it may not have reached the form yet).
      if (e.key === 'Escape' && usePhoneSetup.getState().panelOpen) {
        e.preventDefault();
        usePhoneSetup.getState().closePanel();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyO' || e.key.toLowerCase() === 'o')) {
        e.preventDefault();
        usePhoneSetup.getState().openPanel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, []);
  return open ? <PhoneSettingsPanel /> : null;
}
