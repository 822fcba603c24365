import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, onUnauthorized, setToken, tokensBeingRevoked } from '../api/client';
import { twoFactorApi, type LoginAnswer } from '../api/twoFactor';

interface AuthApi {
  token: string | null;
  /** Why the user was sent to the login page (an expired session), shown there once. */
  notice: string | null;
  /** True after the user logged out on purpose: the next login starts at home, not at the last page. */
  loggedOut: boolean;
  /** Resolves to the challenge of the second step when the account has two-factor authentication on, else null. */
  login: (email: string, password: string) => Promise<string | null>;
  /** The second step: the challenge with a code of the authenticator app or a recovery code. */
  completeLogin: (challenge: string, answer: { code?: string; recoveryCode?: string }) => Promise<void>;
  register: (email: string, password: string) => Promise<void>;
  /** Logs out here; `notice` is shown on the login page (e.g. "Your account was deleted."). */
  logout: (notice?: string) => void;
  expire: () => void;
  /** A fresh token replaces the stored one (after a password change every earlier token is revoked). */
  replaceToken: (token: string) => void;
}

const AuthContext = createContext<AuthApi | null>(null);

export const SESSION_EXPIRED = 'Your session has expired or is no longer valid. Please log in again.';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [notice, setNotice] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const qc = useQueryClient();

  const clear = useCallback(() => {
    setToken(null);
    setTokenState(null);
    qc.clear();
  }, [qc]);

  const logout = useCallback((message?: string) => {
    setNotice(typeof message === 'string' ? message : null);
    setLoggedOut(true);
    clear();
  }, [clear]);

  const expire = useCallback(() => {
    if (!getToken() || tokensBeingRevoked()) return;
    setNotice(SESSION_EXPIRED);
    clear();
  }, [clear]);

  useEffect(() => {
    onUnauthorized(expire);
    return () => onUnauthorized(null);
  }, [expire]);

  const signedIn = useCallback((token: string) => {
    setToken(token);
    setNotice(null);
    setLoggedOut(false);
    setTokenState(token);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const answer = await api<LoginAnswer>('/auth/login', { method: 'POST', json: { email, password } });
    if (answer.secondFactorRequired && answer.challenge) return answer.challenge;
    if (answer.token) signedIn(answer.token);
    return null;
  }, [signedIn]);

  const completeLogin = useCallback(async (challenge: string, answer: { code?: string; recoveryCode?: string }) => {
    const done = await twoFactorApi.secondStep({ challenge, ...answer });
    if (done.token) signedIn(done.token);
  }, [signedIn]);

  const register = useCallback(async (email: string, password: string) => {
    await api('/auth/register', { method: 'POST', json: { email, password } });
    await login(email, password);
  }, [login]);

  const replaceToken = useCallback((next: string) => {
    setToken(next);
    setTokenState(next);
    // what failed with the revoked token is asked again with the new one
    void qc.invalidateQueries();
  }, [qc]);

  const value = useMemo(() => ({ token, notice, loggedOut, login, completeLogin, register, logout, expire, replaceToken }),
    [token, notice, loggedOut, login, completeLogin, register, logout, expire, replaceToken]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
