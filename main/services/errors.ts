import { ApiError } from '../../shared/api/errors';
import { DebtorNotFoundError } from './notes/notes-repo';
import { ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError } from './server-client';
import { StoreError } from './store/errors';

/** Service errors → the contract's ApiError (code + i18n key + params), so both shells show them in es/en. */
export function toApiError(err: unknown): unknown {
  if (err instanceof ApiError) return err;
  if (err instanceof ServerUnavailableError) {
    return new ApiError({ code: 'unavailable', message: err.message, key: 'errors.server.unavailable', params: { url: err.url } });
  }
  if (err instanceof SessionExpiredError) {
    return new ApiError({ code: 'unauthorized', message: 'session expired: log in again', key: 'errors.session.expired' });
  }
  if (err instanceof ServerRefusedError) return new ApiError(err.data);
  if (err instanceof ServerContractError) {
    return new ApiError({ code: 'internal', message: err.message, key: 'errors.server.contract', params: { path: err.path } });
  }
  if (err instanceof DebtorNotFoundError) {
    return new ApiError({ code: 'not_found', message: err.message, key: 'errors.portfolio.debtorNotFound', params: { debtorId: err.debtorId } });
  }
  if (err instanceof StoreError) {
    return new ApiError({ code: 'internal', message: err.message, key: err.key, params: err.params });
  }
  return err;
}
