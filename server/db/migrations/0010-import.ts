import type { Migration } from '../migrate';

/**
 * Portfolio import jobs with their progress and defect report (polled by the admin screen, shared by every
 * server instance on the database), and the segmentation rule sets per creditor, versioned.
 */
const migration: Migration = {
  version: 10,
  name: 'import',
  sql: `
create table imports (
  id text primary key,
  creditor_id text not null references creditors(id),
  kind text not null check (kind in ('accounts', 'phones', 'payments')),
  file_name text not null default '',
  mapping jsonb,
  options jsonb not null,
  state text not null check (state in ('awaiting_file', 'running', 'done', 'failed')),
  rows_read integer not null default 0,
  good integer not null default 0,
  defective integer not null default 0,
  unchanged integer not null default 0,
  bytes_read bigint not null default 0,
  bytes_total bigint,
  encoding text,
  delimiter text,
  defects_by_code jsonb not null default '{}',
  error jsonb,
  started_by text references users(id),
  created_at timestamptz not null default now(),
  -- Moved by every committed batch: an import 'running' with no progress for long was cut off (server
  -- stopped mid-upload) and is reported failed rather than running forever.
  progress_at timestamptz not null default now(),
  finished_at timestamptz
);
create index imports_creditor_idx on imports (creditor_id, created_at);

-- The report: one row per defect (capped per import; defects_by_code counts them all).
create table import_defects (
  import_id text not null references imports(id) on delete cascade,
  seq integer not null,
  line integer not null,
  col text not null,
  code text not null,
  params jsonb not null,
  primary key (import_id, seq)
);

create table segment_rule_sets (
  creditor_id text not null references creditors(id),
  version integer not null check (version >= 1),
  body jsonb not null,
  created_by text references users(id),
  created_at timestamptz not null default now(),
  primary key (creditor_id, version)
);
`,
};
export default migration;
