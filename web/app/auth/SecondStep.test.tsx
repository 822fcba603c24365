// The login's second step through the whole app, fetch mocked at the client boundary.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { SilentSocket, json } from '../testing/fakes';

const calls: { url: string; body: Record<string, unknown> | undefined }[] = [];

function serve(secondStep: (body: Record<string, unknown>) => Response) {
  vi.stubGlobal('WebSocket', SilentSocket);
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = String(input);
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, body });
    if (url === '/api/v1/auth/login') {
      return json({ secondFactorRequired: true, challenge: 'ch-1', challengeExpiresAt: '2030-01-01T00:05:00Z' });
    }
    if (url === '/api/v1/auth/login/2fa') return secondStep(body);
    if (url === '/api/v1/me') return json({ id: 'u1', email: 'ada@example.com', role: 'USER', createdAt: '2026-01-01T00:00:00Z' });
    if (/^\/api\/v1\/(backtests|bots|logs)(\?|$)/.test(url)) return json({ items: [], page: 0, size: 20, total: 0 });
    return json([]);
  }));
}

async function passwordStep() {
  const user = userEvent.setup();
  render(<App />);
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct-horse-9');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  return user;
}

beforeEach(() => { calls.length = 0; });
afterEach(() => { vi.unstubAllGlobals(); localStorage.clear(); });

describe('login with two-factor authentication', () => {
  it('asks for the app\'s code after the password and signs in with it', async () => {
    serve((body) => (body.code === '123456' ? json({ token: 'tok-2fa', expiresAt: '2030-01-01T12:00:00Z', secondFactorRequired: false })
      : json({ status: 400, code: 'VALIDATION_ERROR', errors: [{ field: 'code', message: 'is not the current code of your authenticator app' }] }, 400)));
    const user = await passwordStep();
    expect(localStorage.getItem('botfleet.token')).toBeNull();
    await user.type(await screen.findByLabelText('Authenticator code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('is not the current code of your authenticator app')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Authenticator code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(localStorage.getItem('botfleet.token')).toBe('tok-2fa'));
    expect(calls.filter((c) => c.url === '/api/v1/auth/login/2fa').at(-1)?.body).toEqual({ challenge: 'ch-1', code: '123456' });
  });

  it('takes a recovery code instead', async () => {
    serve((body) => (body.recoveryCode ? json({ token: 'tok-rec', expiresAt: '2030-01-01T12:00:00Z', secondFactorRequired: false })
      : json({ status: 400 }, 400)));
    const user = await passwordStep();
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), 'abcd-efgh-ijkl-mnop');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(localStorage.getItem('botfleet.token')).toBe('tok-rec'));
    expect(calls.filter((c) => c.url === '/api/v1/auth/login/2fa').at(-1)?.body).toEqual({ challenge: 'ch-1', recoveryCode: 'abcd-efgh-ijkl-mnop' });
  });

  it('goes back to the password when the challenge expired', async () => {
    serve(() => json({ status: 401, code: 'UNAUTHORIZED', detail: 'This sign-in expired or was already completed; log in again with your password' }, 401));
    const user = await passwordStep();
    await user.type(await screen.findByLabelText('Authenticator code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/This sign-in expired/)).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});
