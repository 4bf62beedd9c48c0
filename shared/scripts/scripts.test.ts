import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCRIPT_FILES, lintWording, loadExampleScripts, parseScript, scriptJsonSchema, ScriptRegistry, selectScript } from './index';
import { scriptMessages } from './messages';

const co = EXAMPLE_SCRIPT_FILES['co-general.json'] as Record<string, unknown>;
// Test scripts are edited as loose JSON on purpose: the point is feeding the loader what a bad file contains.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const clone = (): Loose => JSON.parse(JSON.stringify(co));
const stepIndex = (s: Loose, id: string): number => s.steps.findIndex((x: { id: string }) => x.id === id);

function issuesOf(input: unknown): Array<{ path: string; code: string }> {
  const r = parseScript(input);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, code: i.code }));
}

describe('example scripts', () => {
  it('every shipped example parses, in Spanish (CO, CL, MX, PE) and English (US)', () => {
    const reg = loadExampleScripts();
    const all = reg.all();
    expect(all.map((s) => `${s.jurisdiction}:${s.language}`).sort()).toEqual(['CL:es', 'CO:es', 'MX:es', 'PE:es', 'US:en']);
    for (const [file, json] of Object.entries(EXAMPLE_SCRIPT_FILES)) expect(parseScript(json), file).toMatchObject({ ok: true });
  });
  it('the Colombian script only listens for the reason; the US one has the mini-Miranda after verification', () => {
    const reg = loadExampleScripts();
    const coScript = reg.get('co_general')!;
    expect(coScript.steps.find((s) => s.type === 'reason')).toMatchObject({ mode: 'listen' });
    const us = reg.get('us_general')!;
    expect(us.disclosures.find((d) => d.id === 'us_mini_miranda')).toMatchObject({ revealsDebt: true, mandatory: true });
  });
  it('selects the most specific script', () => {
    const reg = loadExampleScripts();
    const special = { ...clone(), id: 'co_banco_s2', creditorId: 'banco', segment: 'S2', version: 2 };
    expect(reg.load(special).ok).toBe(true);
    expect(reg.select({ creditorId: 'banco', segment: 'S2', jurisdiction: 'CO', language: 'es' })?.id).toBe('co_banco_s2');
    expect(reg.select({ creditorId: 'banco', segment: 'S1', jurisdiction: 'CO', language: 'es' })?.id).toBe('co_general');
    expect(reg.select({ creditorId: 'x', segment: 'S1', jurisdiction: 'US-NY', language: 'en' })?.id).toBe('us_general');
    expect(selectScript(reg.all(), { creditorId: 'x', segment: 'S1', jurisdiction: 'AR', language: 'es' })).toBeNull();
  });
});

describe('parseScript refuses a broken script with the JSON path and reason', () => {
  it('a dangling branch', () => {
    const s = clone();
    const i = stepIndex(s, 'opciones');
    s.steps[i].answers[1].next = 'no_existe';
    const r = parseScript(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        { path: `steps.${i}.answers.1.next`, code: 'script.dangling_branch', params: { target: 'no_existe' }, message: `steps.${i}.answers.1.next: Leads to step "no_existe", which does not exist.` },
      ]);
    }
  });
  it('a dangling start and objection jump', () => {
    const s = clone();
    s.start = 'inicio';
    s.objections[0].goTo = 'nada';
    expect(issuesOf(s)).toEqual([
      { path: 'start', code: 'script.dangling_branch' },
      { path: 'objections.0.goTo', code: 'script.dangling_branch' },
    ]);
  });
  it('an unknown field, anywhere (strict objects)', () => {
    const s = clone();
    s.steps[2].sayy = 'typo';
    s.disclosures[0].obligatoria = true;
    s.autor = 'x';
    expect(issuesOf(s)).toEqual(
      expect.arrayContaining([
        { path: 'steps.2.sayy', code: 'script.unknown_field' },
        { path: 'disclosures.0.obligatoria', code: 'script.unknown_field' },
        { path: 'autor', code: 'script.unknown_field' },
      ]),
    );
  });
  it('an unreachable step', () => {
    const s = clone();
    s.steps.push({ id: 'huerfano', type: 'end', phase: 'closing', title: 'Huérfano', outcomes: ['refused'] });
    expect(issuesOf(s)).toEqual([{ path: `steps.${s.steps.length - 1}`, code: 'script.unreachable_step' }]);
  });
  it('debt details on the third-party path or before verification', () => {
    const s = clone();
    s.steps[stepIndex(s, 'tercero')].say = 'Dígale que debe {account.balance} a {creditor.name}.';
    s.steps[stepIndex(s, 'saludo')].answers[0].label = 'Sí, titular de {account.product}';
    expect(issuesOf(s)).toEqual([
      { path: `steps.${stepIndex(s, 'saludo')}.answers.0.label`, code: 'script.sensitive_before_verification' },
      { path: `steps.${stepIndex(s, 'tercero')}.say`, code: 'script.sensitive_before_verification' },
      { path: `steps.${stepIndex(s, 'tercero')}.say`, code: 'script.sensitive_before_verification' },
    ]);
  });
  it('a debt-revealing disclosure or the offers reachable without verification', () => {
    const s = clone();
    s.steps[stepIndex(s, 'aviso')].disclosures = ['co_grabacion', 'co_identificacion'];
    s.steps[stepIndex(s, 'saludo')].answers.push({ id: 'atajo', label: 'Atajo', next: 'opciones' });
    const codes = issuesOf(s).map((x) => x.code);
    expect(codes).toContain('script.debt_disclosure_before_verification');
    expect(codes).toContain('script.account_step_before_verification');
  });
  it('offers reachable without reading a mandatory disclosure', () => {
    const s = clone();
    s.steps[stepIndex(s, 'verificacion')].onPass = 'situacion';
    expect(issuesOf(s)).toEqual(
      expect.arrayContaining([
        { path: 'disclosures.1', code: 'script.offers_before_disclosure' },
        { path: `steps.${stepIndex(s, 'divulgacion')}`, code: 'script.unreachable_step' },
      ]),
    );
  });
  it('asking why the debtor did not pay in Colombia', () => {
    const s = clone();
    s.steps[stepIndex(s, 'motivo')].mode = 'ask';
    expect(issuesOf(s)).toEqual([{ path: `steps.${stepIndex(s, 'motivo')}.mode`, code: 'script.reason_question_not_allowed' }]);
  });
  it('unknown placeholders, disclosures, outcomes, step types, duplicate ids, bad JSON', () => {
    const s = clone();
    s.steps[stepIndex(s, 'cierre_promesa')].say = 'Gracias {debtor.apodo}';
    s.steps[stepIndex(s, 'divulgacion')].disclosures.push('co_inexistente');
    s.steps[stepIndex(s, 'cierre_tercero')].outcomes = ['tercero'];
    expect(issuesOf(s).map((x) => x.code).sort()).toEqual(['script.unknown_disclosure', 'script.unknown_outcome', 'script.unknown_placeholder']);
    const t = clone();
    t.steps[3].type = 'dance';
    expect(issuesOf(t)).toEqual([{ path: 'steps.3.type', code: 'script.unknown_step_type' }]);
    const d = clone();
    d.steps[4].id = d.steps[3].id;
    expect(issuesOf(d)[0]).toEqual({ path: 'steps.4.id', code: 'script.duplicate_id' });
    expect(issuesOf('{"id": "x",')).toEqual([{ path: '(root)', code: 'script.invalid_json' }]);
  });
  it('every validation code has es and en text', () => {
    for (const k of Object.keys(scriptMessages.en)) expect(Object.keys(scriptMessages.es)).toContain(k);
  });
});

describe('wording and editor schema', () => {
  it('the examples have no accusing or threatening wording; "Usted no ha pagado" is flagged with its path', () => {
    for (const s of loadExampleScripts().all()) expect(lintWording(s), s.id).toEqual([]);
    const bad = clone();
    const i = stepIndex(bad, 'situacion');
    bad.steps[i].say = 'Usted no ha pagado su tarjeta: si no paga iniciaremos una demanda.';
    const r = parseScript(bad);
    expect(r.ok).toBe(true);
    if (r.ok) expect(lintWording(r.script).map((w) => `${w.path}:${w.params.phrase}`)).toEqual([`steps.${i}.say:no ha pagado`, `steps.${i}.say:demanda`]);
  });
  it('exports a JSON Schema for editors that refuses unknown top-level fields', () => {
    const schema = scriptJsonSchema() as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('steps');
  });
});

describe('ScriptRegistry keeps the last good version', () => {
  it('refuses a broken v2 and keeps v1; accepts a good v3; refuses an older version', () => {
    const reg = new ScriptRegistry();
    expect(reg.load(clone()).ok).toBe(true);
    const broken = { ...clone(), version: 2, start: 'nada' };
    const r = reg.load(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.kept?.version).toBe(1);
    expect(reg.get('co_general')?.version).toBe(1);
    expect(reg.load({ ...clone(), version: 3 }).ok).toBe(true);
    const old = reg.load({ ...clone(), version: 2 });
    expect(old.ok === false && old.issues[0]?.code).toBe('script.version_not_newer');
    expect(reg.get('co_general')?.version).toBe(3);
  });
});

