/** Segmentation rules of one creditor: the JSON document in the editor, a dry-run count, save, re-apply. */
import { create } from 'zustand';
import { api } from '../../../api';
import type { ResegmentResult, SavedSegments } from '../../../../shared/api/methods/admin';
import { parseRuleSetText } from './rule-text';

interface SegmentsState {
  creditorId: string;
  version: number | null;
  text: string;
  /** Counts from the last preview/save/apply, and which of them it was. */
  result: { kind: 'preview' | 'saved' | 'applied'; counts: ResegmentResult | SavedSegments } | null;
  busy: boolean;
  error: unknown;
  load(creditorId: string): Promise<void>;
  setText(text: string): void;
  preview(): Promise<void>;
  save(): Promise<void>;
  apply(): Promise<void>;
}

export const useSegments = create<SegmentsState>((set, get) => {
  /** Runs one server call with the editor's document, or stops at a JSON syntax error (shown by the editor). */
  async function withDoc(fn: (ruleSet: Record<string, unknown>) => Promise<void>) {
    const parsed = parseRuleSetText(get().text);
    if (!parsed.ok) return;
    set({ busy: true, error: null });
    try {
      await fn(parsed.value);
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  }
  return {
    creditorId: '',
    version: null,
    text: '',
    result: null,
    busy: false,
    error: null,
    async load(creditorId) {
      set({ creditorId, version: null, text: '', result: null, error: null });
      if (!creditorId) return;
      set({ busy: true });
      try {
        const r = await api.admin.segmentRules({ creditorId });
        if (get().creditorId === creditorId) set({ version: r.version, text: JSON.stringify(r.ruleSet, null, 2) });
      } catch (error) {
        set({ error });
      } finally {
        set({ busy: false });
      }
    },
    setText: (text) => set({ text }),
    preview: () => withDoc(async (ruleSet) => {
      const counts = await api.admin.segmentPreview({ creditorId: get().creditorId, ruleSet });
      set({ result: { kind: 'preview', counts } });
    }),
    save: () => withDoc(async (ruleSet) => {
      const counts = await api.admin.segmentSave({ creditorId: get().creditorId, ruleSet });
      set({ result: { kind: 'saved', counts }, version: counts.version });
    }),
    async apply() {
      set({ busy: true, error: null });
      try {
        const counts = await api.admin.segmentApply({ creditorId: get().creditorId });
        set({ result: { kind: 'applied', counts } });
      } catch (error) {
        set({ error });
      } finally {
        set({ busy: false });
      }
    },
  };
});
