// The Notifications and Webhooks screens through the whole app: header links and routes.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { KINDS } from '../api/notifications';
import { SilentSocket, json } from '../testing/fakes';

const on = Object.fromEntries(KINDS.map((k) => [k, true]));

beforeEach(() => {
  localStorage.setItem('botfleet.token', 'token');
  vi.stubGlobal('WebSocket', SilentSocket);
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    if (url === '/api/v1/me') return json({ id: 'u1', email: 'ada@example.com', role: 'USER', createdAt: '2026-01-01T00:00:00Z' });
    if (url === '/api/v1/notifications/preferences') {
      return json({ defaults: { telegram: on, email: on, webhook: on }, overrides: [], dailySummaryHour: null, timeZone: 'UTC', emailEnabled: true });
    }
    if (url === '/api/v1/webhooks') return json([]);
    if (/^\/api\/v1\/(backtests|bots|logs)(\?|$)/.test(url)) return json({ items: [], page: 0, size: 20, total: 0 });
    return json({ status: 404, detail: `unexpected ${url}` }, 404);
  }));
  window.history.pushState({}, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('notification screens', () => {
  it('are in the main navigation', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: 'Notifications' }));
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/notifications');
    await user.click(screen.getByRole('link', { name: 'Webhooks' }));
    expect(await screen.findByRole('heading', { name: 'Webhooks' })).toBeInTheDocument();
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/webhooks');
  });
});
