import type { Migration } from '../migrate';
import m0001 from './0001-core';
import m0002 from './0002-assignment-and-sync';
import m0010 from './0010-import';
import m0020 from './0020-sync';
import m0021 from './0021-sync-staff';
import m0022 from './0022-sync-recordings';
import m0023 from './0023-recording-chunks';

/**
 * Every migration, in increasing version order. Append only: a released migration is never edited, a new
 * file is added. Ranges per area: core 1–9, import/segments 10–19, sync 20–29.
 */
export const migrations: readonly Migration[] = [m0001, m0002, m0010, m0020, m0021, m0022, m0023];
