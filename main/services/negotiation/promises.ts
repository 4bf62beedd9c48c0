import { randomUUID } from 'node:crypto';
import type { OffersResult, SavePromiseResult } from '../../../shared/api/methods/negotiation';
import { computeOffers, PaymentMethodSchema, readBackText, validatePromise, type PromiseRecord } from '../../../shared/negotiation';
import type { PromiseAdd } from '../../../shared/sync/mutations';
import { createOutbox } from '../outbox/outbox';
import type { Db } from '../store/open';
import type { z } from 'zod';
import { negotiationContext, type AccountReader } from './context';

/** The most payments one promise row can carry (shared/domain PromiseToPay.installments). */
const MAX_PAYMENTS = 120;

export function createPromiseService(db: Db, accounts: AccountReader) {
  const outbox = createOutbox(db);
  const insert = db.prepare(`INSERT INTO promises (id, account_id, debtor_id, agent_id, amount_minor, currency, due_date, method,
    installments, status, created_at, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);

  function offers(accountId: string, now: Date): OffersResult {
    const ctx = accounts.read(accountId);
    const policy = accounts.policy(ctx.account);
    const nctx = negotiationContext(ctx, policy, now);
    return {
      accountId,
      currency: ctx.account.currency,
      balance: nctx.balance,
      today: nctx.today,
      zone: ctx.debtor.timeZone,
      policy,
      offers: computeOffers(nctx),
      paymentMethods: PaymentMethodSchema.options,
    };
  }

  /** The promise row, its sync mutation and its full terms (audit trail the server's tracker reads) together. */
  const save = db.transaction((p: PromiseRecord, readBack: string, lang: 'es' | 'en') => {
    const first = p.schedule[0]!;
    insert.run(p.id, p.accountId, p.debtorId, p.agentId, p.total.amountMinor, p.total.currency, first.dueDate, p.method,
      p.schedule.length, p.createdAt, JSON.stringify(p));
    const add: z.input<typeof PromiseAdd> = {
      id: p.id, accountId: p.accountId, debtorId: p.debtorId, agentId: p.agentId, amountMinor: p.total.amountMinor,
      currency: p.total.currency, dueDate: first.dueDate, method: p.method, installments: p.schedule.length, status: 'pending',
      createdAt: p.createdAt, policyId: p.policyId, policyVersion: p.policyVersion,
    };
    outbox.enqueue('promise.add', add, p.createdAt);
    outbox.enqueue('audit.append', {
      id: randomUUID(), agentId: p.agentId, at: p.createdAt, action: 'promise.terms', subject: p.id,
      detail: {
        kind: p.kind, frequency: p.frequency, schedule: p.schedule, reminders: p.reminders, zone: p.zone, createdOn: p.createdOn,
        offerId: p.offerId, policyId: p.policyId, policyVersion: p.policyVersion, readBack, readBackLanguage: lang, confirmedByDebtor: true,
      },
    }, p.createdAt);
  });

  function savePromise(input: { accountId: string; draft: Record<string, unknown>; dryRun: boolean; confirmedByDebtor: boolean }, agentId: string, now: Date): SavePromiseResult {
    const ctx = accounts.read(input.accountId);
    const policy = accounts.policy(ctx.account);
    const nctx = negotiationContext(ctx, policy, now);
    const r = validatePromise(input.draft, nctx, {
      id: randomUUID(), accountId: ctx.account.id, debtorId: ctx.debtor.id, agentId, createdAt: now.toISOString(), zone: ctx.debtor.timeZone,
    });
    if (!r.ok) return { ok: false, currency: ctx.account.currency, errors: r.errors };
    if (r.promise.schedule.length > MAX_PAYMENTS) {
      return { ok: false, currency: ctx.account.currency, errors: [{ field: 'installments', code: 'policy.term_exceeds_max', params: { max: MAX_PAYMENTS - 1 } }] };
    }
    const lang = ctx.debtor.language;
    const readBack = readBackText(r.promise, lang);
    if (!input.dryRun) {
      if (!input.confirmedByDebtor) {
        return { ok: false, currency: ctx.account.currency, errors: [{ field: 'confirmed', code: 'negotiation.promise.notConfirmed', params: {} }] };
      }
      save(r.promise, readBack, lang);
    }
    return { ok: true, saved: !input.dryRun, promise: r.promise, readBack, readBackLanguage: lang, reminders: r.promise.reminders };
  }

  return { offers, savePromise };
}
