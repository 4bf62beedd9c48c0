import { useTranslation } from '../../i18n/use-translation';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import { uiLocale } from '../../i18n';
import { dateTimeIn } from '../../lib/format';
import { ErrorNotice, useFieldErrors } from '../../ui/ErrorNotice';
import { Kbd } from '../../ui/Kbd';
import { Section } from '../../ui/Panel';
import { useSession } from '../session/store';
import { agentNamer } from './agent-label';
import { NOTE_MAX, useDebtor } from './store';

export const NOTE_INPUT_ID = 'note-input';

/** Add-note box (Alt+N; Enter saves, Shift+Enter new line) and the debtor's notes, newest first. */
export function NotesSection({ card }: { card: DebtorCard }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { noteDraft, noteSaving, noteError, noteLocalError, noteSavedAt, setNoteDraft, saveNote } = useDebtor();
  const fields = useFieldErrors(noteError);
  const fieldMsg = noteLocalError ? t(noteLocalError.key, noteLocalError.params) : fields.text;
  const notes = [...card.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const selfId = useSession((s) => s.session?.user.id ?? null);
  const who = agentNamer(card.staff, selfId, t('timeline.you'));
  return (
    <Section title={t('debtor.notes')} aside={String(card.notes.length)} id="notes">
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveNote();
        }}
      >
        <label className="visually-hidden" htmlFor={NOTE_INPUT_ID}>{t('notes.label')}</label>
        <textarea
          id={NOTE_INPUT_ID}
          rows={2}
          value={noteDraft}
          placeholder={t('notes.placeholder')}
          maxLength={NOTE_MAX + 500}
          onChange={(e) => setNoteDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void saveNote();
            }
            // Esc is the desk's: it backs out to the queue (app/use-shortcuts).
          }}
          aria-invalid={fieldMsg ? true : undefined}
          aria-describedby={fieldMsg ? 'note-err' : undefined}
          disabled={noteSaving}
        />
        <div className="note-actions">
          {fieldMsg && <span id="note-err" className="field-error" role="alert">{fieldMsg}</span>}
          {!fieldMsg && noteSavedAt && <span className="state state-ok" role="status"><span className="state-mark" aria-hidden="true">✓</span>{t('notes.saved')}</span>}
          <span className="topbar-spacer" />
          <button type="submit" className="btn btn-small" disabled={noteSaving}>
            {noteSaving ? t('notes.saving') : t('notes.save')} <Kbd>Enter</Kbd>
          </button>
          <Kbd>Alt+N</Kbd>
        </div>
        {noteError && !fields.text ? <ErrorNotice error={noteError} compact /> : null}
      </form>
      {notes.length === 0 ? (
        <p className="empty">{t('debtor.notesEmpty')}</p>
      ) : (
        <ul className="notes" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id} className="note">
              <span className="tl-when num">{dateTimeIn(n.createdAt, card.debtor.timeZone, locale)}</span>
              <span className="note-agent" title={n.agentId}>{who(n.agentId)}</span>
              <span className="note-text">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
