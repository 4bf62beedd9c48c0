import { describe, expect, it } from 'vitest';
import { mergeTrees, nestFlat } from './merge';
import { es } from './es';
import { en } from './en';

describe('nestFlat', () => {
  it('nests dotted keys under an optional prefix', () => {
    expect(nestFlat({ 'money.negative': 'x', 'money.empty': 'y' })).toEqual({ money: { negative: 'x', empty: 'y' } });
    expect(nestFlat({ too_short: 'z' }, 'phones.error')).toEqual({ phones: { error: { too_short: 'z' } } });
  });
  it('refuses a key that is both a text and a group', () => {
    expect(() => nestFlat({ a: 'x', 'a.b': 'y' })).toThrow(/clash/);
  });
});

describe('mergeTrees', () => {
  it('merges disjoint branches and refuses a conflicting text', () => {
    const t = mergeTrees({ a: { b: '1' } }, { a: { c: '2' }, d: '3' });
    expect(t).toEqual({ a: { b: '1', c: '2' }, d: '3' });
    expect(() => mergeTrees({ a: { b: '1' } }, { a: { b: '2' } })).toThrow(/a\.b/);
  });
});

describe('es/en resources', () => {
  const leaves = (t: object, p = ''): string[] =>
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : leaves(v as object, `${p}${k}.`)));
  it('have exactly the same keys and the same {{params}} per key', () => {
    expect(leaves(en).sort()).toEqual(leaves(es).sort());
    const get = (t: object, path: string) => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], t) as string;
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leaves(es)) expect(params(get(en, key)), key).toEqual(params(get(es, key)));
  });
});
