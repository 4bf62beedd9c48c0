import { afterEach, describe, expect, it, vi } from 'vitest';
import * as JsSIP from 'jssip';
import fc from 'fast-check';
// JsSIP's own message parser: what the softphone will report as the call's `remote` (request.from.uri.user).
import { parseMessage } from 'jssip/lib/Parser';
import { initialInviteCaller } from './invite-peek';

function invite(opts: { from?: string; to?: string; extra?: string[]; method?: string } = {}): string {
  const lines = [
    `${opts.method ?? 'INVITE'} sip:agent1@127.0.0.1;transport=ws SIP/2.0`,
    'Via: SIP/2.0/WS 127.0.0.1:5066;branch=z9hG4bK776asdhds',
    'Max-Forwards: 69',
    opts.to ?? 'To: <sip:agent1@127.0.0.1>',
    opts.from ?? 'From: "+573119049511" <sip:+573119049511@127.0.0.1>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33',
    `CSeq: 314159 ${opts.method ?? 'INVITE'}`,
    'Contact: <sip:abc@df7jal23ls0d.invalid;transport=ws>',
    ...(opts.extra ?? []),
    'Content-Type: application/sdp',
    'Content-Length: 4',
  ];
  return `${lines.join('\r\n')}\r\n\r\nv=0\n`;
}

/** What JsSIP makes of a message: dropped (unparsable), or the caller it will report. */
const jssipReads = (raw: string): { dropped: true } | { dropped: false; user: string | undefined } => {
  const m = parseMessage(raw, {} as never) as { from?: { uri?: { user?: string } } } | undefined;
  return m ? { dropped: false, user: m.from?.uri?.user } : { dropped: true };
};

const jssipCaller = (raw: string) => {
  const m = parseMessage(raw, {} as never) as { from?: { uri?: { user?: string } } } | undefined;
  return m?.from?.uri?.user;
};

describe('the caller of a new call, read off the wire (initialInviteCaller)', () => {
  it('reads the From user of an initial INVITE, as JsSIP will report it', () => {
    const raw = invite();
    expect(initialInviteCaller(raw)).toBe('+573119049511');
    expect(initialInviteCaller(raw)).toBe(jssipCaller(raw));
  });

  it('takes the compact header form and any case, with or without display name', () => {
    expect(initialInviteCaller(invite({ from: 'f: <sip:3001234567@pbx.example>;tag=9' }))).toBe('3001234567');
    expect(initialInviteCaller(invite({ from: 'FROM:sip:+15550100@pbx.example;tag=9' }))).toBe('+15550100');
    const escaped = invite({ from: 'From: "Ana Pérez" <sip:%2B573001234567@pbx>;tag=9' });
    expect(initialInviteCaller(escaped)).toBe('+573001234567');
    expect(initialInviteCaller(escaped)).toBe(jssipCaller(escaped));
  });

  it('gives null for what is not a new call', () => {
    expect(initialInviteCaller(invite({ to: 'To: <sip:agent1@127.0.0.1>;tag=abc' }))).toBeNull(); // re-INVITE
    expect(initialInviteCaller(invite({ to: 't: <sip:agent1@127.0.0.1> ; tag = abc' }))).toBeNull();
    expect(initialInviteCaller(invite({ extra: ['Replaces: 425928@bobster.example.org;to-tag=7743;from-tag=6472'] }))).toBeNull();
    expect(initialInviteCaller(invite({ method: 'OPTIONS' }))).toBeNull();
    expect(initialInviteCaller('SIP/2.0 180 Ringing\r\nFrom: <sip:+573119049511@x>;tag=1\r\n\r\n')).toBeNull();
    expect(initialInviteCaller(new ArrayBuffer(8))).toBeNull();
    expect(initialInviteCaller(undefined)).toBeNull();
  });

  it('gives null for a From it cannot read (JsSIP then handles the message as always)', () => {
    expect(initialInviteCaller(invite({ from: 'From: <not a uri' }))).toBeNull();
    expect(initialInviteCaller(invite({ from: 'From: <sip:pbx.example>;tag=1' }))).toBeNull(); // no user part
    expect(initialInviteCaller(invite({ from: 'X-Nothing: 1' }))).toBeNull();
    expect(initialInviteCaller(invite({ from: 'From: <sip:1@x>\r\n  ;tag=folded' }))).toBeNull();
  });

  it('agrees with JsSIP on any caller id a PBX may send', () => {
    const user = fc.stringMatching(/^\+?[0-9]{3,15}$|^[a-z][a-z0-9._-]{0,20}$/);
    const name = fc.option(fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/), { nil: undefined });
    fc.assert(
      fc.property(user, name, fc.boolean(), (u, n, compact) => {
        const header = `${compact ? 'f' : 'From'}: ${n !== undefined ? `"${n}" ` : ''}<sip:${u}@pbx.example>;tag=x1`;
        const raw = invite({ from: header });
        expect(initialInviteCaller(raw)).toBe(jssipCaller(raw) ?? null);
      }),
    );
  });

  describe('the usual From, read by a pattern instead of the grammar', () => {
    afterEach(() => vi.restoreAllMocks());

    /** Our reading of an INVITE with this From, how many times it asked JsSIP's grammar, and JsSIP's own reading. */
    const peek = (from: string) => {
      const grammar = vi.spyOn(JsSIP.Grammar, 'parse');
      const raw = invite({ from });
      const ours = initialInviteCaller(raw);
      const grammarCalls = grammar.mock.calls.length;
      grammar.mockRestore();
      return { ours, grammarCalls, theirs: jssipCaller(raw) ?? null };
    };

    it('reads a display name, <sip:user@host> and a tag without the grammar', () => {
      for (const from of [
        'From: "+573119049511" <sip:+573119049511@127.0.0.1>;tag=1928301774',
        'From: "Natalia Valencia Martínez" <sip:3059482695@pbx.example;transport=ws>;tag=a1',
        'f: <SIP:agent.two@[::1]:5060> ; tag = x ; x-extra',
        'From: Ana Perez <sips:+15550100@pbx.example>',
      ]) {
        const { ours, grammarCalls, theirs } = peek(from);
        expect(grammarCalls).toBe(0);
        expect(ours).toBe(theirs);
      }
    });

    it('leaves escapes, passwords, bare URIs and long values to the grammar', () => {
      for (const from of [
        'From: "Ana" <sip:%2B573001234567@pbx>;tag=9',
        'From: <sip:300:secret@pbx>;tag=9',
        'From: sip:+15550100@pbx.example;tag=9',
        `From: <sip:3001234567@pbx.example>;tag=9${';x=y'.repeat(200)}`,
      ]) {
        const { ours, grammarCalls, theirs } = peek(from);
        expect(grammarCalls).toBe(1);
        expect(ours).toBe(theirs);
      }
    });

    it('never names a caller other than the one JsSIP reports, whatever the From holds', () => {
      const piece = fc.constantFrom(
        '"', '<', '>', ':', ';', '=', '@', ' ', '\t', '.', '+', '-', '_', '%', '\\', 'a', 'Z', '0', '9', 'ñ',
        'sip:', 'sips:', 'tel:', ';tag=', '@pbx.example', '"Ana" ', '+5731190', ';transport=ws', '[::1]', '?h=1',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), (value) => {
          const raw = invite({ from: `From: ${value}` });
          const ours = initialInviteCaller(raw);
          const theirs = jssipReads(raw);
          // A message JsSIP drops rings nothing: a lookup started for it is never taken (prefetch.ts).
          if (ours !== null && !theirs.dropped) expect(ours).toBe(theirs.user);
        }),
        { numRuns: 3000 },
      );
    });
  });
});
