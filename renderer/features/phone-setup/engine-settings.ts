/**
 * The saved phone account → the engine's settings. Pure. The SIP domain is the user's own `@domain` when typed,
 * else the PBX's host name (what Kamailio, Asterisk and FreeSWITCH expect by default).
 */
import type { PhoneCredentials } from '../../../shared/api/methods/phone-settings';
import type { PhoneSettings } from '../../softphone/types';

export function sipUriOf(sipUser: string, wsUrl: string): string {
  if (sipUser.includes('@')) return `sip:${sipUser}`;
  const host = wsUrl.replace(/^wss?:\/\//, '').split(/[/:]/)[0] ?? '';
  return `sip:${sipUser}@${host}`;
}

export function engineSettingsOf(c: PhoneCredentials, defaultCountry?: string): PhoneSettings {
  return {
    wsUrl: c.wsUrl,
    sipUri: sipUriOf(c.sipUser, c.wsUrl),
    password: c.password,
    ...(c.authorizationUser ? { authorizationUser: c.authorizationUser } : {}),
    ...(c.displayName ? { displayName: c.displayName } : {}),
    iceServers: c.iceServers.map((s) => ({
      urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(s.credential ? { credential: s.credential } : {}),
    })),
    dtmfMode: c.dtmfMode,
    autoRecord: c.autoRecord,
    ...(defaultCountry ? { defaultCountry } : {}),
  };
}

/** The origin the page must be allowed to reach (CSP connect-src) for this account. */
export function pbxOriginOf(wsUrl: string): string {
  const m = /^(wss?:\/\/[^/]+)/i.exec(wsUrl);
  return m ? m[1]!.toLowerCase() : wsUrl;
}
