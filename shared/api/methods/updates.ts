import { z } from 'zod';
import { method } from '../define';

/**
 * What the agent is doing, as far as an update restart is concerned. The renderer's softphone reports every
 * change; the Electron shell never restarts to install an update unless this is 'idle' (and has been for a
 * while), so an update can never cut a call or a wrap-up short.
 */
export const WorkState = z.enum(['idle', 'ringing', 'in_call', 'wrap_up']);
export type WorkState = z.infer<typeof WorkState>;

export const UpdateStatus = z.object({
  /** 'disabled': this host does not self-update (browser host, or IT turned it off). */
  state: z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'installing', 'error']),
  currentVersion: z.string(),
  /** The version being downloaded or waiting to install. */
  availableVersion: z.string().nullable(),
  /** 0–100 while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why a ready update has not been installed yet (i18n key), e.g. 'updates.deferred.inCall'. */
  deferredBecause: z.string().nullable(),
  /** i18n key of the last failure (feed unreachable, bad signature…), or null. */
  errorKey: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const updatesMethods = {
  status: method(z.object({}).strict(), UpdateStatus),
  /** The renderer reports the agent's work state on every change; returns the resulting status. */
  reportWorkState: method(z.object({ state: WorkState }).strict(), UpdateStatus),
  /** "Restart now" from the UI; refused with `blocked` while a call or wrap-up is in progress. */
  installNow: method(z.object({}).strict(), UpdateStatus),
};

/** Main → renderer push, to add to shared/api/events.ts as 'updates.status'. */
export const updateEvents = {
  'updates.status': UpdateStatus,
};
