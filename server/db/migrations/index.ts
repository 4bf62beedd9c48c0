import type { Migration } from '../migrate';
import m0001 from './0001-core';
import m0002 from './0002-assignment-and-sync';

/** Every migration, in order. Append only: a released migration is never edited, a new file is added. */
export const migrations: readonly Migration[] = [m0001, m0002];
