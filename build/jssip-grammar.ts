/**
 * JsSIP's SIP grammar (`jssip/lib/Grammar.js`, PEG.js 0.7 output) declares its ~230 rule functions inside
 * `Grammar.parse`, so every parse creates all of them again, and an INVITE takes a dozen parses (request line, Via,
 * From, To, CSeq, Contact…). V8 keeps the optimized code of such closures only while one of them is alive. After a
 * major GC, the next INVITE ran the parser unoptimized, and V8 compiled it again in the background, in the
 * milliseconds of a screen-pop. A desk's CPU profile showed ~10 ms of such compiles per call, call after call.
 *
 * `hoistGrammar` moves the rules out of `parse` to the module, where they are made once. The parser's state
 * (`input`, `pos`…) becomes module variables that `parse` sets on entry and restores on exit, in case a rule's action
 * ever parses again. The rules' text is unchanged. If JsSIP's file no longer has the expected shape, the build
 * fails and names what is missing.
 */
import type { Plugin } from 'vite';

/** The state the rules share with `parse`, as PEG.js 0.7 declares it inside `parse`. */
const STATE = ['input', 'startRule', 'pos', 'reportFailures', 'rightmostFailuresPos', 'rightmostFailuresExpected', 'data'] as const;

export class GrammarShapeError extends Error {}

/** Finds `re` in `source` after `from`, or fails the build naming what JsSIP's grammar lacks. */
function find(source: string, re: RegExp, from: number, what: string): RegExpExecArray {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  g.lastIndex = from;
  const m = g.exec(source);
  if (!m) throw new GrammarShapeError(`jssip/lib/Grammar.js: ${what} not found; JsSIP's grammar changed shape, see build/jssip-grammar.ts`);
  return m;
}

/** JsSIP's Grammar.js with its rules declared once, at module level. */
export function hoistGrammar(source: string): string {
  const object = find(source, /\n(\s*)var result = \{/, 0, 'the parser object (`var result = {`)');
  const head = find(source, /parse: function \(input, startRule\) \{\s*/, object.index, '`parse: function (input, startRule) {`');
  const table = find(source, /var parseFunctions = \{[\s\S]*?\n\s*\};\s*/, head.index, 'the rule table (`var parseFunctions = {…};`)');
  if (table.index !== head.index + head[0].length) throw new GrammarShapeError('jssip/lib/Grammar.js: `parse` does not begin with its rule table');
  const check = find(source, /if \(startRule !== undefined\) \{[\s\S]*?startRule = "CRLF";\s*\}\s*/, table.index, 'the start rule check');
  const state = find(
    source,
    /var pos = 0;\s*var reportFailures = 0;\s*var rightmostFailuresPos = 0;\s*var rightmostFailuresExpected = \[\];\s*/,
    check.index,
    "the parser's state (`var pos = 0;` …)",
  );
  const rules = find(source, /function padLeft\(/, state.index, 'the first helper (`function padLeft(`)');
  const requires = find(
    source,
    /var URI = require\('\.\/URI'\);\s*var NameAddrHeader = require\('\.\/NameAddrHeader'\);\s*var data = \{\};\s*/,
    rules.index,
    "the rules' end (`var URI = require('./URI'); …; var data = {};`)",
  );
  const end = find(source, /return data;\s*\},/, requires.index, "`parse`'s end (`return data; },`)");
  const endAt = end.index + end[0].length;

  const ruleText = source.slice(rules.index, requires.index);
  // The rules must not read `parse`'s own `this`: moved to module level, it would no longer be the parser object.
  if (/\bthis\b/.test(ruleText)) throw new GrammarShapeError("jssip/lib/Grammar.js: a rule reads `this`; it cannot move out of `parse`");
  const indent = object[1];
  const saved = STATE.map((v, i) => `${v} = saved[${i}];`).join(' ');
  return [
    source.slice(0, object.index),
    `\n${indent}// Hoisted from \`parse\` at build time (build/jssip-grammar.ts): the rules are made once, not per parse.`,
    `\n${indent}var ${STATE.join(', ')}, URI, NameAddrHeader;`,
    `\n${indent}${ruleText.trimEnd()}`,
    `\n${indent}${table[0].trimEnd()}`,
    source.slice(object.index, head.index),
    'parse: function (input_, startRule_) {',
    `\n${indent}    var saved = [${STATE.join(', ')}];`,
    `\n${indent}    input = input_; startRule = startRule_;`,
    `\n${indent}    try {`,
    `\n${indent}    ${check[0].trimEnd()}`,
    `\n${indent}    pos = 0; reportFailures = 0; rightmostFailuresPos = 0; rightmostFailuresExpected = [];`,
    // Required per parse, as JsSIP does: URI and NameAddrHeader require this module, so not at its top.
    `\n${indent}    URI = require('./URI'); NameAddrHeader = require('./NameAddrHeader'); data = {};`,
    `\n${indent}    ${source.slice(requires.index + requires[0].length, end.index + 'return data;'.length)}`,
    `\n${indent}    } finally { ${saved} }`,
    `\n${indent}  },`,
    source.slice(endAt),
  ].join('');
}

const GRAMMAR_FILE = /[\\/]jssip[\\/]lib[\\/]Grammar\.js$/;

/** The Vite plugin: JsSIP's grammar, hoisted, in the renderer's bundle (`vite build`, which `npm start`, the tests and the
 * Electron package use; a dev server's pre-bundled dependencies would skip it). */
export function hoistJssipGrammar(): Plugin {
  return {
    name: 'recaudo:hoist-jssip-grammar',
    enforce: 'pre',
    transform(code, id) {
      if (!GRAMMAR_FILE.test(id.split('?')[0]!)) return null;
      return { code: hoistGrammar(code), map: null };
    },
  };
}
