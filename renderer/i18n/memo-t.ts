/**
 * i18next's `t()` looks the key up, picks the plural, interpolates and post-processes on every call (~10 µs each
 * in the desk's renderer), and a screen calls it hundreds of times per render with the same keys and values: a
 * screen-pop's debtor card spent ~4 ms of its render in it. A text depends only on the language, the resources
 * and the call's arguments, so calls whose options are plain values are answered from a cache, emptied whenever
 * the language or the resources change. Anything else (selector functions, object options, several keys) goes
 * to i18next as it is. `exists()` (the timeline asks it twice per entry) is kept the same way.
 *
 * A pop's card also has texts that differ by their values only ("Resultado: {{outcome}}", "hora local {{time}}"):
 * those miss the cache every time. For a key whose options are plain variables (no count, context or other
 * i18next option), the text i18next gives with a marker in each variable's place is kept as a template, and the
 * next call fills the values in. A template is checked against i18next's own text when it is made; a key whose
 * text is not its values put in place (a formatter, a plural) keeps going to i18next.
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
    // Present but empty is not absent: i18next interpolates `{ name: undefined }` as "" and leaves "{{name}}" when
    // there is no `name` at all.
    if (v === undefined || v === null) {
      k += `\u0000${name}=${v === undefined ? 'u' : 'z'}`;
      continue;
    }
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

/** Options that are i18next's own, not variables of the text: a call with one of these is never templated. */
const I18N_OPTIONS = new Set([
  'count', 'context', 'ordinal', 'defaultValue', 'lng', 'lngs', 'ns', 'fallbackLng', 'keyPrefix', 'returnObjects',
  'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'replace', 'skipInterpolation', 'nsSeparator',
  'keySeparator', 'appendNamespaceToCIMode',
]);
const MARK = '\u0001';
const MARKED = /\u0001(\d+)\u0001/g;
/**
 * i18next's nesting prefix (the default; we set no other). A value holding it changes how i18next treats the
 * text's own nestings ("Ver $t(a) {{name}}" with name "$t(a)" keeps both literal), so such calls go to i18next.
 */
const NESTING = '$t(';

/** A text with its variables' places: literal, variable index, literal, …, literal. */
export type Template = Array<string | number>;

/**
 * The variables of a call that may be templated (names in call order, values plain strings or numbers), or null.
 */
export function templateVariables(args: readonly unknown[]): { names: string[]; values: string[] } | null {
  const [key, opts, ...rest] = args;
  if (typeof key !== 'string' || rest.length > 0 || opts === null || typeof opts !== 'object' || Array.isArray(opts)) return null;
  const names: string[] = [];
  const values: string[] = [];
  for (const name in opts) {
    const v = (opts as Record<string, unknown>)[name];
    if (I18N_OPTIONS.has(name) || name.includes('_')) return null;
    if (typeof v === 'string') {
      if (v.includes(MARK) || v.includes(NESTING)) return null;
      values.push(v);
    } else if (typeof v === 'number') {
      values.push(String(v));
    } else {
      return null;
    }
    names.push(name);
  }
  return names.length > 0 ? { names, values } : null;
}

/** The template of a text i18next gave with `MARK<i>MARK` as variable i. */
export function parseTemplate(marked: string): Template {
  const parts: Template = [];
  let last = 0;
  for (const m of marked.matchAll(MARKED)) {
    parts.push(marked.slice(last, m.index), Number(m[1]));
    last = m.index + m[0].length;
  }
  parts.push(marked.slice(last));
  return parts;
}

export function fillTemplate(parts: Template, values: readonly string[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? (values[p] ?? '') : p;
  return out;
}

/** Replaces `instance.t` and `instance.exists` with cached versions (react-i18next's `t` calls `instance.t`). */
export function memoizeTranslations(instance: I18n): void {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const exists = instance.exists.bind(instance) as unknown as (...args: unknown[]) => boolean;
  const texts = new Map<string, string>();
  const known = new Map<string, boolean>();
  const templates = new Map<string, Template | null>(); // null: this key's text is not its values put in place
  const clear = () => {
    texts.clear();
    known.clear();
    templates.clear();
  };

  /** The text from the key's template, making (and checking) the template on first use; undefined: ask i18next. */
  function fromTemplate(args: unknown[]): string | undefined {
    const vars = templateVariables(args);
    if (!vars) return undefined;
    const tk = `${instance.language}\u0000${args[0] as string}\u0000${vars.names.join('\u0001')}`;
    const tpl = templates.get(tk);
    if (tpl) return fillTemplate(tpl, vars.values);
    if (tpl === null) return undefined;
    const marks: Record<string, string> = {};
    vars.names.forEach((n, i) => (marks[n] = `${MARK}${i}${MARK}`));
    const marked = translate(args[0], marks);
    const real = translate(...args);
    const parts = typeof marked === 'string' ? parseTemplate(marked) : null;
    const ok = parts !== null && typeof real === 'string' && fillTemplate(parts, vars.values) === real;
    if (templates.size >= MAX_ENTRIES) templates.clear();
    templates.set(tk, ok ? parts : null);
    return typeof real === 'string' ? real : undefined;
  }
  instance.on('languageChanged', clear);
  instance.on('loaded', clear);
  instance.store.on('added', clear);
  instance.store.on('removed', clear);

  instance.t = ((...args: unknown[]) => {
    const k = callKey(instance.language, args);
    if (k === null) return translate(...args);
    const hit = texts.get(k);
    if (hit !== undefined) return hit;
    const text = fromTemplate(args) ?? translate(...args);
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
