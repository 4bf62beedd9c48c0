/**
 * The rule form's model: the editor's JSON document stays the one source of truth; the form reads a rule out of
 * it and writes a rule back, touching only what it knows, so conditions the form has no control for survive.
 * Balances are typed in major units of the currency and stored in minor units. Pure: tested beside.
 */
import { CURRENCIES, minorPerMajor, type CurrencyCode } from '../../../../shared/money/currency';

export const DPD_BUCKETS = ['1-30', '31-60', '61-90', '90+'] as const;
export const HISTORIES = ['occasional_late', 'chronic_late', 'first_default', 'unknown'] as const;
export const LANGS = ['es', 'en'] as const;
export const CURRENCY_LIST = Object.keys(CURRENCIES) as CurrencyCode[];

export interface RuleForm {
  segment: string;
  label: string;
  dpdBuckets: string[];
  paymentHistory: string[];
  languages: string[];
  dpdMin: string;
  dpdMax: string;
  currency: CurrencyCode | '';
  balanceMin: string;
  balanceMax: string;
  products: string;
  regions: string;
  countries: string;
  ageMin: string;
  ageMax: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const num = (v: unknown): string => (typeof v === 'number' ? String(v) : '');
const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

function isCurrency(c: unknown): c is CurrencyCode {
  return typeof c === 'string' && c in CURRENCIES;
}

function majorOf(minor: unknown, c: CurrencyCode | ''): string {
  if (typeof minor !== 'number') return '';
  return c ? String(minor / minorPerMajor(c)) : String(minor);
}

/** A rule of the document → the form's fields. */
export function ruleToForm(rule: unknown): RuleForm {
  const r = obj(rule);
  const w = obj(r.when);
  const bal = obj(w.balance);
  const currency = isCurrency(bal.currency) ? bal.currency : '';
  return {
    segment: typeof r.segment === 'string' ? r.segment : '',
    label: typeof r.label === 'string' ? r.label : '',
    dpdBuckets: strings(w.dpdBuckets),
    paymentHistory: strings(w.paymentHistory),
    languages: strings(w.languages),
    dpdMin: num(obj(w.daysPastDue).min),
    dpdMax: num(obj(w.daysPastDue).max),
    currency,
    balanceMin: majorOf(bal.min, currency),
    balanceMax: majorOf(bal.max, currency),
    products: strings(w.products).join(', '),
    regions: strings(w.regions).join(', '),
    countries: strings(w.countries).join(', '),
    ageMin: num(obj(w.ageYears).min),
    ageMax: num(obj(w.ageYears).max),
  };
}

/**
 * "12" → 12; "" → undefined; anything else is kept as the text so the server refuses it with its path (the
 * admin sees the problem beside the field instead of the form silently dropping it).
 */
function intOrText(s: string, scale = 1): number | string | undefined {
  const t = s.trim().replace(/\s/g, '');
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? Math.round(n * scale) : t;
}

function range(min: string, max: string, scale = 1): Obj | undefined {
  const out: Obj = {};
  const a = intOrText(min, scale);
  const b = intOrText(max, scale);
  if (a !== undefined) out.min = a;
  if (b !== undefined) out.max = b;
  return Object.keys(out).length ? out : undefined;
}

/** The form → the rule, keeping the conditions the form does not show. */
export function formToRule(f: RuleForm, previous: unknown): Obj {
  const prev = obj(previous);
  const when: Obj = { ...obj(prev.when) };
  const setOrDrop = (k: string, v: unknown) => {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete when[k];
    else when[k] = v;
  };
  setOrDrop('dpdBuckets', DPD_BUCKETS.filter((b) => f.dpdBuckets.includes(b)));
  setOrDrop('paymentHistory', HISTORIES.filter((h) => f.paymentHistory.includes(h)));
  setOrDrop('languages', LANGS.filter((l) => f.languages.includes(l)));
  setOrDrop('daysPastDue', range(f.dpdMin, f.dpdMax));
  setOrDrop('ageYears', range(f.ageMin, f.ageMax));
  const bal = range(f.balanceMin, f.balanceMax, f.currency ? minorPerMajor(f.currency) : 1);
  setOrDrop('balance', bal || f.currency ? { ...(f.currency ? { currency: f.currency } : {}), ...(bal ?? {}) } : undefined);
  setOrDrop('products', list(f.products));
  setOrDrop('regions', list(f.regions));
  setOrDrop('countries', list(f.countries).map((c) => c.toUpperCase()));
  const rule: Obj = { ...prev, segment: f.segment.trim(), when };
  if (f.label.trim()) rule.label = f.label.trim();
  else delete rule.label;
  return rule;
}

/** Document edits the form offers: replace, add, remove, move a rule; set the fallback. */
export function withRule(doc: Obj, index: number, rule: Obj): Obj {
  const rules = Array.isArray(doc.rules) ? [...doc.rules] : [];
  rules[index] = rule;
  return { ...doc, rules };
}
export function addRule(doc: Obj, segment: string): Obj {
  const rules = Array.isArray(doc.rules) ? [...doc.rules] : [];
  return { ...doc, rules: [...rules, { segment, when: {} }] };
}
export function removeRule(doc: Obj, index: number): Obj {
  const rules = Array.isArray(doc.rules) ? doc.rules.filter((_, i) => i !== index) : [];
  return { ...doc, rules };
}
export function moveRule(doc: Obj, index: number, by: -1 | 1): Obj {
  const rules = Array.isArray(doc.rules) ? [...doc.rules] : [];
  const to = index + by;
  if (to < 0 || to >= rules.length) return doc;
  [rules[index], rules[to]] = [rules[to], rules[index]];
  return { ...doc, rules };
}
