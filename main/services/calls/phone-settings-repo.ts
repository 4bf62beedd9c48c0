/**
 * The agent's softphone account, per agent, in the encrypted store's settings table (`phone:<agentId>`). A save
 * without a password keeps the saved one; the view never carries it (see `credentials` in the contract).
 */
import type { Db } from '../store/open';
import {
  PhoneCredentials, PhoneSettingsInput, type PhoneSettingsView,
} from '../../../shared/api/methods/phone-settings';

const keyOf = (agentId: string) => `phone:${agentId}`;

export class MissingPasswordError extends Error {
  constructor() {
    super('the first save of a phone account needs its SIP password');
    this.name = 'MissingPasswordError';
  }
}

export function createPhoneSettingsRepo(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const put = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM settings WHERE key = ?');
  const allPhones = db.prepare("SELECT value FROM settings WHERE key LIKE 'phone:%'").pluck();

  function credentials(agentId: string): PhoneCredentials | null {
    const raw = get.get(keyOf(agentId)) as string | undefined;
    if (raw === undefined) return null;
    try {
      const parsed = PhoneCredentials.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null; // a corrupt account reads as "not configured": the form says so
    } catch {
      return null;
    }
  }
  const view = (c: PhoneCredentials): PhoneSettingsView => {
    const { password, ...rest } = c;
    return { ...rest, hasPassword: password.length > 0 };
  };

  return {
    credentials,
    view(agentId: string): PhoneSettingsView | null {
      const c = credentials(agentId);
      return c ? view(c) : null;
    },
    save(agentId: string, input: PhoneSettingsInput): PhoneSettingsView {
      const checked = PhoneSettingsInput.parse(input);
      const { password, ...fields } = checked;
      const keep = password ?? credentials(agentId)?.password;
      if (!keep) throw new MissingPasswordError();
      const next = PhoneCredentials.parse({ ...fields, password: keep });
      put.run(keyOf(agentId), JSON.stringify(next));
      return view(next);
    },
    clear(agentId: string): void {
      del.run(keyOf(agentId));
    },
    /** Every PBX origin configured on this desk: what the page's CSP must let it connect to. */
    pbxOrigins(): string[] {
      const out = new Set<string>();
      for (const raw of allPhones.all() as string[]) {
        try {
          const c = PhoneCredentials.safeParse(JSON.parse(raw));
          if (c.success) out.add(new URL(c.data.wsUrl).origin.replace(/^http/, 'ws'));
        } catch { /* corrupt: contributes nothing */ }
      }
      return [...out];
    },
  };
}
export type PhoneSettingsRepo = ReturnType<typeof createPhoneSettingsRepo>;
