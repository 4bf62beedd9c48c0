import type { ApiErrorData } from '../../../shared/api/errors';

/** The server could not be reached (or answered garbage at the transport level): the desk goes offline. */
export class ServerUnavailableError extends Error {
  constructor(readonly url: string, cause: unknown) {
    super(`central server unreachable at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ServerUnavailableError';
  }
}
/** 401: the token expired or was revoked; the agent must log in again. */
export class SessionExpiredError extends Error {
  constructor(readonly data: ApiErrorData | null) {
    super(data?.message ?? 'session expired');
    this.name = 'SessionExpiredError';
  }
}
/** Any other refusal (4xx/5xx) with the server's error data. */
export class ServerRefusedError extends Error {
  constructor(readonly status: number, readonly data: ApiErrorData) {
    super(`server refused (${status}): ${data.message}`);
    this.name = 'ServerRefusedError';
  }
}
/** The server answered 2xx with a body outside the contract: a version mismatch, never trusted. */
export class ServerContractError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`server response for ${path} is outside the contract: ${detail}`);
    this.name = 'ServerContractError';
  }
}
