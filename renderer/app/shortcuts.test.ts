import { describe, expect, it } from 'vitest';
import { keyOf, shortcutFor } from './shortcuts';

const k = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods,
});

describe('shortcutFor', () => {
  it('maps the desk keys', () => {
    expect(shortcutFor(k('F2'))).toBe('focusQueue');
    expect(shortcutFor(k('F3'))).toBe('search');
    expect(shortcutFor(k('k', { ctrlKey: true }))).toBe('search');
    expect(shortcutFor(k('K', { metaKey: true }))).toBe('search');
    expect(shortcutFor(k('F5'))).toBe('refreshQueue');
    expect(shortcutFor(k('n', { altKey: true }))).toBe('focusNote');
    expect(shortcutFor(k('l', { altKey: true }))).toBe('toggleLanguage');
    expect(shortcutFor(k('q', { altKey: true }))).toBe('logout');
    expect(shortcutFor(k('Escape'))).toBe('escape');
  });
  it('leaves typing and the phone keys alone', () => {
    expect(shortcutFor(k('n'))).toBeNull();
    expect(shortcutFor(k('k'))).toBeNull();
    expect(shortcutFor(k('F6'))).toBeNull();
    expect(shortcutFor(k('F10'))).toBeNull();
    expect(shortcutFor(k('n', { altKey: true, ctrlKey: true }))).toBeNull();
  });
  it('reads Alt+letter by physical key (macOS Option)', () => {
    expect(keyOf({ key: '˜', code: 'KeyN', altKey: true })).toBe('n');
    expect(keyOf({ key: 'F2', code: 'F2', altKey: false })).toBe('F2');
  });
});
