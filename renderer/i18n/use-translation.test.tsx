import { afterEach, describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { i18n } from './index';
import { useTranslation, type Translation } from './use-translation';

afterEach(async () => {
  await i18n.changeLanguage('es');
});

function capture(seen: Translation[]) {
  return function Probe() {
    const tr = useTranslation();
    seen.push(tr);
    return <span>{tr.t('top.logout')}</span>;
  };
}

describe('useTranslation', () => {
  it('gives the texts of the UI language, the same t while the language stays, a new one when it changes', async () => {
    const seen: Translation[] = [];
    const Probe = capture(seen);
    await i18n.changeLanguage('es');
    const es1 = renderToString(<Probe />);
    const es2 = renderToString(<Probe />);
    await i18n.changeLanguage('en');
    const en = renderToString(<Probe />);
    expect(es1).toBe(es2);
    expect(es1).toContain('Salir');
    expect(en).toContain(i18n.getFixedT('en')('top.logout'));
    expect(es1).not.toBe(en);
    expect(seen[0]!.t).toBe(seen[1]!.t); // stable identity: memoized children are not re-rendered for nothing
    expect(seen[2]!.t).not.toBe(seen[0]!.t); // a language change is a new t, so consumers render again
    expect(seen[2]!.i18n).toBe(i18n);
  });

  it('translates exactly as i18next does, options and plurals included', async () => {
    for (const lng of ['es', 'en']) {
      await i18n.changeLanguage(lng);
      const seen: Translation[] = [];
      const Probe = capture(seen);
      renderToString(<Probe />);
      const { t } = seen[0]!;
      const plain = i18n.getFixedT(lng);
      for (const count of [0, 1, 3]) expect(t('sync.refusedCount', { count })).toBe(plain('sync.refusedCount', { count }));
      expect(t('no.such.key', { defaultValue: 'x' })).toBe('x');
    }
  });
});
