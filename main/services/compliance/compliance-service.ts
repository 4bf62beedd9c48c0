/**
 * The desk's compliance service, built once per desk over the local store: the check before every dial (from
 * the store alone, online or not), a lead's override, the queue's deferral hook, the audit of every decision and
 * every view of a debtor's record, and the review of past attempts against flags that arrived later.
 *
 * Flags are whatever the store holds at check time: a cease flag pulled while the agent was offline applies at
 * the next check. The first time the desk sees a flag it writes a `flag_changed` row (when it took effect on the
 * server, when the desk received it), which is what lets an earlier attempt be judged as made in good faith.
 */
import { ApiError } from '../../../shared/api/errors';
import type { DialDecision, AttemptReview } from '../../../shared/api/methods/compliance';
import type { Account, Contact, Debtor } from '../../../shared/domain/portfolio';
import type { User } from '../../../shared/domain/users';
import { appendAudit, auditContactDecision, verifyAuditLog, type AuditVerdict } from '../audit/audit-log';
import { checkContactAttempt, deferralFor, parseIsoMs, type CheckDebtor, type ContactEvent, type Decision, type Reason } from '../../../shared/compliance/check';
import { checkDebtorFrom } from '../../../shared/compliance/history';
import { classifyPastAttempt } from '../../../shared/compliance/good-faith';
import type { Channel, ComplianceFlag } from '../../../shared/compliance/rules-schema';
import type { ComplianceSettingsInput } from '../../../shared/compliance/settings';
import { debtorZoneCandidates, type ZoneCandidate } from '../../../shared/compliance/zones/debtor-zones';
import { windowDaysOf, type Rulebook } from '../../../shared/compliance/rulebook';
import type { Db } from '../store/open';
import { toAccount, toDebtor, toPhone, type AccountRow, type ContactRow, type DebtorRow, type PhoneRow } from '../portfolio/rows';
import type { DeferralDecision } from '../queue/queue-service';
import { mergeAttempts, type ContactFact } from './attempt-history';
import { createAuditIndex, HISTORY_DAYS } from './audit-index';
import { createRulebookSource, type ComplianceLog } from './rulebook-source';

const DAY_MS = 86_400_000;

/** What the queue's deferral hook reads of an account, a debtor and their contacts. */
export type QueueAccount = Pick<Account, 'id' | 'creditorId'>;
export type QueueDebtor = Pick<Debtor, 'id' | 'country' | 'region' | 'timeZone' | 'flags'>;
export type QueueContact = Pick<Contact, 'startedAt' | 'channel' | 'accountId' | 'direction' | 'conversation' | 'phoneE164'>;

/** A queue row blocked until a flag is lifted has no date; it sorts after every dated deferral. */
export const DEFERRED_INDEFINITELY = '9999-12-31T23:59:59.999Z';

/** Reasons a lead may authorize past (the engine refuses overrides of flags, refusals and do-not-call numbers). */
const OVERRIDABLE = new Set<string>([
  'outside_hours', 'day_not_allowed', 'holiday', 'frequency_cap', 'channels_per_window', 'min_gap',
  'after_conversation', 'inconvenient_time',
]);

/** Who may override a block: a lead (the issue: "overrides only by a lead"). */
const OVERRIDE_ROLES = new Set(['lead']);
/** Who may verify the chain and review attempts. */
const REVIEW_ROLES = new Set(['lead', 'admin']);

export interface DialTarget {
  debtorId: string;
  accountId?: string | undefined;
  phoneE164: string;
  channel: Channel;
}

export interface ComplianceServiceOptions {
  db: Db;
  now: () => Date;
  settings?: ComplianceSettingsInput;
  log?: ComplianceLog;
}

export function createComplianceService(opts: ComplianceServiceOptions) {
  const { db, now } = opts;
  const log: ComplianceLog = opts.log ?? ((level, msg, detail) => console[level](`[compliance] ${msg}`, detail ?? ''));
  const rulebook = createRulebookSource(db, { ...(opts.settings ? { settings: opts.settings } : {}), log });
  const index = createAuditIndex(db, now);
  const q = {
    debtor: db.prepare('SELECT * FROM debtors WHERE id = ?'),
    account: db.prepare('SELECT * FROM accounts WHERE id = ? AND debtor_id = ?'),
    activeAccounts: db.prepare("SELECT * FROM accounts WHERE debtor_id = ? ORDER BY status = 'active' DESC, id"),
    phones: db.prepare('SELECT * FROM phones WHERE debtor_id = ?'),
    contacts: db.prepare('SELECT id, account_id, channel, direction, phone_e164, started_at, conversation FROM contacts WHERE debtor_id = ? AND started_at >= ?'),
  };

  function notFound(debtorId: string): ApiError {
    return new ApiError({ code: 'not_found', message: `no debtor ${debtorId} in the local store`, key: 'errors.portfolio.debtorNotFound', params: { debtorId } });
  }

  /** Records a flag the desk sees for the first time (or one lifted), with when it took effect on the server. */
  function noticeFlags(debtor: Debtor, at: string): void {
    const change = index.flagChange(debtor.id, debtor.flags as ComplianceFlag[], debtor.updatedAt);
    if (!change) return;
    appendAudit(db, { at, actor: 'system', action: 'flag_changed', subject: `debtor:${debtor.id}`, detail: change.detail });
    change.commit(at);
  }

  function historyOf(debtorId: string, nowMs: number): ContactEvent[] {
    const since = new Date(nowMs - HISTORY_DAYS * DAY_MS).toISOString();
    const rows = q.contacts.all(debtorId, since) as Array<Pick<ContactRow, 'account_id' | 'channel' | 'direction' | 'phone_e164' | 'started_at' | 'conversation'>>;
    const facts: ContactFact[] = rows.map((r) => ({
      atMs: Date.parse(r.started_at), channel: r.channel as Channel, accountId: r.account_id,
      direction: r.direction as 'outbound' | 'inbound', conversation: r.conversation === 1, phoneE164: r.phone_e164,
    }));
    return mergeAttempts(facts, index.attempts(debtorId));
  }

  /** Several accounts (a dial about the debtor in general): allowed only if allowed for every one. */
  function combine(decisions: Decision[]): Decision {
    if (decisions.length === 1) return decisions[0]!;
    const blocked = decisions.filter((d): d is Extract<Decision, { allowed: false }> => !d.allowed);
    if (blocked.length === 0) return decisions.find((d) => d.allowed && d.override) ?? decisions[0]!;
    const seen = new Set<string>();
    const reasons: Reason[] = [];
    for (const d of blocked) {
      for (const r of d.reasons) {
        const key = JSON.stringify(r);
        if (!seen.has(key)) {
          seen.add(key);
          reasons.push(r);
        }
      }
    }
    const next = blocked.some((d) => d.nextAllowedAt === null) ? null : blocked.map((d) => d.nextAllowedAt!).sort().at(-1)!;
    return { allowed: false, reasons, nextAllowedAt: next };
  }

  function check(user: User, target: DialTarget, override?: { reason: string }): DialDecision {
    const at = now();
    const atIso = at.toISOString();
    const row = q.debtor.get(target.debtorId) as DebtorRow | undefined;
    if (!row) throw notFound(target.debtorId);
    const debtor = toDebtor(row);
    let accounts: Account[];
    if (target.accountId !== undefined) {
      const a = q.account.get(target.accountId, target.debtorId) as AccountRow | undefined;
      if (!a) {
        throw new ApiError({
          code: 'not_found', message: `account ${target.accountId} is not an account of debtor ${target.debtorId}`,
          key: 'errors.compliance.accountNotFound', params: { accountId: target.accountId, debtorId: target.debtorId },
        });
      }
      accounts = [toAccount(a)];
    } else {
      const all = (q.activeAccounts.all(target.debtorId) as AccountRow[]).map(toAccount);
      const active = all.filter((a) => a.status === 'active');
      accounts = active.length > 0 ? active : all.slice(0, 1);
    }
    noticeFlags(debtor, atIso);
    const phones = (q.phones.all(target.debtorId) as PhoneRow[]).map(toPhone);
    const checkDebtor: CheckDebtor = { ...checkDebtorFrom(debtor, phones), flags: index.flagInputs(debtor.id, debtor.flags as ComplianceFlag[]) };
    const history = historyOf(debtor.id, at.getTime());
    const rules = rulebook.rules();
    const attempt = {
      channel: target.channel, at: atIso, phoneE164: target.phoneE164,
      ...(override ? { override: { by: user.id, role: user.role, reason: override.reason } } : {}),
    };
    const targets = accounts.length > 0 ? accounts.map((a) => ({ id: a.id, creditorId: a.creditorId })) : [{ id: debtor.id, creditorId: debtor.creditorId }];
    const decision = combine(targets.map((account) => checkContactAttempt({ rules, debtor: checkDebtor, account, attempt, history, now: atIso })));
    const record = auditContactDecision(db, {
      at: atIso, actor: user.id, debtorId: debtor.id, accountId: target.accountId ?? null, channel: target.channel,
      phoneE164: target.phoneE164, decision,
    });
    index.recorded(record);
    const zones = [...new Set(debtorZoneCandidates({
      country: debtor.country, region: debtor.region, timeZone: debtor.timeZone, phones: phones.map((p) => p.e164),
      dialledE164: target.phoneE164,
    }).map((z) => z.zone))];
    return {
      allowed: decision.allowed,
      reasons: decision.allowed ? [] : decision.reasons,
      nextAllowedAt: decision.allowed ? null : decision.nextAllowedAt,
      debtorZone: debtor.timeZone,
      zones,
      overridable: !decision.allowed && decision.reasons.length > 0 && decision.reasons.every((r) => OVERRIDABLE.has(r.code)),
      override: decision.allowed && decision.override ? decision.override : null,
      checkedAt: atIso,
      auditSeq: record.seq,
    };
  }

  // ---- the queue's hook ----------------------------------------------------------------------------------------
  // 5,000 accounts per queue build. Kept between builds, each checked against what it was derived from so a
  // change is seen at the next build: a debtor's check input and zones (by debtor id, against its place and
  // flags), each place's lookback (by rulebook), a debtor's events (against the very contacts array handed in and
  // the audit index's attempt count). Debtors with nothing in their window share one result per creditor, place,
  // flags and minute (windows and holidays change on minute boundaries, so within one minute the answer cannot
  // differ); that memo is dropped when the minute or the rulebook changes.
  const zonesByPlace = new Map<string, readonly ZoneCandidate[]>();
  interface DebtorPrep {
    id: string;
    country: string;
    region: string | null;
    timeZone: string;
    flags: readonly ComplianceFlag[];
    input: CheckDebtor;
    placeKey: string;
    /** The last contacts array seen for this debtor and the events made of it. */
    contacts: readonly QueueContact[] | null;
    since: number;
    attemptsVersion: number;
    events: readonly ContactEvent[];
    /** The lookback of the last creditor and rulebook asked for, and the memo key for that creditor. */
    creditorId: string | null;
    rules: Rulebook | null;
    lookback: number;
    memoKey: string;
    /** Whether any rule of those counts per debt: only then can two accounts of the debtor be decided apart. */
    perDebt: boolean;
    /** The last decision made over `sharedEvents` at `sharedNowMs`, for the debtor's next account. */
    sharedNowMs: number;
    sharedEvents: readonly ContactEvent[] | null;
    shared: DeferralDecision | null;
  }
  const debtorPreps = new Map<string, DebtorPrep>();
  const MAX_DEBTOR_PREPS = 250_000;
  let lastNowMs = -1;
  let lastNowIso = '';
  let memoMinute = -1;
  let memoRules: unknown = null;
  let memo = new Map<string, DeferralDecision | null>();

  const lookbacks = new Map<string, number>();
  let lookbackRules: unknown = null;
  /** The longest window (caps, channels per window, wait after a conversation, gaps) of a place's rules, + 2 days. */
  function lookbackMs(rules: Rulebook, creditorId: string, debtor: QueueDebtor): number {
    if (rules !== lookbackRules) {
      lookbackRules = rules;
      lookbacks.clear();
    }
    const key = `${creditorId}|${debtor.country}|${debtor.region ?? ''}`;
    let ms = lookbacks.get(key);
    if (ms === undefined) {
      let days = 0;
      for (const set of rules.ruleSets(creditorId, debtor.country, debtor.region ?? undefined)) days = Math.max(days, windowDaysOf(set));
      ms = (days + 2) * DAY_MS;
      lookbacks.set(key, ms);
    }
    return ms;
  }

  /** Whether a cap, channel count, gap or wait after a conversation of these rules counts per debt. */
  function countsPerDebt(rules: Rulebook, creditorId: string, zones: readonly ZoneCandidate[]): boolean {
    for (const z of zones) {
      const c = rules.compiled(creditorId, z.country, z.region);
      if (!c) continue;
      if (c.counters.some((x) => x.debtScope) || c.after.some((x) => x.debtScope)) return true;
    }
    return false;
  }

  function sameFlags(a: readonly ComplianceFlag[], b: readonly ComplianceFlag[]): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  // The queue hands a debtor's accounts one after the other with the same debtor object.
  let lastDebtor: QueueDebtor | null = null;
  let lastPrep: DebtorPrep | null = null;

  /** The debtor's check input, rebuilt only when its place or flags differ from what it was built from. */
  function debtorPrep(debtor: QueueDebtor): DebtorPrep {
    const prev = debtor === lastDebtor && lastPrep?.id === debtor.id ? lastPrep : debtorPreps.get(debtor.id);
    lastDebtor = debtor;
    if (prev && prev.country === debtor.country && prev.region === debtor.region && prev.timeZone === debtor.timeZone && sameFlags(prev.flags, debtor.flags)) {
      return (lastPrep = prev);
    }
    const placeKey = `${debtor.country}|${debtor.region ?? ''}|${debtor.timeZone}`;
    let zones = zonesByPlace.get(placeKey);
    if (!zones) zonesByPlace.set(placeKey, (zones = debtorZoneCandidates({ country: debtor.country, region: debtor.region, timeZone: debtor.timeZone })));
    const flags = debtor.flags.slice() as ComplianceFlag[];
    const d: DebtorPrep = {
      id: debtor.id, country: debtor.country, region: debtor.region, timeZone: debtor.timeZone, flags,
      input: { id: debtor.id, country: debtor.country, region: debtor.region, timeZone: debtor.timeZone, flags, zones },
      placeKey: `${placeKey}|${flags.join(',')}`,
      contacts: null, since: 0, attemptsVersion: -1, events: NO_EVENTS, creditorId: null, rules: null, lookback: 0, memoKey: '',
      perDebt: true, sharedNowMs: -1, sharedEvents: null, shared: null,
    };
    if (debtorPreps.size >= MAX_DEBTOR_PREPS) debtorPreps.clear();
    debtorPreps.set(debtor.id, d);
    return (lastPrep = d);
  }

  /** The debtor's contacts (and this desk's attempts) at or after `since`, as check events. */
  function eventsOf(d: DebtorPrep, debtorId: string, contacts: readonly QueueContact[], since: number): readonly ContactEvent[] {
    const version = index.attemptsVersion();
    // The same contacts as last time — the same array, or the same contacts read again (a queue that read the store
    // anew) — make the same events.
    if (contacts.length > 0 && d.contacts !== null && d.attemptsVersion === version && d.since <= since && sameContacts(d.contacts, contacts)) {
      d.contacts = contacts;
      return d.since === since ? d.events : d.events.filter((e) => e.atMs! >= since);
    }
    let facts: ContactFact[] | null = null;
    for (let i = 0; i < contacts.length; i++) {
      const c = contacts[i]!;
      const atMs = parseIsoMs(c.startedAt);
      if (atMs >= since) {
        (facts ??= []).push({ atMs, channel: c.channel, accountId: c.accountId, direction: c.direction, conversation: c.conversation, phoneE164: c.phoneE164 });
      }
    }
    let events: readonly ContactEvent[] = facts ?? NO_EVENTS;
    if (index.hasAttempts(debtorId)) {
      const attempts = index.attempts(debtorId).filter((a) => a.atMs >= since);
      if (attempts.length > 0) events = mergeAttempts(facts ?? [], attempts);
    }
    // The queue hands every contact-less debtor one shared empty array: only real histories are remembered.
    if (contacts.length > 0) {
      d.contacts = contacts;
      d.since = since;
      d.attemptsVersion = version;
      d.events = events;
    }
    return events;
  }

  function sameContacts(a: readonly QueueContact[], b: readonly QueueContact[]): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x.startedAt !== y.startedAt || x.channel !== y.channel || x.accountId !== y.accountId || x.direction !== y.direction
        || x.conversation !== y.conversation || x.phoneE164 !== y.phoneE164) return false;
    }
    return true;
  }

  /** Days of contacts the queue was last told to read (30 until it asks). */
  let toldDays = HISTORY_DAYS;
  function storedContacts(debtorId: string, nowMs: number): QueueContact[] {
    const rows = q.contacts.all(debtorId, new Date(nowMs - HISTORY_DAYS * DAY_MS).toISOString()) as Array<Pick<ContactRow, 'account_id' | 'channel' | 'direction' | 'phone_e164' | 'started_at' | 'conversation'>>;
    return rows.map((r) => ({
      startedAt: r.started_at, channel: r.channel as Channel, accountId: r.account_id, direction: r.direction as 'outbound' | 'inbound',
      conversation: r.conversation === 1, phoneE164: r.phone_e164,
    }));
  }

  function toDecision(d: ReturnType<typeof deferralFor>): DeferralDecision | null {
    if (!d.deferred) return null;
    const r = d.reasons[0] ?? { code: 'no_rules_for_country', params: {} };
    return { until: d.until ?? DEFERRED_INDEFINITELY, reason: r };
  }

  /**
   * The queue's hook (queue-service `Deferral`). It reads only these fields, so the queue may hand it light rows
   * instead of whole domain objects. Same decision as `deferralFor` over the debtor's contacts and attempts since
   * the lookback (main/services/compliance/deferral-cache.test.ts holds it to that).
   */
  const decide = (account: QueueAccount, debtor: QueueDebtor, history: { contacts: readonly QueueContact[] }): DeferralDecision | null => {
    // To the second: the rules work in minutes, and 5,000 calls need not format 5,000 instants.
    const nowMs = Math.floor(now().getTime() / 1000) * 1000;
    if (nowMs !== lastNowMs) {
      lastNowMs = nowMs;
      lastNowIso = new Date(nowMs).toISOString();
    }
    const nowIso = lastNowIso;
    const d = debtorPrep(debtor);
    const rules = rulebook.rules();
    if (d.rules !== rules || d.creditorId !== account.creditorId) {
      d.rules = rules;
      d.creditorId = account.creditorId;
      d.lookback = lookbackMs(rules, account.creditorId, debtor);
      d.memoKey = `${account.creditorId}|${d.placeKey}`;
      d.perDebt = countsPerDebt(rules, account.creditorId, d.input.zones!);
      d.sharedEvents = null;
    }
    // Only events inside the longest window of this place's rules can count (older ones never enter a window that
    // ends now or later); dropping them lets most debtors share the memoized answer below.
    const since = nowMs - d.lookback;
    // The queue read `toldDays` of contacts; rules that changed since it asked may need more (a creditor's longer
    // window pulled mid-build): then this debtor's 30 days come from the store, as the queue used to hand them.
    const contacts = d.lookback > (toldDays - 1) * DAY_MS && toldDays < HISTORY_DAYS ? storedContacts(debtor.id, nowMs) : history.contacts;
    const events = eventsOf(d, debtor.id, contacts, since);
    if (events.length === 0) {
      const minute = Math.floor(nowMs / 60_000);
      if (minute !== memoMinute || rules !== memoRules) {
        memoMinute = minute;
        memoRules = rules;
        memo = new Map();
      }
      const hit = memo.get(d.memoKey);
      if (hit !== undefined) return hit;
      const r = toDecision(deferralFor({ rules, debtor: d.input, account, history: events, now: nowIso }));
      memo.set(d.memoKey, r);
      return r;
    }
    // The account enters a check only through which events are "about this debt": with no rule counting per
    // debt, the debtor's accounts (same creditor) get the same answer over the same events at the same instant.
    if (!d.perDebt && d.sharedEvents === events && d.sharedNowMs === nowMs) return d.shared;
    const r = toDecision(deferralFor({ rules, debtor: d.input, account, history: events, now: nowIso }));
    if (!d.perDebt) {
      d.sharedEvents = events;
      d.sharedNowMs = nowMs;
      d.shared = r;
    }
    return r;
  };

  /**
   * The queue reads only this many days of contacts: the rules' longest window + the 2 days of `lookbackMs`, + 1
   * for a queue clock that runs ahead of the service's. Every event the hook would keep is in what it reads.
   */
  const deferral = Object.assign(decide, {
    historyDays: (): number => (toldDays = Math.min(HISTORY_DAYS, rulebook.rules().longestWindowDays + 3)),
  });

  function requireRole(user: User, roles: Set<string>, what: string, key: string): void {
    if (!roles.has(user.role)) {
      throw new ApiError({ code: 'forbidden', message: `${what}: only ${[...roles].join(' or ')} (you are ${user.role})`, key, params: { role: user.role } });
    }
  }

  return {
    deferral,
    /** The check before a dial; recorded in the audit log whatever it decides. */
    checkDial(user: User, target: DialTarget): DialDecision {
      return check(user, target);
    },
    /** A lead's exception, with a reason; recorded (contact_override, or contact_blocked when not overridable). */
    override(user: User, target: DialTarget & { reason: string }): DialDecision {
      requireRole(user, OVERRIDE_ROLES, 'override', 'errors.compliance.overrideForbidden');
      return check(user, target, { reason: target.reason });
    },
    /** Every view of a debtor's record: one audit row (and the debtor's flags noticed). */
    debtorViewed(user: User, debtor: Debtor): void {
      const at = now().toISOString();
      noticeFlags(debtor, at);
      appendAudit(db, { at, actor: user.id, action: 'debtor_viewed', subject: `debtor:${debtor.id}`, detail: { debtorId: debtor.id } });
    },
    verifyAudit(user: User, opts: { expectedHead?: string } = {}): AuditVerdict {
      requireRole(user, REVIEW_ROLES, 'verify the audit log', 'errors.compliance.reviewForbidden');
      return verifyAuditLog(db, opts);
    },
    /** This desk's recent attempts on a debtor, judged against the flags as known now. */
    attempts(user: User, debtorId: string): AttemptReview[] {
      requireRole(user, REVIEW_ROLES, 'review attempts', 'errors.compliance.reviewForbidden');
      const row = q.debtor.get(debtorId) as DebtorRow | undefined;
      if (!row) throw notFound(debtorId);
      const debtor = toDebtor(row);
      noticeFlags(debtor, now().toISOString());
      const flags = index.flagInputs(debtorId, debtor.flags as ComplianceFlag[]);
      return index.attempts(debtorId).map((a) => {
        const c = classifyPastAttempt(a.at, flags);
        return {
          seq: a.seq, at: a.at, actor: a.actor, action: a.action, phoneE164: a.phoneE164, status: c.status,
          flags: c.status === 'compliant' ? [] : c.flags,
        };
      });
    },
  };
}
export type ComplianceService = ReturnType<typeof createComplianceService>;

const NO_EVENTS: readonly ContactEvent[] = Object.freeze([]);
