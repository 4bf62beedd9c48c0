/**
 * Pull: the changes of a user's portfolio since a cursor, in pages. The cursor is the server's change
 * sequence (`change_seq`, which stamps every row's row_seq and every change_log entry), never a clock.
 *
 * - First pull (no cursor): the whole slice page by page by account id (the portfolio pager), remembering the
 *   sequence high-water mark taken before the first page; then the changes since that mark, so nothing that
 *   changed during the copy is missed.
 * - Later pulls: every row of the user's portfolio with row_seq in (cursor, upTo], upTo chosen so a page holds
 *   about `limit` changed rows. A changed account comes with everything hanging off it (it may be newly assigned
 *   to the user); a changed child row comes with its account and debtor, so the desk never holds an orphan.
 *   Accounts that left the user (change_log 'unassign') come as removals unless they came back.
 * - Staff directory (names for the user ids on the card): every user on the first page of a first pull, then the
 *   users with row_seq in (cursor, upTo]. All of them, not only those the slice names: a call center has hundreds,
 *   a colleague's name is no secret on their own desk, and working out which ids a slice mentions would cost a
 *   scan of its whole history on every pull. Inactive users come too: history keeps naming people who left.
 */
import { ApiError } from '../../shared/api/errors';
import {
  Account, Callback, Contact, Creditor, Debtor, Payment, Phone, PolicyRecord, PromiseToPay, type PortfolioSlice,
} from '../../shared/domain/portfolio';
import type { StaffMember } from '../../shared/domain/users';
import type { PullPage, ScriptRecord } from '../../shared/sync/wire';
import type { Database, Queryable, Row } from '../db/port';
import { SYNC_FENCE } from '../db/migrations/0020-sync';
import { fullPageJson } from './full-page';
import { columnsOf, fromRow } from '../portfolio/rows';
import { accountScope } from '../portfolio/scope';
import type { UserRecord } from '../users/repository';

/** s: change sequence the page runs from; p: last account id of a first-pull page; full: first pull under way. */
type Cursor = { s: number; p?: string | null; full?: boolean };

export function encodePullCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodePullCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (c && Number.isSafeInteger(c.s) && c.s >= 0 && (c.p === undefined || c.p === null || typeof c.p === 'string')) return c;
  } catch {
    /* fall through */
  }
  throw new ApiError({
    code: 'invalid_input',
    message: 'sync pull: cursor: not a cursor this server issued',
    key: 'errors.invalidField',
    params: { field: 'cursor', reason: 'invalid cursor' },
    issues: [{ path: 'cursor', code: 'invalid_cursor', message: 'not a cursor this server issued' }],
  });
}

/** The newest value of the change sequence handed out so far (0 on an empty database). */
export async function highWater(db: Queryable): Promise<number> {
  const [row] = await db.query<{ v: number }>(
    'select case when is_called then last_value else last_value - 1 end as v from change_seq',
  );
  return Number(row?.v ?? 0);
}

/**
 * The high-water mark a cursor may advance to: taken under the pull fence (0020), so no transaction that holds a
 * change_seq value at or below it is still running. Writers hold the fence only while they run; the pull waits
 * for them at most `waitMs` (a long import delays the cursor, never a row) and answers null when it could not.
 */
export async function safeHighWater(db: Database, waitMs = 250): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`set local lock_timeout = '${Math.max(1, Math.round(waitMs))}ms'`);
      await tx.query('select pg_advisory_xact_lock($1)', [SYNC_FENCE]);
      return highWater(tx);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return null; // lock_not_available
    throw err;
  }
}

const emptySlice = (): PortfolioSlice => ({
  creditors: [], debtors: [], accounts: [], phones: [], payments: [], contacts: [], promises: [], callbacks: [], policies: [],
});

/**
 * One pull page as JSON text (the route sends it as is). First-pull pages come straight from the database as
 * JSON (full-page.ts); change pages are assembled here.
 */
export async function pullPageJson(db: Database, user: UserRecord, opts: { cursor?: string | undefined; limit: number }): Promise<string> {
  const cur: Cursor = opts.cursor ? decodePullCursor(opts.cursor) : { s: await firstMark(db), p: null, full: true };
  if (cur.full) {
    const page = await fullPageJson(db, user, cur.p ?? '', opts.limit);
    const [scripts, staff] = cur.p
      ? [[], []]
      : await Promise.all([scriptsSince(db, 0, Number.MAX_SAFE_INTEGER), staffSince(db, 0, Number.MAX_SAFE_INTEGER)]);
    const more = page.count === opts.limit && page.last !== null;
    const next: Cursor = more ? { s: cur.s, p: page.last, full: true } : { s: cur.s };
    return `{"slice":${page.slice},"scripts":${JSON.stringify(scripts)},"staff":${JSON.stringify(staff)},"removedAccounts":[],` +
      `"cursor":${JSON.stringify(encodePullCursor(next))},"more":true,"full":${more ? '"page"' : '"last"'}}`;
  }
  return JSON.stringify(await changesSince(db, user, cur.s, opts.limit));
}

/** One pull page as an object (tests, tools). */
export async function pullPage(db: Database, user: UserRecord, opts: { cursor?: string | undefined; limit: number }): Promise<PullPage> {
  return JSON.parse(await pullPageJson(db, user, opts)) as PullPage;
}

/** The mark a first pull starts from; with busy writers it waits a little longer (0 re-sends everything after). */
async function firstMark(db: Database): Promise<number> {
  for (let i = 0; i < 5; i++) {
    const mark = await safeHighWater(db, 500);
    if (mark !== null) return mark;
  }
  return 0;
}

async function changesSince(db: Database, user: UserRecord, since: number, limit: number): Promise<PullPage> {
  const top = (await safeHighWater(db)) ?? since;
  if (top <= since) return { slice: emptySlice(), scripts: [], staff: [], removedAccounts: [], cursor: encodePullCursor({ s: since }), more: false, full: 'none' };
  const scope = accountScope(user, 3);
  const mine = `(select a.id from accounts a where ${scope.sql})`;
  const myDebtors = `(select a.debtor_id from accounts a where ${scope.sql})`;
  // A callback on another agent's account is their work; one on the debtor as a whole is anyone's (page.ts).
  const myCallback = `(case when account_id is null then debtor_id in ${myDebtors} else account_id in ${mine} end)`;
  // The limit-th smallest changed row_seq across the portfolio's tables bounds this page.
  const [bound] = await db.query<{ s: number | null; n: number }>(
    `select max(s) as s, count(*)::int8 as n from (select s from (
        (select a.row_seq as s from accounts a where a.row_seq > $1 and ${scope.sql} order by a.row_seq limit $2)
        union all (select row_seq from debtors where row_seq > $1 and id in ${myDebtors} order by row_seq limit $2)
        union all (select row_seq from phones where row_seq > $1 and debtor_id in ${myDebtors} order by row_seq limit $2)
        union all (select row_seq from payments where row_seq > $1 and account_id in ${mine} order by row_seq limit $2)
        union all (select row_seq from contacts where row_seq > $1 and debtor_id in ${myDebtors} order by row_seq limit $2)
        union all (select row_seq from promises where row_seq > $1 and account_id in ${mine} order by row_seq limit $2)
        union all (select row_seq from callbacks where row_seq > $1 and ${myCallback} order by row_seq limit $2)
        union all (select seq from change_log where seq > $1 and agent_id = $${3 + scope.params.length} order by seq limit $2)
      ) u order by s limit $2) v`,
    [since, limit, ...scope.params, user.id],
  );
  const upTo = bound?.s != null && Number(bound.n) >= limit && Number(bound.s) < top ? Math.max(Number(bound.s), since + 1) : top;
  const more = upTo < top;
  const range = [since, upTo];
  const inRange = (col: string) => `${col} > $1 and ${col} <= $2`;

  const [accRows, childPhones, childPayments, childContacts, childPromises, childCallbacks, changedDebtors, removedRows, policyRows, scripts, staff] =
    await Promise.all([
      db.query(`select ${columnsOf(Account, 'a')} from accounts a where ${inRange('a.row_seq')} and ${scope.sql}`, [...range, ...scope.params]),
      db.query(`select ${columnsOf(Phone)} from phones where ${inRange('row_seq')} and debtor_id in ${myDebtors}`, [...range, ...scope.params]),
      db.query(`select ${columnsOf(Payment)} from payments where ${inRange('row_seq')} and account_id in ${mine}`, [...range, ...scope.params]),
      db.query(`select ${columnsOf(Contact)} from contacts where ${inRange('row_seq')} and debtor_id in ${myDebtors}`, [...range, ...scope.params]),
      db.query(`select ${columnsOf(PromiseToPay)} from promises where ${inRange('row_seq')} and account_id in ${mine}`, [...range, ...scope.params]),
      db.query(`select ${columnsOf(Callback)} from callbacks where ${inRange('row_seq')} and ${myCallback}`, [...range, ...scope.params]),
      db.query<{ id: string }>(`select id from debtors where ${inRange('row_seq')} and id in ${myDebtors}`, [...range, ...scope.params]),
      db.query<{ entity_id: string }>(
        `select distinct c.entity_id from change_log c where ${inRange('c.seq')} and c.op = 'unassign' and c.agent_id = $3
          and not exists (select 1 from accounts a where a.id = c.entity_id and a.assigned_agent_id = $3)`,
        [...range, user.id],
      ),
      db.query(
        `select ${columnsOf(PolicyRecord)} from policies where ${inRange('row_seq')}
          and (creditor_id, segment) in (select a.creditor_id, a.segment from accounts a where ${scope.sql})`,
        [...range, ...scope.params],
      ),
      scriptsSince(db, since, upTo),
      staffSince(db, since, upTo),
    ]);

  const accounts = accRows.map((r) => fromRow(Account, r));
  const changedAccountIds = accounts.map((a) => a.id);
  const changedAccountDebtors = [...new Set(accounts.map((a) => a.debtorId))];
  const map = <T>(schema: Parameters<typeof fromRow>[0], rows: Row[]) => rows.map((r) => fromRow(schema, r) as T);
  const phones = map<Phone>(Phone, childPhones);
  const payments = map<Payment>(Payment, childPayments);
  const contacts = map<Contact>(Contact, childContacts);
  const promises = map<PromiseToPay>(PromiseToPay, childPromises);
  const callbacks = map<Callback>(Callback, childCallbacks);

  // Changed accounts bring their whole bundle (they may have just been assigned to this user).
  if (changedAccountIds.length) {
    const [bp, bpay, bc, bpr, bcb] = await Promise.all([
      db.query(`select ${columnsOf(Phone)} from phones where debtor_id = any($1::text[]) and row_seq <= $2`, [changedAccountDebtors, upTo]),
      db.query(`select ${columnsOf(Payment)} from payments where account_id = any($1::text[]) and row_seq <= $2`, [changedAccountIds, upTo]),
      db.query(`select ${columnsOf(Contact)} from contacts where debtor_id = any($1::text[]) and row_seq <= $2`, [changedAccountDebtors, upTo]),
      db.query(`select ${columnsOf(PromiseToPay)} from promises where account_id = any($1::text[]) and row_seq <= $2`, [changedAccountIds, upTo]),
      db.query(
        `select ${columnsOf(Callback)} from callbacks where debtor_id = any($1::text[]) and row_seq <= $2
          and (account_id is null or account_id = any($3::text[]))`,
        [changedAccountDebtors, upTo, changedAccountIds],
      ),
    ]);
    phones.push(...map<Phone>(Phone, bp));
    payments.push(...map<Payment>(Payment, bpay));
    contacts.push(...map<Contact>(Contact, bc));
    promises.push(...map<PromiseToPay>(PromiseToPay, bpr));
    callbacks.push(...map<Callback>(Callback, bcb));
  }
  // Parents of changed children, so the desk can always insert them.
  const parentAccountIds = new Set<string>([...payments.map((x) => x.accountId), ...promises.map((x) => x.accountId)]);
  for (const id of changedAccountIds) parentAccountIds.delete(id);
  if (parentAccountIds.size) {
    const s2 = accountScope(user, 2);
    const extra = await db.query(`select ${columnsOf(Account, 'a')} from accounts a where a.id = any($1::text[]) and ${s2.sql}`, [
      [...parentAccountIds], ...s2.params,
    ]);
    accounts.push(...extra.map((r) => fromRow(Account, r)));
  }
  const debtorIds = new Set<string>([
    ...accounts.map((a) => a.debtorId), ...phones.map((x) => x.debtorId), ...contacts.map((x) => x.debtorId),
    ...callbacks.map((x) => x.debtorId), ...promises.map((x) => x.debtorId), ...changedDebtors.map((d) => d.id),
  ]);
  const debtors = debtorIds.size
    ? map<Debtor>(Debtor, await db.query(`select ${columnsOf(Debtor)} from debtors where id = any($1::text[])`, [[...debtorIds]]))
    : [];
  const creditorIds = [...new Set([...debtors.map((d) => d.creditorId), ...accounts.map((a) => a.creditorId)])];
  const creditors = creditorIds.length
    ? map<Creditor>(Creditor, await db.query(`select ${columnsOf(Creditor)} from creditors where id = any($1::text[])`, [creditorIds]))
    : [];
  const dedupe = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
  return {
    slice: {
      creditors,
      debtors,
      accounts: dedupe(accounts),
      phones: dedupe(phones),
      payments: dedupe(payments),
      contacts: dedupe(contacts),
      promises: dedupe(promises),
      callbacks: dedupe(callbacks),
      policies: map<PolicyRecord>(PolicyRecord, policyRows),
    },
    scripts,
    staff,
    removedAccounts: removedRows.map((r) => r.entity_id),
    cursor: encodePullCursor({ s: upTo }),
    more,
    full: 'none',
  };
}

async function scriptsSince(db: Queryable, since: number, upTo: number): Promise<ScriptRecord[]> {
  const rows = await db.query<{ id: string; version: number; body: unknown; updated_at: Date }>(
    'select id, version, body, updated_at from scripts where row_seq > $1 and row_seq <= $2 order by id, version',
    [since, upTo],
  );
  return rows.map((r) => ({ id: r.id, version: Number(r.version), body: r.body, updatedAt: new Date(r.updated_at).toISOString() }));
}

/** Users changed in (since, upTo]: id, display name and role only — never the username, team or password hash. */
async function staffSince(db: Queryable, since: number, upTo: number): Promise<StaffMember[]> {
  const rows = await db.query<{ id: string; display_name: string; role: StaffMember['role'] }>(
    // Clipped to the contract's length: one odd name must not make a desk refuse the page it rides on.
    'select id, left(btrim(display_name), 128) as display_name, role from users where row_seq > $1 and row_seq <= $2 order by id',
    [since, upTo],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}
