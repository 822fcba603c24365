import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { PASSWORD_RESET_DONE } from '../api/passwordReset';
import { SilentSocket } from '../testing/fakes';

const NEUTRAL = 'If an account uses this address, a link to reset its password is on its way.';

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function problem(status: number, body: unknown) {
  return json(status, body, 'application/problem+json');
}

/** Opens the app at a path with a fake fetch; answers the calls it recorded. */
function start(path: string, answer: (url: string, body: unknown) => Response) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('WebSocket', SilentSocket);
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    // the login page also asks for the sign-in providers (OIDC): not part of these flows
    if (url === '/api/v1/auth/oidc/providers') return new Response('[]', { headers: { 'Content-Type': 'application/json' } });
    calls.push({ url, body });
    return answer(url, body);
  }));
  window.history.pushState({}, '', path);
  render(<App />);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  window.history.pushState({}, '', '/');
});

describe('forgot password', () => {
  it('is reached from the login page and shows the server\'s neutral answer', async () => {
    const calls = start('/login', () => json(202, { message: NEUTRAL }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    await user.type(await screen.findByLabelText('Email'), 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(NEUTRAL);
    expect(calls).toEqual([{ url: '/api/v1/auth/password-reset', body: { email: 'someone@example.com' } }]);
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });

  it('shows a rate limit in the server\'s words', async () => {
    start('/forgot-password', () => problem(429, { status: 429, code: 'RATE_LIMITED', detail: 'Too many password reset requests; try again in 60 seconds' }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 60 seconds');
  });
});

describe('reset password', () => {
  it('sends the link\'s token with the new password, then shows the login page with a success message', async () => {
    const calls = start('/reset-password?token=abc_DEF-123', () => new Response(null, { status: 204 }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'brand-new-pass-7');
    await user.type(screen.getByLabelText('Repeat the new password'), 'brand-new-pass-7');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText(PASSWORD_RESET_DONE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(calls).toEqual([{ url: '/api/v1/auth/password-reset/confirm',
      body: { token: 'abc_DEF-123', newPassword: 'brand-new-pass-7' } }]);
  });

  it('refuses two different passwords without asking the server', async () => {
    const calls = start('/reset-password?token=t', () => new Response(null, { status: 204 }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'brand-new-pass-7');
    await user.type(screen.getByLabelText('Repeat the new password'), 'brand-new-pass-8');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('does not match the new password')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('shows the server\'s password rule under the field', async () => {
    start('/reset-password?token=t', () => problem(400, { status: 400, code: 'VALIDATION_ERROR', detail: 'newPassword: must be 10 characters',
      errors: [{ field: 'newPassword', message: 'must be 10 characters to 72 bytes' }] }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'short1');
    await user.type(screen.getByLabelText('Repeat the new password'), 'short1');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('must be 10 characters to 72 bytes')).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a used or expired link is dead and offers a new one', async () => {
    start('/reset-password?token=used', () => problem(400, { status: 400, code: 'RESET_TOKEN_INVALID', detail: 'token: is unknown',
      errors: [{ field: 'token', message: 'is unknown, already used or expired' }] }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'brand-new-pass-7');
    await user.type(screen.getByLabelText('Repeat the new password'), 'brand-new-pass-7');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already used or expired');
    await user.click(screen.getByRole('link', { name: 'Ask for a new one' }));
    await waitFor(() => expect(window.location.pathname).toBe('/forgot-password'));
  });
});
