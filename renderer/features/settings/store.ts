/** UI language, remembered by the host (app.updateSettings) and applied to i18next. */
import { create } from 'zustand';
import { api } from '../../api';
import { i18n } from '../../i18n';
import type { Language } from '../../../shared/domain/codes';

interface SettingsState {
  language: Language;
  /** Version and host capabilities, for the login footer and support. */
  version: string | null;
  serverUrl: string | null;
  error: unknown;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  language: 'es',
  version: null,
  serverUrl: null,
  error: null,
  async load() {
    void api.app.info().then((info) => set({ version: info.version }), () => undefined);
    try {
      const s = await api.app.getSettings();
      set({ serverUrl: s.serverUrl });
      await i18n.changeLanguage(s.language);
      document.documentElement.lang = s.language;
      set({ language: s.language, error: null });
    } catch (error) {
      set({ error });
    }
  },
  async setLanguage(language) {
    const before = get().language;
    if (language === before) return;
    // Switch at once; if the host cannot remember it, keep the switch and say so.
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
    set({ language, error: null });
    try {
      await api.app.updateSettings({ language });
    } catch (error) {
      set({ error });
    }
  },
}));
