/**
 * The import flow: file → preview (server reads the head) → mapping → start (desk) → streamed upload (direct)
 * while the status is polled (desk) → report with paged defects (desk).
 */
import { create } from 'zustand';
import { api } from '../../../api';
import { ApiError } from '../../../../shared/api/errors';
import {
  checkMapping, type DefectPage, type ImportKind, type ImportStatus, type PreviewResponse,
} from '../../../../shared/import';
import type { HeadStats } from './progress';
import { previewFile, uploadFile } from './transfer';

export type ImportPhase = 'empty' | 'previewing' | 'mapping' | 'starting' | 'running' | 'done' | 'failed';
export const DEFECTS_PER_PAGE = 50;
const POLL_MS = 300;

export interface ImportOptionsForm {
  decimalMark: 'auto' | ',' | '.';
  dateOrder: 'dmy' | 'mdy';
}

interface ImportState {
  phase: ImportPhase;
  kind: ImportKind;
  file: File | null;
  preview: PreviewResponse | null;
  /** What the preview measured on the file's head (average row length, for the progress bar). */
  head: HeadStats | null;
  mapping: Record<string, string>;
  options: ImportOptionsForm;
  status: ImportStatus | null;
  /** Whole-flow failure (preview, start, upload), raw so it re-words itself on a language change. */
  error: unknown;
  defects: DefectPage | null;
  /** `after` cursors of the pages before the one shown (for "previous"). */
  defectCursors: number[];
  defectAfter: number;
  recent: ImportStatus[];
  setKind(kind: ImportKind): void;
  pickFile(file: File | null): Promise<void>;
  setMapping(field: string, header: string): void;
  setOption<K extends keyof ImportOptionsForm>(k: K, v: ImportOptionsForm[K]): void;
  start(creditorId: string): Promise<void>;
  pageDefects(dir: 'next' | 'prev'): Promise<void>;
  loadRecent(creditorId: string): Promise<void>;
  reset(): void;
}

const initial = {
  phase: 'empty' as ImportPhase,
  file: null,
  preview: null,
  head: null,
  mapping: {},
  status: null,
  error: null,
  defects: null,
  defectCursors: [],
  defectAfter: 0,
};

export const useImport = create<ImportState>((set, get) => ({
  ...initial,
  kind: 'accounts',
  options: { decimalMark: 'auto', dateOrder: 'dmy' },
  recent: [],

  setKind(kind) {
    set({ kind });
    const file = get().file;
    if (file) void get().pickFile(file);
  },

  async pickFile(file) {
    if (!file) return get().reset();
    set({ ...initial, file, phase: 'previewing' });
    try {
      const access = await api.admin.serverAccess();
      const { preview, head } = await previewFile(access, file, get().kind);
      if (get().file !== file) return; // another file was picked meanwhile
      set({ preview, head, mapping: { ...preview.suggestedMapping }, phase: 'mapping' });
    } catch (error) {
      if (get().file === file) set({ phase: 'empty', error });
    }
  },

  setMapping(field, header) {
    const mapping = { ...get().mapping };
    if (header) mapping[field] = header;
    else delete mapping[field];
    // A changed mapping makes the last refusal stale.
    set({ mapping, error: null });
  },

  setOption(k, v) {
    set({ options: { ...get().options, [k]: v } });
  },

  async start(creditorId) {
    const { file, preview, kind, mapping, options } = get();
    if (!file || !preview) return;
    // The same check the server makes, first here: the admin sees the field at once, no round trip.
    const check = checkMapping(kind, mapping, preview.headers);
    if (!check.ok) {
      set({
        error: new ApiError({
          code: 'invalid_input', message: `mapping refused: ${check.code}`, key: `import.error.${check.code}`, params: check.params,
          issues: [{ path: check.field, code: check.code, message: check.code }],
        }),
      });
      return;
    }
    set({ phase: 'starting', error: null, status: null, defects: null, defectCursors: [], defectAfter: 0 });
    let status: ImportStatus;
    try {
      status = await api.admin.importStart({
        creditorId, kind, fileName: file.name, mapping,
        options: {
          // What the preview detected, so the upload is read the same way the admin saw it.
          encoding: preview.encoding === 'latin1' ? 'latin1' : 'utf-8',
          delimiter: (['\t', ',', ';', '|'] as const).find((d) => d === preview.delimiter) ?? 'auto',
          decimalMark: options.decimalMark,
          dateOrder: options.dateOrder,
        },
      });
    } catch (error) {
      set({ phase: 'mapping', error });
      return;
    }
    set({ phase: 'running', status });
    const id = status.id;
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) break;
        try {
          const s = await api.admin.importStatus({ id });
          if (polling && get().status?.id === id) set({ status: s });
        } catch {
          // A missed poll is not a failure: the upload's own answer decides.
        }
      }
    };
    void poll();
    try {
      const access = await api.admin.serverAccess();
      const final = await uploadFile(access, id, file);
      polling = false;
      set({ status: final, phase: final.state === 'failed' ? 'failed' : 'done' });
    } catch (error) {
      polling = false;
      const s = await api.admin.importStatus({ id }).catch(() => null);
      set({ status: s ?? get().status, phase: 'failed', error });
    }
    await get().pageDefects('next').catch(() => undefined);
    void get().loadRecent(creditorId);
  },

  async pageDefects(dir) {
    const { status, defects, defectCursors, defectAfter } = get();
    if (!status) return;
    let after: number;
    let cursors = defectCursors;
    if (dir === 'next') {
      if (defects === null) after = 0;
      else if (defects.nextAfter === null) return;
      else {
        after = defects.nextAfter;
        cursors = [...defectCursors, defectAfter];
      }
    } else {
      if (cursors.length === 0) return;
      after = cursors[cursors.length - 1]!;
      cursors = cursors.slice(0, -1);
    }
    try {
      const page = await api.admin.importDefects({ id: status.id, after, limit: DEFECTS_PER_PAGE });
      set({ defects: page, defectCursors: cursors, defectAfter: after });
    } catch (error) {
      set({ error });
    }
  },

  async loadRecent(creditorId) {
    if (!creditorId) return set({ recent: [] });
    try {
      const { imports } = await api.admin.imports({ creditorId });
      set({ recent: imports });
    } catch {
      set({ recent: [] });
    }
  },

  reset() {
    set({ ...initial });
  },
}));
