import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tick } from '../api/types';
import { ToastProvider } from '../components/Toasts';
import type { Bar } from '../lib/candles';
import type { FillMark } from '../lib/series';
import { BotDetailPage } from './BotDetailPage';

// The chart library needs a real canvas; what the charts are given is what matters here.
const charts: Record<string, { label: string; bars?: Bar[]; marks?: FillMark[] }> = {};
vi.mock('../components/CandleChart', () => ({
  CandleChart: (p: { label: string; bars: Bar[]; marks: FillMark[] }) => { charts[p.label] = p; return <div role="img" aria-label={p.label} />; },
}));
vi.mock('../components/LineChart', () => ({
  LineChart: (p: { label: string }) => { charts[p.label] = p; return <div role="img" aria-label={p.label} />; },
}));
const listeners: ((t: Tick) => void)[] = [];
vi.mock('../stream/StreamContext', () => ({
  useStream: () => ({ state: 'open', onTicks: (_e: string, _s: string, l: (t: Tick) => void) => { listeners.push(l); return () => {}; } }),
}));

const SIM = [{ id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] }];
const BOT = { id: 'b1', name: 'RSI dip', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'rules', mode: 'PAPER', status: 'ACTIVE', config: {},
  pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '', warmup: { needed: 35, received: 12 } };
const T0 = Date.UTC(2026, 11, 3, 0, 0) / 1000;
const iso = (s: number) => new Date(s * 1000).toISOString();
const CANDLES = [
  { openTime: iso(T0), open: '64000.00', high: '64100.00', low: '63950.00', close: '64050.00', volume: '1', complete: true },
  { openTime: iso(T0 + 60), open: '64050.00', high: '64080.00', low: '64020.00', close: '64060.00', volume: '1', complete: true },
  { openTime: iso(T0 + 120), open: '64060.00', high: '64070.00', low: '64040.00', close: '64065.00', volume: '0.2', complete: false },
];
const fill = (id: string, side: string, at: number, price: string) => ({ id, botId: 'b1', orderId: id, clientOrderId: `b1-${id}`, tradeId: id,
  symbol: 'BTC/USDT', side, price, quantity: '0.00100', fee: '0.06', feeCurrency: 'USDT', realizedPnl: '-0.06', executedAt: iso(at) });

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const requested: string[] = [];

function serve(candles: unknown, bot: object = BOT) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    requested.push(url);
    if (url === '/api/v1/bots/b1') return json(bot);
    if (url === '/api/v1/credentials') return json([{ id: 'k1', exchange: 'sim', label: 'Main', apiKeyMasked: '****abcd',
      testnet: true, canTrade: true, canWithdraw: false, verifiedAt: iso(T0), warnings: [], createdAt: iso(T0) }]);
    if (url.startsWith('/api/v1/candles')) return candles === 404 ? json({ status: 404 }, 404) : json(candles);
    if (url === '/api/v1/bots/b1/trades') return json([fill('2', 'SELL', T0 + 130, '64066.00'), fill('1', 'BUY', T0 + 75, '64030.00')]);
    if (url === '/api/v1/exchanges') return json(SIM);
    if (url.startsWith('/api/v1/price/ltp')) return json({ exchange: 'sim', symbol: 'BTC/USDT', price: '64065.00', fundingRate: null, timestamp: iso(T0 + 121) });
    if (url.startsWith('/api/v1/logs')) return json({ items: [], page: 0, size: 50, total: 0 });
    if (url.startsWith('/api/v1/bots/b1/stats')) return json({ pnl: '0', realizedPnl: '0', unrealizedPnl: '0', totalTrades: 0, winningTrades: 0, losingTrades: 0, fees: '0' });
    return json([]);
  }));
}

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/b1']}>
    <Routes><Route path="/bots/:id" element={<BotDetailPage />} /></Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  listeners.length = 0;
  requested.length = 0;
  for (const k of Object.keys(charts)) delete charts[k];
});

const LABEL = 'BTC/USDT 1m candles';

describe('bot detail chart', () => {
  it('draws the 1m candles with the fills on their candles, and live ticks move the last candle', async () => {
    serve(CANDLES);
    renderPage();
    await screen.findByRole('img', { name: LABEL });
    expect(requested).toContain('/api/v1/candles?exchange=sim&symbol=BTC%2FUSDT&timeframe=1m&limit=300');
    await waitFor(() => expect(charts[LABEL].marks).toHaveLength(2));
    expect(charts[LABEL].bars).toEqual([
      { time: T0, open: 64000, high: 64100, low: 63950, close: 64050 },
      { time: T0 + 60, open: 64050, high: 64080, low: 64020, close: 64060 },
      { time: T0 + 120, open: 64060, high: 64070, low: 64040, close: 64065 },
    ]);
    expect(charts[LABEL].marks!.map((m) => [m.time, m.side, m.text])).toEqual([[T0 + 60, 'BUY', 'B 64,030.00'], [T0 + 120, 'SELL', 'S 64,066.00']]);
    expect(screen.getByTestId('chart-last')).toHaveTextContent('64,065.00 USDT');

    act(() => listeners.forEach((l) => l({ exchange: 'sim', symbol: 'BTC/USDT', price: '64210.50', timestamp: iso(T0 + 150) })));
    expect(charts[LABEL].bars!.at(-1)).toEqual({ time: T0 + 120, open: 64060, high: 64210.5, low: 64040, close: 64210.5 });
    expect(screen.getByTestId('chart-last')).toHaveTextContent('64,210.50 USDT');
    act(() => listeners.forEach((l) => l({ exchange: 'sim', symbol: 'BTC/USDT', price: '64000.00', timestamp: iso(T0 + 181) })));
    expect(charts[LABEL].bars).toHaveLength(4);
    expect(charts[LABEL].bars!.at(-1)).toEqual({ time: T0 + 180, open: 64000, high: 64000, low: 64000, close: 64000 });
  });

  it('falls back to the tick line when the server has no candles', async () => {
    serve(404);
    renderPage();
    expect(await screen.findByRole('img', { name: 'BTC/USDT price' })).toBeInTheDocument();
    expect(charts[LABEL]).toBeUndefined();
  });

  it('shows the warm-up of an active bot', async () => {
    serve(CANDLES);
    renderPage();
    expect(await screen.findByText('Warming up 12/35 candles')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Warming up 12/35 candles' })).toHaveAttribute('aria-valuenow', '12');
  });
});

describe('bot detail header', () => {
  it('names the key a LIVE bot trades with, and says when its key is gone', async () => {
    serve(CANDLES, { ...BOT, mode: 'LIVE', credentialId: 'k1' });
    renderPage();
    expect(await screen.findByTestId('live-key')).toHaveTextContent('key Main (****abcd) · testnet');
  });

  it('says so when a LIVE bot has no key any more', async () => {
    serve(CANDLES, { ...BOT, mode: 'LIVE', credentialId: null });
    renderPage();
    expect(await screen.findByTestId('live-key')).toHaveTextContent('no API key');
  });

  it('asks nothing about keys for a paper bot', async () => {
    serve(CANDLES);
    renderPage();
    await screen.findByRole('img', { name: LABEL });
    expect(screen.queryByTestId('live-key')).toBeNull();
    expect(requested).not.toContain('/api/v1/credentials');
  });
});

describe('bot detail of a signal bot', () => {
  it('shows the webhook section only for strategy signal', async () => {
    serve(CANDLES, { ...BOT, strategy: 'signal', signalWebhook: { hasToken: true, maskedPath: '/api/v1/signals/AbCd…' } });
    renderPage();
    expect(await screen.findByTestId('signal-url-masked')).toHaveTextContent('/api/v1/signals/AbCd…');
    expect(screen.getByTestId('signal-template')).toHaveTextContent('{{strategy.order.action}}');
  });

  it('has no webhook section for other strategies', async () => {
    serve(CANDLES);
    renderPage();
    await screen.findByRole('img', { name: LABEL });
    expect(screen.queryByText('Signal webhook')).toBeNull();
  });
});
