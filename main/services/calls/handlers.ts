import { ApiError } from '../../../shared/api/errors';
import type { RecaudoHandlers } from '../../../shared/api/contract';
import type { Db } from '../store/open';
import type { Session } from '../session/session';
import { createCallLog } from './call-log';
import { createPhoneSettingsRepo, MissingPasswordError } from './phone-settings-repo';
import { createRecordings, RecordingRefusedError } from './recordings';

export interface CallsDeps {
  db: Db;
  session: Session;
  guard: <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => (...a: A) => Promise<R>;
  outboxChanged?: () => void;
}

/** `calls.*`: the softphone's events into the contact timeline, and its recordings. */
export function createCallsHandlers(d: CallsDeps): RecaudoHandlers['calls'] {
  const log = createCallLog(d.db);
  const recordings = createRecordings(d.db);
  return {
    logEvent: d.guard(async (event) => {
      const user = d.session.requireUser();
      const r = log.log(event, user.id);
      if (!r.duplicate) d.outboxChanged?.();
      return r;
    }),
    history: d.guard(async ({ debtorId, limit }) => {
      d.session.requireUser();
      return log.history(debtorId, limit);
    }),
    saveRecording: d.guard(async (input) => {
      const user = d.session.requireUser();
      try {
        const saved = recordings.save({
          callId: input.callId, contactId: input.contactId, startedAt: input.startedAt, endedAt: input.endedAt,
          mimeType: input.mimeType, data: Buffer.from(input.dataBase64, 'base64'),
        }, user.id);
        // A new recording.add is in the outbox: the sync uploads it now, not at its next periodic round.
        if (!saved.duplicate) d.outboxChanged?.();
        return saved;
      } catch (err) {
        if (err instanceof RecordingRefusedError) {
          throw new ApiError({ code: 'invalid_input', message: err.message, key: err.key, params: err.params });
        }
        throw err;
      }
    }),
  };
}

/** `phone.*`: the agent's softphone account on this desk. */
export function createPhoneSettingsHandlers(d: CallsDeps): RecaudoHandlers['phone'] {
  const repo = createPhoneSettingsRepo(d.db);
  return {
    get: d.guard(async () => repo.view(d.session.requireUser().id)),
    save: d.guard(async (input) => {
      const user = d.session.requireUser();
      try {
        return repo.save(user.id, input);
      } catch (err) {
        if (err instanceof MissingPasswordError) {
          throw new ApiError({
            code: 'invalid_input', message: err.message, key: 'phoneSetup.error.passwordRequired',
            issues: [{ path: 'password', code: 'custom', message: 'phoneSetup.error.passwordRequired' }],
          });
        }
        throw err;
      }
    }),
    clear: d.guard(async () => {
      repo.clear(d.session.requireUser().id);
      return { ok: true as const };
    }),
    credentials: d.guard(async () => repo.credentials(d.session.requireUser().id)),
  };
}

export { createPhoneSettingsRepo } from './phone-settings-repo';
