/**
 * The screen-pop UI benchmark's pure parts: which debtors call (picked from the store the desk will open), and
 * whether one call's measure is a pop of the right card.
 */
import { createPhoneLookup } from '../../main/services/portfolio/lookup';
import type { Db } from '../../main/services/store/open';
import type { PopMeasureDetail } from '../../renderer/features/screen-pop/pop-timing';

export interface Caller {
  debtorId: string;
  e164: string;
}

/** What the PBX config accepts as a SIP user (test/pbx/kamailio-config.ts). */
const SIP_USER = /^\+[0-9]{8,15}$/;

/**
 * `n` different debtors spread over the whole table, each with a working number that is theirs alone (so the
 * call pops their card, not the picker: the desk's own phone lookup says so), no cease/dispute flag and an
 * active balance (so an answered call starts the guided call like any workable account).
 */
export function pickCallers(db: Db, n: number): Caller[] {
  const lookup = createPhoneLookup(db);
  const maxNum = (db.prepare('SELECT max(num) FROM debtors').pluck().get() as number | null) ?? 0;
  const at = db.prepare(`SELECT d.id, p.e164 FROM debtors d JOIN phones p ON p.debtor_id = d.id
    WHERE d.num >= ? AND d.flags = '[]' AND p.valid = 1 AND p.status = 'ok'
      AND EXISTS (SELECT 1 FROM accounts a WHERE a.debtor_id = d.id AND a.status = 'active' AND a.balance_minor > 0)
    ORDER BY d.num, p.type = 'mobile' DESC LIMIT 1`);
  const out: Caller[] = [];
  const seen = new Set<string>();
  let seed = 20261125;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let tries = 0; out.length < n && tries < n * 50; tries++) {
    const r = at.get(1 + Math.floor(rnd() * maxNum)) as { id: string; e164: string } | undefined;
    if (!r || seen.has(r.id) || seen.has(r.e164) || !SIP_USER.test(r.e164)) continue;
    const hits = lookup(r.e164);
    if (hits.length !== 1 || hits[0] !== r.id) continue;
    seen.add(r.id);
    seen.add(r.e164);
    out.push({ debtorId: r.id, e164: r.e164 });
  }
  if (out.length < n) throw new Error(`only ${out.length} of ${n} debtors with a number of their own in the store`);
  return out;
}

/**
 * The call's pop time, in ms, when the renderer's measure and the card on screen both name the caller's debtor;
 * anything else (another debtor's card, a measure for another number) is an error, never a figure.
 */
export function popOfCall(target: Caller, measured: { ms: number } & Pick<PopMeasureDetail, 'number' | 'debtorId'>, shownDebtorId: string | null): number {
  const digits = (s: string) => s.replace(/\D/g, '');
  if (!digits(measured.number).endsWith(digits(target.e164))) {
    throw new Error(`pop measured for ${measured.number}, the call came from ${target.e164}`);
  }
  if (measured.debtorId !== target.debtorId) {
    throw new Error(`the pop of ${target.e164} painted debtor ${measured.debtorId}, expected ${target.debtorId}`);
  }
  if (shownDebtorId !== target.debtorId) {
    throw new Error(`the card on screen is debtor ${shownDebtorId ?? '(none)'}, expected ${target.debtorId}`);
  }
  if (!Number.isFinite(measured.ms) || measured.ms < 0) throw new Error(`pop time ${measured.ms} is not a duration`);
  return measured.ms;
}
