import type { Migration } from '../migrate';

/**
 * Sync (issue 7): what pushed mutations land in that 0001 has no table for (audit entries, call events), the
 * server's script versions, row_seq indexes so a pull is one range scan per table, and a statement-level NOTIFY
 * on every table a desk pulls, so every server instance on the database wakes its desks (LISTEN recaudo_sync).
 */
/** Advisory lock key of the pull fence (server/sync/pull.ts takes it exclusively). */
export const SYNC_FENCE = 7_311_442_921;

const PULLED = ['accounts', 'debtors', 'phones', 'payments', 'contacts', 'promises', 'callbacks', 'policies', 'scripts', 'change_log'];

const migration: Migration = {
  version: 20,
  name: 'sync',
  sql: `
create table scripts (
  id text not null,
  version integer not null check (version >= 1),
  body jsonb not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq'),
  primary key (id, version)
);
create trigger scripts_touch before update on scripts for each row execute function recaudo_touch();

create table audit_events (
  id text primary key,
  agent_id text not null,
  client_id text not null,
  at timestamptz not null,
  action text not null,
  subject text,
  detail jsonb not null,
  received_at timestamptz not null default now()
);
create index audit_events_agent_idx on audit_events (agent_id, at);

create table call_events (
  id text primary key,
  agent_id text not null,
  call_id text not null,
  debtor_id text,
  phone_e164 text,
  event text not null,
  at timestamptz not null,
  detail jsonb not null default '{}'
);
create index call_events_call_idx on call_events (call_id, at);
create index call_events_debtor_idx on call_events (debtor_id, at);

-- An applied mutation's content lives in its entity row (entity_id names it); the payload is kept only for
-- refused ones, so the agent's appeal and support can see exactly what was sent. Halves the push's writes.
alter table sync_mutations alter column payload drop not null;
alter table sync_mutations add column entity_id text;
create index sync_mutations_user_idx on sync_mutations (user_id, received_at);

create index debtors_row_seq_idx on debtors (row_seq);
create index phones_row_seq_idx on phones (row_seq);
create index payments_row_seq_idx on payments (row_seq);
create index contacts_row_seq_idx on contacts (row_seq);
create index promises_row_seq_idx on promises (row_seq);
create index callbacks_row_seq_idx on callbacks (row_seq);
create index policies_row_seq_idx on policies (row_seq);
create index scripts_row_seq_idx on scripts (row_seq);
create index change_log_seq_idx on change_log (seq);
create index phones_debtor_idx on phones (debtor_id);
create index callbacks_account_idx on callbacks (account_id);

-- The pull fence: every statement on a pulled table first takes a shared transaction-level advisory lock, before
-- any row takes a change_seq value; a pull takes the same lock exclusively for an instant before reading the
-- sequence's high-water mark. So every value at or below the mark belongs to a transaction that has already
-- committed (or rolled back): a cursor never steps over a row that commits later.
create function recaudo_sync_fence() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(${SYNC_FENCE});
  return null;
end $$;
${PULLED.map((t) => `create trigger ${t}_sync_fence before insert or update or delete on ${t}
  for each statement execute function recaudo_sync_fence();`).join('\n')}

create function recaudo_sync_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('recaudo_sync', tg_table_name);
  return null;
end $$;
${PULLED.map((t) => `create trigger ${t}_sync_notify after insert or update or delete on ${t}
  for each statement execute function recaudo_sync_notify();`).join('\n')}
`,
};
export default migration;
