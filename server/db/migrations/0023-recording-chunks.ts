import type { Migration } from '../migrate';

/**
 * Recording bytes in pieces (server/recordings/blob-store.ts): `recording_blob_chunks` holds each blob's bytes in
 * pieces of the blob's `chunk_bytes` (1 MB), ordinal 0, 1, … in order. A 32 MB bytea written or read as one value
 * cost the server several whole copies of it (on embedded PGlite ~370 MB of peak RSS for one upload); in pieces each
 * copy is one piece. Still in the database, for the reasons of 0022 (stateless instances; a blob committed with
 * the rows that name it); a byte range reads only the pieces it covers. Blobs stored before move into pieces here.
 */
const migration: Migration = {
  version: 23,
  name: 'recording-chunks',
  sql: `
alter table recording_blobs add column chunk_bytes integer not null default 1048576 check (chunk_bytes > 0);

create table recording_blob_chunks (
  sha256 text not null references recording_blobs (sha256) on delete cascade,
  ordinal integer not null check (ordinal >= 0),
  data bytea not null,
  primary key (sha256, ordinal)
);
-- Opus is already compressed: stored out of line uncompressed, a substring() reads only what it needs.
alter table recording_blob_chunks alter column data set storage external;

insert into recording_blob_chunks (sha256, ordinal, data)
  select b.sha256, g.i, substring(b.data from g.i * b.chunk_bytes + 1 for b.chunk_bytes)
    from recording_blobs b cross join lateral generate_series(0, (b.bytes - 1) / b.chunk_bytes) as g(i);

alter table recording_blobs drop column data;
`,
};
export default migration;
