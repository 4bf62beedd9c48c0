import type { Migration } from '../migrate';

/**
 * Users, teams and the portfolio. Every entity row carries `updated_at`, `row_version` (bumped on update) and
 * `row_seq` (a value of one global sequence, renewed on every insert/update) so sync can pull "what changed
 * since cursor N" per table with one indexed range scan.
 */
const migration: Migration = {
  version: 1,
  name: 'core',
  sql: `
create sequence change_seq;

create function recaudo_touch() returns trigger language plpgsql as $$
begin
  new.row_seq := nextval('change_seq');
  new.row_version := old.row_version + 1;
  if new.updated_at is not distinct from old.updated_at then
    new.updated_at := now();
  end if;
  return new;
end $$;

create table teams (
  id text primary key,
  name text not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);

create table users (
  id text primary key,
  username text not null,
  display_name text not null,
  role text not null check (role in ('agent', 'lead', 'admin')),
  team_id text references teams(id),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create unique index users_username_key on users (lower(username));
create index users_team_idx on users (team_id);

create table creditors (
  id text primary key,
  name text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);

create table policies (
  id text primary key,
  creditor_id text not null references creditors(id),
  segment text not null,
  version integer not null check (version >= 1),
  body jsonb not null,
  created_by text references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq'),
  unique (creditor_id, segment, version)
);

create table debtors (
  id text primary key,
  creditor_id text not null references creditors(id),
  full_name text not null,
  document_type text not null,
  document_id text not null,
  birth_date date,
  country text not null check (country ~ '^[A-Z]{2}$'),
  region text,
  city text,
  time_zone text not null,
  language text not null check (language in ('es', 'en')),
  flags text[] not null default '{}',
  profile text not null check (profile in ('occasional_late', 'chronic_late', 'first_default', 'unknown')),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
-- Not unique: US files carry only the SSN's last four digits.
create index debtors_document_idx on debtors (document_id);
create index debtors_creditor_idx on debtors (creditor_id);

create table accounts (
  id text primary key,
  debtor_id text not null references debtors(id),
  creditor_id text not null references creditors(id),
  account_number text not null,
  product text not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  balance_minor bigint not null,
  principal_minor bigint not null,
  days_past_due integer not null check (days_past_due >= 0),
  due_since date not null,
  last_payment_at date,
  segment text not null,
  assigned_agent_id text references users(id),
  status text not null check (status in ('active', 'settled', 'closed')),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq'),
  unique (creditor_id, account_number)
);
create index accounts_agent_idx on accounts (assigned_agent_id, id);
create index accounts_debtor_idx on accounts (debtor_id);
create index accounts_row_seq_idx on accounts (row_seq);

create table phones (
  id text primary key,
  debtor_id text not null references debtors(id),
  e164 text not null,
  type text not null check (type in ('mobile', 'landline', 'voip', 'other')),
  valid boolean not null,
  status text not null check (status in ('ok', 'wrong_number', 'not_debtor', 'do_not_call')),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq'),
  unique (debtor_id, e164)
);
create index phones_e164_idx on phones (e164);

create table payments (
  id text primary key,
  account_id text not null references accounts(id),
  amount_minor bigint not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  posted_at date not null,
  method text not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create index payments_account_idx on payments (account_id, posted_at);

-- Contact history keeps agent ids as text without a foreign key: imported history names agents of
-- other systems, and a user removed later must not erase what was said to a debtor.
create table contacts (
  id text primary key,
  debtor_id text not null references debtors(id),
  account_id text references accounts(id),
  agent_id text not null,
  channel text not null check (channel in ('call', 'sms', 'email', 'whatsapp', 'visit')),
  direction text not null check (direction in ('outbound', 'inbound')),
  phone_e164 text,
  started_at timestamptz not null,
  ended_at timestamptz,
  outcome text not null,
  reason text,
  notes text not null default '',
  mos real,
  conversation boolean not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create index contacts_debtor_idx on contacts (debtor_id, started_at);

create table promises (
  id text primary key,
  account_id text not null references accounts(id),
  debtor_id text not null references debtors(id),
  agent_id text not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  due_date date not null,
  method text not null,
  installments integer not null check (installments between 1 and 120),
  status text not null check (status in ('pending', 'kept', 'partial', 'broken', 'cancelled')),
  policy_id text references policies(id),
  created_at timestamptz not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create index promises_account_idx on promises (account_id, due_date);

create table callbacks (
  id text primary key,
  debtor_id text not null references debtors(id),
  account_id text references accounts(id),
  agent_id text not null,
  due_at timestamptz not null,
  time_zone text not null,
  note text not null default '',
  status text not null check (status in ('pending', 'done', 'cancelled')),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create index callbacks_debtor_idx on callbacks (debtor_id, due_at);

create table notes (
  id text primary key,
  debtor_id text not null references debtors(id),
  agent_id text not null,
  text text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  row_seq bigint not null default nextval('change_seq')
);
create index notes_debtor_idx on notes (debtor_id, created_at);

create trigger teams_touch before update on teams for each row execute function recaudo_touch();
create trigger users_touch before update on users for each row execute function recaudo_touch();
create trigger creditors_touch before update on creditors for each row execute function recaudo_touch();
create trigger policies_touch before update on policies for each row execute function recaudo_touch();
create trigger debtors_touch before update on debtors for each row execute function recaudo_touch();
create trigger accounts_touch before update on accounts for each row execute function recaudo_touch();
create trigger phones_touch before update on phones for each row execute function recaudo_touch();
create trigger payments_touch before update on payments for each row execute function recaudo_touch();
create trigger contacts_touch before update on contacts for each row execute function recaudo_touch();
create trigger promises_touch before update on promises for each row execute function recaudo_touch();
create trigger callbacks_touch before update on callbacks for each row execute function recaudo_touch();
create trigger notes_touch before update on notes for each row execute function recaudo_touch();
`,
};
export default migration;
