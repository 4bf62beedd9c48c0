import { ApiError } from '../../shared/api/errors';
import {
  Account,
  Callback,
  Contact,
  Creditor,
  Debtor,
  Payment,
  Phone,
  PolicyRecord,
  PromiseToPay,
  type PortfolioSlice,
} from '../../shared/domain/portfolio';
import type { Queryable, Row } from '../db/port';
import type { UserRecord } from '../users/repository';
import { columnsOf, fromRow } from './rows';
import { accountScope } from './scope';

/** Cursor = the last account id of the previous page, opaque to clients. */
export function encodeCursor(lastAccountId: string): string {
  return Buffer.from(JSON.stringify({ a: lastAccountId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const a = (parsed as { a?: unknown } | null)?.a;
    if (typeof a === 'string' && a.length > 0) return a;
  } catch {
    /* fall through */
  }
  throw new ApiError({
    code: 'invalid_input',
    message: 'portfolio: cursor: not a cursor this server issued',
    key: 'errors.invalidField',
    params: { field: 'cursor', reason: 'invalid cursor' },
    issues: [{ path: 'cursor', code: 'invalid_cursor', message: 'not a cursor this server issued' }],
  });
}

/**
 * One page of the user's slice: accounts ordered by id, with everything hanging off them. A debtor with
 * accounts on two pages arrives on both (clients upsert by id). Payments, promises and account callbacks come
 * with their account's page; the debtor's phones, contacts and debtor-wide callbacks with every page of the
 * debtor. A contact may name an account outside the page (a later page, or another agent's): the desk keeps it
 * without that link (main/services/portfolio/slice-writer.ts). The sync pull (server/sync) sends the same rows.
 */
export async function portfolioPage(
  db: Queryable,
  user: UserRecord,
  opts: { cursor?: string | undefined; limit: number },
): Promise<{ slice: PortfolioSlice; nextCursor: string | null }> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : '';
  const scope = accountScope(user, 3);
  const rows = await db.query(
    `select ${columnsOf(Account, 'a')} from accounts a
      where a.id > $1 and ${scope.sql}
      order by a.id limit $2`,
    [after, opts.limit + 1, ...scope.params],
  );
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  const accounts = page.map((r) => fromRow(Account, r));
  const accountIds = accounts.map((a) => a.id);
  const debtorIds = [...new Set(accounts.map((a) => a.debtorId))];
  const creditorIds = [...new Set(accounts.map((a) => a.creditorId))];
  const pairs = [...new Set(accounts.map((a) => `${a.creditorId}\u0000${a.segment}`))].map((p) => p.split('\u0000'));

  const [debtors, phones, payments, contacts, promises, callbacks, creditors, policies] = await Promise.all([
    db.query(`select ${columnsOf(Debtor)} from debtors where id = any($1::text[]) order by id`, [debtorIds]),
    db.query(`select ${columnsOf(Phone)} from phones where debtor_id = any($1::text[]) order by debtor_id, id`, [debtorIds]),
    db.query(`select ${columnsOf(Payment)} from payments where account_id = any($1::text[]) order by account_id, posted_at, id`, [accountIds]),
    db.query(`select ${columnsOf(Contact)} from contacts where debtor_id = any($1::text[]) order by debtor_id, started_at, id`, [debtorIds]),
    db.query(`select ${columnsOf(PromiseToPay)} from promises where account_id = any($1::text[]) order by account_id, created_at, id`, [accountIds]),
    // A callback on an account of another agent is that agent's work (it would pull this debtor into the wrong
    // queue); one on the debtor as a whole is anyone's. Contacts are history: all of the debtor's come.
    db.query(
      `select ${columnsOf(Callback)} from callbacks
        where debtor_id = any($1::text[]) and (account_id is null or account_id = any($2::text[]))
        order by debtor_id, due_at, id`,
      [debtorIds, accountIds],
    ),
    db.query(`select ${columnsOf(Creditor)} from creditors where id = any($1::text[]) order by id`, [creditorIds]),
    // The current (newest) version of each policy the page's accounts fall under.
    db.query(
      `select distinct on (creditor_id, segment) ${columnsOf(PolicyRecord)} from policies
        where (creditor_id, segment) in (select * from unnest($1::text[], $2::text[]))
        order by creditor_id, segment, version desc`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    ),
  ]);
  const map = <T>(schema: Parameters<typeof fromRow>[0], list: Row[]) => list.map((r) => fromRow(schema, r) as T);
  return {
    slice: {
      creditors: map(Creditor, creditors),
      debtors: map(Debtor, debtors),
      accounts,
      phones: map(Phone, phones),
      payments: map(Payment, payments),
      contacts: map(Contact, contacts),
      promises: map(PromiseToPay, promises),
      callbacks: map(Callback, callbacks),
      policies: map(PolicyRecord, policies),
    },
    nextCursor: more && accounts.length > 0 ? encodeCursor(accounts[accounts.length - 1]!.id) : null,
  };
}

/** One account the user may see, with its debtor; undefined when it does not exist *or* is not theirs. */
export async function accountForUser(
  db: Queryable,
  user: UserRecord,
  accountId: string,
): Promise<{ account: Account; debtor: Debtor } | undefined> {
  const scope = accountScope(user, 2);
  const [row] = await db.query(
    `select ${columnsOf(Account, 'a')} from accounts a where a.id = $1 and ${scope.sql}`,
    [accountId, ...scope.params],
  );
  if (!row) return undefined;
  const account = fromRow(Account, row);
  const [debtorRow] = await db.query(`select ${columnsOf(Debtor)} from debtors where id = $1`, [account.debtorId]);
  if (!debtorRow) return undefined;
  return { account, debtor: fromRow(Debtor, debtorRow) };
}
