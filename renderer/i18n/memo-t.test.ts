import i18next from 'i18next';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { callKey, memoizeTranslations } from './memo-t';

const resources = {
  es: { translation: { a: 'Hola', n: { one: '{{count}} cuenta', other: '{{count}} cuentas' }, who: 'Hola {{name}}', ctx: 'x', ctx_male: 'él', two: '{{a}} y {{b}}: {{a}}', fmt: 'Total {{val, number}}', nest: 'Ver $t(a) {{name}}' } },
  en: { translation: { a: 'Hello', n: { one: '{{count}} account', other: '{{count}} accounts' }, who: 'Hi {{name}}', ctx: 'x', ctx_male: 'he', two: '{{a}} and {{b}}: {{a}}', fmt: 'Total {{val, number}}' } },
};

async function pair() {
  const init = { lng: 'es', fallbackLng: 'es', resources: structuredClone(resources), interpolation: { escapeValue: false }, initAsync: false } as const;
  const plain = i18next.createInstance();
  await plain.init(init);
  const memo = i18next.createInstance();
  await memo.init(init);
  const inner = vi.spyOn(memo, 't');
  memoizeTranslations(memo);
  return { plain, memo, inner };
}

/** Both instances in `lng` (a property's runs switch languages at random). */
async function bothIn(lng: string, ...instances: Array<{ language: string; changeLanguage(l: string): Promise<unknown> }>) {
  for (const i of instances) if (i.language !== lng) await i.changeLanguage(lng);
}

describe('memoized translations (memo-t.ts)', () => {
  it('give what i18next gives, for any key, count, name and language, fixed-language t() included', async () => {
    const { plain, memo } = await pair();
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('a', 'n', 'who', 'ctx', 'missing.key'),
      fc.record({ count: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), name: fc.option(fc.string(), { nil: undefined }), context: fc.option(fc.constant('male'), { nil: undefined }) }, { requiredKeys: [] }),
      fc.constantFrom('es', 'en'),
      async (key, opts, lng) => {
        await bothIn(lng, plain, memo);
        expect(memo.t(key, opts)).toBe(plain.t(key, opts));
        expect(memo.getFixedT('en')(key, opts)).toBe(plain.getFixedT('en')(key, opts));
        expect(memo.exists(key, opts)).toBe(plain.exists(key, opts));
      },
    ));
  });

  it('ask i18next once for a repeated call, again after the language or the resources change', async () => {
    const { memo, inner } = await pair();
    const fixed = memo.getFixedT(null, 'translation');
    fixed('who', { name: 'Ana' });
    fixed('who', { name: 'Ana' });
    expect(inner).toHaveBeenCalledTimes(1);
    // Another value: filled into the template made from the first call (see below), i18next not asked.
    const before = inner.mock.calls.length;
    expect(memo.t('who', { name: 'Luis' })).toBe('Hola Luis');
    const made = inner.mock.calls.length;
    expect(memo.t('who', { name: 'Eva' })).toBe('Hola Eva');
    expect(inner.mock.calls.length).toBe(made);
    expect(made).toBeGreaterThan(before);

    await memo.changeLanguage('en');
    expect(fixed('who', { name: 'Ana' })).toBe('Hi Ana');
    memo.addResourceBundle('en', 'translation', { who: 'Hey {{name}}' }, true, true);
    expect(fixed('who', { name: 'Ana' })).toBe('Hey Ana');
  });

  it('leave calls that are not plain data to i18next every time', async () => {
    const { memo, inner } = await pair();
    const opts = { name: { toString: () => 'Ana' } };
    memo.t('who', opts as never);
    memo.t('who', opts as never);
    expect(inner).toHaveBeenCalledTimes(2);
    expect(callKey('es', [['a', 'b']])).toBeNull();
    expect(callKey('es', ['a', { interpolation: { escapeValue: true } }])).toBeNull();
    expect(callKey('es', ['a', { count: 1 }])).not.toBe(callKey('es', ['a', { count: '1' }]));
    expect(callKey('es', ['a'])).not.toBe(callKey('en', ['a']));
  });

  it('fill the variables of a text into its template as i18next would, for any values, and leave formatted texts to it', async () => {
    const { plain, memo } = await pair();
    const value = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.constantFrom('{{name}}', '$t(a)', '\u0001', '\u00010\u0001', ''));
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('who', 'two', 'fmt', 'nest', 'a', 'missing.key'),
      fc.record({ name: value, a: value, b: value, val: fc.integer() }, { requiredKeys: [] }),
      fc.constantFrom('es', 'en'),
      async (key, opts, lng) => {
        await bothIn(lng, plain, memo);
        expect(memo.t(key, opts)).toBe(plain.t(key, opts));
        expect(memo.t(key, opts)).toBe(plain.t(key, opts)); // from the cache too
      },
    ), { numRuns: 400 });
  });

  // Found by the property above: a value holding i18next's nesting prefix changes what i18next does with the
  // text's own nesting, so it must not be filled into a template made with another value.
  it('leave a value that holds a nesting to i18next, after a template was made with a plain one', async () => {
    const { plain, memo } = await pair();
    await bothIn('en', plain, memo);
    expect(memo.t('nest', { name: 'x' })).toBe(plain.t('nest', { name: 'x' }));
    expect(memo.t('nest', { name: '$t(a)' })).toBe(plain.t('nest', { name: '$t(a)' }));
    expect(memo.t('nest', { name: 'y $t(a' })).toBe(plain.t('nest', { name: 'y $t(a' }));
  });

  it('make a template once per key and variables, and ask i18next for each new value of a formatted text', async () => {
    const { memo, inner } = await pair();
    memo.t('two', { a: 'x', b: 'y' });
    const made = inner.mock.calls.length;
    for (const v of ['1', '2', '3']) expect(memo.t('two', { a: v, b: 'z' })).toBe(`${v} y z: ${v}`);
    expect(inner.mock.calls.length).toBe(made);
    memo.t('fmt', { val: 1 });
    const f = inner.mock.calls.length;
    memo.t('fmt', { val: 2 });
    memo.t('fmt', { val: 3 });
    expect(inner.mock.calls.length).toBe(f + 2);
    await memo.changeLanguage('en');
    expect(memo.t('two', { a: '1', b: '2' })).toBe('1 and 2: 1');
    // A variable given as undefined is not a variable left out (i18next: "" against "{{name}}").
    const { plain } = await pair();
    await plain.changeLanguage('en');
    expect(memo.t('who', {})).toBe(plain.t('who', {}));
    expect(memo.t('who', { name: undefined })).toBe(plain.t('who', { name: undefined }));
  });
});
