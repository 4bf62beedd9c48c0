import { ApiError } from '../../../shared/api/errors';
import { useSession } from './store';

/**
 * A call refused because the session ended (expired token, logged out elsewhere) sends the desk back to the
 * login screen, which says why. Returns true when it did, so the caller does not also show the error.
 */
export function endSessionIfUnauthorized(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.code !== 'unauthorized') return false;
  useSession.setState({ status: 'signedOut', session: null, error: err });
  return true;
}
