import { describe, expect, it } from 'vitest';
import { PortfolioSlice } from '../../shared/domain/portfolio';
import { User } from '../../shared/domain/users';
import { parsePolicy } from '../../shared/negotiation/policy';
import { normalizePhone } from '../../shared/phones';
import { DEMO_AGENT_IDS, generateDemoPortfolio } from './generate';

const AS_OF = '2026-11-25';
const demo = generateDemoPortfolio({ seed: 'test', asOf: AS_OF });

function countBy<T>(list: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('generateDemoPortfolio', () => {
  it('is deterministic: the same options give byte-identical output, another seed another portfolio', () => {
    const again = generateDemoPortfolio({ seed: 'test', asOf: AS_OF });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemoPortfolio({ seed: 'other', asOf: AS_OF });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
    expect(generateDemoPortfolio({ seed: 'test', debtors: 10, asOf: AS_OF }).debtors).toHaveLength(10);
  });

  it('passes the shared schemas, and every policy body passes the negotiation policy schema', () => {
    expect(PortfolioSlice.safeParse(demo).success).toBe(true);
    for (const u of demo.users) expect(User.safeParse(u).success).toBe(true);
    expect(demo.policies.length).toBeGreaterThanOrEqual(demo.creditors.length * 4);
    for (const p of demo.policies) {
      const parsed = parsePolicy(p.body);
      expect(parsed, p.id).toMatchObject({ ok: true });
    }
    // Versioned: some policies have a second version.
    expect(demo.policies.some((p) => p.version === 2)).toBe(true);
  });

  it('holds 2,000 debtors by default across the five markets, currencies and delinquency buckets', () => {
    expect(demo.debtors).toHaveLength(2000);
    const byCountry = countBy(demo.debtors, (d) => d.country);
    for (const c of ['CO', 'CL', 'MX', 'PE', 'US']) expect(byCountry[c]).toBeGreaterThan(150);
    expect(Object.keys(countBy(demo.accounts, (a) => a.currency)).sort()).toEqual(['CLP', 'COP', 'MXN', 'PEN', 'USD']);
    const buckets = countBy(demo.accounts, (a) => a.segment);
    for (const b of ['dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_90_plus']) expect(buckets[b]).toBeGreaterThan(100);
    for (const a of demo.accounts) {
      const [lo, hi] = a.segment === 'dpd_90_plus' ? [91, 10_000] : (a.segment.match(/\d+/g)!.map(Number) as [number, number]);
      expect(a.daysPastDue).toBeGreaterThanOrEqual(lo);
      expect(a.daysPastDue).toBeLessThanOrEqual(hi);
    }
    // Several zones in Mexico and the US.
    const zones = (country: string) => new Set(demo.debtors.filter((d) => d.country === country).map((d) => d.timeZone));
    expect(zones('MX').size).toBeGreaterThanOrEqual(4);
    expect(zones('US').size).toBeGreaterThanOrEqual(4);
    const docs = countBy(demo.debtors, (d) => `${d.country}:${d.documentType}`);
    expect(Object.keys(docs).sort()).toEqual(['CL:RUT', 'CO:CC', 'MX:CURP', 'PE:DNI', 'US:SSN4']);
  });

  it('has balances realistic per currency, in minor units rounded to what people pay', () => {
    const median = (cur: string) => {
      const v = demo.accounts.filter((a) => a.currency === cur && a.status === 'active').map((a) => a.balanceMinor).sort((x, y) => x - y);
      return v[Math.floor(v.length / 2)]!;
    };
    // Median balances in major units: COP millions, CLP hundreds of thousands, MXN/PEN/USD thousands.
    expect(median('COP') / 100).toBeGreaterThan(300_000);
    expect(median('COP') / 100).toBeLessThan(30_000_000);
    expect(median('CLP')).toBeGreaterThan(50_000);
    expect(median('CLP')).toBeLessThan(5_000_000);
    for (const cur of ['MXN', 'PEN', 'USD']) {
      expect(median(cur) / 100).toBeGreaterThan(100);
      expect(median(cur) / 100).toBeLessThan(200_000);
    }
    for (const a of demo.accounts.filter((x) => x.currency === 'COP')) expect(a.balanceMinor % 100).toBe(0);
    const creditorAccount = countBy(demo.accounts, (a) => `${a.creditorId}/${a.accountNumber}`);
    expect(Math.max(...Object.values(creditorAccount))).toBe(1);
  });

  it('gives every debtor 1–3 phones whose validity and type agree with libphonenumber; some invalid, some shared', () => {
    const perDebtor = countBy(demo.phones, (p) => p.debtorId);
    for (const d of demo.debtors) {
      expect(perDebtor[d.id]).toBeGreaterThanOrEqual(1);
      expect(perDebtor[d.id]).toBeLessThanOrEqual(3);
    }
    const country = new Map(demo.debtors.map((d) => [d.id, d.country]));
    for (const p of demo.phones) {
      const n = normalizePhone(p.e164, country.get(p.debtorId)!);
      expect(n.ok, p.e164).toBe(p.valid);
      if (n.ok) expect(n.e164).toBe(p.e164);
    }
    const invalid = demo.phones.filter((p) => !p.valid).length / demo.phones.length;
    expect(invalid).toBeGreaterThan(0.02);
    expect(invalid).toBeLessThan(0.15);
    const types = countBy(demo.phones.filter((p) => p.valid), (p) => p.type);
    expect(types.mobile).toBeGreaterThan(types.landline!);
    expect(types.landline).toBeGreaterThan(100);
    const owners = countBy(demo.phones, (p) => p.e164);
    expect(Object.values(owners).some((n) => n > 1)).toBe(true);
  });

  it('has payment histories, contacts with outcomes in business hours, promises kept/broken/pending and callbacks', () => {
    const accounts = new Map(demo.accounts.map((a) => [a.id, a]));
    const debtors = new Map(demo.debtors.map((d) => [d.id, d]));
    expect(demo.payments.length).toBeGreaterThan(demo.accounts.length);
    for (const p of demo.payments) {
      expect(p.currency).toBe(accounts.get(p.accountId)!.currency);
      expect(p.amountMinor).toBeGreaterThan(0);
      expect(p.postedAt <= AS_OF).toBe(true);
    }
    const lastPaid = new Map<string, string>();
    for (const p of demo.payments) {
      const m = lastPaid.get(p.accountId);
      if (!m || p.postedAt > m) lastPaid.set(p.accountId, p.postedAt);
    }
    for (const a of demo.accounts) expect(a.lastPaymentAt).toBe(lastPaid.get(a.id) ?? null);
    const outcomes = countBy(demo.contacts, (c) => c.outcome);
    for (const o of ['no_answer', 'rpc_promise', 'rpc_refused', 'wrong_number']) expect(outcomes[o]).toBeGreaterThan(0);
    for (const c of demo.contacts) {
      const zone = debtors.get(c.debtorId)!.timeZone;
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(c.startedAt)));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThanOrEqual(19);
      expect(c.startedAt < `${AS_OF}T23:59:59Z`).toBe(true);
    }
    const statuses = countBy(demo.promises, (p) => p.status);
    for (const s of ['kept', 'broken', 'pending']) expect(statuses[s]).toBeGreaterThan(10);
    for (const p of demo.promises.filter((x) => x.status === 'pending')) expect(p.dueDate >= '2026-11-21').toBe(true);
    expect(demo.callbacks.some((c) => c.status === 'pending' && c.dueAt >= `${AS_OF}T00:00:00Z`)).toBe(true);
  });

  it('assigns each debtor (all of their accounts) to one of the five agents in turn', () => {
    const perAgent = countBy(demo.debtors, (d) => demo.accounts.find((a) => a.debtorId === d.id)!.assignedAgentId!);
    expect(Object.keys(perAgent).sort()).toEqual([...DEMO_AGENT_IDS]);
    for (const n of Object.values(perAgent)) expect(n).toBe(400);
    for (const d of demo.debtors.slice(0, 50)) {
      expect(new Set(demo.accounts.filter((a) => a.debtorId === d.id).map((a) => a.assignedAgentId)).size).toBe(1);
    }
    expect(demo.users.map((u) => u.username)).toEqual(['agent1', 'agent2', 'agent3', 'agent4', 'agent5', 'lead1', 'admin1']);
  });
});
