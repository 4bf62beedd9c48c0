/**
 * Public holidays by country (and region/state where the country has regional ones), from `date-holidays`,
 * public type only: bank, school, optional (Argentina's tourism bridges) and observance days are business days.
 * Each (country, region, year) is computed once and cached; look-ups are a Map get.
 *
 * Dates are ISO calendar dates ("2026-07-20") in the country's own calendar; no time zones involved.
 */
import Holidays from 'date-holidays';

export interface PublicHoliday {
  /** ISO date, e.g. "2026-07-20". */
  date: string;
  /** Name in the country's language (Spanish for Latin America, English for the US). */
  name: string;
  country: string;
  /** The region whose own holiday this is, when it is not national. */
  region?: string;
}

/** A bad country/region/date argument; `code` is the i18n key suffix (`calendar.error.<code>`). */
export class CalendarError extends Error {
  constructor(
    readonly code: 'invalid_country' | 'invalid_date' | 'invalid_range',
    readonly params: Record<string, string>,
  ) {
    super(`calendar.error.${code} ${JSON.stringify(params)}`);
    this.name = 'CalendarError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const instances = new Map<string, Holidays | null>();
const yearCache = new Map<string, Map<string, PublicHoliday>>();

function normCountry(country: string): string {
  const c = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new CalendarError('invalid_country', { country });
  return c;
}

/** Regions date-holidays knows for a country (e.g. US states, Chilean regions); others fall back to national. */
function knownRegion(country: string, region: string | undefined): string | undefined {
  if (!region) return undefined;
  const states = new Holidays().getStates(country) as Record<string, string> | undefined;
  const r = region.toUpperCase();
  return states && r in states ? r : undefined;
}

function instance(country: string, region: string | undefined): Holidays | null {
  const key = `${country}|${region ?? ''}`;
  let hd = instances.get(key);
  if (hd === undefined) {
    const countries = new Holidays().getCountries() as Record<string, string>;
    if (!(country in countries)) {
      hd = null;
    } else {
      hd = region ? new Holidays(country, region, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
    }
    instances.set(key, hd);
  }
  return hd;
}

/** All public holidays of one year, keyed by ISO date. Cached. */
function yearHolidays(country: string, region: string | undefined, year: number): Map<string, PublicHoliday> {
  const rawKey = `${country}|${region ?? ''}|${year}`;
  let map = yearCache.get(rawKey);
  if (map) return map;
  const r = knownRegion(country, region);
  map = new Map();
  const hd = instance(country, r);
  if (hd) {
    const national = r ? instance(country, undefined) : null;
    const nationalDates = new Set(
      national ? national.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)) : [],
    );
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      if (map.has(date)) continue;
      const entry: PublicHoliday = { date, name: h.name, country };
      if (r && !nationalDates.has(date)) entry.region = r;
      map.set(date, entry);
    }
  }
  yearCache.set(rawKey, map);
  return map;
}

function parseIso(isoDate: string): { y: number; m: number; d: number } {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new CalendarError('invalid_date', { date: String(isoDate) });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new CalendarError('invalid_date', { date: isoDate });
  }
  return { y, m: mo, d };
}

/** Days since 1970-01-01 of an ISO date. */
export function epochDayOf(isoDate: string): number {
  const { y, m, d } = parseIso(isoDate);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** ISO date of an epoch day. */
export function isoDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** The public holiday on that date, or undefined. */
export function publicHoliday(isoDate: string, country: string, region?: string): PublicHoliday | undefined {
  const { y } = parseIso(isoDate);
  return yearHolidays(normCountry(country), region, y).get(isoDate);
}

export function isPublicHoliday(isoDate: string, country: string, region?: string): boolean {
  return publicHoliday(isoDate, country, region) !== undefined;
}

/**
 * Hot-path form for the compliance engine: the holiday on an epoch day (days since 1970-01-01), no parsing.
 * `country` must already be upper-case alpha-2.
 */
export function publicHolidayOnEpochDay(epochDay: number, country: string, region?: string): PublicHoliday | undefined {
  const iso = isoDateOfEpochDay(epochDay);
  return yearHolidays(country, region, Number(iso.slice(0, 4))).get(iso);
}

/** Public holidays from `fromIso` to `toIso`, both inclusive, in date order. */
export function holidaysBetween(fromIso: string, toIso: string, country: string, region?: string): PublicHoliday[] {
  const c = normCountry(country);
  const from = parseIso(fromIso);
  const to = parseIso(toIso);
  if (toIso < fromIso) throw new CalendarError('invalid_range', { from: fromIso, to: toIso });
  const out: PublicHoliday[] = [];
  for (let y = from.y; y <= to.y; y++) {
    for (const h of yearHolidays(c, region, y).values()) {
      if (h.date >= fromIso && h.date <= toIso) out.push(h);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export interface BusinessDayOptions {
  /** ISO weekdays that are not business days; default Saturday and Sunday. */
  weekend?: readonly number[];
}

const DEFAULT_WEEKEND = [6, 7] as const;

export function isBusinessDay(isoDate: string, country: string, region?: string, opts: BusinessDayOptions = {}): boolean {
  const weekend = opts.weekend ?? DEFAULT_WEEKEND;
  if (weekend.includes(isoWeekdayOfEpochDay(epochDayOf(isoDate)))) return false;
  return !isPublicHoliday(isoDate, country, region);
}

/**
 * The date itself when it is a business day, else the first business day after it — how a due date that
 * falls on a weekend or holiday moves. (Use `businessDayAfter` for the strictly-next one.)
 */
export function nextBusinessDay(isoDate: string, country: string, region?: string, opts: BusinessDayOptions = {}): string {
  const day = epochDayOf(isoDate);
  const c = normCountry(country);
  // A year has at most ~20 holidays plus weekends; 40 days is far more than any run of non-business days.
  for (let i = 0; i < 40; i++) {
    const iso = isoDateOfEpochDay(day + i);
    if (isBusinessDay(iso, c, region, opts)) return iso;
  }
  throw new CalendarError('invalid_range', { from: isoDate, to: isoDateOfEpochDay(day + 40) });
}

/** The first business day strictly after the date. */
export function businessDayAfter(isoDate: string, country: string, region?: string, opts: BusinessDayOptions = {}): string {
  return nextBusinessDay(isoDateOfEpochDay(epochDayOf(isoDate) + 1), country, region, opts);
}

/** Adds n business days (n ≥ 0) to a date: day 0 is nextBusinessDay(date). */
export function addBusinessDays(isoDate: string, n: number, country: string, region?: string, opts: BusinessDayOptions = {}): string {
  let d = nextBusinessDay(isoDate, country, region, opts);
  for (let i = 0; i < n; i++) d = businessDayAfter(d, country, region, opts);
  return d;
}
