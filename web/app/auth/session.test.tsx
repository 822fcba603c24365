import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { SESSION_EXPIRED } from './AuthContext';
import { SilentSocket } from '../testing/fakes';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('session', () => {
  it('returns to the login page with a message when the API answers 401', async () => {
    localStorage.setItem('botfleet.token', 'expired-token');
    vi.stubGlobal('WebSocket', SilentSocket);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 401, code: 'UNAUTHORIZED', detail: 'token expired' }),
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } })));
    render(<App />);
    await waitFor(() => expect(screen.getByText(SESSION_EXPIRED)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(localStorage.getItem('botfleet.token')).toBeNull();
  });

  it('shows a wrong login as the server words it', async () => {
    vi.stubGlobal('WebSocket', SilentSocket);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 401, code: 'UNAUTHORIZED', detail: 'Bad email or password' }),
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } })));
    const { default: userEvent } = await import('@testing-library/user-event');
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Email'), 'a@b.c');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Bad email or password')).toBeInTheDocument();
  });
});
