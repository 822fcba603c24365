import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { ACCOUNT_DELETED, SIGNED_OUT_EVERYWHERE } from './SettingsPage';
import { SilentSocket, json } from '../testing/fakes';

const fieldError = (field: string, message: string) => json({ status: 400, code: 'VALIDATION_ERROR', detail: `${field}: ${message}`,
  errors: [{ field, message, rejectedValue: null }] }, 400);

type Handler = (url: string, init: RequestInit) => Response | undefined;
const calls: { url: string; method: string; auth: string | null; body: unknown }[] = [];

function serve(handler: Handler) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ url, method, auth: new Headers(init.headers).get('Authorization'), body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = handler(url, { ...init, method });
    if (answer) return answer;
    // Revoked tokens are refused like the server does.
    if (new Headers(init.headers).get('Authorization') !== `Bearer ${localStorage.getItem('botfleet.token')}`) return json({ status: 401 }, 401);
    if (url === '/api/v1/me') return json({ id: 'u1', email: 'ada@example.com', role: 'USER', createdAt: '2026-01-01T00:00:00Z' });
    if (/^\/api\/v1\/(backtests|bots|logs)(\?|$)/.test(url)) return json({ items: [], page: 0, size: 20, total: 0 });
    if (url === '/api/v1/exchanges') return json([]);
    return json({});
  }));
}

beforeEach(() => {
  calls.length = 0;
  localStorage.setItem('botfleet.token', 'old-token');
  vi.stubGlobal('WebSocket', SilentSocket);
  window.history.pushState({}, '', '/settings');
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('account settings', () => {
  it('is linked from the header', async () => {
    serve(() => undefined);
    window.history.pushState({}, '', '/');
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: 'Account settings' }));
    expect(await screen.findByRole('heading', { name: 'Account settings' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/settings');
  });

  it('shows each refused password beside its field, then stores the fresh token and uses it', async () => {
    let attempt = 0;
    serve((url, init) => {
      if (url !== '/api/v1/me/password') return undefined;
      attempt++;
      if (attempt === 1) return fieldError('currentPassword', 'is not your current password');
      if (attempt === 2) return fieldError('newPassword', 'must differ from the current password');
      expect(init.body && JSON.parse(String(init.body))).toEqual({ currentPassword: 'old-secret-1', newPassword: 'new-secret-22' });
      return json({ token: 'new-token', expiresAt: '2026-12-04T00:00:00Z' });
    });
    const user = userEvent.setup();
    render(<App />);
    const current = await screen.findByLabelText('Current password');
    const next = screen.getByLabelText('New password');

    await user.type(current, 'wrong-one-1');
    await user.type(next, 'new-secret-22');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('is not your current password')).toHaveAttribute('data-field-error', 'current-password');
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(next).toHaveAttribute('aria-invalid', 'false');

    await user.clear(current);
    await user.type(current, 'old-secret-1');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('must differ from the current password')).toHaveAttribute('data-field-error', 'new-password');
    expect(screen.queryByText('is not your current password')).toBeNull();

    await user.clear(next);
    await user.type(next, 'new-secret-22');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/Password changed/)).toBeInTheDocument();
    expect(localStorage.getItem('botfleet.token')).toBe('new-token');
    // still logged in, and what is asked from now on carries the new token
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/v1/me').at(-1)?.auth).toBe('Bearer new-token'));
    expect(screen.getByRole('heading', { name: 'Account settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('signs out everywhere, then shows the login page with a message', async () => {
    serve((url, init) => (url === '/api/v1/me/logout-all' && init.method === 'POST' ? new Response(null, { status: 204 }) : undefined));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText(SIGNED_OUT_EVERYWHERE)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(localStorage.getItem('botfleet.token')).toBeNull();
    expect(calls.some((c) => c.url === '/api/v1/me/logout-all' && c.method === 'POST')).toBe(true);
  });

  it('deletes the account only with the right password, then shows the login page with a message', async () => {
    serve((url, init) => {
      if (url !== '/api/v1/me' || init.method !== 'DELETE') return undefined;
      const { password } = JSON.parse(String(init.body));
      return password === 'right-pass-1' ? new Response(null, { status: 204 }) : fieldError('password', 'is not your password');
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Delete account…' }));
    const password = screen.getByLabelText('Confirm with your password');
    await user.type(password, 'wrong-pass-1');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('is not your password')).toHaveAttribute('data-field-error', 'delete-password');
    expect(localStorage.getItem('botfleet.token')).toBe('old-token');

    await user.clear(password);
    await user.type(password, 'right-pass-1');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText(ACCOUNT_DELETED)).toBeInTheDocument();
    expect(localStorage.getItem('botfleet.token')).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.body)).toEqual([{ password: 'wrong-pass-1' }, { password: 'right-pass-1' }]);
  });
});
