/**
 * One page of a first pull, built as JSON by the database itself: the accounts of the page (by id, in the
 * user's scope) and everything hanging off them, in the shapes of shared/domain/portfolio — the same rows as the
 * portfolio pager (server/portfolio/page.ts): a callback on another agent's account is theirs, not sent. A 5,000-account page
 * is one round trip and one string — no row decoding and re-encoding in Node (the slow part of a 200k pull).
 */
import type { z } from 'zod';
import {
  Account, Callback, Contact, Creditor, Debtor, Payment, Phone, PolicyRecord, PromiseToPay,
} from '../../shared/domain/portfolio';
import type { Queryable } from '../db/port';
import { columnOf } from '../portfolio/rows';
import { accountScope } from '../portfolio/scope';
import type { UserRecord } from '../users/repository';

/** Fields stored as timestamptz: rendered as the same UTC ISO text JavaScript's toISOString gives. */
const INSTANTS = new Set(['updatedAt', 'startedAt', 'endedAt', 'createdAt', 'dueAt']);

function jsonObject(schema: z.ZodObject<z.ZodRawShape>, alias: string): string {
  const parts = Object.keys(schema.shape).map((f) => {
    const col = `${alias}.${columnOf(f)}`;
    const value = INSTANTS.has(f) ? `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : col;
    return `'${f}', ${value}`;
  });
  // json_build_object takes at most 100 arguments; our widest entity has 15 fields.
  return `json_build_object(${parts.join(', ')})`;
}

const agg = (schema: z.ZodObject<z.ZodRawShape>, from: string, order = 'x.id') =>
  `coalesce((select json_agg(${jsonObject(schema, 'x')} order by ${order}) from ${from}), '[]'::json)`;

export async function fullPageJson(
  db: Queryable,
  user: UserRecord,
  after: string,
  limit: number,
): Promise<{ slice: string; count: number; last: string | null }> {
  const scope = accountScope(user, 3);
  const sql = `
    with acc as materialized (select a.* from accounts a where a.id > $1 and ${scope.sql} order by a.id limit $2),
    dids as materialized (select distinct debtor_id as id from acc)
    select (select count(*) from acc)::int8 as n,
      (select id from acc order by id desc limit 1) as last,
      json_build_object(
        'creditors', ${agg(Creditor, 'creditors x where x.id in (select distinct creditor_id from acc)')},
        'debtors', ${agg(Debtor, 'debtors x where x.id in (select id from dids)')},
        'accounts', ${agg(Account, 'acc x')},
        'phones', ${agg(Phone, 'phones x where x.debtor_id in (select id from dids)')},
        'payments', ${agg(Payment, 'payments x where x.account_id in (select id from acc)')},
        'contacts', ${agg(Contact, 'contacts x where x.debtor_id in (select id from dids)')},
        'promises', ${agg(PromiseToPay, 'promises x where x.account_id in (select id from acc)')},
        'callbacks', ${agg(Callback, `callbacks x where x.debtor_id in (select id from dids)
            and (x.account_id is null or x.account_id in (select id from acc))`)},
        'policies', ${agg(PolicyRecord, `(select distinct on (creditor_id, segment) * from policies
            where (creditor_id, segment) in (select distinct creditor_id, segment from acc)
            order by creditor_id, segment, version desc) x`)}
      )::text as slice`;
  const [row] = await db.query<{ n: number; last: string | null; slice: string }>(sql, [after, limit, ...scope.params]);
  return { slice: row!.slice, count: Number(row!.n), last: row!.last };
}
