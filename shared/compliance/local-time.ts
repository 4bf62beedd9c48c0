/**
 * Fast UTC → debtor-local conversions for the hot path. Luxon answers a zone's offset in ~7 µs (Intl under the
 * hood); a check converts ~30 history instants, so offsets are memoized per zone in 15-minute buckets (every
 * IANA offset change since 1970 falls on a quarter hour). Local → UTC (rare: only when looking for the next
 * allowed moment) goes through Luxon, which handles DST gaps (Chile's midnight change) correctly.
 */
import { DateTime, IANAZone } from 'luxon';

const BUCKET_MS = 900_000;
const DAY_MS = 86_400_000;
const MAX_CACHED = 200_000;

interface ZoneCache {
  zone: IANAZone;
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(name: string): ZoneCache {
  let z = zones.get(name);
  if (!z) {
    const zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`unknown time zone ${name}`);
    z = { zone, offsets: new Map() };
    zones.set(name, z);
  }
  return z;
}

const validZones = new Map<string, boolean>();

/** Memoized: Luxon's answer builds an Intl.DateTimeFormat (~100 µs). */
export function isValidZone(name: string): boolean {
  let v = validZones.get(name);
  if (v === undefined) {
    v = IANAZone.isValidZone(name);
    if (validZones.size > 10_000) validZones.clear();
    validZones.set(name, v);
  }
  return v;
}

/** Offset of `zone` at instant `ms`, in milliseconds (local = utc + offset). */
export function offsetMs(zoneName: string, ms: number): number {
  const z = zoneCache(zoneName);
  const bucket = Math.floor(ms / BUCKET_MS);
  let off = z.offsets.get(bucket);
  if (off === undefined) {
    if (z.offsets.size > MAX_CACHED) z.offsets.clear();
    off = z.zone.offset(bucket * BUCKET_MS) * 60_000;
    z.offsets.set(bucket, off);
  }
  return off;
}

/** Local wall-clock milliseconds since 1970-01-01T00:00 local (a "fake UTC" timestamp). */
export function localMs(zoneName: string, ms: number): number {
  return ms + offsetMs(zoneName, ms);
}

/** Local epoch day (days since 1970-01-01 in the zone's calendar). */
export function localEpochDay(zoneName: string, ms: number): number {
  return Math.floor(localMs(zoneName, ms) / DAY_MS);
}

/** ISO weekday 1 (Mon) … 7 (Sun) of an epoch day. */
export function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The first UTC instant whose local wall time in `zone` is at or after `minuteOfDay` on local epoch day `day`.
 * In a DST gap (the wall time does not exist) that is the end of the gap.
 */
export function utcOfLocal(zoneName: string, day: number, minuteOfDay: number): number {
  // Fast path: the offset at the guessed instant is consistent (no transition nearby).
  const wall = day * DAY_MS + minuteOfDay * 60_000;
  const guess = wall - offsetMs(zoneName, wall);
  const o2 = offsetMs(zoneName, guess);
  const t = wall - o2;
  if (offsetMs(zoneName, t) === o2 && offsetMs(zoneName, t - 3 * 3_600_000) === o2) return t;
  // Near a transition: let Luxon resolve it, then step back to the earliest instant with that wall time.
  const d = new Date(day * DAY_MS);
  const dt = DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60) % 24,
      minute: minuteOfDay % 60,
    },
    { zone: zoneName },
  );
  let ms = minuteOfDay >= 1440 ? utcOfLocal(zoneName, day + 1, minuteOfDay - 1440) : dt.toMillis();
  // In an overlap (clocks back) Luxon may pick the later of two instants; the earlier one is the right answer.
  for (const back of [3_600_000, 1_800_000]) {
    const earlier = ms - back;
    if (localMs(zoneName, earlier) === localMs(zoneName, ms)) ms = earlier;
  }
  // In a gap Luxon shifts forward past the gap's end; the gap's end itself is the first instant at/after wall.
  for (let i = 0; i < 240 && localMs(zoneName, ms - 60_000) >= wall; i++) ms -= 60_000;
  return ms;
}

/** Minute of the local day (0–1439) of instant `ms`. */
export function localMinuteOfDay(zoneName: string, ms: number): number {
  const l = localMs(zoneName, ms);
  return Math.floor((l - Math.floor(l / DAY_MS) * DAY_MS) / 60_000);
}

/** "2026-07-14 21:30" in the zone; no Intl involved (Luxon formatting costs ~20 µs). */
export function formatLocal(zoneName: string, ms: number): string {
  const iso = new Date(localMs(zoneName, ms)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
