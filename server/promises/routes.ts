/**
 * Promise tracking routes, a Fastify plugin: `app.register(promiseRoutes, { ctx, auth, job })`.
 *   POST /api/v1/payments        (admin)        → posts a payment and re-tracks the account's promises
 *   GET  /api/v1/kpis/promises   (lead, admin)  → kept rate per agent and reasons for non-payment (a lead: own team)
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../shared/api/errors';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { requireRole } from '../import/routes';
import type { Authenticated } from '../routes/protect';
import { KpiQuery, PostPayment, promiseRoutePaths } from './api';
import type { PromiseJob } from './job';

export interface PromiseRoutesOptions {
  ctx: ServerContext;
  auth: Authenticated;
  job: PromiseJob;
}

export const promiseRoutes: FastifyPluginAsync<PromiseRoutesOptions> = async (app, { ctx, auth, job }) => {
  app.post(promiseRoutePaths.payments, async (request, reply) => {
    const user = await auth(request);
    requireRole(user, ['admin']);
    const body = validate(PostPayment, request.body, 'payment');
    const [account] = body.accountId
      ? await ctx.db.query<{ id: string; creditor_id: string; account_number: string; currency: string }>(
          'select id, creditor_id, account_number, currency from accounts where id = $1', [body.accountId])
      : await ctx.db.query<{ id: string; creditor_id: string; account_number: string; currency: string }>(
          'select id, creditor_id, account_number, currency from accounts where creditor_id = $1 and account_number = $2', [body.creditorId, body.accountNumber]);
    if (!account) throw notFound('account', { id: body.accountId ?? `${body.creditorId}/${body.accountNumber}` });
    if (account.currency !== body.currency) {
      throw new ApiError({
        code: 'invalid_input', message: `the account is in ${account.currency}, the payment in ${body.currency}`,
        key: 'payments.error.currencyMismatch', params: { expected: account.currency, currency: body.currency },
        issues: [{ path: 'currency', code: 'currency_mismatch', message: `expected ${account.currency}` }],
      });
    }
    // Same id scheme as the import (creditor | account number | reference): one payment however it arrives.
    const id = `pay_${createHash('md5').update(`${account.creditor_id}|${account.account_number}|${body.reference}`).digest('hex').slice(0, 24)}`;
    const inserted = await ctx.db.query<{ id: string }>(
      `insert into payments (id, account_id, amount_minor, currency, posted_at, method) values ($1, $2, $3, $4, $5, $6)
       on conflict (id) do nothing returning id`,
      [id, account.id, body.amountMinor, body.currency, body.postedAt, body.method],
    );
    if (inserted.length === 0) {
      const [prev] = await ctx.db.query<{ amount_minor: number; posted_at: string }>('select amount_minor, posted_at from payments where id = $1', [id]);
      if (prev && (prev.amount_minor !== body.amountMinor || prev.posted_at !== body.postedAt)) {
        throw new ApiError({
          code: 'conflict', message: `reference ${body.reference} was already posted with other values`,
          key: 'payments.error.referenceReused', params: { reference: body.reference },
        });
      }
    }
    const run = await job.run([account.id]);
    const statuses = await ctx.db.query<{ id: string; status: string }>('select id, status from promises where account_id = $1 order by created_at, id', [account.id]);
    request.log.info({ event: 'payment.posted', paymentId: id, accountId: account.id, changed: run.changed.length }, 'payment posted');
    reply.code(inserted.length ? 201 : 200);
    return {
      payment: { id, accountId: account.id, amountMinor: body.amountMinor, currency: body.currency, postedAt: body.postedAt, method: body.method },
      duplicate: inserted.length === 0,
      promises: statuses,
    };
  });

  app.get(promiseRoutePaths.kpis, async (request) => {
    const user = await auth(request);
    requireRole(user, ['lead', 'admin']);
    const q = validate(KpiQuery, request.query, 'kpis');
    if (user.role === 'lead' && q.teamId !== undefined && q.teamId !== user.teamId) {
      throw new ApiError({ code: 'forbidden', message: 'a lead sees only their own team', key: 'kpis.error.otherTeam', params: { teamId: q.teamId } });
    }
    const team = user.role === 'lead' ? user.teamId : (q.teamId ?? null);
    const rows = await ctx.db.query<{ agent_id: string; display_name: string | null; kept: number; broken: number; partial: number; pending: number }>(
      `select p.agent_id, u.display_name,
              count(*) filter (where p.status = 'kept')::int as kept,
              count(*) filter (where p.status = 'broken')::int as broken,
              count(*) filter (where p.status = 'partial')::int as partial,
              count(*) filter (where p.status = 'pending')::int as pending
         from promises p left join users u on u.id = p.agent_id
        where p.status <> 'cancelled'
          and ($1::date is null or p.created_at >= $1::date)
          and ($2::date is null or p.created_at < $2::date + 1)
          and ($3::text is null or u.team_id = $3)
        group by p.agent_id, u.display_name order by p.agent_id`,
      [q.from ?? null, q.to ?? null, team],
    );
    // Why debtors say they have not paid, from the contacts in the same range and team: what the offers answer.
    const reasons = await ctx.db.query<{ reason: string; n: number }>(
      `select c.reason, count(*)::int as n
         from contacts c left join users u on u.id = c.agent_id
        where c.reason is not null
          and ($1::date is null or c.started_at >= $1::date)
          and ($2::date is null or c.started_at < $2::date + 1)
          and ($3::text is null or u.team_id = $3)
        group by c.reason order by count(*) desc, c.reason`,
      [q.from ?? null, q.to ?? null, team],
    );
    return {
      from: q.from ?? null,
      to: q.to ?? null,
      teamId: team,
      reasons: reasons.map((r) => ({ reason: r.reason, contacts: r.n })),
      agents: rows.map((r) => {
        const resolved = r.kept + r.broken;
        return {
          agentId: r.agent_id, name: r.display_name, kept: r.kept, broken: r.broken, partial: r.partial, pending: r.pending,
          // kept / (kept + broken), in ppm (integer); null while nothing is resolved.
          keptRatePpm: resolved === 0 ? null : Math.floor((r.kept * 1_000_000) / resolved),
        };
      }),
    };
  });
};
