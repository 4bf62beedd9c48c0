/**
 * The desk's keyboard map. One table, shown on the buttons as well; F6–F10 belong to the phone bar and the
 * call column. Pure: `shortcutFor` maps a key event to an action so it is tested without a DOM.
 */
export type Action =
  | 'focusQueue'
  | 'search'
  | 'refreshQueue'
  | 'focusNote'
  | 'toggleLanguage'
  | 'focusAvailability'
  | 'focusSegment'
  | 'logout'
  | 'escape';

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function shortcutFor(e: KeyLike): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!e.altKey && !mod) {
    switch (e.key) {
      case 'F2': return 'focusQueue';
      case 'F3': return 'search';
      case 'F5': return 'refreshQueue';
      case 'Escape': return 'escape';
      default: return null;
    }
  }
  if (mod && !e.altKey && e.key.toLowerCase() === 'k') return 'search';
  if (e.altKey && !mod) {
    // Callers pass `keyOf(event)`, so macOS Option+letter (which types a symbol) still maps here.
    switch (e.key.toLowerCase()) {
      case 'n': return 'focusNote';
      case 'l': return 'toggleLanguage';
      case 'd': return 'focusAvailability';
      case 's': return 'focusSegment';
      case 'q': return 'logout';
      default: return null;
    }
  }
  return null;
}

/** Letter keys by physical position (KeyboardEvent.code "KeyN" → "n"), so Option+N on macOS still works. */
export function keyOf(e: { key: string; code: string; altKey: boolean }): string {
  return e.altKey && /^Key[A-Z]$/.test(e.code) ? e.code.slice(3).toLowerCase() : e.key;
}
