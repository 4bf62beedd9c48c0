import type { Migration } from '../migrate';

/**
 * Call recordings (issue 7: "recording upload" is a synced agent action). The desk uploads a recording's bytes
 * content-addressed by SHA-256 (server/sync/recording-blobs.ts), then pushes a `recording.add` mutation that links
 * the blob to its call, agent and debtor (server/sync/apply.ts).
 *
 * Why the bytes are a `bytea` in the database: server instances are stateless on one PostgreSQL (or the embedded
 * PGlite), so a blob written through one instance must be readable through any other, and be committed or
 * rolled back with the rows that name it — the database is the one store every instance shares. Recordings are
 * capped at 32 MB (MAX_RECORDING_BYTES), well inside bytea's limits. The production swap for large floors is object
 * storage (S3-compatible) keyed by the same hash, with this table keeping only the metadata (docs/sync.md).
 *
 * `storage external`: the audio is already compressed (Opus), so TOAST compression would only burn CPU; kept
 * uncompressed out of line, a `substring()` of the column reads only the chunks it needs (the read route streams
 * a recording in slices and serves byte ranges).
 */
const migration: Migration = {
  version: 22,
  name: 'sync-recordings',
  sql: `
create table recording_blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes integer not null check (bytes > 0 and bytes <= 33554432),
  mime_type text not null,
  data bytea not null,
  uploaded_by text not null references users (id),
  created_at timestamptz not null default now()
);
alter table recording_blobs alter column data set storage external;

create table recordings (
  id text primary key,
  call_id text not null unique,
  sha256 text not null references recording_blobs (sha256),
  agent_id text not null references users (id),
  debtor_id text,
  mime_type text not null,
  bytes integer not null,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index recordings_agent_idx on recordings (agent_id, started_at);
create index recordings_debtor_idx on recordings (debtor_id, started_at);
create index recordings_sha_idx on recordings (sha256);
`,
};
export default migration;
