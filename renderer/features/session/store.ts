/** Who is signed in. Boot asks the host for the current session; login/logout go through the contract. */
import { create } from 'zustand';
import { api } from '../../api';
import type { SessionInfo } from '../../../shared/api/methods/session';

type Status = 'booting' | 'signedOut' | 'signingIn' | 'signedIn' | 'signingOut';

interface SessionState {
  status: Status;
  session: SessionInfo | null;
  /** The last failure of login/boot/logout, kept raw so it re-words itself when the language changes. */
  error: unknown;
  /** Follows `session.changed` pushes; returns the unsubscribe. */
  start(): () => void;
  boot(): Promise<void>;
  login(username: string, password: string): Promise<boolean>;
  logout(): Promise<void>;
  clearError(): void;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'booting',
  session: null,
  error: null,
  start() {
    return api.on('session.changed', ({ user }) => {
      const current = get().session;
      if (!user) set({ status: 'signedOut', session: null });
      else if (current) set({ session: { ...current, user } });
      else void get().boot();
    });
  },
  async boot() {
    try {
      const session = await api.session.current();
      set({ status: session ? 'signedIn' : 'signedOut', session, error: null });
    } catch (error) {
      set({ status: 'signedOut', session: null, error });
    }
  },
  async login(username, password) {
    set({ status: 'signingIn', error: null });
    try {
      const session = await api.session.login({ username, password });
      set({ status: 'signedIn', session, error: null });
      return true;
    } catch (error) {
      set({ status: 'signedOut', error });
      return false;
    }
  },
  async logout() {
    set({ status: 'signingOut' });
    try {
      await api.session.logout();
      set({ status: 'signedOut', session: null, error: null });
    } catch (error) {
      set({ status: 'signedIn', error });
    }
  },
  clearError() {
    set({ error: null });
  },
}));
