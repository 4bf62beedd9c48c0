export { syncRoutes, type SyncRoutesOptions } from './plugin';
export { createChangeHub, type ChangeHub, SYNC_CHANNEL } from './hub';
export { applyBatch } from './apply';
export { pullPage, pullPageJson, highWater } from './pull';
export { migrateWithSync } from './schema';
