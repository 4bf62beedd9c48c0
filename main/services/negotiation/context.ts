import { ApiError } from '../../../shared/api/errors';
import { isBusinessDay } from '../../../shared/calendar';
import type { Account, Debtor } from '../../../shared/domain/portfolio';
import type { Money } from '../../../shared/money';
import { memoizeBusinessDay, parsePolicy, todayIn, type IsBusinessDay, type NegotiationContext, type NegotiationPolicy } from '../../../shared/negotiation';
import { toAccount, toDebtor, type AccountRow, type DebtorRow } from '../portfolio/rows';
import type { Db } from '../store/open';

/** An account with its debtor, read from the local store; a clear ApiError when either is missing. */
export interface AccountContext {
  account: Account;
  debtor: Debtor;
  creditorName: string | null;
}

export function createAccountReader(db: Db) {
  const q = {
    account: db.prepare('SELECT * FROM accounts WHERE id = ?'),
    debtor: db.prepare('SELECT * FROM debtors WHERE id = ?'),
    creditor: db.prepare('SELECT name FROM creditors WHERE id = ?').pluck(),
    policy: db.prepare('SELECT id, version, body FROM policies WHERE creditor_id = ? AND segment = ? ORDER BY version DESC LIMIT 1'),
  };
  function read(accountId: string, debtorId?: string): AccountContext {
    const a = q.account.get(accountId) as AccountRow | undefined;
    if (!a || (debtorId !== undefined && a.debtor_id !== debtorId)) {
      throw new ApiError({ code: 'not_found', message: `no account ${accountId} in the local store`, key: 'negotiation.error.accountNotFound', params: { accountId } });
    }
    const d = q.debtor.get(a.debtor_id) as DebtorRow;
    return { account: toAccount(a), debtor: toDebtor(d), creditorName: (q.creditor.get(a.creditor_id) as string | undefined) ?? null };
  }
  /** The newest policy version of the account's creditor and segment, validated. */
  function policy(account: Account): NegotiationPolicy {
    const row = q.policy.get(account.creditorId, account.segment) as { id: string; version: number; body: string } | undefined;
    if (!row) {
      throw new ApiError({
        code: 'not_found', message: `no negotiation policy for creditor ${account.creditorId} segment ${account.segment}`,
        key: 'negotiation.error.noPolicy', params: { creditorId: account.creditorId, segment: account.segment },
      });
    }
    const parsed = parsePolicy(JSON.parse(row.body));
    if (!parsed.ok) {
      throw new ApiError({
        code: 'internal', message: `policy ${row.id} v${row.version} is not valid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        key: 'negotiation.error.badPolicy', params: { policyId: row.id, version: row.version },
        issues: parsed.issues.map((i) => ({ path: i.path, code: 'invalid_policy', message: i.message })),
      });
    }
    return parsed.policy;
  }
  return { read, policy };
}
export type AccountReader = ReturnType<typeof createAccountReader>;

/** Business days in the debtor's country and region (weekends and public holidays off), cached per date. */
export function businessDaysOf(debtor: Debtor): IsBusinessDay {
  return memoizeBusinessDay((iso) => isBusinessDay(iso, debtor.country, debtor.region ?? undefined));
}

export function negotiationContext(ctx: AccountContext, policy: NegotiationPolicy, now: Date): NegotiationContext {
  const balance: Money = { amountMinor: ctx.account.balanceMinor, currency: ctx.account.currency as Money['currency'] };
  const principal: Money = { amountMinor: ctx.account.principalMinor, currency: balance.currency };
  return {
    policy,
    balance,
    ...(principal.amountMinor > 0 ? { principal } : {}),
    today: todayIn(ctx.debtor.timeZone, now.toISOString()),
    isBusinessDay: businessDaysOf(ctx.debtor),
  };
}
