import { describe, expect, it } from 'vitest';
import { i18n } from './index';

describe('i18n resources', () => {
  it('merge our texts with the shared modules’ and the phone feature’s, in both languages', () => {
    expect(i18n.t('queue.title', { lng: 'es' })).toBe('Cola');
    expect(i18n.t('queue.title', { lng: 'en' })).toBe('Queue');
    expect(i18n.t('money.negative', { lng: 'es' })).toBe('El monto no puede ser negativo.');
    expect(i18n.t('phones.error.too_short', { lng: 'en', raw: '12', defaultCountry: 'CO' })).toBe('The number "12" is too short for CO.');
    expect(i18n.exists('phone.registration.registered', { lng: 'es' })).toBe(true);
    expect(i18n.t('disposition.no_answer', { lng: 'en' })).toBe('No answer');
    expect(i18n.t('paymentMethod.card', { lng: 'en' })).toBe('Card');
  });
  it('start in Spanish and pluralize counts', () => {
    expect(i18n.language).toBe('es');
    expect(i18n.t('queue.count', { count: 1 })).toBe('1 cuenta');
    expect(i18n.t('queue.count', { count: 88, lng: 'en' })).toBe('88 accounts');
  });
});
