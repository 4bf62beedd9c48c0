import { ApiError } from '../../../shared/api/errors';
import type { SessionInfo } from '../../../shared/api/methods/session';
import { User } from '../../../shared/domain/users';
import type { Db } from '../store/open';
import {
  ServerRefusedError, ServerUnavailableError, SessionExpiredError, type ServerClient,
} from '../server-client';
import { checkVerifier, makeVerifier } from './verifier';

interface State {
  user: User;
  token: string | null;
  expiresAt: string | null;
  online: boolean;
}

export interface SessionOptions {
  db: Db;
  server: ServerClient;
  now: () => Date;
  onChange: (user: User | null) => void;
}

/**
 * Who is at the desk. Login goes to the server; the user and token live in memory only. Offline login: when the
 * server cannot be reached, an agent who logged in on this desk before is let in by the scrypt verifier kept in
 * the encrypted store (refreshed at every online login, dropped when the server rejects the password).
 */
export function createSession(opts: SessionOptions) {
  const { db, server } = opts;
  let state: State | null = null;
  const findLocal = db.prepare('SELECT user_json, verifier FROM local_users WHERE username = ?');
  const saveLocal = db.prepare(`INSERT INTO local_users (username, user_json, verifier, last_login_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(username) DO UPDATE SET user_json = excluded.user_json, verifier = excluded.verifier, last_login_at = excluded.last_login_at`);
  const forgetLocal = db.prepare('DELETE FROM local_users WHERE username = ?');

  const info = (): SessionInfo | null => (state ? { user: state.user, serverUrl: server.baseUrl, online: state.online } : null);
  const canon = (username: string) => username.trim().toLowerCase();

  async function loginOffline(username: string, password: string, cause: ServerUnavailableError): Promise<SessionInfo> {
    const row = findLocal.get(canon(username)) as { user_json: string; verifier: string } | undefined;
    if (!row) {
      throw new ApiError({
        code: 'unavailable',
        message: `${cause.message}; ${username} has never logged in on this desk, so offline login is not possible`,
        key: 'errors.session.offlineFirstLogin', params: { username },
      });
    }
    if (!(await checkVerifier(password, row.verifier))) throw badCredentials();
    state = { user: User.parse(JSON.parse(row.user_json)), token: null, expiresAt: null, online: false };
    opts.onChange(state.user);
    return info()!;
  }

  return {
    async login(username: string, password: string): Promise<SessionInfo> {
      try {
        const res = await server.login({ username, password });
        state = { user: res.user, token: res.token, expiresAt: res.expiresAt, online: true };
        saveLocal.run(canon(username), JSON.stringify(res.user), await makeVerifier(password), opts.now().toISOString());
        opts.onChange(state.user);
        return info()!;
      } catch (err) {
        if (err instanceof ServerUnavailableError) return loginOffline(username, password, err);
        if (err instanceof SessionExpiredError) {
          // The server says this password is wrong (maybe changed): the old offline verifier must not keep working.
          forgetLocal.run(canon(username));
          throw badCredentials();
        }
        if (err instanceof ServerRefusedError) throw new ApiError(err.data);
        throw err;
      }
    },
    /** Online again after an offline login: a fresh login needs the password, so the UI asks for it. */
    current: info,
    user(): User | null {
      return state?.user ?? null;
    },
    requireUser(): User {
      if (!state) throw new ApiError({ code: 'unauthorized', message: 'log in first', key: 'errors.session.required' });
      return state.user;
    },
    /** The token for server calls; offline sessions have none. */
    token(): string | null {
      return state?.token ?? null;
    },
    setOnline(online: boolean): void {
      if (state && state.online !== online) state.online = online && state.token !== null;
    },
    /** The server answered 401: the token is gone; the user must log in again. */
    expire(): void {
      if (state) {
        state = null;
        opts.onChange(null);
      }
    },
    logout(): void {
      state = null;
      opts.onChange(null);
    },
  };
}
export type Session = ReturnType<typeof createSession>;

function badCredentials(): ApiError {
  return new ApiError({ code: 'unauthorized', message: 'wrong username or password', key: 'errors.session.badCredentials' });
}
