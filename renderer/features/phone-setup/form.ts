/** The phone settings form's text fields ↔ the contract's input. Pure. */
import { PhoneSettingsInput, type PhoneSettingsView } from '../../../shared/api/methods/phone-settings';

export interface PhoneForm {
  wsUrl: string;
  sipUser: string;
  authorizationUser: string;
  password: string;
  displayName: string;
  /** One server per line: `stun:host:port`, or `turn:user:secret@host:port`. */
  ice: string;
  dtmfMode: 'rfc4733' | 'info';
  autoRecord: boolean;
}

export const emptyForm: PhoneForm = {
  wsUrl: '', sipUser: '', authorizationUser: '', password: '', displayName: '', ice: '', dtmfMode: 'rfc4733', autoRecord: false,
};

export function formOf(v: PhoneSettingsView | null): PhoneForm {
  if (!v) return { ...emptyForm };
  return {
    wsUrl: v.wsUrl, sipUser: v.sipUser, authorizationUser: v.authorizationUser ?? '', password: '',
    displayName: v.displayName, dtmfMode: v.dtmfMode, autoRecord: v.autoRecord,
    ice: v.iceServers.flatMap((s) => s.urls.map((u) => {
      if (!s.username) return u;
      const m = /^(turns?):(.*)$/.exec(u);
      return m ? `${m[1]}:${s.username}:${s.credential ?? ''}@${m[2]}` : u;
    })).join('\n'),
  };
}

function iceOf(text: string): PhoneSettingsInput['iceServers'] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line) => {
    const m = /^(turns?):([^:@\s]+):([^@\s]+)@(\S+)$/.exec(line);
    return m ? { urls: [`${m[1]}:${m[4]}`], username: m[2]!, credential: m[3]! } : { urls: [line] };
  });
}

/** Field → i18n key of its first problem; or the checked input. */
export function checkForm(f: PhoneForm): { ok: true; input: PhoneSettingsInput } | { ok: false; errors: Record<string, string> } {
  const raw = {
    wsUrl: f.wsUrl, sipUser: f.sipUser, displayName: f.displayName, iceServers: iceOf(f.ice), dtmfMode: f.dtmfMode,
    autoRecord: f.autoRecord,
    ...(f.authorizationUser.trim() ? { authorizationUser: f.authorizationUser } : {}),
    ...(f.password ? { password: f.password } : {}),
  };
  const r = PhoneSettingsInput.safeParse(raw);
  if (r.success) return { ok: true, input: r.data };
  return { ok: false, errors: errorsByField(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))) };
}

/** Issues (local zod, or the desk's ApiError.issues) → the form field they belong to. */
export function errorsByField(issues: ReadonlyArray<{ path: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.path.startsWith('iceServers') ? 'ice' : i.path.split('.')[0] || 'form';
    out[field] ??= i.message.startsWith('phoneSetup.') ? i.message : 'phoneSetup.error.generic';
  }
  return out;
}
