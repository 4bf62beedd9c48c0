/**
 * i18next's `t()` looks the key up, picks the plural, interpolates and post-processes on every call (~10 µs each
 * in the desk's renderer), and a screen calls it hundreds of times per render with the same keys and values: a
 * screen-pop's debtor card spent ~4 ms of its render in it. A text depends only on the language, the resources
 * and the call's arguments, so calls whose options are plain values are answered from a cache, emptied whenever
 * the language or the resources change. Anything else (selector functions, object options, several keys) goes
 * to i18next as it is. `exists()` (the timeline asks it twice per entry) is kept the same way.
 */
import type { i18n as I18n } from 'i18next';

/** More distinct texts than any screen shows; past it the cache starts over rather than grow. */
const MAX_ENTRIES = 20_000;

/**
 * The cache key of one call: language, key and every option, or null when the call is not plain data (an object
 * or function among the options, a selector instead of a key, extra arguments).
 */
export function callKey(language: string, args: readonly unknown[]): string | null {
  const [key, opts, ...rest] = args;
  if (typeof key !== 'string' || rest.length > 0) return null;
  let k = `${language}\u0000${key}`;
  if (opts === undefined || opts === null) return k;
  if (typeof opts === 'string') return `${k}\u0000=${opts}`; // t(key, defaultValue)
  if (typeof opts !== 'object' || Array.isArray(opts)) return null;
  for (const name in opts) {
    const v = (opts as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    switch (typeof v) {
      case 'string':
        k += `\u0000${name}=s${v}`;
        break;
      case 'number':
      case 'boolean':
        k += `\u0000${name}=${typeof v === 'number' ? 'n' : 'b'}${String(v)}`;
        break;
      default:
        // i18next's own fixedT passes `lngs` and `ns` as arrays of names.
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) k += `\u0000${name}=a${v.join('\u0001')}`;
        else return null;
    }
  }
  return k;
}

/** Replaces `instance.t` and `instance.exists` with cached versions (react-i18next's `t` calls `instance.t`). */
export function memoizeTranslations(instance: I18n): void {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const exists = instance.exists.bind(instance) as unknown as (...args: unknown[]) => boolean;
  const texts = new Map<string, string>();
  const known = new Map<string, boolean>();
  const clear = () => {
    texts.clear();
    known.clear();
  };
  instance.on('languageChanged', clear);
  instance.on('loaded', clear);
  instance.store.on('added', clear);
  instance.store.on('removed', clear);

  instance.t = ((...args: unknown[]) => {
    const k = callKey(instance.language, args);
    if (k === null) return translate(...args);
    const hit = texts.get(k);
    if (hit !== undefined) return hit;
    const text = translate(...args);
    if (typeof text === 'string') {
      if (texts.size >= MAX_ENTRIES) texts.clear();
      texts.set(k, text);
    }
    return text;
  }) as unknown as I18n['t'];

  instance.exists = ((...args: unknown[]) => {
    const k = callKey(instance.language, args);
    if (k === null) return exists(...args);
    let yes = known.get(k);
    if (yes === undefined) {
      yes = exists(...args);
      if (known.size >= MAX_ENTRIES) known.clear();
      known.set(k, yes);
    }
    return yes;
  }) as unknown as I18n['exists'];
}
