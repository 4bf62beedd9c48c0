import { describe, expect, it } from 'vitest';
import { callbackAt, localDateTime } from './callbacks';

describe('callbackAt', () => {
  it('converts a Bogotá wall time (UTC−5, no DST) to UTC', () => {
    expect(callbackAt('2026-12-04', '11:00', 'America/Bogota')).toEqual({ ok: true, utc: '2026-12-04T16:00:00Z', ambiguous: false });
  });
  it('uses the zone offset of that date, not of today (New York summer vs winter)', () => {
    expect(callbackAt('2026-07-01', '18:30', 'America/New_York')).toMatchObject({ ok: true, utc: '2026-07-01T22:30:00Z' });
    expect(callbackAt('2026-12-01', '18:30', 'America/New_York')).toMatchObject({ ok: true, utc: '2026-12-01T23:30:00Z' });
  });
  it('refuses a time skipped by the spring-forward with a clear error and the next valid time', () => {
    expect(callbackAt('2026-03-08', '02:30', 'America/New_York')).toEqual({
      ok: false,
      error: { code: 'callback.nonexistent_time', params: { date: '2026-03-08', time: '02:30', zone: 'America/New_York', suggestion: '03:30' } },
    });
  });
  it('refuses a nonexistent time in Santiago (DST starts at 24:00 on the first Saturday of September)', () => {
    const r = callbackAt('2026-09-06', '00:30', 'America/Santiago');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('callback.nonexistent_time');
  });
  it('takes the first occurrence of a repeated fall-back time and says so', () => {
    expect(callbackAt('2026-11-01', '01:30', 'America/New_York')).toEqual({ ok: true, utc: '2026-11-01T05:30:00Z', ambiguous: true });
  });
  it('refuses bad zones, dates, times and past instants', () => {
    expect(callbackAt('2026-12-04', '11:00', 'America/Nowhere')).toMatchObject({ ok: false, error: { code: 'callback.invalid_zone' } });
    expect(callbackAt('2026-02-30', '11:00', 'America/Bogota')).toMatchObject({ ok: false, error: { code: 'callback.invalid_date' } });
    expect(callbackAt('4/12/2026', '11:00', 'America/Bogota')).toMatchObject({ ok: false, error: { code: 'callback.invalid_date' } });
    expect(callbackAt('2026-12-04', '25:00', 'America/Bogota')).toMatchObject({ ok: false, error: { code: 'callback.invalid_time' } });
    expect(callbackAt('2026-12-04', '9:00', 'America/Bogota')).toMatchObject({ ok: false, error: { code: 'callback.invalid_time' } });
    expect(callbackAt('2026-12-04', '11:00', 'America/Bogota', '2026-12-04T16:00:00Z')).toMatchObject({ ok: false, error: { code: 'callback.in_past' } });
    expect(callbackAt('2026-12-04', '11:00', 'America/Bogota', '2026-12-04T15:59:00Z')).toMatchObject({ ok: true });
  });
  it('localDateTime is the inverse for the agent display', () => {
    expect(localDateTime('2026-12-04T16:00:00Z', 'America/Bogota')).toEqual({ date: '2026-12-04', time: '11:00' });
    expect(localDateTime('2026-11-01T05:30:00Z', 'America/New_York')).toEqual({ date: '2026-11-01', time: '01:30' });
  });
});
