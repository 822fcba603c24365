import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../api/types';
import { TRADINGVIEW_TEMPLATE } from '../lib/signals';
import { SignalWebhookSection } from './SignalWebhookSection';

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const BOT: Bot = { id: 'b1', name: 'TV', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'signal', mode: 'PAPER', status: 'ACTIVE',
  config: {}, pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '' };

const posts: string[] = [];
function serve() {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/api/v1/bots/b1/signal-token') {
      posts.push(url);
      return new Response(JSON.stringify({ token: TOKEN, path: `/api/v1/signals/${TOKEN}` }),
        { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
  }));
}

function show(bot: Bot) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><SignalWebhookSection bot={bot} /></QueryClientProvider>);
}

afterEach(() => { vi.unstubAllGlobals(); posts.length = 0; });

describe('SignalWebhookSection', () => {
  it('creates the webhook URL and shows the full token once', async () => {
    serve();
    show({ ...BOT, signalWebhook: { hasToken: false, maskedPath: null } });
    expect(screen.getByTestId('signal-url-none')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create webhook URL' }));
    await waitFor(() => expect(screen.getByTestId('signal-url-new').textContent)
      .toContain(`${window.location.origin}/api/v1/signals/${TOKEN}`));
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    expect(posts).toEqual(['/api/v1/bots/b1/signal-token']);
  });

  it('shows only the masked URL of an existing token and rotates after a confirmation', async () => {
    serve();
    show({ ...BOT, signalWebhook: { hasToken: true, maskedPath: '/api/v1/signals/Zm9v…' } });
    expect(screen.getByTestId('signal-url-masked').textContent).toBe(`${window.location.origin}/api/v1/signals/Zm9v…`);
    expect(document.body.textContent).not.toContain(TOKEN);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate token' }));
    expect(posts).toEqual([]);                                   // nothing until confirmed
    await userEvent.click(screen.getByRole('button', { name: 'Rotate' }));
    await waitFor(() => expect(screen.getByTestId('signal-url-new').textContent).toContain(TOKEN));
    expect(posts).toHaveLength(1);
  });

  it('offers the TradingView message with the placeholders the server reads', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show({ ...BOT, signalWebhook: { hasToken: false, maskedPath: null } });
    const template = screen.getByTestId('signal-template').textContent ?? '';
    const parsed = JSON.parse(template) as Record<string, string>;
    expect(parsed).toMatchObject({ action: '{{strategy.order.action}}', price: '{{close}}', timestamp: '{{timenow}}',
      symbol: '{{ticker}}' });
    expect(parsed.id).toContain('{{timenow}}');
    await userEvent.click(screen.getByRole('button', { name: 'Copy alert message' }));
    expect(writeText).toHaveBeenCalledWith(TRADINGVIEW_TEMPLATE);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy alert message' }).textContent).toBe('Copied'));
  });
});
