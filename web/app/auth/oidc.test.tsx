import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { OIDC_ERRORS } from './oidc';
import { SilentSocket, json } from '../testing/fakes';

const calls: { method: string; url: string; body: unknown }[] = [];

function serve(handler: (method: string, url: string, body: unknown) => Response | undefined) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(input), body });
    return handler(method, String(input), body) ?? json({ status: 404, detail: 'not here' }, 404);
  }));
}

function at(path: string) {
  window.history.pushState(null, '', path);
  vi.stubGlobal('WebSocket', SilentSocket);
  return render(<App />);
}

beforeEach(() => { calls.length = 0; });
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  window.history.pushState(null, '', '/');
});

describe('sign-in with OpenID Connect', () => {
  it('shows a "Sign in with" link per configured provider that starts the sign-in at the server', async () => {
    serve((_m, url) => (url === '/api/v1/auth/oidc/providers'
      ? json([{ id: 'google', displayName: 'Google' }, { id: 'corp-sso', displayName: 'Corp SSO' }]) : undefined));
    at('/login');
    const google = await screen.findByRole('link', { name: 'Sign in with Google' });
    expect(google).toHaveAttribute('href', '/api/v1/auth/oidc/google/start');
    expect(screen.getByRole('link', { name: 'Sign in with Corp SSO' })).toHaveAttribute('href', '/api/v1/auth/oidc/corp-sso/start');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });

  it('shows no provider links when none is configured', async () => {
    serve((_m, url) => (url === '/api/v1/auth/oidc/providers' ? json([]) : undefined));
    at('/login');
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/auth/oidc/providers')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('oidc-providers')).not.toBeInTheDocument());
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it('words the error the server sent the browser back with', async () => {
    serve(() => undefined);
    at('/login?oidcError=email_not_verified');
    expect(await screen.findByRole('alert')).toHaveTextContent(OIDC_ERRORS.email_not_verified);
  });

  it('words an unknown error code too', async () => {
    serve(() => undefined);
    at('/login?oidcError=something_new');
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in with the provider failed');
  });

  it('exchanges the one-time login code once, keeps the token and opens the dashboard', async () => {
    serve((m, url) => (m === 'POST' && url === '/api/v1/auth/oidc/exchange'
      ? json({ token: 'the-token', expiresAt: '2030-01-01T00:00:00Z' }) : undefined));
    at('/login/oidc?code=one-time-code');
    await waitFor(() => expect(localStorage.getItem('botfleet.token')).toBe('the-token'));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const exchanges = calls.filter((c) => c.url === '/api/v1/auth/oidc/exchange');
    expect(exchanges).toEqual([{ method: 'POST', url: '/api/v1/auth/oidc/exchange', body: { code: 'one-time-code' } }]);
    expect(window.location.search).not.toContain('one-time-code');
  });

  it('asks for the second factor when the account has two-factor authentication on', async () => {
    serve((m, url) => {
      if (m === 'POST' && url === '/api/v1/auth/oidc/exchange') {
        return json({ secondFactorRequired: true, challenge: 'the-challenge', challengeExpiresAt: '2030-01-01T00:00:00Z' });
      }
      if (m === 'POST' && url === '/api/v1/auth/login/2fa') return json({ token: 'second-step-token', expiresAt: '2030-01-01T00:00:00Z' });
      return undefined;
    });
    at('/login/oidc?code=one-time-code');
    const input = await screen.findByLabelText('Authenticator code');
    expect(localStorage.getItem('botfleet.token')).toBeNull();
    fireEvent.change(input, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(localStorage.getItem('botfleet.token')).toBe('second-step-token'));
    expect(calls.filter((c) => c.url === '/api/v1/auth/login/2fa'))
      .toEqual([{ method: 'POST', url: '/api/v1/auth/login/2fa', body: { challenge: 'the-challenge', code: '123456' } }]);
  });

  it('says so when the login code is used or expired, and stores no token', async () => {
    serve((m, url) => (m === 'POST' && url === '/api/v1/auth/oidc/exchange'
      ? json({ status: 401, code: 'UNAUTHORIZED', detail: 'The login code is wrong, used or expired; sign in again' }, 401)
      : undefined));
    at('/login/oidc?code=spent');
    expect(await screen.findByRole('alert')).toHaveTextContent('expired or was already used');
    expect(screen.getByRole('link', { name: 'Back to the login page' })).toHaveAttribute('href', '/login');
    expect(localStorage.getItem('botfleet.token')).toBeNull();
    expect(window.location.search).toBe('');
  });
});
