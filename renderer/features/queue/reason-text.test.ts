import { describe, expect, it } from 'vitest';
import { humanize, reasonText } from './reason-text';

const t = (key: string, o: Record<string, unknown> = {}) => (key === 'queue.reason.quiet_hours' ? `fuera de horario ${String(o.until)}` : String(o.defaultValue));

describe('reasonText', () => {
  it('words known queue codes with the queue module, in the language asked', () => {
    expect(reasonText(t, 'es', { code: 'dpd_bucket', params: { days: 62, bucket: '61-90' } }, 'America/Bogota')).toBe('62 días de mora (tramo 61-90)');
    expect(reasonText(t, 'en', { code: 'dpd_bucket', params: { days: 62, bucket: '61-90' } }, 'America/Bogota')).toBe('62 days past due (61-90 bucket)');
  });
  it('words a compliance deferral with the compliance module', () => {
    expect(reasonText(t, 'es', { code: 'stop_flag', params: { flag: 'do_not_call' } }, 'UTC')).toBe('Contacto bloqueado: no llamar.');
  });
  it('falls back to our i18n, then to a readable code', () => {
    expect(reasonText(t, 'es', { code: 'quiet_hours', params: { until: '08:00' } }, 'UTC')).toBe('fuera de horario 08:00');
    expect(reasonText(t, 'es', { code: 'some_new_code', params: {} }, 'UTC')).toBe('Some new code');
    expect(humanize('compliance.window_closed')).toBe('Compliance window closed');
  });
});
