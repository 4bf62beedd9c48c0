import type { Migration } from '../migrate';

/**
 * Assignment history, the change log sync pulls tombstones from (an account reassigned away must leave the
 * old agent's store), the per-client applied sequence of the sync queue, and the server's own secrets
 * (the token signing key, shared by every instance on the database).
 */
const migration: Migration = {
  version: 2,
  name: 'assignment-and-sync',
  sql: `
create table assignments (
  id bigint generated always as identity primary key,
  account_id text not null references accounts(id),
  agent_id text references users(id),
  assigned_by text references users(id),
  reason text not null default '',
  assigned_at timestamptz not null default now(),
  unassigned_at timestamptz
);
create index assignments_account_idx on assignments (account_id, assigned_at);
create index assignments_open_idx on assignments (agent_id) where unassigned_at is null;

-- Events a row's current state cannot tell: deletions and an account leaving an agent.
create table change_log (
  seq bigint primary key default nextval('change_seq'),
  entity text not null,
  entity_id text not null,
  op text not null check (op in ('delete', 'unassign')),
  agent_id text,
  at timestamptz not null default now()
);
create index change_log_agent_idx on change_log (agent_id, seq);

create function recaudo_account_unassigned() returns trigger language plpgsql as $$
begin
  if old.assigned_agent_id is not null and old.assigned_agent_id is distinct from new.assigned_agent_id then
    insert into change_log (entity, entity_id, op, agent_id) values ('account', old.id, 'unassign', old.assigned_agent_id);
  end if;
  return new;
end $$;
create trigger accounts_unassigned after update of assigned_agent_id on accounts
  for each row execute function recaudo_account_unassigned();

-- Sync queue: one row per desk installation; a batch is applied in the same transaction that advances
-- last_applied_seq, so a replayed or duplicated batch is recognised and never applied twice.
create table sync_clients (
  client_id text primary key,
  user_id text not null references users(id),
  last_applied_seq bigint not null default 0,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

create table sync_mutations (
  mutation_id uuid primary key,
  client_id text not null references sync_clients(client_id),
  seq bigint not null,
  user_id text not null references users(id),
  kind text not null,
  payload jsonb not null,
  status text not null check (status in ('applied', 'refused')),
  reason text,
  received_at timestamptz not null default now(),
  unique (client_id, seq)
);

create table server_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
`,
};
export default migration;
