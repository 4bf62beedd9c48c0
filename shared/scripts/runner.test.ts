import { describe, expect, it } from 'vitest';
import { dispositionsFor, validateWrapUp } from '../negotiation/dispositions';
import { loadExampleScripts } from './index';
import { answer, back, contactRecord, next, reached, setPromise, setReason, speakableDetails, startRun, tickDisclosure, useObjection, verify, view, type RunResult, type RunState, type ScriptVars } from './runner';

const reg = loadExampleScripts();
const co = reg.get('co_general')!;
const us = reg.get('us_general')!;
const identity = { documentNumber: '2418440041', birthDate: '1981-04-09' };
const vars: ScriptVars = {
  'agent.name': 'Laura',
  'company.name': 'Recaudos Andinos',
  'company.phone': '601 555 0100',
  'debtor.firstName': 'José',
  'debtor.fullName': 'José Ibáñez Zúñiga',
  'creditor.name': 'Banco Andino',
  'account.product': 'tarjeta de crédito',
  'account.numberLast4': '8799',
  'account.balance': 'COP 53.369.636',
  'account.daysPastDue': '62',
};

function must(r: RunResult): RunState {
  if (!r.ok) throw new Error(`${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.state;
}

/** Everything the agent can see on screen at this step, joined: the leak check reads it all. */
function screenText(s: RunState, script = co): string {
  const v = view(script, s, vars);
  return JSON.stringify(v);
}

describe('ScriptRunner: verified path (Colombia)', () => {
  it('greeting → recording notice → verification → identification → situation → reason → offers → promise → close', () => {
    let s = startRun(co);
    expect(view(co, s, vars).say).toBe('Buenos días, le habla Laura de Recaudos Andinos. ¿Podría comunicarme con José Ibáñez Zúñiga?');
    expect(speakableDetails(s)).toEqual([]);
    s = must(answer(co, s, 'titular'));
    expect(s.current).toBe('aviso');
    expect(next(co, s)).toEqual({ ok: false, error: { code: 'script.run.disclosure_not_ticked', params: { id: 'co_grabacion' } } });
    s = must(next(co, must(tickDisclosure(co, s, 'co_grabacion'))));
    expect(s.current).toBe('verificacion');
    const v = verify(co, s, { document_last4: '0041', birth_date: '09/04/1981' }, identity);
    expect(v.outcome).toBe('passed');
    s = must(v.result);
    expect(reached(s)).toBe('right_party');
    expect(speakableDetails(s)).toContain('balance');
    expect(view(co, s, vars).disclosures[0]!.text).toBe(
      'Le llamamos de Recaudos Andinos en nombre de Banco Andino, respecto de su tarjeta de crédito terminada en 8799, para ofrecerle alternativas de pago.',
    );
    s = must(next(co, must(tickDisclosure(co, s, 'co_identificacion'))));
    expect(view(co, s, vars).say).toContain('por un saldo de COP 53.369.636');
    s = must(next(co, s));
    expect(s.current).toBe('motivo');
    // listen mode: the reason is optional
    s = must(setReason(co, s, { code: 'lost_job', text: '' }));
    s = must(next(co, s));
    expect(view(co, s, vars).type).toBe('offers');
    s = must(answer(co, s, 'acepta'));
    expect(next(co, s)).toMatchObject({ ok: false, error: { code: 'script.run.promise_required' } });
    s = must(next(co, must(setPromise(co, s, 'p1'))));
    expect(s.ended).toBe(true);
    expect(view(co, s, vars).outcomes).toEqual(['promise_to_pay']);
    const rec = contactRecord(s);
    expect(rec).toMatchObject({ scriptId: 'co_general', scriptVersion: 1, disclosuresRead: ['co_grabacion', 'co_identificacion'], reached: 'right_party', promiseId: 'p1', reason: { code: 'lost_job' } });
    expect(rec.path).toEqual(['saludo', 'aviso', 'verificacion', 'divulgacion', 'situacion', 'motivo', 'opciones', 'promesa', 'cierre_promesa']);
    expect(validateWrapUp({ disposition: 'promise_to_pay', promiseId: 'p1', reached: rec.reached })).toEqual([]);
  });

  it('the US script asks for the reason and requires it before the offers', () => {
    let s = startRun(us);
    s = must(answer(us, s, 'right_party'));
    s = must(next(us, must(tickDisclosure(us, s, 'us_call_recording'))));
    s = must(verify(us, s, { birth_date: '1981-04-09', document_last4: '0041' }, identity).result);
    expect(next(us, must(tickDisclosure(us, s, 'us_mini_miranda')))).toMatchObject({ ok: false, error: { code: 'script.run.disclosure_not_ticked', params: { id: 'us_debt_collector' } } });
    s = must(next(us, must(tickDisclosure(us, must(tickDisclosure(us, s, 'us_mini_miranda')), 'us_debt_collector'))));
    s = must(next(us, s));
    expect(s.current).toBe('reason');
    expect(next(us, s)).toMatchObject({ ok: false, error: { code: 'script.run.reason_required' } });
  });
});

describe('ScriptRunner: failed verification shows no debt details', () => {
  it('a wrong answer leaves one retry, the second failure ends the call with nothing speakable', () => {
    let s = must(next(co, must(tickDisclosure(co, must(answer(co, startRun(co), 'titular')), 'co_grabacion'))));
    const first = verify(co, s, { document_last4: '1234', birth_date: '1981-04-09' }, identity);
    expect(first).toMatchObject({ outcome: 'retry', attemptsLeft: 1 });
    s = must(first.result);
    expect(s.current).toBe('verificacion');
    const second = verify(co, s, { document_last4: '0041', birth_date: '1980-01-01' }, identity);
    expect(second.outcome).toBe('failed');
    s = must(second.result);
    expect(s.current).toBe('verificacion_fallida');
    expect(s.verification).toBe('failed');
    expect(speakableDetails(s)).toEqual([]);
    const screen = screenText(s);
    for (const secret of ['53.369.636', 'Banco Andino', 'tarjeta de crédito', '8799', '62 días']) expect(screen).not.toContain(secret);
    expect(reached(s)).toBe('third_party');
    expect(dispositionsFor(reached(s))).not.toContain('promise_to_pay');
  });
  it('once the attempts are used up, even the right answers do not pass', () => {
    let s = must(next(co, must(tickDisclosure(co, must(answer(co, startRun(co), 'titular')), 'co_grabacion'))));
    const wrong = { document_last4: '1234', birth_date: '1980-01-01' };
    s = must(verify(co, s, wrong, identity).result);
    const exhausted = { ...s, verificationAttempts: { ...s.verificationAttempts, verificacion: 99 } };
    const late = verify(co, exhausted, { document_last4: '0041', birth_date: '1981-04-09' }, identity);
    expect(late.outcome).toBe('failed');
    expect(must(late.result).verification).toBe('failed');
    expect(speakableDetails(must(late.result))).toEqual([]);
  });
  it('objection jumps into the account steps are refused before verification', () => {
    const s = startRun(co);
    expect(useObjection(co, s, 'sin_dinero')).toEqual({ ok: false, error: { code: 'script.run.jump_not_allowed', params: { step: 'opciones' } } });
    expect(view(co, s, vars).objections.find((o) => o.id === 'sin_dinero')!.canJump).toBe(false);
  });
  it('sensitive placeholders render as [...] while nothing is speakable', () => {
    const s = startRun(co);
    expect(view(co, s, vars).objections.find((o) => o.id === 'sin_dinero')!.response).not.toContain('COP');
    const mx = reg.get('mx_general')!;
    const card = view(mx, startRun(mx), vars).objections.find((o) => o.id === 'pago_al_agente')!;
    expect(card.response).toContain('[…]');
    expect(card.response).not.toContain('Banco Andino');
  });
  it('no identity data on file cannot pass', () => {
    const s = must(next(co, must(tickDisclosure(co, must(answer(co, startRun(co), 'titular')), 'co_grabacion'))));
    expect(verify(co, s, { document_last4: '0041' }, {}).outcome).toBe('failed');
  });
});

describe('ScriptRunner: third-party path', () => {
  it('reveals nothing about the debt and only allows non-right-party dispositions', () => {
    let s = must(answer(co, startRun(co), 'tercero'));
    expect(s.thirdParty).toBe(true);
    const v = view(co, s, vars);
    expect(v.say).toBe('¿En qué horario podría encontrar a José? Por favor indíquele que lo llamó Laura al 601 555 0100.');
    expect(v.speakable).toEqual([]);
    for (const secret of ['53.369.636', 'Banco Andino', 'tarjeta', '8799']) expect(screenText(s)).not.toContain(secret);
    s = must(answer(co, s, 'mensaje'));
    expect(s.ended).toBe(true);
    expect(view(co, s, vars).outcomes).toEqual(['third_party']);
    expect(reached(s)).toBe('third_party');
    expect(validateWrapUp({ disposition: 'refused', reached: reached(s) }).map((e) => e.code)).toEqual(['disposition.not_reached']);
  });
  it('the US third-party step names no company', () => {
    const s = must(answer(us, startRun(us), 'third_party'));
    expect(view(us, s, vars).say).not.toContain('Recaudos Andinos');
  });
});

describe('ScriptRunner: errors and back', () => {
  it('refuses actions that do not belong to the step, and goes back keeping what was learned', () => {
    const s0 = startRun(co);
    expect(next(co, s0)).toMatchObject({ ok: false, error: { code: 'script.run.wrong_step_type' } });
    expect(answer(co, s0, 'nope')).toMatchObject({ ok: false, error: { code: 'script.run.unknown_answer' } });
    expect(tickDisclosure(co, s0, 'co_grabacion')).toMatchObject({ ok: false, error: { code: 'script.run.wrong_step_type' } });
    expect(back(co, s0)).toMatchObject({ ok: false, error: { code: 'script.run.nothing_to_undo' } });
    const s1 = must(tickDisclosure(co, must(answer(co, s0, 'titular')), 'co_grabacion'));
    const s2 = must(back(co, s1));
    expect(s2.current).toBe('saludo');
    expect(s2.ticked).toEqual(['co_grabacion']);
  });
});
