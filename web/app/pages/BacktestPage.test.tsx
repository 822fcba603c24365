import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Point } from '../lib/series';
import { ToastProvider } from '../components/Toasts';
import { BacktestPage } from './BacktestPage';

// The chart library needs a real canvas; the charts' inputs are what matters here.
const charts: Record<string, { points: Point[]; marks?: unknown[]; fit?: boolean }> = {};
vi.mock('../components/LineChart', () => ({
  LineChart: (p: { label: string; points: Point[]; marks?: unknown[]; fit?: boolean }) => {
    charts[p.label] = p;
    return <div role="img" aria-label={p.label} />;
  },
}));

vi.mock('../components/CandleChart', () => ({
  CandleChart: (p: { label: string; bars: Point[]; marks?: unknown[]; fit?: boolean }) => {
    charts[p.label] = { points: p.bars, marks: p.marks, fit: p.fit };
    return <div role="img" aria-label={p.label} />;
  },
}));

const P = (name: string, unit: string | null, required = true) => ({
  name, type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit, description: null, required,
});
const SCALPER = { id: 'scalper', name: 'Scalper', description: '', parameters: [P('quantity', 'base'), P('buyPrice', 'quote'), P('sellPrice', 'quote')] };
const DATASET = { id: 'LTC_BTC-5m', symbol: 'LTC/BTC', timeframe: '5m', candles: 5760, from: '2026-01-01T00:00:00Z', to: '2026-01-21T00:00:00Z' };
const trade = (pnl: string, entry: string, exit: string) => ({ entryTime: entry, exitTime: exit, direction: 'LONG', quantity: '10',
  entryPrice: '0.016500000', exitPrice: '0.01666500', fees: '0.00033165', pnl, closeReason: 'TAKE_PROFIT' });
const RESULT = {
  symbol: 'LTC/BTC', timeframe: '5m', candles: 5760, startingBalance: '1', from: DATASET.from, to: DATASET.to,
  metrics: { startingEquity: '1', finalEquity: '1.0105', netProfit: '0.0105', totalReturn: 0.0105, cagr: 0.2, maxDrawdown: 0.031,
    sharpe: 1.234, sortino: null, calmar: null, winRate: 2 / 3, profitFactor: 1.5, expectancy: '0.00016667', exposure: 0.4,
    trades: 3, averageDuration: 'PT37H30M', averageDurationSeconds: 135000 },
  trades: [trade('0.001', '2026-01-02T00:00:00Z', '2026-01-03T13:30:00Z'), trade('0.0005', '2026-01-05T00:00:00Z', '2026-01-06T13:30:00Z'),
    trade('-0.001', '2026-01-08T00:00:00Z', '2026-01-09T13:30:00Z')],
  equity: [{ time: '2026-01-01T00:05:00Z', equity: '1' }, { time: '2026-01-20T23:55:00Z', equity: '1.0105' }],
  finalBalances: { BTC: '0.8455', LTC: '10' }, stopReason: null, failed: false, warnings: [],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockServer(result: unknown = RESULT) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/backtests' && init?.method === 'POST') return json(202, { id: 'r1', status: 'QUEUED', progress: 0, strategy: 'scalper', dataset: DATASET.id, error: null });
    if (url.startsWith('/api/v1/backtests/datasets')) return json(200, [DATASET]);
    if (url === '/api/v1/backtests/r1') return json(200, { id: 'r1', status: 'DONE', progress: 1, strategy: 'scalper', dataset: DATASET.id, error: null, result });
    if (url.startsWith('/api/v1/backtests')) return json(200, { items: [], page: 0, size: 20, total: 0 });
    if (url === '/api/v1/strategies') return json(200, [SCALPER]);
    return json(404, { status: 404, detail: url });
  }));
}

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><BacktestPage /></MemoryRouter></ToastProvider></QueryClientProvider>);
}

const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

afterEach(() => vi.unstubAllGlobals());

describe('backtest page', () => {
  it('% buttons keep the instrument precision: LTC/BTC 0.0165 + 1% is 0.016665', async () => {
    mockServer();
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText(/^Buy price/, { selector: 'input' }), '0.0165');
    await user.click(screen.getByRole('button', { name: 'Buy price +1%' }));
    expect(input(/^Buy price/).value).toBe('0.016665');
    await user.click(screen.getByRole('button', { name: 'Buy price -0.5%' }));
    expect(input(/^Buy price/).value).toBe('0.01658168'); // 0.016581675, half away from zero on the 0.00000001 tick
  });

  it('shows results that agree: open position, trades, win rate, net profit, durations, whole-run charts', async () => {
    mockServer();
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText(/^Quantity/, { selector: 'input' }), '10');
    await user.type(input(/^Buy price/), '0.0165');
    await user.type(input(/^Sell price/), '0.01666');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    expect(await screen.findByTestId('open-position')).toHaveTextContent('10.00000000 LTC marked at 0.01650000 BTC');
    expect(screen.getByTestId('bt-trades')).toHaveTextContent('3');
    expect(screen.getByTestId('bt-win-rate')).toHaveTextContent('66.67%');
    expect(screen.getByText('2 won, 1 lost')).toBeInTheDocument();
    expect(screen.getByTestId('bt-net-profit')).toHaveTextContent('+0.01050000 BTC');
    expect(screen.getByText(/closed trades \+0.00050000 BTC \+ open position \+0.01000000 BTC/)).toBeInTheDocument();
    expect(screen.getByTestId('bt-duration')).toHaveTextContent('1 d 13 h 30 m');
    const rows = within(screen.getByTestId('backtest-trades')).getAllByRole('row');
    expect(rows).toHaveLength(5); // header, 3 closed, 1 open
    expect(rows[1]).toHaveTextContent('1 d 13 h 30 m');
    expect(rows[1]).toHaveTextContent('+0.00100000 BTC');
    expect(screen.getByTestId('open-row')).toHaveTextContent('10.00000000 LTC');

    const equity = charts['Equity curve'];
    expect(equity.fit).toBe(true);
    expect(equity.points[0]).toEqual({ time: Date.parse(DATASET.from) / 1000, value: 1 });
    const prices = charts['LTC/BTC trades'];
    expect(prices.marks).toHaveLength(7); // 3 entries, 3 exits, the open position's mark
    expect(prices.fit).toBe(true);
  });

  it('uses the result\'s candles and reported open position', async () => {
    const prices = ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-08T00:00:00Z', '2026-01-20T23:55:00Z']
      .map((time) => ({ time, open: '0.0165', high: '0.0168', low: '0.0163', close: '0.0166' }));
    const openPosition = { quantity: '10', entryPrice: '0.01600000', entryTime: '2026-01-20T00:00:00Z', lastPrice: '0.01700000', unrealizedPnl: '0.0100' };
    mockServer({ ...RESULT, prices, openPosition, finalBalances: undefined });
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText(/^Quantity/, { selector: 'input' }), '10');
    await user.type(input(/^Buy price/), '0.0165');
    await user.type(input(/^Sell price/), '0.01666');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    const open = await screen.findByTestId('open-position');
    expect(open).toHaveTextContent('10.00000000 LTC bought at 0.01600000 BTC');
    expect(open).toHaveTextContent('marked at 0.01700000 BTC');
    expect(screen.getByTestId('bt-unrealized')).toHaveTextContent('+0.01000000 BTC');
    expect(screen.getByTestId('bt-final-position')).toHaveTextContent('10.00000000 LTC');
    expect(screen.getByText(/closed trades \+0.00050000 BTC \+ open position \+0.01000000 BTC/)).toBeInTheDocument();
    expect(screen.getByTestId('open-row')).toHaveTextContent('0.01600000 BTC');
    expect(screen.queryByText(/is not the closed trades/)).toBeNull();

    const chart = charts['LTC/BTC candles and trades'];
    expect(chart.points).toHaveLength(5);
    expect(screen.getByText(/^5 bars of 1152 × 5m candles;/)).toBeInTheDocument(); // the server buckets a long run
    expect(chart.points[0]).toEqual({ time: Date.parse('2026-01-01T00:00:00Z') / 1000, open: 0.0165, high: 0.0168, low: 0.0163, close: 0.0166 });
    expect(chart.fit).toBe(true);
    expect(chart.marks).toHaveLength(8); // 3 entries, 3 exits, the open position's entry and its mark, each on a candle
    expect(screen.queryByRole('img', { name: 'LTC/BTC trades' })).toBeNull();
  });
});
