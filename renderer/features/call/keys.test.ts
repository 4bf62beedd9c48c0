import { describe, expect, it } from 'vitest';
import { callKeyFor, type CallKeyEvent } from './keys';

const k = (key: string, over: Partial<CallKeyEvent> = {}): CallKeyEvent => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, inField: false, ...over });

describe('guided call keys', () => {
  it.each([
    ['F4', 'idle', null],
    ['F10', 'running', { kind: 'promise' }],
    ['F10', 'idle', null],
    ['Enter', 'running', { kind: 'confirm' }],
    ['Enter', 'wrapup', { kind: 'confirm' }],
    ['Escape', 'running', { kind: 'back' }],
    ['3', 'running', { kind: 'answer', key: '3' }],
    ['0', 'running', null],
  ] as const)('%s while %s → %o', (key, phase, action) => {
    expect(callKeyFor(k(key), phase)).toEqual(action);
  });

  it('digits and Esc inside a field are typing, not shortcuts; modifiers are not ours', () => {
    expect(callKeyFor(k('2', { inField: true }), 'running')).toBeNull();
    expect(callKeyFor(k('Escape', { inField: true }), 'running')).toBeNull();
    expect(callKeyFor(k('Enter', { inField: true }), 'running')).toEqual({ kind: 'confirm' });
    expect(callKeyFor(k('f', { altKey: true }), 'running')).toEqual({ kind: 'wrapUp' });
    expect(callKeyFor(k('t', { altKey: true }), 'running')).toBeNull();
    expect(callKeyFor(k('g', { altKey: true }), 'idle')).toEqual({ kind: 'start' });
    expect(callKeyFor(k('g', { altKey: true }), 'running')).toBeNull();
    expect(callKeyFor(k('F10', { ctrlKey: true }), 'running')).toBeNull();
  });
});
