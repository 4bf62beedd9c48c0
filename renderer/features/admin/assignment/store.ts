/** Assignment of one creditor's accounts: the load per agent, and a balanced (re)assignment plan. */
import { create } from 'zustand';
import { api } from '../../../api';
import type { AssignmentResult, AssignmentSummary } from '../../../../shared/api/methods/admin';
import { toRequest, type AssignForm } from './assign-form';

interface AssignmentState {
  creditorId: string;
  summary: AssignmentSummary | null;
  form: AssignForm;
  result: AssignmentResult | null;
  /** A missing field found before asking the server: i18n key + which field. */
  formIssue: { key: string; field: string } | null;
  busy: boolean;
  error: unknown;
  load(creditorId: string): Promise<void>;
  edit(patch: Partial<AssignForm>): void;
  run(dryRun: boolean): Promise<void>;
}

export const useAssignment = create<AssignmentState>((set, get) => ({
  creditorId: '',
  summary: null,
  form: {
    scope: 'all', segments: '', fromAgents: [], target: 'agents', teamId: '', agents: [], extraAgents: '',
    balanceBy: 'count', keepCurrent: true, reason: '',
  },
  result: null,
  formIssue: null,
  busy: false,
  error: null,
  async load(creditorId) {
    set({ creditorId, summary: null, result: null, error: null });
    if (!creditorId) return;
    try {
      const summary = await api.admin.assignmentSummary({ creditorId });
      if (get().creditorId === creditorId) set({ summary });
    } catch (error) {
      set({ error });
    }
  },
  edit(patch) {
    set({ form: { ...get().form, ...patch }, formIssue: null });
  },
  async run(dryRun) {
    const r = toRequest(get().creditorId, get().form, dryRun);
    if (!r.ok) return set({ formIssue: { key: r.key, field: r.field } });
    set({ busy: true, error: null, formIssue: null });
    try {
      const result = await api.admin.assign(r.req);
      set({ result });
      if (!dryRun) {
        const summary = await api.admin.assignmentSummary({ creditorId: get().creditorId });
        set({ summary });
      }
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
}));
