import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrammarShapeError, hoistGrammar, hoistJssipGrammar } from './jssip-grammar';

type Grammar = { parse(input: string, rule: string): unknown };

const require = createRequire(import.meta.url);
const file = require.resolve('jssip/lib/Grammar.js');
const source = readFileSync(file, 'utf8');
const original = require('jssip/lib/Grammar.js') as Grammar;

/** The hoisted grammar as a CommonJS module at JsSIP's own path, so its `require('./URI')` finds JsSIP's URI. */
function load(code: string): Grammar {
  const m = new Module(file) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(file);
  m._compile(code, file);
  return m.exports as Grammar;
}
const hoisted = load(hoistGrammar(source));

/** What a parse gives, or the error it throws, so both grammars can be compared on any input. */
function outcome(g: Grammar, input: string, rule: string): unknown {
  try {
    return { value: g.parse(input, rule) };
  } catch (e) {
    return { thrown: String(e) };
  }
}

// Header values as PBXs send them (Kamailio, Asterisk, FreeSWITCH), and what JsSIP parses itself.
const CORPUS: Array<[string, string]> = [
  ['Request_Response', 'INVITE sip:agent1@127.0.0.1:5060;transport=ws SIP/2.0'],
  ['Request_Response', 'SIP/2.0 180 Ringing'],
  ['Request_Response', 'SIP/2.0 486 Busy Here'],
  ['Via', 'SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bK776asdhds;rport=8443;received=127.0.0.1'],
  ['Via', 'SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK1234, SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKabc'],
  ['From', '"Pérez, Juan" <sip:+5215512345678@pbx.example.com>;tag=1928301774'],
  ['From', '<sip:+5215512345678@pbx.example.com;user=phone>;tag=abc'],
  ['From', 'sip:anonymous@anonymous.invalid;tag=x'],
  ['To', '<sip:agent1@127.0.0.1>'],
  ['To', '"Agente Uno" <sip:agent1@pbx.example.com>;tag=9fxced76sl'],
  ['Contact', '<sip:ua@df7jal23ls0d.invalid;transport=ws;ob>;expires=600;+sip.instance="<urn:uuid:0d3a2d6c-6f2e-4c1a-9c1c-2b1f1f1f1f1f>"'],
  ['Contact', '*'],
  ['Contact', '"Mr. Watson" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600, "Mr. Watson" <mailto:watson@bell-telephone.com> ;q=0.1'],
  ['Record_Route', '<sip:127.0.0.1:8443;transport=ws;r2=on;lr=on>, <sip:127.0.0.1;r2=on;lr=on>'],
  ['Route', '<sip:p1.example.com;lr>'],
  ['CSeq', '314159 INVITE'],
  ['Call_ID', 'a84b4c76e66710@pc33.atlanta.com'],
  ['Max_Forwards', '70'],
  ['Content_Length', '1432'],
  ['Content_Type', 'application/sdp'],
  ['Content_Type', 'multipart/mixed; boundary="unique-boundary-1"'],
  ['Expires', '3600'],
  ['Min_Expires', '60'],
  ['Event', 'refer;id=1234'],
  ['Allow_Events', 'talk, hold, refer'],
  ['Session_Expires', '1800;refresher=uac'],
  ['Reason', 'SIP ;cause=200 ;text="Call completed elsewhere"'],
  ['Reason', 'Q.850;cause=16;text="Normal call clearing"'],
  ['Subscription_State', 'active;expires=60'],
  ['Supported', 'replaces, timer, outbound'],
  ['Require', '100rel'],
  ['WWW_Authenticate', 'Digest realm="pbx.example.com", nonce="ea9c8e88df84f1cec4341ae6cbe5a359", algorithm=MD5, qop="auth"'],
  ['Proxy_Authenticate', 'Digest realm="127.0.0.1", nonce="abc", stale=true'],
  ['Refer_To', '<sip:+5215512345678@pbx.example.com?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>'],
  ['Replaces', '12345@192.168.118.3;to-tag=12345;from-tag=5FFE-3994;early-only'],
  ['SIP_URI', 'sip:+5215512345678@pbx.example.com:5061;transport=tls?subject=project'],
  ['SIP_URI', 'sips:[2001:db8::1]:5061'],
  ['Name_Addr_Header', '"Agente" <sip:agent1@127.0.0.1>;tag=1'],
  ['host', 'pbx.example.com'],
  ['absoluteURI', 'wss://pbx.example.com:8443/ws'],
  ['quoted_string', '"agent1"'],
  ['uuid', '0d3a2d6c-6f2e-4c1a-9c1c-2b1f1f1f1f1f'],
  // Bad input: both grammars must refuse it the same way.
  ['From', '<sip:@>;;tag'],
  ['Via', 'SIP/2.0/WSS'],
  ['CSeq', 'INVITE 1'],
  ['Content_Length', '-1'],
  ['No_Such_Rule', 'x'],
];

describe('hoistGrammar (JsSIP Grammar.js)', () => {
  it('gives what JsSIP gives for every header of the corpus', () => {
    for (const [rule, input] of CORPUS) {
      expect(outcome(hoisted, input, rule), `${rule}: ${input}`).toStrictEqual(outcome(original, input, rule));
    }
  });

  it('gives what JsSIP gives for arbitrary input, good or bad, one parse after another', () => {
    const rules = [...new Set(CORPUS.map(([rule]) => rule))];
    const sipish = fc.string({ unit: fc.constantFrom(...'abcSIP0129.:;=<>@"\\ ,/+-_%*?&[]\t'.split('')), maxLength: 60 });
    const mutated = fc.tuple(fc.constantFrom(...CORPUS), fc.nat(80), fc.nat(6), sipish).map(([[rule, input], at, cut, insert]) => {
      const i = Math.min(at, input.length);
      return [rule, input.slice(0, i) + insert + input.slice(i + cut)] as const;
    });
    const anyInput = fc.tuple(fc.constantFrom(...rules), fc.oneof(sipish, fc.string({ maxLength: 40 })));
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated, anyInput), { minLength: 1, maxLength: 4 }), (parses) => {
        // Several parses in a row: the hoisted parser's state must not leak from one into the next.
        for (const [rule, input] of parses) expect(outcome(hoisted, input, rule)).toStrictEqual(outcome(original, input, rule));
      }),
      { numRuns: 1500 },
    );
  });

  it('declares the rules once, outside parse', () => {
    // Without the build step, every parse creates the ~230 rule functions again (see jssip-grammar.ts).
    expect(original.parse.toString()).toMatch(/function parse_CRLF\(/);
    expect(hoisted.parse.toString()).not.toMatch(/function parse_\w+\(/);
    expect(hoisted.parse.toString()).not.toMatch(/var parseFunctions/);
  });

  it('fails the build, naming what is missing, when JsSIP changes the shape of its grammar', () => {
    expect(() => hoistGrammar(source.replace('var parseFunctions = {', 'const parseFunctions = {'))).toThrow(GrammarShapeError);
    expect(() => hoistGrammar(source.replace('var parseFunctions = {', 'const parseFunctions = {'))).toThrow(/rule table/);
    expect(() => hoistGrammar(source.replace('function padLeft(', 'function padLeft2('))).toThrow(/padLeft/);
    expect(() => hoistGrammar(source.replace('function parse_CRLF() {', 'function parse_CRLF() { this.x = 1;'))).toThrow(/this/);
  });

  it('is applied by the Vite plugin to JsSIP\'s grammar only', () => {
    const plugin = hoistJssipGrammar();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform(source, file)?.code).toBe(hoistGrammar(source));
    expect(transform('module.exports = 1;', file.replace('Grammar.js', 'URI.js'))).toBeNull();
  });
});
