import { m0001 } from './0001-initial';
import { m0002 } from './0002-search';
import { m0003 } from './0003-sync-wire';
import { m0004 } from './0004-negotiation';
import { m0005 } from './0005-calls';
import { m0006 } from './0006-staff';
import type { Migration } from './types';

/** Every schema step, in order. Append only: a released step is never edited, a new one gets the next number. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];
export const LATEST_SCHEMA = migrations.length;
export type { Migration };
