/**
 * Writes one batch of good rows in the caller's transaction, as a few set-based upserts (arrays through
 * unnest: one statement per table whatever the batch size, no parameter limit). Idempotent: ids are derived
 * from the creditor's keys (md5 of creditor + account number / document), and an existing row is updated only
 * when a column differs, so a re-import of the same file leaves updated_at, row_version and row_seq alone.
 * Agents' own data is never touched: phone status (their marks), assignment.
 */
import type { Queryable } from '../db/port';
import type { RowDefect } from '../../shared/import';
import type { AccountRow, PaymentRow, PhoneRow } from './rows';

export interface BatchOutcome {
  /** Rows whose data changed something (inserted or updated). */
  changed: number;
  /** Rows refused only at write time (a payment for an account the creditor does not have…). */
  defects: RowDefect[];
  /** Lines of the rows refused at write time, to take them out of the good count. */
  refused: number;
}

/** The debtor's row id from the creditor and the debtor's import key: stable, so no lookup is needed. */
const DEBTOR_ID = `'deb_' || substr(md5($1 || '|' || t.dk), 1, 24)`;

export async function writeAccounts(tx: Queryable, creditorId: string, rows: AccountRow[], segments: string[]): Promise<BatchOutcome> {
  // A debtor appears once per account; the file check made their fields identical, so the first wins.
  const debtors = new Map<string, AccountRow['debtor']>();
  for (const r of rows) if (!debtors.has(r.debtor.key)) debtors.set(r.debtor.key, r.debtor);
  const d = [...debtors.values()];
  await tx.query(
    `insert into debtors (id, creditor_id, document_type, document_id, full_name, birth_date, country, region, city, time_zone, language, profile)
     select ${DEBTOR_ID}, $1, t.dt, t.di, t.fn, t.bd::date, t.co, t.re, t.ci, t.tz, t.la, t.pr
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         as t(dt, di, fn, bd, co, re, ci, tz, la, pr, dk)
     on conflict (id) do update set
       document_type = excluded.document_type, document_id = excluded.document_id, full_name = excluded.full_name, birth_date = excluded.birth_date, country = excluded.country, region = excluded.region,
       city = excluded.city, time_zone = excluded.time_zone, language = excluded.language, profile = excluded.profile
     where (debtors.document_type, debtors.document_id, debtors.full_name, debtors.birth_date, debtors.country, debtors.region, debtors.city, debtors.time_zone, debtors.language, debtors.profile)
       is distinct from (excluded.document_type, excluded.document_id, excluded.full_name, excluded.birth_date, excluded.country, excluded.region, excluded.city, excluded.time_zone, excluded.language, excluded.profile)`,
    [
      creditorId,
      d.map((x) => x.documentType),
      d.map((x) => x.documentId),
      d.map((x) => x.fullName),
      d.map((x) => x.birthDate),
      d.map((x) => x.country),
      d.map((x) => x.region),
      d.map((x) => x.city),
      d.map((x) => x.timeZone),
      d.map((x) => x.language),
      d.map((x) => x.profile),
      d.map((x) => x.key),
    ],
  );
  const changed = await tx.query(
    `insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
                           days_past_due, due_since, last_payment_at, segment, status)
     select 'acc_' || substr(md5($1 || '|' || t.an), 1, 24), ${DEBTOR_ID}, $1, t.an, t.pr, t.cu, t.ba, t.pi, t.dpd, t.ds::date, t.lp::date, t.sg, t.st
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])
         as t(dk, an, pr, cu, ba, pi, dpd, ds, lp, sg, st)
     on conflict (creditor_id, account_number) do update set
       debtor_id = excluded.debtor_id, product = excluded.product, currency = excluded.currency, balance_minor = excluded.balance_minor,
       principal_minor = excluded.principal_minor, days_past_due = excluded.days_past_due, due_since = excluded.due_since,
       last_payment_at = excluded.last_payment_at, segment = excluded.segment, status = excluded.status
     where (accounts.debtor_id, accounts.product, accounts.currency, accounts.balance_minor, accounts.principal_minor, accounts.days_past_due,
            accounts.due_since, accounts.last_payment_at, accounts.segment, accounts.status)
       is distinct from (excluded.debtor_id, excluded.product, excluded.currency, excluded.balance_minor, excluded.principal_minor,
            excluded.days_past_due, excluded.due_since, excluded.last_payment_at, excluded.segment, excluded.status)
     returning 1 as x`,
    [
      creditorId,
      rows.map((r) => r.debtor.key),
      rows.map((r) => r.accountNumber),
      rows.map((r) => r.product),
      rows.map((r) => r.currency),
      rows.map((r) => r.balanceMinor),
      rows.map((r) => r.principalMinor),
      rows.map((r) => r.daysPastDue),
      rows.map((r) => r.dueSince),
      rows.map((r) => r.lastPaymentAt),
      segments,
      rows.map((r) => r.status),
    ],
  );
  const phones = new Map<string, { dk: string; e164: string; type: string }>();
  for (const r of rows) for (const p of r.phones) phones.set(`${r.debtor.key}\u0001${p.e164}`, { dk: r.debtor.key, ...p });
  if (phones.size > 0) await upsertPhones(tx, creditorId, [...phones.values()]);
  return { changed: changed.length, defects: [], refused: 0 };
}

async function upsertPhones(tx: Queryable, creditorId: string, p: { dk: string; e164: string; type: string }[]): Promise<number> {
  const rows = await tx.query(
    `insert into phones (id, debtor_id, e164, type, valid, status)
     select 'ph_' || substr(md5(t.id || '|' || t.e), 1, 24), t.id, t.e, t.ty, true, 'ok'
       from (select ${DEBTOR_ID} as id, t.e, t.ty from unnest($2::text[], $3::text[], $4::text[]) as t(dk, e, ty)) as t
     on conflict (debtor_id, e164) do update set type = excluded.type, valid = true
     where (phones.type, phones.valid) is distinct from (excluded.type, true)
     returning 1 as x`,
    [creditorId, p.map((x) => x.dk), p.map((x) => x.e164), p.map((x) => x.type)],
  );
  return rows.length;
}

export async function writePhones(tx: Queryable, creditorId: string, rows: PhoneRow[]): Promise<BatchOutcome> {
  const keys = [...new Set(rows.map((r) => r.debtorKey))];
  const known = await tx.query<{ dk: string }>(
    `select t.dk from unnest($2::text[]) as t(dk) where exists (select 1 from debtors d where d.id = ${DEBTOR_ID} and d.creditor_id = $1)`,
    [creditorId, keys],
  );
  const ok = new Set(known.map((k) => k.dk));
  const defects: RowDefect[] = [];
  const good = new Map<string, { dk: string; e164: string; type: string }>();
  for (const r of rows) {
    if (!ok.has(r.debtorKey)) {
      defects.push({ line: r.line, column: '', code: 'unknown_debtor', params: { value: `${r.documentType} ${r.documentId}` } });
    } else good.set(`${r.debtorKey}\u0001${r.e164}`, { dk: r.debtorKey, e164: r.e164, type: r.type });
  }
  const changed = good.size > 0 ? await upsertPhones(tx, creditorId, [...good.values()]) : 0;
  return { changed, defects, refused: defects.length };
}

export async function writePayments(tx: Queryable, creditorId: string, rows: PaymentRow[]): Promise<BatchOutcome> {
  const known = await tx.query<{ account_number: string; currency: string }>(
    'select account_number, currency from accounts where creditor_id = $1 and account_number = any($2::text[])',
    [creditorId, [...new Set(rows.map((r) => r.accountNumber))]],
  );
  const currencyOf = new Map(known.map((k) => [k.account_number, k.currency]));
  const defects: RowDefect[] = [];
  const byRef = new Map<string, PaymentRow>();
  for (const r of rows) byRef.set(`${r.accountNumber}\u0001${r.reference}`, r);
  const good: PaymentRow[] = [];
  for (const r of byRef.values()) {
    const cur = currencyOf.get(r.accountNumber);
    if (cur === undefined) defects.push({ line: r.line, column: '', code: 'unknown_account', params: { value: r.accountNumber } });
    else if (cur !== r.currency) defects.push({ line: r.line, column: '', code: 'unknown_currency', params: { value: r.currency, expected: cur } });
    else good.push(r);
  }
  let changed = 0;
  if (good.length > 0) {
    const res = await tx.query(
      `insert into payments (id, account_id, amount_minor, currency, posted_at, method)
       select 'pay_' || substr(md5($1 || '|' || t.an || '|' || t.ref), 1, 24), a.id, t.am, t.cu, t.pa::date, t.me
         from unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) as t(an, ref, am, cu, pa, me)
         join accounts a on a.creditor_id = $1 and a.account_number = t.an
       on conflict (id) do update set amount_minor = excluded.amount_minor, currency = excluded.currency,
         posted_at = excluded.posted_at, method = excluded.method
       where (payments.amount_minor, payments.currency, payments.posted_at, payments.method)
         is distinct from (excluded.amount_minor, excluded.currency, excluded.posted_at, excluded.method)
       returning 1 as x`,
      [
        creditorId,
        good.map((r) => r.accountNumber),
        good.map((r) => r.reference),
        good.map((r) => r.amountMinor),
        good.map((r) => r.currency),
        good.map((r) => r.postedAt),
        good.map((r) => r.method),
      ],
    );
    changed = res.length;
  }
  return { changed, defects, refused: defects.length };
}
