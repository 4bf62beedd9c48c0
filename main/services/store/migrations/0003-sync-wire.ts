import { syncStoreMigration } from '../../sync/store-schema';
import type { Migration } from './types';

/** The sync engine's wire sequence per outbox row (main/services/sync/store-schema.ts owns the SQL). */
export const m0003: Migration = { version: 3, ...syncStoreMigration };
