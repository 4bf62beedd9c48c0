/**
 * The contact check: may this debtor be contacted on this channel at this instant, given the rules, the flags
 * and the contact history? Pure and fast (≈ a few µs for a US debtor with 30 past attempts): the history is
 * converted to local days once per candidate zone, every rule is a loop over a few dozen numbers.
 *
 * When blocked, `nextAllowedAt` is the first instant every rule in every candidate zone allows, found by jumping
 * from window edge to window edge: each failing rule tells the earliest instant it could pass (next window
 * start, day after a holiday, day a cap's oldest event leaves the window…), the search jumps to the latest of
 * those and re-checks, until everything passes (or a stop flag blocks for good: null).
 */
import { publicHolidayOnEpochDay } from '../calendar/holidays';
import { formatLocal, localMs, offsetMs, utcOfLocal, weekdayOfEpochDay } from './local-time';
import { CHANNEL_BIT, channelsOfMask, type CompiledRuleSet, type Rulebook } from './rulebook';
import { hhmmToMinutes, minutesToHhmm, type Channel, type ComplianceFlag } from './rules-schema';
import { debtorZoneCandidates, type ZoneCandidate } from './zones/debtor-zones';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
/** How far ahead nextAllowedAt looks before giving up (null). */
const HORIZON_DAYS = 400;

export type ReasonCode =
  | 'outside_hours'
  | 'day_not_allowed'
  | 'holiday'
  | 'frequency_cap'
  | 'channels_per_window'
  | 'min_gap'
  | 'after_conversation'
  | 'inconvenient_time'
  | 'stop_flag'
  | 'channel_refused_by_debtor'
  | 'channel_not_authorized'
  | 'number_do_not_call'
  | 'no_rules_for_country'
  | 'override_invalid'
  | 'override_not_permitted';

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

/** A flag as stored: either just its code or with when it took effect and when this desk learned of it. */
export type FlagInput = ComplianceFlag | { flag: ComplianceFlag; effectiveAt?: string; receivedAt?: string };

export interface InconvenientTime {
  /** ISO weekday 1–7; omitted = every day. */
  weekday?: number;
  from: string;
  to: string;
}

export interface CheckDebtor {
  id: string;
  country: string;
  region?: string | null;
  timeZone?: string | null;
  /** The debtor's phones, E.164 (used to guess the zone when the address lacks a region). */
  phones?: readonly string[];
  flags: readonly FlagInput[];
  /** Precomputed `debtorZoneCandidates(...)`; computed per check when omitted. */
  zones?: readonly ZoneCandidate[];
  /** Numbers marked do-not-call (phone status), E.164. */
  doNotCallNumbers?: readonly string[];
  /** Channels the debtor asked us not to use ("don't email me"). */
  refusedChannels?: readonly Channel[];
  /** Channels the debtor authorized (Colombia art. 2); when listed, others are refused. */
  authorizedChannels?: readonly Channel[] | null;
  /** Times the debtor said are inconvenient (FDCPA 1692c(a)(1)), local. */
  inconvenientTimes?: readonly InconvenientTime[];
}

export interface CheckAccount {
  id: string;
  creditorId?: string | null;
}

/** One past contact with the debtor (any of their accounts). */
export interface ContactEvent {
  /** UTC ISO instant; `atMs` (epoch ms) may be given instead to skip parsing. */
  at?: string;
  atMs?: number;
  channel: Channel;
  /** The account it was about; null = the debtor in general (counts for every account). */
  accountId: string | null;
  /** Default 'outbound'. Inbound contacts count only as conversations. */
  direction?: 'outbound' | 'inbound';
  /** Whether it connected (answered, voicemail, delivered); unknown counts as connected. */
  connected?: boolean;
  /** Right-party conversation about the debt. */
  conversation?: boolean;
  /** Made with the consumer's direct prior consent (Reg F 1006.14(b)(3)). */
  priorConsent?: boolean;
}

export interface OverrideRequest {
  /** The lead's user id. */
  by: string;
  /** The lead's role as the session knows it; only 'lead' and 'admin' may override. */
  role: string;
  reason: string;
}

export interface ContactAttempt {
  channel: Channel;
  /** UTC ISO instant of the attempt. */
  at: string;
  phoneE164?: string | null;
  override?: OverrideRequest;
}

export interface CheckInput {
  rules: Rulebook;
  debtor: CheckDebtor;
  account: CheckAccount;
  attempt: ContactAttempt;
  history: readonly ContactEvent[];
  /** UTC ISO "now" of the desk: flags received after it are not yet known. Defaults to attempt.at. */
  now?: string;
}

export type Decision =
  | { allowed: true; override?: { by: string; role: string; reason: string; overridden: Reason[] } }
  | { allowed: false; reasons: Reason[]; nextAllowedAt: string | null };

// ---------------------------------------------------------------------------------------------------------------

interface Ev {
  ms: number;
  bit: number;
  debt: boolean;
  level: number; // 0 attempt, 1 connected, 2 conversation
  consent: boolean;
  outbound: boolean;
}

/** Per candidate zone: the compiled rules and the history in that zone's local days. */
interface ZoneCtx {
  cand: ZoneCandidate;
  rules: CompiledRuleSet;
  days: Int32Array;
}

interface Prepared {
  bit: number;
  channel: Channel;
  evs: Ev[];
  zones: ZoneCtx[];
  inconvenient: ReadonlyArray<{ wd: number; from: number; to: number; label: string }>;
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Epoch ms of a UTC ISO instant. The store writes "YYYY-MM-DDTHH:MM:SS(.sss)Z"; that shape is parsed by hand
 * (Date.parse is the largest cost of a check otherwise); anything else goes through Date.parse.
 */
export function parseIsoMs(s: string): number {
  const len = s.length;
  if ((len === 20 || len === 24) && s.charCodeAt(len - 1) === 90 /* Z */ && s.charCodeAt(10) === 84 /* T */) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const se = digits(s, 17, 2);
    const ms = len === 24 ? digits(s, 20, 3) : 0;
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59 && ms >= 0) {
      return Date.UTC(y, mo - 1, d, h, mi, se, ms);
    }
    // Days 29–31 are rare enough to let Date.parse judge whether the month has them.
  }
  return Date.parse(s);
}

function parseMs(e: ContactEvent): number {
  if (e.atMs !== undefined) return e.atMs;
  return e.at ? parseIsoMs(e.at) : NaN;
}

function flagCode(f: FlagInput): ComplianceFlag {
  return typeof f === 'string' ? f : f.flag;
}

function flagKnown(f: FlagInput, nowMs: number): boolean {
  if (typeof f === 'string' || !f.receivedAt) return true;
  const r = Date.parse(f.receivedAt);
  return Number.isNaN(r) || r <= nowMs;
}

const scratch = new Int32Array(2048);

/**
 * Holiday names by (country, region) and local epoch day ('' = a working day). A queue build asks the same few
 * days thousands of times; the calendar's own look-up formats an ISO date each time.
 */
const holidayNames = new Map<string, Map<string, Map<number, string>>>();
const HOLIDAY_MEMO_MAX = 50_000;

export function holidayNameOn(day: number, country: string, region: string | undefined): string {
  let byRegion = holidayNames.get(country);
  if (!byRegion) holidayNames.set(country, (byRegion = new Map()));
  let byDay = byRegion.get(region ?? '');
  if (!byDay) byRegion.set(region ?? '', (byDay = new Map()));
  let name = byDay.get(day);
  if (name === undefined) {
    if (byDay.size >= HOLIDAY_MEMO_MAX) byDay.clear();
    name = publicHolidayOnEpochDay(day, country, region)?.name ?? '';
    byDay.set(day, name);
  }
  return name;
}

function prepare(input: CheckInput, zones: readonly ZoneCandidate[]): Prepared | Reason {
  const { rules, debtor, account, attempt, history } = input;
  const creditorId = account.creditorId ?? undefined;
  const zctx: ZoneCtx[] = [];
  const evs: Ev[] = new Array(history.length);
  let n = 0;
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    const ms = parseMs(e);
    if (Number.isNaN(ms)) continue;
    const conv = e.conversation === true;
    evs[n++] = {
      ms,
      bit: CHANNEL_BIT[e.channel] ?? 0,
      debt: e.accountId === null || e.accountId === account.id,
      level: conv ? 2 : e.connected === false ? 0 : 1,
      consent: e.priorConsent === true,
      outbound: e.direction !== 'inbound',
    };
  }
  evs.length = n;
  for (const cand of zones) {
    const compiled = rules.compiled(creditorId, cand.country, cand.region);
    if (!compiled) return { code: 'no_rules_for_country', params: { country: cand.country } };
    const days = new Int32Array(n);
    for (let i = 0; i < n; i++) days[i] = Math.floor(localMs(cand.zone, evs[i]!.ms) / DAY_MS);
    zctx.push({ cand, rules: compiled, days });
  }
  const inconvenient = !debtor.inconvenientTimes || debtor.inconvenientTimes.length === 0 ? NO_WINDOWS : debtor.inconvenientTimes.map((w) => ({
    wd: w.weekday ?? 0,
    from: hhmmToMinutes(w.from),
    to: hhmmToMinutes(w.to),
    label: `${w.from}–${w.to}`,
  }));
  return { bit: CHANNEL_BIT[attempt.channel], channel: attempt.channel, evs, zones: zctx, inconvenient };
}

/** Does a counter rule pass on local day D? Returns the worst count (for messages) or -1 when it passes. */
function counterFails(p: Prepared, z: ZoneCtx, c: CompiledRuleSet['counters'][number], D: number, atMs: number): number {
  const N = c.windowDays;
  const evs = p.evs;
  const days = z.days;
  if (c.kind === 'gap') {
    for (let i = 0; i < evs.length; i++) {
      const e = evs[i]!;
      if (!e.outbound || (e.bit & c.countMask) === 0 || e.level < c.minLevel || (c.debtScope && !e.debt)) continue;
      const d = days[i]! - D;
      if (d > -N && d < N) return days[i]!;
    }
    return -1;
  }
  // Histogram of counted events over days [D-N+1, D+N-1] (index 0 = D-N+1); channel bits for 'distinct'.
  const len = 2 * N - 1;
  const hist = len <= scratch.length ? scratch : new Int32Array(len);
  hist.fill(0, 0, len);
  let any = false;
  for (let i = 0; i < evs.length; i++) {
    const e = evs[i]!;
    if (!e.outbound || (e.bit & c.countMask) === 0 || e.level < c.minLevel || (c.debtScope && !e.debt)) continue;
    if (c.excludeConsent && e.consent) continue;
    const k = days[i]! - D + N - 1;
    if (k < 0 || k >= len) continue;
    if (c.kind === 'cap') hist[k]! += 1;
    else hist[k] = hist[k]! | e.bit;
    any = true;
  }
  if (!any) return c.kind === 'cap' && c.max < 1 ? 0 : -1;
  // Slide a window of N days over the N windows that contain D.
  if (c.kind === 'cap') {
    let sum = 0;
    for (let k = 0; k < N; k++) sum += hist[k]!;
    let worst = sum;
    for (let k = N; k < len; k++) {
      sum += hist[k]! - hist[k - N]!;
      if (sum > worst) worst = sum;
    }
    return worst + 1 > c.max ? worst : -1;
  }
  let worstBits = 0;
  let worstCount = 0;
  for (let s = 0; s < N; s++) {
    let bits = p.bit;
    for (let k = s; k < s + N; k++) bits |= hist[k]!;
    let cnt = 0;
    for (let b = bits; b; b &= b - 1) cnt++;
    if (cnt > worstCount) {
      worstCount = cnt;
      worstBits = bits;
    }
  }
  void atMs;
  return worstCount > c.max ? worstBits : -1;
}

/** Latest conversation day within `days` of D that blocks the attempt at atMs, or -1. */
function afterConversationDay(p: Prepared, z: ZoneCtx, a: CompiledRuleSet['after'][number], D: number, atMs: number): number {
  let found = -1;
  for (let i = 0; i < p.evs.length; i++) {
    const e = p.evs[i]!;
    if (e.level !== 2 || (e.bit & a.convMask) === 0 || (a.debtScope && !e.debt) || e.ms > atMs) continue;
    const dc = z.days[i]!;
    if (D >= dc && D <= dc + a.days - 1 && dc > found) found = dc;
  }
  return found;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Evaluates the time-dependent rules in one zone at instant t. Pushes reasons when `reasons` is given.
 * Returns whether they all pass; when not, `evalHint` is the earliest instant (ms) the failing rules could all
 * pass in this zone (Infinity = never). A module variable rather than a returned object: this runs thousands of
 * times per queue build. `reasons` never changes the verdict or the hint.
 */
let evalHint = 0;
function evalZone(p: Prepared, z: ZoneCtx, t: number, reasons: Reason[] | null): boolean {
  const zone = z.cand.zone;
  const r = z.rules;
  const lms = t + offsetMs(zone, t);
  const D = Math.floor(lms / DAY_MS);
  const minute = Math.floor((lms - D * DAY_MS) / MIN_MS);
  const wd = weekdayOfEpochDay(D) - 1;
  let ok = true;
  let hint = t;
  let bumpTo = 0;

  // Holidays: the first non-holiday day after D.
  let holidayName: string | undefined;
  let holidayBlocks = false;
  for (const h of r.holidayRules) {
    if ((h.mask & p.bit) === 0) continue;
    if (holidayName === undefined) holidayName = holidayNameOn(D, r.country, r.holidayRegion);
    if (holidayName !== '') {
      holidayBlocks = true;
      if (reasons) reasons.push({ code: 'holiday', params: { ruleId: h.id, zone, date: isoDay(D), name: holidayName } });
    }
  }
  if (holidayBlocks) {
    let d = D + 1;
    while (d < D + 30 && holidayNameOn(d, r.country, r.holidayRegion) !== '') d++;
    bumpTo = utcOfLocal(zone, d, 0);
    ok = false;
    if (bumpTo > hint) hint = bumpTo;
  }

  // Allowed hours.
  for (const h of r.hours) {
    if ((h.mask & p.bit) === 0) continue;
    const w = h.week[wd]!;
    let inside = false;
    let nextStart = -1;
    for (let i = 0; i < w.length; i += 2) {
      if (minute >= w[i]! && minute < w[i + 1]!) {
        inside = true;
        break;
      }
      if (w[i]! > minute && nextStart < 0) nextStart = w[i]!;
    }
    if (inside) continue;
    if (reasons) {
      reasons.push(
        w.length === 0
          ? { code: 'day_not_allowed', params: { ruleId: h.id, zone, weekday: wd + 1, localTime: formatLocal(zone, t) } }
          : { code: 'outside_hours', params: { ruleId: h.id, zone, windows: h.labels[wd]!, weekday: wd + 1, localTime: formatLocal(zone, t) } },
      );
    }
    if (nextStart >= 0) {
      bumpTo = utcOfLocal(zone, D, nextStart);
    } else {
      bumpTo = Infinity;
      for (let k = 1; k <= 7; k++) {
        const w2 = h.week[(wd + k) % 7]!;
        if (w2.length > 0) {
          bumpTo = utcOfLocal(zone, D + k, w2[0]!);
          break;
        }
      }
    }
    ok = false;
    if (bumpTo > hint) hint = bumpTo;
  }

  // The debtor's own inconvenient times.
  for (const w of p.inconvenient) {
    if (w.wd !== 0 && w.wd !== wd + 1) continue;
    if (minute >= w.from && minute < w.to) {
      if (reasons) reasons.push({ code: 'inconvenient_time', params: { zone, windows: w.label, localTime: formatLocal(zone, t) } });
      bumpTo = w.to >= 1440 ? utcOfLocal(zone, D + 1, 0) : utcOfLocal(zone, D, w.to);
      ok = false;
      if (bumpTo > hint) hint = bumpTo;
    }
  }

  // Frequency caps, channel counts, gaps: find the first local day they pass.
  for (const c of r.counters) {
    if ((c.mask & p.bit) === 0) continue;
    const worst = counterFails(p, z, c, D, t);
    if (worst < 0) continue;
    if (reasons) {
      if (c.kind === 'cap') {
        reasons.push({ code: 'frequency_cap', params: { ruleId: c.id, max: c.max, windowDays: c.windowDays, count: worst, channels: channelsOfMask(c.countMask).join(', ') } });
      } else if (c.kind === 'distinct') {
        reasons.push({ code: 'channels_per_window', params: { ruleId: c.id, max: c.max, windowDays: c.windowDays, channelsUsed: channelsOfMask(worst & ~p.bit).join(', ') } });
      } else {
        reasons.push({ code: 'min_gap', params: { ruleId: c.id, minDays: c.windowDays, lastDate: isoDay(worst) } });
      }
    }
    let d = D + 1;
    const limit = D + HORIZON_DAYS;
    while (d < limit && counterFails(p, z, c, d, t) >= 0) d++;
    bumpTo = d >= limit ? Infinity : utcOfLocal(zone, d, 0);
    ok = false;
    if (bumpTo > hint) hint = bumpTo;
  }

  for (const a of r.after) {
    if ((a.mask & p.bit) === 0) continue;
    const dc = afterConversationDay(p, z, a, D, t);
    if (dc < 0) continue;
    if (reasons) reasons.push({ code: 'after_conversation', params: { ruleId: a.id, days: a.days, conversationDate: isoDay(dc), zone } });
    let d = dc + a.days;
    while (d < D + HORIZON_DAYS && afterConversationDay(p, z, a, d, t) >= 0) d++;
    bumpTo = utcOfLocal(zone, d, 0);
    ok = false;
    if (bumpTo > hint) hint = bumpTo;
  }
  evalHint = hint;
  return ok;
}

// Shared by every debtor without inconvenient times; never written. Not frozen: V8 iterates a frozen array in
// for-of through a slower path, and evalZone loops over this one on every evaluation.
const NO_WINDOWS: Prepared['inconvenient'] = [];
/**
 * What permanentReasons finds for a debtor with no flag, refusal, authorization list or do-not-call number.
 * Never written; not frozen, so it keeps the shape of the objects permanentReasons builds (one shape at the sites
 * that read it).
 */
const NO_PERMANENT: { reasons: readonly Reason[]; overridable: boolean } = { reasons: [], overridable: true };

/** Blocks that no waiting lifts: flags, the debtor's refusals, authorization, do-not-call numbers. */
function permanentReasons(input: CheckInput, p: Prepared, nowMs: number): { reasons: readonly Reason[]; overridable: boolean } {
  const { debtor, attempt } = input;
  if (debtor.flags.length === 0 && !debtor.refusedChannels?.length && !debtor.authorizedChannels && !debtor.doNotCallNumbers?.length) {
    return NO_PERMANENT;
  }
  const reasons: Reason[] = [];
  let overridable = true;
  const seen = new Set<string>();
  for (const f of debtor.flags) {
    if (!flagKnown(f, nowMs)) continue;
    const code = flagCode(f);
    for (const z of p.zones) {
      const rule = z.rules.flags.get(code);
      if (!rule || (rule.mask & p.bit) === 0 || seen.has(code)) continue;
      seen.add(code);
      reasons.push({ code: 'stop_flag', params: { flag: code } });
      if (!rule.overridable) overridable = false;
    }
  }
  if (debtor.refusedChannels?.includes(attempt.channel)) {
    reasons.push({ code: 'channel_refused_by_debtor', params: { channel: attempt.channel } });
    overridable = false;
  }
  if (debtor.authorizedChannels && p.zones.some((z) => z.rules.requireAuthorizedChannels) && !debtor.authorizedChannels.includes(attempt.channel)) {
    reasons.push({ code: 'channel_not_authorized', params: { channel: attempt.channel } });
    overridable = false;
  }
  if (attempt.channel === 'call' && attempt.phoneE164 && debtor.doNotCallNumbers?.includes(attempt.phoneE164)) {
    reasons.push({ code: 'number_do_not_call', params: { phone: attempt.phoneE164 } });
    overridable = false;
  }
  return { reasons, overridable };
}

function zonesFor(input: CheckInput): readonly ZoneCandidate[] {
  const d = input.debtor;
  if (d.zones && d.zones.length > 0 && !input.attempt.phoneE164) return d.zones;
  return debtorZoneCandidates({
    country: d.country,
    region: d.region ?? null,
    timeZone: d.timeZone ?? null,
    phones: d.phones ?? [],
    dialledE164: input.attempt.phoneE164 ?? null,
  });
}

/**
 * First instant ≥ fromMs that every zone allows; null when none within the horizon. The caller has already
 * evaluated fromMs (it is blocked there): the search starts from that evaluation's hint (`firstHint`), exactly
 * where a search from fromMs would step after its first round.
 */
function searchNextAllowed(p: Prepared, fromMs: number, firstHint: number): number | null {
  if (firstHint === Infinity) return null;
  let t = firstHint > fromMs ? firstHint : fromMs + MIN_MS;
  const limit = fromMs + HORIZON_DAYS * DAY_MS;
  for (let iter = 1; iter < 500 && t < limit; iter++) {
    let ok = true;
    let hint = t;
    for (const z of p.zones) {
      if (!evalZone(p, z, t, null)) {
        ok = false;
        if (evalHint > hint) hint = evalHint;
      }
    }
    if (ok) return t;
    if (hint === Infinity) return null;
    t = hint > t ? hint : t + MIN_MS;
  }
  return null;
}

function validOverride(o: OverrideRequest | undefined): Reason | null {
  if (!o) return null;
  if (typeof o.by !== 'string' || o.by.trim() === '') return { code: 'override_invalid', params: { field: 'by' } };
  if (o.role !== 'lead' && o.role !== 'admin') return { code: 'override_invalid', params: { field: 'role', role: String(o.role) } };
  if (typeof o.reason !== 'string' || o.reason.trim().length < 5) return { code: 'override_invalid', params: { field: 'reason' } };
  return null;
}

/** A programming error in a check's input (the IPC boundary validates with ./input-schema first). */
export class ComplianceInputError extends Error {
  readonly key: string;
  constructor(
    readonly code: 'invalid_instant' | 'unknown_channel',
    readonly params: { field: string; value: string },
  ) {
    super(`compliance.error.${code}: ${params.field} = ${params.value}`);
    this.name = 'ComplianceInputError';
    this.key = `compliance.error.${code}`;
  }
}

/** Checks one contact attempt. See the module comment and shared/compliance/index.ts. */
export function checkContactAttempt(input: CheckInput): Decision {
  const atMs = parseIsoMs(input.attempt.at);
  if (Number.isNaN(atMs)) throw new ComplianceInputError('invalid_instant', { field: 'attempt.at', value: String(input.attempt.at) });
  if (CHANNEL_BIT[input.attempt.channel] === undefined) {
    throw new ComplianceInputError('unknown_channel', { field: 'attempt.channel', value: String(input.attempt.channel) });
  }
  // The queue's checks pass the same string as now and as the attempt's instant: parse it once.
  const nowMs = !input.now ? atMs : input.now === input.attempt.at ? atMs : parseIsoMs(input.now);
  if (Number.isNaN(nowMs)) throw new ComplianceInputError('invalid_instant', { field: 'now', value: String(input.now) });
  const zones = zonesFor(input);
  if (zones.length === 0) {
    return { allowed: false, reasons: [{ code: 'no_rules_for_country', params: { country: input.debtor.country } }], nextAllowedAt: null };
  }
  const prepared = prepare(input, zones);
  if ('code' in prepared) return { allowed: false, reasons: [prepared], nextAllowedAt: null };
  const p = prepared;

  const perm = permanentReasons(input, p, nowMs);
  let timeOk = true;
  for (const z of p.zones) {
    if (!evalZone(p, z, atMs, null)) {
      timeOk = false;
      break;
    }
  }
  if (timeOk && perm.reasons.length === 0) return { allowed: true };

  const reasons = perm.reasons.slice();
  // The latest hint of the zones that block at atMs: where the search for the next allowed moment starts.
  let firstHint = atMs;
  if (!timeOk) {
    const seen = new Set<string>();
    for (const z of p.zones) {
      const rs: Reason[] = [];
      if (!evalZone(p, z, atMs, rs) && evalHint > firstHint) firstHint = evalHint;
      for (const r of rs) {
        const key = `${r.code}|${r.params.ruleId ?? ''}|${r.params.zone ?? ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          reasons.push(r);
        }
      }
    }
  }

  const ov = input.attempt.override;
  if (ov) {
    const bad = validOverride(ov);
    if (bad) reasons.push(bad);
    else if (!perm.overridable) reasons.push({ code: 'override_not_permitted', params: { by: ov.by } });
    else return { allowed: true, override: { by: ov.by, role: ov.role, reason: ov.reason.trim(), overridden: reasons } };
  }

  if (perm.reasons.length > 0) return { allowed: false, reasons, nextAllowedAt: null };
  const next = searchNextAllowed(p, atMs, firstHint);
  return { allowed: false, reasons, nextAllowedAt: next === null ? null : new Date(next).toISOString() };
}

export interface DeferralInput {
  rules: Rulebook;
  debtor: CheckDebtor;
  account: CheckAccount;
  history: readonly ContactEvent[];
  /** UTC ISO now. */
  now: string;
  /** Channel the queue would use; default 'call'. */
  channel?: Channel;
  phoneE164?: string | null;
}

export type Deferral =
  | { deferred: false }
  | { deferred: true; until: string | null; reasons: Reason[] };

/**
 * For the work queue: can this account be worked now, and if not, until when is it deferred (null = not until a
 * flag is lifted)? Same rules as checkContactAttempt, without overrides.
 */
export function deferralFor(input: DeferralInput): Deferral {
  const d = checkContactAttempt({
    rules: input.rules,
    debtor: input.debtor,
    account: input.account,
    history: input.history,
    now: input.now,
    attempt: { channel: input.channel ?? 'call', at: input.now, phoneE164: input.phoneE164 ?? null },
  });
  if (d.allowed) return { deferred: false };
  return { deferred: true, until: d.nextAllowedAt, reasons: d.reasons };
}

export { minutesToHhmm };
