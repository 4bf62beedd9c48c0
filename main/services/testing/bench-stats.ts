import type { Db } from '../store/open';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Numbers to look up, each with the debtor it belongs to, in the forms they arrive: caller ID in E.164 (most),
 * and typed by an agent ("+57 311-904-9511", "311 904 9511"). Picked at random across the whole table.
 */
export function phoneProbes(db: Db, n: number): Array<{ input: string; debtorId: string }> {
  const max = db.prepare('SELECT max(rowid) FROM phones').pluck().get() as number;
  const at = db.prepare('SELECT e164, national_digits, debtor_id FROM phones WHERE rowid >= ? LIMIT 1');
  const out: Array<{ input: string; debtorId: string }> = [];
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  while (out.length < n) {
    const r = at.get(1 + Math.floor(rnd() * max)) as { e164: string; national_digits: string; debtor_id: string } | undefined;
    if (!r) continue;
    const form = out.length % 4;
    const nd = r.national_digits;
    const input = form === 2 ? `${nd.slice(0, 3)} ${nd.slice(3, 6)} ${nd.slice(6)}`
      : form === 3 ? `${r.e164.slice(0, r.e164.length - nd.length)} ${nd.slice(0, 3)}-${nd.slice(3, 6)}-${nd.slice(6)}`
      : r.e164;
    out.push({ input, debtorId: r.debtor_id });
  }
  return out;
}
