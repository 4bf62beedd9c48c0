import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { card: vi.fn() },
  notes: { add: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { useDebtor, NOTE_MAX } = await import('./store');

const card = (id: string): DebtorCard => ({
  debtor: { id } as DebtorCard['debtor'], accounts: [], phones: [], payments: [], contacts: [], promises: [], callbacks: [],
  notes: [{ id: 'n0', debtorId: id, agentId: 'u', text: 'old', createdAt: '2026-11-01T10:00:00Z' }],
});

beforeEach(async () => {
  vi.clearAllMocks();
  useDebtor.getState().close();
  api.portfolio.card.mockResolvedValueOnce(card('d1'));
  await useDebtor.getState().open('d1');
});

describe('debtor store: notes', () => {
  it('refuses an empty or too long note locally, without asking the host', async () => {
    useDebtor.getState().setNoteDraft('   ');
    expect(await useDebtor.getState().saveNote()).toBe(false);
    expect(useDebtor.getState().noteLocalError).toEqual({ key: 'notes.empty' });
    useDebtor.getState().setNoteDraft('x'.repeat(NOTE_MAX + 1));
    expect(await useDebtor.getState().saveNote()).toBe(false);
    expect(useDebtor.getState().noteLocalError).toEqual({ key: 'notes.tooLong', params: { count: NOTE_MAX + 1 } });
    expect(api.notes.add).not.toHaveBeenCalled();
  });

  it('saves a trimmed note and puts it first on the card', async () => {
    api.notes.add.mockImplementationOnce(async ({ debtorId, text }: { debtorId: string; text: string }) => ({
      id: 'n1', debtorId, agentId: 'u', text, createdAt: '2026-11-25T10:00:00Z',
    }));
    useDebtor.getState().setNoteDraft('  paga el viernes  ');
    expect(await useDebtor.getState().saveNote()).toBe(true);
    expect(api.notes.add).toHaveBeenCalledWith({ debtorId: 'd1', text: 'paga el viernes' });
    expect(useDebtor.getState().card!.notes.map((n) => n.text)).toEqual(['paga el viernes', 'old']);
    expect(useDebtor.getState().noteDraft).toBe('');
  });

  it('keeps the draft and the field error when the host refuses the note', async () => {
    const refused = new ApiError({ code: 'invalid_input', message: 'x', key: 'errors.invalidField', issues: [{ path: 'text', code: 'too_big', message: 'too long' }] });
    api.notes.add.mockRejectedValueOnce(refused);
    useDebtor.getState().setNoteDraft('algo');
    expect(await useDebtor.getState().saveNote()).toBe(false);
    expect(useDebtor.getState().noteDraft).toBe('algo');
    expect(useDebtor.getState().noteError).toBe(refused);
  });

  it('shows only the last opened debtor when two cards answer out of order', async () => {
    let answerFirst!: (c: DebtorCard) => void;
    api.portfolio.card.mockReturnValueOnce(new Promise((r) => (answerFirst = r)));
    api.portfolio.card.mockResolvedValueOnce(card('d3'));
    const first = useDebtor.getState().open('d2');
    await useDebtor.getState().open('d3');
    answerFirst(card('d2'));
    await first;
    expect(useDebtor.getState().card!.debtor.id).toBe('d3');
  });
});
