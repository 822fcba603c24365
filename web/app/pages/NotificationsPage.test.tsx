import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, KINDS, type Preferences } from '../api/notifications';
import { NotificationsPage, SAVED } from './NotificationsPage';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
const calls: { method: string; url: string; body: unknown }[] = [];

function prefs(): Preferences {
  const all = (on: boolean) => Object.fromEntries(KINDS.map((k) => [k, on])) as Preferences['defaults']['email'];
  return {
    defaults: { telegram: all(true), email: { ...all(false), ERROR: true }, webhook: all(true) },
    overrides: [], dailySummaryHour: null, timeZone: 'UTC', emailEnabled: true,
  };
}

function serve(saveAnswer?: (body: unknown) => Response) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(input), body });
    if (String(input).startsWith('/api/v1/bots')) {
      return json({ items: [{ id: 'b1', name: 'alpha' }, { id: 'b2', name: 'beta' }], page: 0, size: 100, total: 2 });
    }
    if (method === 'GET') return json(prefs());
    return saveAnswer ? saveAnswer(body) : json({ ...(body as object), emailEnabled: true });
  }));
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><NotificationsPage /></QueryClientProvider>);
}

beforeEach(() => { calls.length = 0; });
afterEach(() => { vi.unstubAllGlobals(); });

const saved = () => calls.filter((c) => c.method === 'PUT').map((c) => c.body as Omit<Preferences, 'emailEnabled'>);

describe('Notifications page', () => {
  it('shows the defaults per channel and kind and saves a toggled one with the summary hour and zone', async () => {
    serve();
    show();
    const fillsByEmail = await screen.findByRole('checkbox', { name: 'Fills by Email (default)' });
    expect(fillsByEmail).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Bot in ERROR by Email (default)' })).toBeChecked();
    expect(screen.getAllByRole('checkbox')).toHaveLength(CHANNELS.length * KINDS.length);
    await userEvent.click(fillsByEmail);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Summary hour' }), '08:00');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Berlin');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent(SAVED);
    const body = saved()[0];
    expect(body.defaults.email.FILL).toBe(true);
    expect(body.defaults.telegram.FILL).toBe(true);
    expect(body.dailySummaryHour).toBe(8);
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(body).not.toHaveProperty('emailEnabled');
  });

  it('mutes one bot on every channel and sets a single override for another', async () => {
    serve();
    show();
    const bot = await screen.findByRole('combobox', { name: 'Bot' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'alpha' })).toBeInTheDocument());
    await userEvent.selectOptions(bot, 'alpha');
    await userEvent.click(screen.getByRole('button', { name: 'Mute alpha' }));
    await userEvent.selectOptions(bot, 'beta');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Fills by Email for beta' }), 'On');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    const overrides = saved()[0].overrides;
    const alpha = overrides.filter((o) => o.botId === 'b1');
    expect(alpha).toHaveLength(CHANNELS.length * KINDS.length);
    expect(alpha.every((o) => !o.enabled)).toBe(true);
    expect(overrides.filter((o) => o.botId === 'b2')).toEqual([{ botId: 'b2', channel: 'email', kind: 'FILL', enabled: true }]);
  });

  it('shows the server refusal in words', async () => {
    serve(() => json({ status: 400, detail: 'timeZone: must be an IANA time zone id', code: 'VALIDATION_ERROR' }, 400));
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('timeZone: must be an IANA time zone id');
  });

  it('says when email is off on the server', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: string) => (String(input).startsWith('/api/v1/bots')
      ? json({ items: [], page: 0, size: 100, total: 0 }) : json({ ...prefs(), emailEnabled: false }))));
    show();
    expect(await screen.findByTestId('email-off')).toHaveTextContent('botfleet.mail.enabled');
  });
});
