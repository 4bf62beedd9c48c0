import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsRepo, type SettingsProblem } from './settings-repo';
import { freshStore } from '../testing/store-fixture';

let close: () => void = () => {};
afterEach(() => close());
const defaults = { language: 'es' as const, serverUrl: 'http://127.0.0.1:8080' };

describe('settings', () => {
  it('returns defaults, then the updated values, validated', () => {
    const s = freshStore();
    close = s.close;
    const repo = createSettingsRepo(s.db, defaults);
    expect(repo.get()).toEqual(defaults);
    expect(repo.update({ language: 'en' })).toEqual({ ...defaults, language: 'en' });
    expect(createSettingsRepo(s.db, defaults).get().language).toBe('en');
    expect(() => repo.update({ serverUrl: 'ftp://x' } as never)).toThrow();
    expect(() => repo.update({ colour: 'red' } as never)).toThrow();
    expect(repo.get().serverUrl).toBe(defaults.serverUrl);
  });

  it('reports a corrupt value, uses the default, and keeps the bad text when overwriting it', () => {
    const s = freshStore();
    close = s.close;
    s.db.prepare("INSERT INTO settings VALUES ('language', '\"klingon\"'), ('serverUrl', '{not json')").run();
    const problems: SettingsProblem[] = [];
    const repo = createSettingsRepo(s.db, defaults, (p) => problems.push(p));
    expect(repo.get()).toEqual(defaults);
    expect(problems.map((p) => [p.key, p.i18nKey])).toEqual([
      ['language', 'errors.settings.corrupt'], ['serverUrl', 'errors.settings.corrupt'],
    ]);
    expect(problems[1]!.params.reason).toMatch(/not JSON/);
    repo.update({ language: 'en' });
    expect(repo.get().language).toBe('en');
    const kept = s.db.prepare("SELECT value FROM settings WHERE key LIKE 'corrupt:language:%'").pluck().all();
    expect(kept).toEqual(['"klingon"']);
    expect(s.db.prepare("SELECT value FROM settings WHERE key = 'serverUrl'").pluck().get()).toBe('{not json');
  });
});
