export { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncRunResult, type RefusedMutation } from './engine';
export { syncStoreMigration, ensureSyncStore } from './store-schema';
export { createDeskSync, type DeskSyncOptions } from './desk-sync';
