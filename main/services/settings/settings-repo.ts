import type { Db } from '../store/open';
import { Settings } from '../../../shared/api/methods/app';

export interface SettingsProblem {
  key: string;
  /** i18n key + params for the UI; message for the log. */
  i18nKey: 'errors.settings.corrupt';
  params: { field: string; reason: string };
  message: string;
}

/**
 * Desk settings in the store's settings table, one JSON value per field, each validated with the contract's zod
 * schema. A corrupt value (hand-edited, older build) is reported and its default used; the bad text stays in the
 * table, and is copied aside under `corrupt:<field>:<time>` before an update overwrites it, so nothing is lost.
 */
export function createSettingsRepo(db: Db, defaults: Settings, onProblem: (p: SettingsProblem) => void = () => {}) {
  const all = db.prepare("SELECT key, value FROM settings WHERE key NOT LIKE 'corrupt:%'");
  const put = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const fields = Settings.shape;
  type Field = keyof typeof fields;

  function read(): { settings: Settings; problems: SettingsProblem[] } {
    const out: Record<string, unknown> = { ...defaults };
    const problems: SettingsProblem[] = [];
    for (const row of all.all() as Array<{ key: string; value: string }>) {
      if (!Object.hasOwn(fields, row.key)) continue; // a setting of a newer build: kept, ignored
      const schema = fields[row.key as Field];
      let reason: string | null = null;
      try {
        const parsed = schema.safeParse(JSON.parse(row.value));
        if (parsed.success) out[row.key] = parsed.data;
        else reason = parsed.error.issues[0]?.message ?? 'invalid';
      } catch (err) {
        reason = `not JSON: ${(err as Error).message}`;
      }
      if (reason !== null) {
        problems.push({
          key: row.key, i18nKey: 'errors.settings.corrupt', params: { field: row.key, reason },
          message: `setting ${row.key} is corrupt (${reason}); using the default`,
        });
      }
    }
    return { settings: Settings.parse(out), problems };
  }

  return {
    get(): Settings {
      const { settings, problems } = read();
      problems.forEach(onProblem);
      return settings;
    },
    problems(): SettingsProblem[] {
      return read().problems;
    },
    update(patch: Partial<Settings>): Settings {
      const checked = Settings.partial().strict().parse(patch);
      const { problems } = read();
      const stamp = new Date().toISOString();
      db.transaction(() => {
        for (const [key, value] of Object.entries(checked)) {
          if (value === undefined) continue;
          const bad = problems.find((p) => p.key === key);
          if (bad) {
            const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string;
            put.run(`corrupt:${key}:${stamp}`, raw);
          }
          put.run(key, JSON.stringify(value));
        }
      })();
      return read().settings;
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
