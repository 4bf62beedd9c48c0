/**
 * Hour of day (0–23) of a UTC instant in an IANA zone. Intl formatters are cached per zone: the queue asks this
 * for every account and every past contact, and building a formatter is the expensive part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

export function localHour(at: Date | string | number, zone: string): number {
  const d = at instanceof Date ? at : new Date(at);
  const h = Number(formatterFor(zone).format(d));
  return h === 24 ? 0 : h;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
export function localDate(at: Date | string | number, zone: string): string {
  let f = dateFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(zone, f);
  }
  return f.format(at instanceof Date ? at : new Date(at));
}
