// The bot detail page of an ml-signal bot: recent confidences against the threshold, and the ML stats by day.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfidenceSeries } from '../../lib/models';
import { BotDetailPage } from '../../pages/BotDetailPage';
import { json } from '../../testing/fakes';
import { ToastProvider } from '../Toasts';

// The chart library needs a real canvas; what the chart is given is what matters here.
const charts: Record<string, ConfidenceSeries> = {};
vi.mock('./ConfidenceChart', () => ({
  ConfidenceChart: (p: { label: string; series: ConfidenceSeries }) => { charts[p.label] = p.series; return <div role="img" aria-label={p.label} />; },
}));
vi.mock('../CandleChart', () => ({ CandleChart: (p: { label: string }) => <div role="img" aria-label={p.label} /> }));
vi.mock('../LineChart', () => ({ LineChart: (p: { label: string }) => <div role="img" aria-label={p.label} /> }));
vi.mock('../../stream/StreamContext', () => ({ useStream: () => ({ state: 'open', onTicks: () => () => {} }) }));

const SIM = [{ id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] }];
const BOT = { id: 'b1', name: 'ML one', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'ml-signal', mode: 'PAPER', status: 'ACTIVE',
  config: { model: 'm2', confidence_threshold: '0.6' }, pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '' };
const T0 = Date.UTC(2026, 11, 3, 12, 0) / 1000;
const iso = (s: number) => new Date(s * 1000).toISOString();
const CONFIDENCES = { threshold: 0.6, model: { id: 'm2', name: 'scalp', version: 2 }, points: [
  { time: iso(T0), confidence: 0.41, threshold: 0.6, acted: false, clientOrderId: null },
  { time: iso(T0 + 2), confidence: 0.58, threshold: 0.6, acted: false, clientOrderId: null },
  { time: iso(T0 + 4), confidence: 0.67, threshold: 0.6, acted: true, clientOrderId: 'b1-7' },
] };
const STATS = { trades: 4, wins: 3, winRate: 0.75, pnl: '12.3456', averageConfidence: 0.6612, byDay: [
  { day: '2026-12-02', trades: 1, wins: 0, pnl: '-1.50', averageConfidence: 0.61 },
  { day: '2026-12-03', trades: 3, wins: 3, pnl: '13.8456', averageConfidence: 0.678 },
] };
const requested: string[] = [];

function serve(bot: object, ml: { confidences: unknown; stats: unknown }) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    requested.push(url);
    if (url === '/api/v1/bots/b1') return json(bot);
    if (url === '/api/v1/bots/b1/confidences?limit=200') return ml.confidences === 404 ? json({ status: 404 }, 404) : json(ml.confidences);
    if (url === '/api/v1/bots/b1/ml-stats') return ml.stats === 404 ? json({ status: 404 }, 404) : json(ml.stats);
    if (url === '/api/v1/exchanges') return json(SIM);
    if (url.startsWith('/api/v1/logs')) return json({ items: [], page: 0, size: 50, total: 0 });
    if (url.startsWith('/api/v1/candles')) return json({ status: 404 }, 404);
    if (url.startsWith('/api/v1/price/ltp')) return json({ status: 404 }, 404);
    if (url === '/api/v1/bots/b1/stats') return json({ pnl: '0', realizedPnl: '0', unrealizedPnl: '0', totalTrades: 0, winningTrades: 0, losingTrades: 0, fees: '0' });
    return json([]);
  }));
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/b1']}>
    <Routes><Route path="/bots/:id" element={<BotDetailPage />} /></Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  requested.length = 0;
  for (const k of Object.keys(charts)) delete charts[k];
});

const LABEL = 'Confidence against threshold';

describe('bot detail of an ml-signal bot', () => {
  it('charts recent confidences against the threshold, marks the decisions that acted, and shows the ML stats', async () => {
    serve(BOT, { confidences: CONFIDENCES, stats: STATS });
    await screen.findByRole('img', { name: LABEL });
    expect(charts[LABEL].confidence).toEqual([{ time: T0, value: 0.41 }, { time: T0 + 2, value: 0.58 }, { time: T0 + 4, value: 0.67 }]);
    expect(charts[LABEL].threshold).toEqual([{ time: T0, value: 0.6 }, { time: T0 + 2, value: 0.6 }, { time: T0 + 4, value: 0.6 }]);
    expect(charts[LABEL].acted).toEqual([{ time: T0 + 4, value: 0.67, text: '0.67' }]);
    expect(screen.getByTestId('ml-model')).toHaveTextContent('scalp v2');
    expect(screen.getByTestId('ml-threshold')).toHaveTextContent('threshold 0.600');
    expect(screen.getByTestId('ml-last')).toHaveTextContent('last 0.670 · 1 of 3 decisions acted on');

    const figures = await screen.findByLabelText('ML stats');
    expect(figures).toHaveTextContent('Trades4 (3 won)');
    expect(figures).toHaveTextContent('Win rate75.0 %');
    expect(figures).toHaveTextContent('PnL+12.35 USDT');
    expect(figures).toHaveTextContent('Average confidence0.661');
    const days = within(screen.getByRole('table', { name: 'ML stats by day' })).getAllByRole('row').map((r) => r.textContent);
    expect(days).toEqual(['DayTradesWonPnLAverage confidence', '2026-12-0210-1.50 USDT0.610', '2026-12-0333+13.85 USDT0.678']);
  });

  it('says there are no decisions yet when the endpoints answer 404 or nothing', async () => {
    serve(BOT, { confidences: 404, stats: 404 });
    expect(await screen.findByText(/No decisions yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: LABEL })).toBeNull();
    expect(screen.queryByLabelText('ML stats')).toBeNull();
  });

  it('asks nothing about confidences for other strategies', async () => {
    serve({ ...BOT, strategy: 'scalper' }, { confidences: CONFIDENCES, stats: STATS });
    await screen.findByRole('img', { name: 'BTC/USDT price' });
    expect(screen.queryByTestId('ml-signal-section')).toBeNull();
    expect(requested.some((u) => u.includes('confidences') || u.includes('ml-stats'))).toBe(false);
  });
});
