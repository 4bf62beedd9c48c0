/**
 * A seeded, deterministic agent slice for the desk's tests and benchmarks (the server's demo generator feeds the
 * real product; this one lets the store be tested and benchmarked on its own, at any size, fast).
 */
import type { PortfolioSlice } from '../../../shared/domain/portfolio';
import type { NegotiationPolicyInput } from '../../../shared/negotiation';

export interface DemoSliceOptions {
  debtors: number;
  seed?: number;
  agentId?: string;
  /** Reference instant: dates are generated before it. */
  now?: Date;
  /** First debtor number (to generate a large slice chunk by chunk). */
  offset?: number;
  accountsPerDebtor?: number;
}

const COUNTRIES = [
  { country: 'CO', zone: 'America/Bogota', currency: 'COP', cc: '57', mobile: (r: Rng) => `3${r.int(0, 2)}${r.digits(8)}`, doc: 'CC', scale: 100_000_00 },
  { country: 'MX', zone: 'America/Mexico_City', currency: 'MXN', cc: '52', mobile: (r: Rng) => `55${r.digits(8)}`, doc: 'CURP', scale: 5_000_00 },
  { country: 'CL', zone: 'America/Santiago', currency: 'CLP', cc: '56', mobile: (r: Rng) => `9${r.digits(8)}`, doc: 'RUT', scale: 300_000 },
  { country: 'PE', zone: 'America/Lima', currency: 'PEN', cc: '51', mobile: (r: Rng) => `9${r.digits(8)}`, doc: 'DNI', scale: 1_000_00 },
  { country: 'US', zone: 'America/New_York', currency: 'USD', cc: '1', mobile: (r: Rng) => `${['212', '305', '646', '718'][r.int(0, 3)]}${r.int(2, 9)}${r.digits(6)}`, doc: 'SSN4', scale: 500_00 },
] as const;

const FIRST = ['María', 'José', 'Luis', 'Ana', 'Carlos', 'Lucía', 'Jorge', 'Camila', 'Andrés', 'Valentina', 'Diego', 'Sofía', 'Juan', 'Paola', 'Miguel', 'Daniela', 'Ricardo', 'Gabriela', 'Fernando', 'Natalia'];
const LAST = ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Ortiz', 'Castillo', 'Jiménez', 'Vargas', 'Rojas'];
const PRODUCTS = ['tarjeta_credito', 'credito_consumo', 'libranza', 'vehiculo', 'telefonia'];
const OUTCOMES = ['promise', 'no_answer', 'refused', 'callback', 'wrong_party', 'voicemail'];

export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0 || 1; }
  next(): number {
    // mulberry32
    let t = (this.s += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick<T>(list: readonly T[]): T { return list[Math.floor(this.next() * list.length)]!; }
  digits(n: number): string { let s = ''; for (let i = 0; i < n; i++) s += String(this.int(0, 9)); return s; }
}

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function demoSlice(opts: DemoSliceOptions): PortfolioSlice {
  const offset = opts.offset ?? 0;
  const rng = new Rng((opts.seed ?? 7) * 1_000_003 + offset);
  const now = (opts.now ?? new Date('2026-11-25T15:00:00Z')).getTime();
  const agentId = opts.agentId ?? 'u-agent1';
  const perDebtor = opts.accountsPerDebtor;
  const updatedAt = new Date(now - 3 * day).toISOString();
  const slice: PortfolioSlice = {
    creditors: [{ id: 'cr-1', name: 'Banco Andino', country: 'CO' }],
    debtors: [], accounts: [], phones: [], payments: [], contacts: [], promises: [], callbacks: [],
    // A policy in the current schema (shared/negotiation/policy.ts), so the desk's offers and grace days read it.
    policies: [{
      id: 'pol-1', creditorId: 'cr-1', segment: 'early', version: 1,
      body: {
        id: 'pol-1', version: 1, creditorId: 'cr-1', segment: 'early', currency: 'COP',
        payInFull: { maxDiscountPercent: 10, floorAtPrincipal: true, maxDaysToPay: 10 },
        partialPayment: { minAmount: { amountMinor: 5_000_000, currency: 'COP' }, maxDaysToPay: 15 },
        graceDays: 3,
      } satisfies NegotiationPolicyInput,
    }],
  };
  for (let i = offset; i < offset + opts.debtors; i++) {
    const c = COUNTRIES[i % COUNTRIES.length]!;
    const id = `d-${String(i).padStart(7, '0')}`;
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)} ${rng.pick(LAST)}`;
    slice.debtors.push({
      id, creditorId: 'cr-1', fullName: name, documentType: c.doc, documentId: `${c.country}${String(10_000_000 + i)}`,
      birthDate: isoDate(now - rng.int(20, 70) * 365 * day), country: c.country, region: null, city: null, timeZone: c.zone,
      language: c.country === 'US' && rng.next() < 0.5 ? 'en' : 'es', flags: [],
      profile: rng.pick(['occasional_late', 'chronic_late', 'first_default', 'unknown'] as const), updatedAt,
    });
    const nPhones = rng.int(1, 3);
    for (let p = 0; p < nPhones; p++) {
      slice.phones.push({
        id: `${id}-p${p}`, debtorId: id, e164: `+${c.cc}${c.mobile(rng)}`, type: 'mobile', valid: true,
        status: 'ok', updatedAt,
      });
    }
    const nAccounts = perDebtor ?? rng.int(1, 3);
    for (let a = 0; a < nAccounts; a++) {
      const accountId = `${id}-a${a}`;
      const dpd = rng.int(1, 180);
      const balance = Math.round(c.scale * (0.2 + rng.next() * 20));
      slice.accounts.push({
        id: accountId, debtorId: id, creditorId: 'cr-1', accountNumber: `${c.country}-${String(1_000_000 + i)}-${a}`,
        product: rng.pick(PRODUCTS), currency: c.currency, balanceMinor: balance, principalMinor: Math.round(balance * 0.8),
        daysPastDue: dpd, dueSince: isoDate(now - dpd * day), lastPaymentAt: rng.next() < 0.7 ? isoDate(now - (dpd + rng.int(1, 40)) * day) : null,
        segment: dpd <= 30 ? 'early' : dpd <= 90 ? 'mid' : 'late', assignedAgentId: agentId, status: 'active', updatedAt,
      });
      if (rng.next() < 0.6) {
        slice.payments.push({
          id: `${accountId}-pay0`, accountId, amountMinor: Math.round(balance / 10), currency: c.currency,
          postedAt: isoDate(now - (dpd + 30) * day), method: 'pse',
        });
      }
      const roll = rng.next();
      if (roll < 0.15) {
        slice.promises.push({
          id: `${accountId}-pr0`, accountId, debtorId: id, agentId, amountMinor: Math.round(balance / 4), currency: c.currency,
          dueDate: isoDate(now + rng.int(-10, 10) * day), method: 'transfer', installments: 1,
          status: rng.pick(['pending', 'kept', 'broken'] as const), createdAt: new Date(now - 15 * day).toISOString(),
        });
      }
    }
    const nContacts = rng.int(0, 4);
    for (let k = 0; k < nContacts; k++) {
      const started = now - rng.int(1, 60) * day + rng.int(-6, 6) * 3_600_000;
      slice.contacts.push({
        id: `${id}-c${k}`, debtorId: id, accountId: `${id}-a0`, agentId, channel: 'call', direction: 'outbound',
        phoneE164: slice.phones[slice.phones.length - 1]!.e164, startedAt: new Date(started).toISOString(),
        endedAt: new Date(started + 120_000).toISOString(), outcome: rng.pick(OUTCOMES), reason: null, notes: '',
        mos: 4.1, conversation: rng.next() < 0.5,
      });
    }
    if (rng.next() < 0.05) {
      slice.callbacks.push({
        id: `${id}-cb0`, debtorId: id, accountId: null, agentId, dueAt: new Date(now + rng.int(-3, 6) * 3_600_000).toISOString(),
        timeZone: c.zone, note: 'Llamar después del almuerzo', status: 'pending',
      });
    }
  }
  return slice;
}
