/**
 * The components' `useTranslation()`: `{ t, i18n }` for the UI language, re-rendering only when the language
 * changes. react-i18next's hook of the same name does much more on every render of every component (namespace
 * bookkeeping with JSON.stringify, a readiness check per namespace, a property-copying i18n wrapper, and a
 * `getFixedT` whose every `t` call builds an options object): in a screen-pop's CPU profile it took ~3 ms of the
 * card's render. We load every text at start (no namespaces, no lazy loading, no Suspense), so none of that
 * applies. `t` keeps its identity for a language, so memoized children stay memoized.
 */
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { i18n } from './index';

export interface Translation {
  t: TFunction;
  i18n: typeof i18n;
}

const bound = new Map<string, Translation>();

function translationFor(language: string): Translation {
  let b = bound.get(language);
  if (!b) {
    // i18n.t reads the current language itself; the closure's identity is what tells React it changed.
    const t = ((...args: Parameters<TFunction>) => i18n.t(...args)) as TFunction;
    b = { t, i18n };
    bound.set(language, b);
  }
  return b;
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

const language = () => i18n.language;

export function useTranslation(): Translation {
  return translationFor(useSyncExternalStore(subscribe, language, language));
}
