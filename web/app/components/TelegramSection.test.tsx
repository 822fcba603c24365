import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdown, TELEGRAM_OFF, TOO_MANY_CODES } from '../lib/telegram';
import { TelegramSection } from './TelegramSection';

const json = (body: unknown, status = 200) => new Response(status === 204 ? null : JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
type Handler = (method: string, url: string, body: unknown) => Response | undefined;
const calls: { method: string; url: string; body: unknown }[] = [];
const NOT_LINKED = { enabled: true, linked: false, chatTitle: null, linkedAt: null };
const LINKED = { enabled: true, linked: true, chatTitle: 'Ada Lovelace', linkedAt: '2026-01-01T00:00:00Z' };
const ALL_ON = { started: true, stopped: true, errors: true, fills: true };
const CODE = { code: 'K7Q2M9XD', deepLink: 'https://t.me/botfleet_bot?start=K7Q2M9XD', expiresAt: new Date(Date.now() + 600_000).toISOString() };

function serve(handler: Handler) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(input), body });
    return handler(method, String(input), body) ?? json({ status: 404, detail: 'not here' }, 404);
  }));
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><TelegramSection /></QueryClientProvider>);
}

beforeEach(() => { calls.length = 0; });
afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); });

describe('Telegram section', () => {
  it('explains the server setting when Telegram is off', async () => {
    serve((_m, url) => (url === '/api/v1/telegram' ? json({ ...NOT_LINKED, enabled: false }) : undefined));
    show();
    expect(await screen.findByTestId('telegram-off')).toHaveTextContent('botfleet.telegram.enabled=true');
    expect(screen.queryByRole('button', { name: 'Connect Telegram' })).not.toBeInTheDocument();
  });

  it('explains the server setting when the code is refused with 409', async () => {
    serve((m, url) => {
      if (url === '/api/v1/telegram') return json(NOT_LINKED);
      if (m === 'POST') return json({ status: 409, detail: 'Telegram is not configured on this server' }, 409);
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Telegram' }));
    expect(await screen.findByTestId('telegram-off')).toHaveTextContent(TELEGRAM_OFF);
  });

  it('says in plain words that too many codes were asked for (429)', async () => {
    serve((m, url) => {
      if (url === '/api/v1/telegram') return json(NOT_LINKED);
      if (m === 'POST') return json({ status: 429, detail: 'Too many link codes: try again later' }, 429);
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Telegram' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(TOO_MANY_CODES);
    expect(screen.getByRole('button', { name: 'Connect Telegram' })).toBeInTheDocument();
  });

  it('shows the code, the deep link and the countdown, then polls until the chat is linked', async () => {
    let linked = false;
    serve((m, url) => {
      if (url === '/api/v1/telegram' && m === 'GET') return json(linked ? LINKED : NOT_LINKED);
      if (url === '/api/v1/telegram/link-code' && m === 'POST') return json(CODE, 201);
      if (url === '/api/v1/telegram/alerts') return json(ALL_ON);
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Telegram' }));
    expect(await screen.findByTestId('telegram-code')).toHaveTextContent('/start K7Q2M9XD');
    expect(screen.getByRole('link', { name: 'Open Telegram' })).toHaveAttribute('href', CODE.deepLink);
    expect(screen.getByTestId('telegram-countdown')).toHaveTextContent(/^(10:00|9:5\d)$/);
    expect(screen.getByText('Waiting for /start …')).toBeInTheDocument();
    const gets = () => calls.filter((c) => c.method === 'GET' && c.url === '/api/v1/telegram').length;
    const before = gets();
    linked = true;
    // the page asks again by itself (every LINK_POLL_MS) and shows the chat
    expect(await screen.findByTestId('telegram-chat', {}, { timeout: 5_000 })).toHaveTextContent('Ada Lovelace');
    expect(gets()).toBeGreaterThan(before);
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(screen.queryByTestId('telegram-code')).not.toBeInTheDocument();
  });

  it('saves a toggled alert with every field, and disconnects', async () => {
    let alerts = { ...ALL_ON };
    serve((m, url, body) => {
      if (url === '/api/v1/telegram' && m === 'GET') return json(LINKED);
      if (url === '/api/v1/telegram' && m === 'DELETE') return json(null, 204);
      if (url === '/api/v1/telegram/alerts' && m === 'GET') return json(alerts);
      if (url === '/api/v1/telegram/alerts' && m === 'PUT') { alerts = body as typeof ALL_ON; return json(alerts); }
    });
    show();
    const fills = await screen.findByRole('checkbox', { name: 'Fills' });
    expect(fills).toBeChecked();
    await userEvent.click(fills);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Fills' })).not.toBeChecked());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ started: true, stopped: true, errors: true, fills: false });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Bot started' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1].body).toEqual({ started: false, stopped: true, errors: true, fills: false });

    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('button', { name: 'Connect Telegram' })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/telegram')).toBe(true);
  });

  it('shows a refused alert save', async () => {
    serve((m, url) => {
      if (url === '/api/v1/telegram') return json(LINKED);
      if (url === '/api/v1/telegram/alerts' && m === 'GET') return json(ALL_ON);
      if (m === 'PUT') return json({ status: 400, detail: 'fills: must be true or false' }, 400);
    });
    show();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Fills' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('fills: must be true or false');
    expect(screen.getByRole('checkbox', { name: 'Fills' })).toBeChecked();
  });
});

describe('countdown', () => {
  const at = Date.parse('2026-01-01T00:00:00Z');
  it('shows minutes and seconds left, then expired', () => {
    expect(countdown('2026-01-01T00:10:00Z', at)).toBe('10:00');
    expect(countdown('2026-01-01T00:00:05Z', at)).toBe('0:05');
    expect(countdown('2026-01-01T00:00:00Z', at)).toBe('expired');
    expect(countdown('not a date', at)).toBe('expired');
  });
});
