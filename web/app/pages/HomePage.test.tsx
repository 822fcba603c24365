import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { HomePage } from './HomePage';

const SIM = [{ id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
  { symbol: 'ETH/USDT', baseAsset: 'ETH', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.0001', minQuantity: '0.0001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] }];
const bot = (id: string, name: string, symbol: string, pnl: string) => ({ id, name, exchange: 'sim', symbol, strategy: 'scalper', mode: 'PAPER',
  status: 'STOPPED', config: {}, pnl, totalTrades: 2, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '' });
const BOTS = [bot('a', 'Alpha', 'BTC/USDT', '-2.736405403997976'), bot('b', 'Beta', 'ETH/USDT', '8.95'), bot('c', 'Gamma', 'LTC/BTC', '0.00012')];

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('home', () => {
  it('shows PnL per quote currency with units, bot cards with units, and the recent activity', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      const url = String(input);
      if (url.startsWith('/api/v1/bots/statistics')) return json({ totalBots: 3, activeBots: 0, stoppedBots: 3, errorBots: 0, totalPnl: '6.213714596002024', totalTrades: 6 });
      if (url.startsWith('/api/v1/bots')) return json({ items: BOTS, page: 0, size: 100, total: 3 });
      if (url === '/api/v1/exchanges') return json(SIM);
      if (url.startsWith('/api/v1/logs')) return json({ items: [{ id: 1, botId: 'a', level: 'SUCCESS', message: 'Bought 0.00100 BTC at 64,000.00 on sim', createdAt: '2026-01-01T00:00:00Z' }], page: 0, size: 10, total: 1 });
      return json({});
    }));
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><HomePage /></MemoryRouter></ToastProvider></QueryClientProvider>);

    const pnl = await screen.findByTestId('stat-pnl');
    await within(pnl).findByText('+6.21');
    expect(pnl).toHaveTextContent('+6.21 USDT');
    expect(pnl).toHaveTextContent('+0.00012000 BTC');
    expect(pnl).not.toHaveTextContent('6.2137');

    const alpha = document.querySelector('[data-bot-card="Alpha"]')!;
    expect(within(alpha as HTMLElement).getByTestId('bot-pnl')).toHaveTextContent('-2.74 USDT');

    const feed = screen.getByTestId('recent-activity');
    expect(await within(feed).findByText('Bought 0.00100 BTC at 64,000.00 on sim')).toBeInTheDocument();
    expect(within(feed).getByText('Alpha')).toBeInTheDocument();
    expect(within(feed).getByLabelText('Fill pop-ups')).toBeChecked();
  });

  it('shows the summary\'s PnL per quote currency when the server sends it, over the bot list\'s sums', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      const url = String(input);
      if (url.startsWith('/api/v1/bots/statistics')) return json({ totalBots: 250, activeBots: 0, stoppedBots: 250, errorBots: 0,
        totalPnl: '106.2136', totalPnlByQuote: { USDT: '106.2137', BTC: '-0.0001' }, totalTrades: 6 });
      if (url.startsWith('/api/v1/bots')) return json({ items: BOTS, page: 0, size: 100, total: 3 });
      if (url === '/api/v1/exchanges') return json(SIM);
      if (url.startsWith('/api/v1/logs')) return json({ items: [], page: 0, size: 10, total: 0 });
      return json({});
    }));
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><HomePage /></MemoryRouter></ToastProvider></QueryClientProvider>);
    const pnl = await screen.findByTestId('stat-pnl');
    await within(pnl).findByText('+106.21');
    expect(pnl).toHaveTextContent('+106.21 USDT');
    expect(pnl).toHaveTextContent('-0.00010000 BTC');
    expect(pnl).not.toHaveTextContent('+6.21');
    expect(pnl).not.toHaveTextContent('0.00012000');
  });
});
