/**
 * The demo portfolio: a pure, seeded generator (same options → byte-identical output) of a realistic book of
 * debt in Colombia, Chile, Mexico, Peru and the US. No I/O and no clock: `asOf` fixes "today".
 * Every entity matches the shared/domain/portfolio.ts schemas; see ./seed.ts to load it into the database.
 */
import { DateTime } from 'luxon';
import type { CountryCode, CurrencyCode } from '../../shared/domain/codes';
import type {
  Account,
  Callback,
  Contact,
  Creditor,
  Debtor,
  Payment,
  Phone,
  PortfolioSlice,
  PromiseToPay,
  StopFlag,
} from '../../shared/domain/portfolio';
import type { User } from '../../shared/domain/users';
import { normalizePhone } from '../../shared/phones';
import { CREDITORS, SEGMENTS, type CreditorSpec } from './data/creditors';
import { HISPANIC_GIVEN, SURNAMES, US_GIVEN, US_HISPANIC_SURNAMES, US_SURNAMES } from './data/people';
import { CALLING_CODE, CITIES, MOBILE_PLAN, type City } from './data/places';
import { chileanRut, curp, CURP_STATE } from './documents';
import { demoPolicies } from './policies';
import { Random } from './random';

export interface DemoOptions {
  seed: string | number;
  /** Number of debtors; 2,000 by default. */
  debtors?: number;
  /** "Today" for the portfolio (YYYY-MM-DD): due dates, promises and callbacks are placed around it. */
  asOf?: string;
}

export interface DemoTeam {
  id: string;
  name: string;
}

export interface DemoPortfolio extends PortfolioSlice {
  asOf: string;
  teams: DemoTeam[];
  users: User[];
}

export const DEMO_DEFAULT_DEBTORS = 2000;
/** Used when no `asOf` is given, so a call without one is still a pure function of its arguments. */
export const DEMO_DEFAULT_AS_OF = '2026-11-25';
export const DEMO_AGENT_IDS = ['u-agent1', 'u-agent2', 'u-agent3', 'u-agent4', 'u-agent5'] as const;

type Market = Exclude<CountryCode, 'AR'>;
const MARKET_WEIGHTS: ReadonlyArray<readonly [Market, number]> = [
  ['CO', 30],
  ['MX', 25],
  ['PE', 15],
  ['CL', 15],
  ['US', 15],
];

/** Minor units per "round" amount people borrow in: COP 1,000 pesos, CLP 1,000, others 10 units. */
const ROUND_MINOR: Record<string, number> = { COP: 100_000, CLP: 1_000, MXN: 1_000, PEN: 1_000, USD: 1_000 };
/** Minor units per quote step: COP is quoted in whole pesos. */
const QUOTE_MINOR: Record<string, number> = { COP: 100, CLP: 1, MXN: 1, PEN: 1, USD: 1 };
const MINOR_PER_MAJOR: Record<string, number> = { COP: 100, CLP: 1, MXN: 100, PEN: 100, USD: 100 };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * A local wall-clock time in the debtor's zone → UTC ISO instant. The zone's offset is taken at local noon
 * and cached per zone and day (DST switches happen at night, outside the 8–19 h the demo places calls in).
 */
const offsetCache = new Map<string, number>();
function localToUtc(date: string, hour: number, minute: number, zone: string): string {
  const key = `${zone}|${date}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const noon = DateTime.fromObject({ year: y, month: m, day: d, hour: 12 }, { zone });
    if (!noon.isValid) throw new Error(`bad zone ${zone}`);
    offset = noon.offset;
    offsetCache.set(key, offset);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - offset * 60_000).toISOString();
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

const CALL_OUTCOMES = [
  ['no_answer', 34],
  ['voicemail', 12],
  ['busy', 5],
  ['wrong_number', 3],
  ['third_party', 8],
  ['disconnected', 3],
  ['rpc_promise', 13],
  ['rpc_refused', 7],
  ['rpc_callback', 8],
  ['rpc_hardship', 5],
  ['rpc_dispute', 2],
] as const;
type Outcome = (typeof CALL_OUTCOMES)[number][0] | 'message_sent';

const REASONS = ['unemployment', 'reduced_income', 'illness', 'overindebted', 'forgot', 'dispute', 'business_failure', 'family_emergency'] as const;

const NOTES_ES: Partial<Record<Outcome, readonly string[]>> = {
  no_answer: ['Timbra sin contestar.', 'No contesta, se deja para otra franja.'],
  voicemail: ['Buzón de voz, no se deja mensaje con detalle de la deuda.', 'Entra buzón.'],
  busy: ['Línea ocupada.'],
  wrong_number: ['Contesta tercero: no conoce al titular. Marcar número.'],
  third_party: ['Contesta familiar, se pide que el titular devuelva la llamada. No se revela la deuda.'],
  disconnected: ['Número fuera de servicio.'],
  rpc_promise: ['Titular acepta acuerdo de pago.', 'Se negocia pago; cliente confirma fecha.'],
  rpc_refused: ['Titular reconoce la deuda pero no acepta acuerdo por ahora.', 'Cliente molesto, no quiere negociar.'],
  rpc_callback: ['Titular pide que lo llamen más tarde, está en el trabajo.', 'Solicita nueva llamada.'],
  rpc_hardship: ['Cliente sin empleo, pide plazo. Se ofrece plan en cuotas.', 'Cliente con incapacidad médica.'],
  rpc_dispute: ['Cliente no reconoce el saldo, pide soporte. Se abre disputa.'],
  message_sent: ['Recordatorio de pago enviado.'],
};
const NOTES_EN: Partial<Record<Outcome, readonly string[]>> = {
  no_answer: ['Rang out, no answer.'],
  voicemail: ['Voicemail; left limited-content message (Reg F).'],
  busy: ['Busy signal.'],
  wrong_number: ['Third party says wrong number. Mark phone.'],
  third_party: ['Spoke to spouse; asked consumer to call back. Debt not disclosed.'],
  disconnected: ['Number disconnected.'],
  rpc_promise: ['Consumer agreed to a payment arrangement.', 'Promise to pay taken, date confirmed.'],
  rpc_refused: ['Consumer acknowledges balance but refuses to pay at this time.'],
  rpc_callback: ['Consumer at work, asked for a call back later.'],
  rpc_hardship: ['Consumer lost job; offered a payment plan.', 'Medical hardship reported.'],
  rpc_dispute: ['Consumer disputes the balance; validation notice requested.'],
  message_sent: ['Payment reminder sent.'],
};

interface Person {
  fullName: string;
  given: string;
  surname1: string;
  surname2: string;
  sex: 'H' | 'M';
  language: 'es' | 'en';
}

function person(rnd: Random, country: Market): Person {
  const sex = rnd.chance(0.5) ? 'M' : 'H';
  const g = sex === 'M' ? 'f' : 'm';
  if (country === 'US') {
    if (rnd.chance(0.35)) {
      const given = rnd.pick(HISPANIC_GIVEN[g]);
      const s = rnd.pick(US_HISPANIC_SURNAMES);
      return { fullName: `${given} ${s}`, given, surname1: s, surname2: '', sex, language: rnd.chance(0.7) ? 'es' : 'en' };
    }
    const given = rnd.pick(US_GIVEN[g]);
    const s = rnd.pick(US_SURNAMES);
    const middle = rnd.chance(0.3) ? ` ${String.fromCharCode(65 + rnd.int(0, 25))}.` : '';
    return { fullName: `${given}${middle} ${s}`, given, surname1: s, surname2: '', sex, language: 'en' };
  }
  const list = HISPANIC_GIVEN[g];
  const first = rnd.pick(list);
  const second = rnd.chance(0.4) ? rnd.pick(list) : undefined;
  const given = second && second !== first ? `${first} ${second}` : first;
  const s1 = rnd.pick(SURNAMES[country]);
  const s2 = rnd.pick(SURNAMES[country]);
  return { fullName: `${given} ${s1} ${s2}`, given, surname1: s1, surname2: s2, sex, language: 'es' };
}

function document(rnd: Random, country: Market, p: Person, birthDate: string, city: City): { type: string; id: string } {
  switch (country) {
    case 'CO':
      return { type: 'CC', id: rnd.chance(0.6) ? `10${rnd.digits(8)}` : String(rnd.int(5_000_000, 99_999_999)) };
    case 'CL':
      return { type: 'RUT', id: chileanRut(rnd.int(6_000_000, 24_999_999)) };
    case 'MX':
      return {
        type: 'CURP',
        id: curp({ given: p.given, surname1: p.surname1, surname2: p.surname2, birthDate, sex: p.sex, state: CURP_STATE[city.region] ?? 'NE', rnd }),
      };
    case 'PE':
      return { type: 'DNI', id: String(rnd.int(10_000_000, 79_999_999)) };
    case 'US':
      // Collection desks keep only the SSN's last four digits in the clear.
      return { type: 'SSN4', id: pad(rnd.int(1, 9999), 4) };
    default: {
      const never: never = country;
      throw new Error(`no documents for ${String(never)}`);
    }
  }
}

/** A valid E.164 number of the given kind in the city, checked with libphonenumber (shared/phones). */
function validNumber(rnd: Random, country: Market, city: City, kind: 'mobile' | 'landline'): { e164: string; type: Phone['type'] } {
  const cc = CALLING_CODE[country];
  for (let attempt = 0; attempt < 50; attempt++) {
    let national: string;
    const plan = MOBILE_PLAN[country];
    if (kind === 'mobile' && plan !== 'area') {
      const prefix = rnd.pick(plan.prefixes);
      national = prefix + String(rnd.int(2, 9)) + rnd.digits(plan.length - prefix.length - 1);
    } else {
      national = city.landlineArea + String(rnd.int(2, 8)) + rnd.digits(city.landlineDigits - 1);
    }
    const n = normalizePhone(`+${cc}${national}`, country);
    if (!n.ok) continue;
    if (kind === 'mobile' && n.type === 'landline') continue;
    if (kind === 'landline' && n.type === 'mobile') continue;
    // Mexico, the US and Chile do not tell mobiles from landlines by number: the creditor's file does.
    return { e164: n.e164, type: n.type === 'other' && n.lineType === 'fixed_line_or_mobile' ? kind : n.type };
  }
  throw new Error(`could not generate a valid ${kind} number for ${city.city}`);
}

/** What real files carry: numbers missing digits; they pass the E.164 shape but not the numbering plan. */
function invalidNumber(rnd: Random, country: Market): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const e164 = `+${CALLING_CODE[country]}${rnd.int(2, 9)}${rnd.digits(rnd.int(5, 6))}`;
    if (!normalizePhone(e164, country).ok) return e164;
  }
  throw new Error('could not generate an invalid number');
}

export function generateDemoPortfolio(opts: DemoOptions): DemoPortfolio {
  const count = opts.debtors ?? DEMO_DEFAULT_DEBTORS;
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000) throw new RangeError('debtors must be an integer in 1..2000000');
  const asOf = opts.asOf ?? DEMO_DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new RangeError('asOf must be YYYY-MM-DD');
  const rnd = new Random(`recaudo-demo:${opts.seed}`);
  const stamp = `${asOf}T06:00:00.000Z`;
  const w = Math.max(6, String(count * 3).length);

  const teams: DemoTeam[] = [{ id: 'team-1', name: 'Equipo 1' }];
  const users: User[] = [
    ...DEMO_AGENT_IDS.map((id, i) => ({
      id,
      username: `agent${i + 1}`,
      displayName: ['Laura Benítez', 'Mateo Ríos', 'Sofía Aguirre', 'Daniel Ortega', 'Valeria Campos'][i]!,
      role: 'agent' as const,
      teamId: 'team-1',
    })),
    { id: 'u-lead1', username: 'lead1', displayName: 'Carmen Salgado', role: 'lead', teamId: 'team-1' },
    { id: 'u-admin1', username: 'admin1', displayName: 'Tomás Villegas', role: 'admin', teamId: null },
  ];

  const creditors: Creditor[] = CREDITORS.map((c) => ({ id: c.id, name: c.name, country: c.country }));
  const policies = demoPolicies();
  const latestPolicy = new Map<string, string>();
  for (const p of policies) latestPolicy.set(`${p.creditorId}/${p.segment}`, p.id);

  const debtors: Debtor[] = [];
  const accounts: Account[] = [];
  const phones: Phone[] = [];
  const payments: Payment[] = [];
  const contacts: Contact[] = [];
  const promises: PromiseToPay[] = [];
  const callbacks: Callback[] = [];
  const accountSeq = new Map<string, number>();
  const landlinesByCity = new Map<string, string[]>();
  const n = { acc: 0, ph: 0, pay: 0, con: 0, pro: 0, cb: 0 };
  const next = (k: keyof typeof n, prefix: string) => `${prefix}-${pad(++n[k], w)}`;

  for (let i = 0; i < count; i++) {
    const country = rnd.weighted(MARKET_WEIGHTS);
    const creditor: CreditorSpec = rnd.weighted(CREDITORS.filter((c) => c.country === country).map((c) => [c, c.weight] as const));
    const city = rnd.weighted(CITIES[country].map((c) => [c, c.weight] as const));
    const p = person(rnd, country);
    const birthDate = addDays(asOf, -rnd.int(21 * 365, 75 * 365));
    const doc = document(rnd, country, p, birthDate, city);
    const flags: StopFlag[] = [];
    if (rnd.chance(0.01)) flags.push('do_not_call');
    if (rnd.chance(0.01)) flags.push('dispute_pending');
    if (rnd.chance(0.005)) flags.push('cease_communication');
    if (country === 'US' && rnd.chance(0.01)) flags.push('attorney_represented');
    const debtorId = `deb-${pad(i + 1, w)}`;
    // One agent owns a debtor (all their accounts): the five agents in turn.
    const agentId = DEMO_AGENT_IDS[i % DEMO_AGENT_IDS.length]!;
    const debtor: Debtor = {
      id: debtorId,
      creditorId: creditor.id,
      fullName: p.fullName,
      documentType: doc.type,
      documentId: doc.id,
      birthDate: rnd.chance(0.95) ? birthDate : null,
      country,
      region: city.region,
      city: city.city,
      timeZone: city.timeZone,
      language: p.language,
      flags,
      profile: rnd.weighted([['occasional_late', 40], ['chronic_late', 25], ['first_default', 25], ['unknown', 10]] as const),
      updatedAt: stamp,
    };
    debtors.push(debtor);

    // Phones: 1–3, mobile first; some invalid, a few marked by agents, a few landlines shared in a household.
    const phoneCount = rnd.weighted([[1, 35], [2, 45], [3, 20]] as const);
    const debtorPhones: Phone[] = [];
    const seen = new Set<string>();
    for (let k = 0; k < phoneCount; k++) {
      const kind = k === 0 || rnd.chance(0.35) ? 'mobile' : 'landline';
      let e164: string;
      let type: Phone['type'];
      let valid = true;
      const shared = landlinesByCity.get(city.city);
      if (kind === 'landline' && shared && shared.length > 0 && rnd.chance(0.08)) {
        e164 = rnd.pick(shared);
        type = 'landline';
      } else if (rnd.chance(0.07)) {
        e164 = invalidNumber(rnd, country);
        type = 'other';
        valid = false;
      } else {
        ({ e164, type } = validNumber(rnd, country, city, kind));
        if (type === 'landline') {
          const list = landlinesByCity.get(city.city) ?? [];
          if (list.length < 200) list.push(e164);
          landlinesByCity.set(city.city, list);
        }
      }
      if (seen.has(e164)) continue;
      seen.add(e164);
      const status: Phone['status'] = !valid
        ? 'ok'
        : rnd.weighted([['ok', 94], ['wrong_number', 3], ['not_debtor', 1.5], ['do_not_call', 1.5]] as const);
      debtorPhones.push({ id: next('ph', 'ph'), debtorId, e164, type, valid, status, updatedAt: stamp });
    }
    phones.push(...debtorPhones);
    const dialable = debtorPhones.filter((ph) => ph.valid);

    const accountCount = rnd.weighted([[1, 70], [2, 22], [3, 8]] as const);
    const debtorAccounts: Account[] = [];
    for (let k = 0; k < accountCount; k++) {
      const product = rnd.weighted(creditor.products.map((pr) => [pr, pr.weight] as const));
      const seg = rnd.weighted(SEGMENTS.map((s) => [s, s.weight] as const));
      const dpd = rnd.int(seg.min, seg.max);
      const dueSince = addDays(asOf, -dpd);
      const currency: CurrencyCode = creditor.currency;
      const unit = MINOR_PER_MAJOR[currency]!;
      const principal = roundTo(rnd.logUniform(product.principal[0], product.principal[1]) * unit, ROUND_MINOR[currency]!);
      const seqNo = (accountSeq.get(creditor.id) ?? 0) + 1;
      accountSeq.set(creditor.id, seqNo);
      const accountId = next('acc', 'acc');

      // Regular installments before the default, monthly, ending the month before it.
      const term = rnd.int(product.termMonths[0], product.termMonths[1]);
      const paidBefore = Math.min(term - 1, rnd.int(0, Math.max(0, Math.floor(term * 0.7))));
      const installment = roundTo(principal / Math.max(1, term), QUOTE_MINOR[currency]!);
      const accPayments: Payment[] = [];
      // The creditor's file carries the last year of the history.
      for (let m = Math.min(paidBefore, 12); m >= 1; m--) {
        accPayments.push({
          id: next('pay', 'pay'),
          accountId,
          amountMinor: installment,
          currency,
          postedAt: addDays(dueSince, -30 * m + rnd.int(-3, 2)),
          method: rnd.pick(['debito_automatico', 'transferencia', 'efectivo', 'pse', 'card', 'ach'] as const),
        });
      }
      const remaining = Math.max(installment, principal - installment * paidBefore);
      // Interest and late fees grow with age.
      const owed = roundTo(remaining * (1 + Math.min(0.6, dpd / 720) + rnd.next() * 0.08), QUOTE_MINOR[currency]!);
      debtorAccounts.push({
        id: accountId,
        debtorId,
        creditorId: creditor.id,
        accountNumber: `${creditor.accountPrefix}-${pad(seqNo * 7 + 100_003, 9)}`,
        product: product.code,
        currency,
        balanceMinor: owed,
        principalMinor: remaining,
        daysPastDue: dpd,
        dueSince,
        lastPaymentAt: null,
        segment: seg.code,
        assignedAgentId: agentId,
        status: 'active',
        updatedAt: stamp,
      });
      payments.push(...accPayments);
    }

    // Contact history over the last 90 days (or since the default, whichever is shorter).
    const oldest = Math.max(...debtorAccounts.map((a) => a.daysPastDue));
    const window = Math.min(90, oldest);
    const contactCount = flags.includes('cease_communication') ? 0 : Math.min(10, rnd.int(0, 2 + Math.floor(window / 15)));
    // Up to yesterday: "today" is still ahead of the agent.
    const contactDays = Array.from({ length: contactCount }, () => rnd.int(1, Math.max(1, window))).sort((a, b) => b - a);
    const postDefaultPaid = new Map<string, number>();
    for (const ago of contactDays) {
      const date = addDays(asOf, -ago);
      const account = rnd.pick(debtorAccounts);
      const channel: Contact['channel'] =
        dialable.length === 0 ? 'email' : rnd.weighted([['call', 82], ['sms', 8], ['whatsapp', 7], ['email', 3]] as const);
      const phone = dialable.length > 0 ? rnd.pick(dialable) : undefined;
      const outcome: Outcome = channel === 'call' ? rnd.weighted(CALL_OUTCOMES) : 'message_sent';
      const hour = rnd.int(8, 18);
      const startedAt = localToUtc(date, hour, rnd.int(0, 59), debtor.timeZone);
      const talk = outcome.startsWith('rpc_') || outcome === 'third_party';
      const seconds = channel !== 'call' ? 0 : talk ? rnd.int(90, 720) : rnd.int(15, 45);
      const notes = (debtor.language === 'en' ? NOTES_EN : NOTES_ES)[outcome] ?? [''];
      contacts.push({
        id: next('con', 'con'),
        debtorId,
        accountId: account.id,
        agentId: rnd.chance(0.8) ? agentId : rnd.pick(DEMO_AGENT_IDS),
        channel,
        direction: channel === 'call' && rnd.chance(0.12) ? 'inbound' : 'outbound',
        phoneE164: channel === 'email' ? null : (phone?.e164 ?? null),
        startedAt,
        endedAt: channel === 'call' ? new Date(Date.parse(startedAt) + seconds * 1000).toISOString() : null,
        outcome,
        reason: outcome.startsWith('rpc_') && outcome !== 'rpc_callback' ? rnd.pick(REASONS) : null,
        notes: rnd.pick(notes),
        mos: channel === 'call' && talk ? Math.round((3.3 + rnd.next() * 1.1) * 10) / 10 : null,
        conversation: outcome.startsWith('rpc_'),
      });

      if (outcome === 'rpc_promise') {
        const installments = rnd.weighted([[1, 55], [2, 10], [3, 15], [6, 15], [12, 5]] as const);
        const step = QUOTE_MINOR[account.currency]!;
        const amount = roundTo(account.balanceMinor / installments, step * (account.currency === 'COP' ? 1000 : 100));
        const dueDate = addDays(date, rnd.int(2, 15));
        const overdue = daysBetween(dueDate, asOf) > 3;
        const status: PromiseToPay['status'] = overdue
          ? rnd.weighted([['kept', 50], ['broken', 33], ['partial', 12], ['cancelled', 5]] as const)
          : 'pending';
        promises.push({
          id: next('pro', 'pro'),
          accountId: account.id,
          debtorId,
          agentId,
          amountMinor: amount,
          currency: account.currency,
          dueDate,
          method: rnd.pick(['transferencia', 'efectivo', 'pse', 'card', 'oxxo'] as const),
          installments,
          status,
          createdAt: startedAt,
        });
        if (status === 'kept' || status === 'partial') {
          const paid = status === 'kept' ? amount : roundTo(amount * (0.3 + rnd.next() * 0.4), step);
          postDefaultPaid.set(account.id, (postDefaultPaid.get(account.id) ?? 0) + paid);
          payments.push({
            id: next('pay', 'pay'),
            accountId: account.id,
            amountMinor: paid,
            currency: account.currency,
            postedAt: addDays(dueDate, rnd.int(-1, 1)),
            method: 'acuerdo_pago',
          });
        }
      }
      if (outcome === 'rpc_callback') {
        const pending = ago <= 3;
        const dueDate = pending ? addDays(asOf, rnd.int(0, 2)) : addDays(date, 1);
        callbacks.push({
          id: next('cb', 'cb'),
          debtorId,
          accountId: account.id,
          agentId,
          dueAt: localToUtc(dueDate, rnd.int(9, 17), rnd.pick([0, 15, 30, 45]), debtor.timeZone),
          timeZone: debtor.timeZone,
          note: debtor.language === 'en' ? 'Consumer asked for a call back.' : 'Cliente pidió que lo llamen.',
          status: pending ? 'pending' : 'done',
        });
      }
    }

    for (const a of debtorAccounts) {
      const paid = postDefaultPaid.get(a.id) ?? 0;
      const settled = rnd.chance(0.02);
      a.balanceMinor = settled ? 0 : Math.max(QUOTE_MINOR[a.currency]! * 100, a.balanceMinor - paid);
      if (settled) a.status = 'settled';
      const own = payments.filter((pm) => pm.accountId === a.id).map((pm) => pm.postedAt);
      a.lastPaymentAt = own.length > 0 ? own.reduce((x, y) => (y > x ? y : x)) : null;
    }
    accounts.push(...debtorAccounts);
  }

  // Keep policies referenced by promises resolvable: every account's segment has a policy.
  for (const a of accounts) {
    if (!latestPolicy.has(`${a.creditorId}/${a.segment}`)) throw new Error(`no policy for ${a.creditorId}/${a.segment}`);
  }
  return { asOf, teams, users, creditors, policies, debtors, accounts, phones, payments, contacts, promises, callbacks };
}
