import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParameterDefinition, ParameterType } from '../../api/types';
import type { Point } from '../../lib/series';
import { BacktestPage } from '../../pages/BacktestPage';
import { ToastProvider } from '../Toasts';
import { NO_SWEEP, sweepErrors, sweepRequest } from './sweepForm';

// The chart library needs a real canvas; the chart's points are what matters here.
const charts: Record<string, Point[]> = {};
vi.mock('../LineChart', () => ({
  LineChart: (p: { label: string; points: Point[] }) => {
    charts[p.label] = p.points;
    return <div role="img" aria-label={p.label} />;
  },
}));

const P = (name: string, type: ParameterType): ParameterDefinition => ({
  name, type, default: null, options: [], min: '0', exclusiveMin: false, max: null, step: null, unit: null, description: null, required: false,
});
const RSI = { id: 'rsi', name: 'RSI', description: '', parameters: [P('rsiPeriod', 'INTEGER'), P('oversold', 'DECIMAL'), P('note', 'STRING')] };
const DATASET = { id: 'LTC_BTC-5m', symbol: 'LTC/BTC', timeframe: '5m', candles: 5760, from: '2018-01-10T04:55:00Z', to: '2018-01-30T04:55:00Z' };
const metrics = (netProfit: string, totalReturn: number, trades: number) => ({ netProfit, totalReturn, trades, sharpe: 1.5, maxDrawdown: 0.02 });
const window = (from: number, to: number, fromTime: string, toTime: string, m: object) => ({ from, to, fromTime, toTime, metrics: m });
const WALK_FORWARD = {
  strategy: 'rsi', symbol: 'LTC/BTC', metric: 'totalReturn', search: 'grid', combinations: 3, inSampleShare: 0.7,
  walkForward: [
    { fold: 0, best: { rsiPeriod: 20 }, inSample: window(0, 2015, '2018-01-10T04:55:00Z', '2018-01-17T04:50:00Z', metrics('0.02', 0.02, 0)),
      outOfSample: window(2015, 2880, '2018-01-17T04:50:00Z', '2018-01-20T04:55:00Z', metrics('0.05', 0.05, 1)) },
    { fold: 1, best: { rsiPeriod: 10 }, inSample: window(2880, 4895, '2018-01-20T04:55:00Z', '2018-01-27T04:50:00Z', metrics('0.01', 0.01, 2)),
      outOfSample: window(4895, 5760, '2018-01-27T04:50:00Z', '2018-01-30T04:55:00Z', metrics('-0.01', -0.01, 1)) },
  ],
  outOfSample: { folds: 2, profitableFolds: 1, trades: 2, netProfit: '0.04', startingEquity: '1', chainedFinalEquity: '1.0395',
    chainedReturn: 0.0395, equity: [{ time: '2018-01-17T04:50:00Z', equity: '1' }, { time: '2018-01-20T04:55:00Z', equity: '1.05' },
      { time: '2018-01-30T04:55:00Z', equity: '1.0395' }] },
};
const RANKING = {
  strategy: 'rsi', symbol: 'LTC/BTC', metric: 'sharpe', search: 'random', combinations: 2,
  ranked: [{ rank: 1, params: { rsiPeriod: 12, oversold: 25 }, metrics: metrics('0.03', 0.03, 4) },
    { rank: 2, params: { rsiPeriod: 10, oversold: 30 }, metrics: metrics('0.01', 0.01, 6) }],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The server: POST answers `created` (a run or a problem), GET of the run its `result`. Returns the posted bodies. */
function mockServer(result: unknown, created: [number, unknown] = [202, { id: 'r1', status: 'QUEUED', progress: 0, strategy: 'rsi', dataset: DATASET.id, error: null }]) {
  const posted: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/backtests' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json(created[0], created[1]);
    }
    if (url.startsWith('/api/v1/backtests/datasets')) return json(200, [DATASET]);
    if (url === '/api/v1/backtests/r1') {
      return json(200, { id: 'r1', status: 'DONE', progress: 1, strategy: 'rsi', dataset: DATASET.id, error: null,
        request: { sweep: { metric: 'totalReturn' } }, result });
    }
    if (url.startsWith('/api/v1/backtests')) return json(200, { items: [], page: 0, size: 20, total: 0 });
    if (url === '/api/v1/strategies') return json(200, [RSI]);
    return json(404, { status: 404, detail: url });
  }));
  return posted;
}

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><BacktestPage /></MemoryRouter></ToastProvider></QueryClientProvider>);
}

afterEach(() => vi.unstubAllGlobals());

describe('sweep request', () => {
  it('sends nothing while off, a range as text and a list as values, only the current strategy\'s numbers', () => {
    expect(sweepRequest({ ...NO_SWEEP, ranges: { rsiPeriod: '10:20:2' } }, RSI.parameters)).toEqual({});
    const on = { ...NO_SWEEP, enabled: true, ranges: { rsiPeriod: ' 10:20:2 ', oversold: '20, 25,30,', gone: '1:2:1', note: 'a,b' } };
    expect(sweepRequest(on, RSI.parameters)).toEqual({
      sweep: { ranges: { rsiPeriod: '10:20:2', oversold: ['20', '25', '30'] }, search: 'grid', metric: 'sharpe' },
    });
    expect(sweepRequest({ ...on, search: 'random', samples: '5', seed: '9', walkForward: true, folds: '4', inSample: '0.6' }, RSI.parameters))
      .toMatchObject({ sweep: { search: 'random', samples: '5', seed: '9' }, walkForward: { folds: '4', inSample: '0.6' } });
  });

  it('places the server\'s sweep problems by field', () => {
    expect(sweepErrors(['sweep.ranges.rsiPeriod: must be at least 2', 'walkForward.folds: is required', 'fee: no', 'sweep: is required']))
      .toEqual({ 'sweep.ranges.rsiPeriod': 'must be at least 2', 'walkForward.folds': 'is required', sweep: 'is required' });
  });
});

describe('backtest page, sweep / walk-forward', () => {
  it('runs a walk-forward and shows each fold and the out-of-sample whole', async () => {
    const posted = mockServer(WALK_FORWARD);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Sweep / walk-forward' }));
    expect(screen.queryByLabelText('Sweep note')).toBeNull();  // text parameters are not swept from the form
    await user.type(screen.getByLabelText('Sweep rsiPeriod'), '10:20:5');
    await user.selectOptions(screen.getByLabelText('Rank by'), 'totalReturn');
    await user.click(screen.getByRole('checkbox', { name: /^Walk-forward/ }));
    await user.clear(screen.getByLabelText('Folds'));
    await user.type(screen.getByLabelText('Folds'), '2');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));

    const table = await screen.findByRole('table', { name: 'Walk-forward folds' });
    expect(posted[0]).toMatchObject({ strategy: 'rsi', sweep: { ranges: { rsiPeriod: '10:20:5' }, search: 'grid', metric: 'totalReturn' },
      walkForward: { folds: '2', inSample: '0.7' } });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);  // header and the 2 folds asked for
    expect(rows[1]).toHaveTextContent('rsiPeriod=20');
    expect(rows[1]).toHaveTextContent('2.00%');  // in-sample totalReturn
    expect(rows[1]).toHaveTextContent('5.00%');  // out-of-sample totalReturn
    expect(rows[2]).toHaveTextContent('rsiPeriod=10');
    expect(rows[2]).toHaveTextContent('-0.01');
    const totals = screen.getByLabelText('Out-of-sample totals');
    expect(totals).toHaveTextContent('0.04');
    expect(totals).toHaveTextContent('1 of 2');
    expect(totals).toHaveTextContent('3.95%');
    expect(charts['Out-of-sample equity'].map((p) => p.value)).toEqual([1, 1.05, 1.0395]);
    expect(screen.queryByTestId('backtest-result')).toBeNull();  // not the single run's view
  });

  it('shows a sweep\'s ranking best first', async () => {
    mockServer(RANKING);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Sweep / walk-forward' }));
    await user.type(screen.getByLabelText('Sweep rsiPeriod'), '10, 12');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    const rows = within(await screen.findByRole('table', { name: 'Sweep ranking' })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('rsiPeriod=12, oversold=25');
    expect(rows[1]).toHaveTextContent('1.500');
    expect(rows[2]).toHaveTextContent('rsiPeriod=10, oversold=30');
  });

  it('shows the server\'s refusal under the field it names', async () => {
    mockServer(null, [400, { status: 400, code: 'VALIDATION_ERROR', detail: 'invalid', errors: [
      { field: 'sweep.ranges.rsiPeriod', message: 'must be at least 2 (combination {rsiPeriod=1})' },
      { field: 'walkForward.inSample', message: 'must be a number between 0 and 1 (exclusive), e.g. 0.7' }] }]);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Sweep / walk-forward' }));
    await user.type(screen.getByLabelText('Sweep rsiPeriod'), '1:3:1');
    await user.click(screen.getByRole('checkbox', { name: /^Walk-forward/ }));
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    expect(await screen.findByText('must be at least 2 (combination {rsiPeriod=1})', { selector: '[data-field-error="sweep-rsiPeriod"]' })).toBeInTheDocument();
    expect(screen.getByText(/between 0 and 1/, { selector: '[data-field-error="wf-in-sample"]' })).toBeInTheDocument();
  });
});
