import { useEffect } from 'react';
import { useDebtor } from '../features/debtor/store';
import { NOTE_INPUT_ID } from '../features/debtor/NotesSection';
import { QUEUE_LIST_ID } from '../features/queue/QueuePanel';
import { useQueue } from '../features/queue/store';
import { useSearch } from '../features/search/store';
import { useSession } from '../features/session/store';
import { useSettings } from '../features/settings/store';
import { keyOf, shortcutFor, type Action } from './shortcuts';

function focus(id: string): void {
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
  }
}

function run(action: Action): boolean {
  switch (action) {
    case 'focusQueue':
      useSearch.getState().hide();
      focus(QUEUE_LIST_ID);
      return true;
    case 'search':
      useSearch.getState().show();
      return true;
    case 'refreshQueue':
      void useQueue.getState().refresh(useSession.getState().session?.online ?? false);
      void useDebtor.getState().reload();
      return true;
    case 'focusNote':
      if (!useDebtor.getState().card) return false;
      focus(NOTE_INPUT_ID);
      return true;
    case 'toggleLanguage': {
      const s = useSettings.getState();
      void s.setLanguage(s.language === 'es' ? 'en' : 'es');
      return true;
    }
    case 'focusAvailability':
      focus('availability');
      return true;
    case 'focusSegment':
      focus('queue-segment');
      return true;
    case 'logout':
      void useSession.getState().logout();
      return true;
    case 'escape': {
      // Esc backs out one level: close search, else leave a field and go back to the queue.
      if (useSearch.getState().open) {
        useSearch.getState().hide();
        return true;
      }
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body && el.id !== QUEUE_LIST_ID) {
        focus(QUEUE_LIST_ID);
        return true;
      }
      return false;
    }
    default: {
      const never: never = action;
      throw new Error(`unhandled shortcut ${String(never)}`);
    }
  }
}

/** Installs the desk's global keys while the desk is on screen. */
export function useDeskShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = shortcutFor({ key: keyOf(e), altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey });
      if (action && run(action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
