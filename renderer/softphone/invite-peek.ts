/**
 * The caller of a new inbound call, read off the wire the moment its INVITE arrives: before JsSIP parses the whole
 * message, builds the session and reports the call (3–5 ms on an agent's PC, more under load). The screen-pop starts
 * its lookup here, so the desk looks the caller up while the softphone is still busy with the INVITE.
 *
 * Only the caller id is read, with JsSIP's own grammar for the From header, so the number is exactly the one
 * the call will report (`request.from.uri.user`). Anything that is not a new call gives null: responses, other
 * methods, in-dialog re-INVITEs (their To carries a tag) and INVITEs with Replaces (an attended transfer taken
 * over without ringing). A message this cannot read gives null too; JsSIP still handles it as always.
 */
import * as JsSIP from 'jssip';

/** Header names and compact forms (RFC 3261 §7.3.3). */
const FROM = /^(?:from|f)[ \t]*:[ \t]*(.*)$/i;
const TO = /^(?:to|t)[ \t]*:(.*)$/i;
const REPLACES = /^replaces[ \t]*:/i;
const TAG = /;[ \t]*tag[ \t]*=/i;

export function initialInviteCaller(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.startsWith('INVITE ')) return null;
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  let from: string | null = null;
  for (const line of head.split('\r\n').slice(1)) {
    if (line.startsWith(' ') || line.startsWith('\t')) return null; // folded header: leave it to JsSIP
    const to = TO.exec(line);
    if (to) {
      if (TAG.test(to[1]!)) return null;
      continue;
    }
    if (REPLACES.test(line)) return null;
    const f = FROM.exec(line);
    if (f) from = f[1]!.trim();
  }
  if (!from) return null;
  try {
    const parsed = JsSIP.Grammar.parse(from, 'From') as { uri?: { user?: unknown } } | -1;
    const user = parsed === -1 ? undefined : parsed.uri?.user;
    return typeof user === 'string' && user.trim() ? user : null;
  } catch {
    return null;
  }
}
