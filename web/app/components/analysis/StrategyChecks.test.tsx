import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BacktestPage } from '../../pages/BacktestPage';
import { ToastProvider } from '../Toasts';

const RSI = { id: 'rsi', name: 'RSI', description: '', parameters: [{ name: 'rsiPeriod', type: 'INTEGER', default: 14, options: [], min: '2',
  exclusiveMin: false, max: null, step: null, unit: null, description: null, required: true }] };
const DATASETS = ['LTC', 'ETC'].map((b) => ({ id: `${b}_BTC-5m`, symbol: `${b}/BTC`, timeframe: '5m', candles: 100,
  from: '2018-01-10T00:00:00Z', to: '2018-01-30T00:00:00Z' }));
const CONFIG = { stake_currency: 'BTC', timeframe: '5m', strategy: 'rsi', strategy_params: { rsiPeriod: 10 },
  exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] } };
const T = Date.UTC(2018, 0, 20, 10, 5); // 2018-01-20 10:05 UTC

const clean = (signals: number) => ({ hasBias: false, signalsChecked: signals, biasedEntrySignals: [], biasedExitSignals: [], biasedIndicators: [], warnings: [] });
const LOOKAHEAD_CLEAN = { strategy: 'rsi', hasBias: false, pairs: [{ pair: 'LTC/BTC', result: clean(40) }, { pair: 'ETC/BTC', result: clean(12) }] };
const LOOKAHEAD_BIASED = { strategy: 'peeker', hasBias: true, pairs: [
  { pair: 'LTC/BTC', result: { hasBias: true, signalsChecked: 40, biasedEntrySignals: [{ candle: 120, openTime: T }, { candle: 300, openTime: T + 3_600_000 }],
    biasedExitSignals: [], biasedIndicators: ['nextClose'], warnings: ['only 15 exit signals to check'] } },
  { pair: 'ETC/BTC', result: clean(40) }] };
const drift = (indicator: string, diffs: Record<string, number | string>, flagged: boolean) =>
  ({ indicator, baseValue: 50, values: {}, differencePercent: diffs, flagged });
const RECURSIVE = { strategy: 'rsi', flaggedIndicators: ['ema'], pairs: [{ pair: 'LTC/BTC', result: {
  startupCandles: [30, 100, 200], thresholdPercent: 0.5, warnings: [],
  indicators: [drift('rsi', { 30: 0.1234, 100: 0, 200: 0 }, false), drift('ema', { 30: 'NaN', 100: 2.5, 200: 0 }, true)] } }] };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockServer(answer: () => Response) {
  const posted: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/v1/backtests/analysis/') && init?.method === 'POST') {
      posted.push({ url, body: JSON.parse(String(init.body)) });
      return answer();
    }
    if (url === '/api/v1/backtests/datasets') return json(200, DATASETS);
    if (url.startsWith('/api/v1/backtests')) return json(200, { items: [], page: 0, size: 50, total: 0 });
    if (url === '/api/v1/strategies') return json(200, [RSI]);
    return json(404, { status: 404, detail: url });
  }));
  return posted;
}

async function openChecks() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><BacktestPage /></MemoryRouter></ToastProvider></QueryClientProvider>);
  await userEvent.click(await screen.findByRole('button', { name: 'Strategy checks' }));
  fireEvent.change(screen.getByLabelText(/Paste a Freqtrade config.json/), { target: { value: JSON.stringify(CONFIG) } });
  await userEvent.click(screen.getByRole('button', { name: 'Fill the form' }));
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
const errorAt = (id: string) => document.querySelector(`[data-field-error="${id}"]`)?.textContent;

afterEach(() => vi.unstubAllGlobals());

describe('Strategy checks', () => {
  it('sends the imported config with the strategy, its params and the trade amount; says no bias was found in how many signals', async () => {
    const posted = mockServer(() => json(200, LOOKAHEAD_CLEAN));
    await openChecks();
    await userEvent.clear(screen.getByLabelText('Targeted trade amount'));
    await userEvent.type(screen.getByLabelText('Targeted trade amount'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Run lookahead check' }));
    expect((await screen.findByTestId('check-headline')).textContent).toBe('No lookahead bias found in 52 signals');
    expect(posted).toEqual([{ url: '/api/v1/backtests/analysis/lookahead', body: { strategy: 'rsi', params: { rsiPeriod: 10 }, targetedTradeAmount: 5,
      config: { stake_currency: 'BTC', timeframe: '5m', exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] } } } }]);
    const rows = within(screen.getByRole('table', { name: 'Lookahead per pair' })).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([['LTC/BTC', 'no', '40', '0', '0', '—'], ['ETC/BTC', 'no', '12', '0', '0', '—']]);
  });

  it('names the biased pair, its signals\' candle times and the indicator that looked ahead', async () => {
    mockServer(() => json(200, LOOKAHEAD_BIASED));
    await openChecks();
    await userEvent.click(screen.getByRole('button', { name: 'Run lookahead check' }));
    expect((await screen.findByTestId('check-headline')).textContent)
      .toBe('Bias: LTC/BTC (2 entry of 40 signals changed; indicators nextClose)');
    const row = screen.getByRole('table', { name: 'Lookahead per pair' }).querySelector('[data-pair="LTC/BTC"]') as HTMLElement;
    expect(cells(row)).toEqual(['LTC/BTC', 'yes', '40', '2: 2018-01-20 10:05:002018-01-20 11:05:00', '0', 'nextClose']);
    expect(screen.getByRole('list', { name: 'Lookahead notes' }).textContent).toBe('LTC/BTC: only 15 exit signals to check');
  });

  it('shows the indicator x startup count table with the flagged row highlighted and the startup_candle_count advice', async () => {
    const posted = mockServer(() => json(200, RECURSIVE));
    await openChecks();
    await userEvent.click(screen.getByRole('button', { name: 'Recursive (startup candles)' }));
    await userEvent.clear(screen.getByLabelText('Startup candle counts'));
    await userEvent.type(screen.getByLabelText('Startup candle counts'), '30, 100 200');
    await userEvent.click(screen.getByRole('button', { name: 'Run recursive check' }));
    expect((await screen.findByTestId('check-headline')).textContent).toBe('Depends on its startup candles: ema');
    expect(posted[0].url).toBe('/api/v1/backtests/analysis/recursive');
    expect(posted[0].body).toMatchObject({ startupCandles: [30, 100, 200], threshold: 0.5 });
    const table = screen.getByRole('table', { name: 'Startup candles LTC/BTC' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Indicator', '30', '100', '200']);
    const [rsi, ema] = within(table).getAllByRole('row').slice(1);
    expect(cells(rsi)).toEqual(['rsi', '0.123%', '-', '-']);
    expect(cells(ema)).toEqual(['ema *', 'not ready', '2.500%', '-']);
    expect(rsi.dataset.flagged).toBe('false');
    expect(ema.dataset.flagged).toBe('true');
    expect(ema.className).toContain('bg-amber-50');
    // ema differs from 100 candles too: only the largest count gives its reference value
    expect(screen.getByTestId('startup-advice').textContent).toBe(
      'ema still differ below 200 startup candles: set startup_candle_count to at least 200, and try larger counts to see where it settles.');
  });

  it('puts the server\'s 400 next to the fields it names: the check\'s own and the config\'s paths', async () => {
    mockServer(() => json(400, { status: 400, title: 'Bad Request', errors: [
      { field: 'startupCandles', message: 'LTC/BTC has 2000 candles, 5000 startup candles need 5001' },
      { field: 'threshold', message: 'must be 0 or more (percent)' },
      { field: 'config.max_open_trades', message: 'must be 1 or more, or -1' },
      { field: 'params.rsiPeriod', message: 'must be >= 2' },
    ] }));
    await openChecks();
    await userEvent.click(screen.getByRole('button', { name: 'Recursive (startup candles)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run recursive check' }));
    expect(await screen.findByText('LTC/BTC has 2000 candles, 5000 startup candles need 5001')).toBeTruthy();
    expect(errorAt('ck-startupCandles')).toBe('LTC/BTC has 2000 candles, 5000 startup candles need 5001');
    expect(errorAt('ck-threshold')).toBe('must be 0 or more (percent)');
    expect(errorAt('pf-max_open_trades')).toBe('max_open_trades: must be 1 or more, or -1');
    expect(screen.getByText('must be >= 2')).toBeTruthy();
    expect(screen.queryByTestId('recursive-result')).toBeNull();
  });

  it('refuses a count that is not a whole number before sending', async () => {
    const posted = mockServer(() => json(200, RECURSIVE));
    await openChecks();
    await userEvent.click(screen.getByRole('button', { name: 'Recursive (startup candles)' }));
    await userEvent.clear(screen.getByLabelText('Startup candle counts'));
    await userEvent.type(screen.getByLabelText('Startup candle counts'), '100 2k');
    await userEvent.click(screen.getByRole('button', { name: 'Run recursive check' }));
    expect(errorAt('ck-startupCandles')).toBe('each count must be a whole number, was "2k"');
    expect(posted).toEqual([]);
  });
});
