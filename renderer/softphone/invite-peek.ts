/**
 * The caller of a new inbound call, read off the wire the moment its INVITE arrives: before JsSIP parses the whole
 * message, builds the session and reports the call (3–5 ms on an agent's PC, more under load). The screen-pop starts
 * its lookup here, so the desk looks the caller up while the softphone is still busy with the INVITE.
 *
 * Only the caller id is read, so the number is exactly the one the call will report (`request.from.uri.user`): the
 * usual From (`"name" <sip:user@host;…>;tag=…`, user in plain characters) by a pattern, anything else with JsSIP's
 * own grammar for the header. The pattern saves the grammar's ~1 ms in the renderer (cold parser code, once per
 * call) before the lookup can leave; where it answers, JsSIP names the same caller or drops the message.
 *
 * Anything that is not a new call gives null: responses, other methods, in-dialog re-INVITEs (their To carries a
 * tag) and INVITEs with Replaces (an attended transfer taken over without ringing). A message this cannot read
 * gives null too; JsSIP still handles it as always.
 */
import * as JsSIP from 'jssip';

/** Header names and compact forms (RFC 3261 §7.3.3). */
const FROM = /^(?:from|f)[ \t]*:[ \t]*(.*)$/i;
const TO = /^(?:to|t)[ \t]*:(.*)$/i;
const REPLACES = /^replaces[ \t]*:/i;
const TAG = /;[ \t]*tag[ \t]*=/i;
/**
 * The usual From value: an optional quoted or plain display name, `<sip:user@host…>`, header parameters. The user
 * is plain (no escapes, no password), so it reads as JsSIP's grammar decodes it.
 */
const USUAL_FROM =
  /^(?:"[^"\\\r\n]*"[ \t]*|[A-Za-z0-9 .+_-]*)<sips?:([A-Za-z0-9+._-]+)@[A-Za-z0-9.:[\]-]+(?:;[^<>"\s]*)?>[ \t]*(?:;[ \t]*[A-Za-z0-9._+-]+[ \t]*(?:=[ \t]*[A-Za-z0-9._+-]+)?[ \t]*)*$/i;
/** Longer From values are rare: they go to the grammar. */
const USUAL_MAX = 512;

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
  // Bounded, so no crafted header can make the pattern backtrack for long.
  const usual = from.length <= USUAL_MAX ? USUAL_FROM.exec(from) : null;
  if (usual) return usual[1]!;
  try {
    const parsed = JsSIP.Grammar.parse(from, 'From') as { uri?: { user?: unknown } } | -1;
    const user = parsed === -1 ? undefined : parsed.uri?.user;
    return typeof user === 'string' && user.trim() ? user : null;
  } catch {
    return null;
  }
}
