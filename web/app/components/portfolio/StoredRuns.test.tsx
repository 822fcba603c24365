import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Point } from '../../lib/series';
import { STATS, T0 } from '../../testing/portfolio';
import { StoredRuns } from './StoredRuns';

vi.mock('../LineChart', () => ({ LineChart: (p: { label: string }) => <div role="img" aria-label={p.label} /> }));

let overlaid: { name: string; points: Point[] }[] = [];
vi.mock('../MultiLineChart', () => ({
  MultiLineChart: (p: { label: string; lines: { name: string; points: Point[] }[] }) => {
    overlaid = p.lines;
    return <div role="img" aria-label={p.label} />;
  },
}));

const run = (id: string, extra: Record<string, unknown>) => ({ id, status: 'DONE', progress: 1, strategy: 'rsi', error: null,
  createdAt: '2026-12-03T10:00:00Z', timeframe: '5m', ...extra });
const PORTFOLIO = run('aaaaaaaa-1', { dataset: 'config', symbol: 'LTC/BTC +1', result: { pairs: [{ pair: 'LTC/BTC', file: 'LTC_BTC-5m', candles: 100 },
  { pair: 'ETC/BTC', file: 'ETC_BTC-5m', candles: 100 }], notes: ['fee: 0.001 from the config'], warnings: [], result: STATS } });
const SINGLE = run('bbbbbbbb-2', { dataset: 'LTC_BTC-5m', symbol: 'LTC/BTC', result: { symbol: 'LTC/BTC', trades: [],
  metrics: { trades: 3, totalReturn: 0.0105, netProfit: '0.0105', finalEquity: '1.0105', winRate: 2 / 3, maxDrawdown: 0.031,
    sharpe: 1.2345, sortino: null, calmar: null, profitFactor: 1.5 },
  equity: [{ time: '2018-01-20T00:00:00Z', equity: '1' }, { time: '2018-01-21T00:00:00Z', equity: '1.0105' }] } });
const QUEUED = run('cccccccc-3', { dataset: 'config', symbol: 'ETC/BTC', status: 'QUEUED' });

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function renderRuns() {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    fetched.push(url);
    if (url.startsWith('/api/v1/backtests?')) {
      return json({ items: [PORTFOLIO, SINGLE, QUEUED].map((r: Record<string, unknown>) => ({ ...r, result: undefined })), page: 0, size: 50, total: 3 });
    }
    const found = [PORTFOLIO, SINGLE].find((r) => url === `/api/v1/backtests/${r.id}`);
    return found ? json(found) : new Response('{}', { status: 404 });
  }));
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><StoredRuns /></QueryClientProvider>);
  return fetched;
}

afterEach(() => vi.unstubAllGlobals());

describe('StoredRuns and the compare view', () => {
  it('lists the stored runs; only finished ones can be picked', async () => {
    renderRuns();
    await screen.findByText('ETC/BTC (config)');
    const table = screen.getByRole('table', { name: 'Stored runs' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[3].textContent)).toEqual(['LTC/BTC +1 (config)', 'LTC/BTC', 'ETC/BTC (config)']);
    expect((screen.getByRole('checkbox', { name: 'Compare run cccccccc-3' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Compare (0)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('puts two runs\' key metrics side by side and overlays their equity curves', async () => {
    const fetched = renderRuns();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Compare run aaaaaaaa-1' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Compare run bbbbbbbb-2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Compare (2)' }));
    const table = await screen.findByRole('table', { name: 'Run comparison' });
    expect(fetched).toContain('/api/v1/backtests/aaaaaaaa-1');
    expect(fetched).toContain('/api/v1/backtests/bbbbbbbb-2');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Metric', 'rsi · LTC/BTC +1 · aaaaaaaa', 'rsi · LTC/BTC · bbbbbbbb']);
    const row = (key: string) => within(within(table).getByTitle(key).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(row('total_trades')).toEqual(['2', '3']);
    expect(row('profit_total')).toEqual(['-25.00%', '1.05%']);
    expect(row('max_relative_drawdown')).toEqual(['40.00%', '3.10%']);
    expect(row('sharpe')).toEqual(['—', '1.234']);
    expect(overlaid.map((l) => l.name)).toEqual(['rsi · LTC/BTC +1 · aaaaaaaa', 'rsi · LTC/BTC · bbbbbbbb']);
    // the portfolio's realised wallet (1 -> 1.25 -> 0.75) and the single run's equity, both on seconds
    expect(overlaid[0].points.map((p) => p.value)).toEqual([1, 1, 1, 1.25, 0.75]);
    expect(overlaid[1].points).toEqual([{ time: T0, value: 1 }, { time: T0 + 86400, value: 1.0105 }]);
  });

  it('reopens a finished config run\'s full report from the server, and only those runs offer it', async () => {
    const fetched = renderRuns();
    await screen.findByText('ETC/BTC (config)');
    // a single-symbol run and a queued config run have no portfolio report to open
    expect(screen.queryByRole('button', { name: 'Open report of run bbbbbbbb-2' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open report of run cccccccc-3' })).toBeNull();
    expect(fetched).not.toContain('/api/v1/backtests/aaaaaaaa-1');
    await userEvent.click(screen.getByRole('button', { name: 'Open report of run aaaaaaaa-1' }));
    const report = await screen.findByRole('region', { name: 'Stored run report' });
    expect(fetched).toContain('/api/v1/backtests/aaaaaaaa-1');
    expect(await within(report).findByTestId('run-pairs')).toHaveProperty('textContent', 'LTC/BTC (100 candles), ETC/BTC (100 candles)');
    expect(within(report).getByRole('heading', { name: /Report of run aaaaaaaa · rsi · LTC\/BTC \+1/ })).toBeTruthy();
    expect(within(report).getByRole('list', { name: 'Notes' }).textContent).toBe('fee: 0.001 from the config');
    // the same report a fresh run shows: the summary metrics, the per pair table, the charts and the trades
    expect(report.querySelector('[data-metric="total_trades"]')?.textContent).toBe('2');
    expect(report.querySelector('[data-metric="profit_total"]')?.textContent).toBe('-25.00%');
    const perPair = within(report).getByRole('table', { name: 'Per pair' });
    expect(within(perPair).getByRole('cell', { name: 'ETC/BTC' })).toBeTruthy();
    expect(within(report).getByRole('img', { name: 'Equity' })).toBeTruthy();
    expect(within(report).getByRole('heading', { name: 'Trades (2)' })).toBeTruthy();
    await userEvent.click(within(report).getByRole('button', { name: 'Close report' }));
    expect(screen.queryByRole('region', { name: 'Stored run report' })).toBeNull();
  });
});
