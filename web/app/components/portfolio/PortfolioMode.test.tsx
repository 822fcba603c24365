import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BacktestPage } from '../../pages/BacktestPage';
import { STATS } from '../../testing/portfolio';
import { ToastProvider } from '../Toasts';

vi.mock('../LineChart', () => ({ LineChart: (p: { label: string }) => <div role="img" aria-label={p.label} /> }));
vi.mock('../MultiLineChart', () => ({ MultiLineChart: (p: { label: string }) => <div role="img" aria-label={p.label} /> }));

const RSI = { id: 'rsi', name: 'RSI', description: '', parameters: [{ name: 'rsiPeriod', type: 'INTEGER', default: 14, options: [], min: '2',
  exclusiveMin: false, max: null, step: null, unit: null, description: null, required: true },
{ name: 'timeframe', type: 'ENUM', default: '1m', options: ['1m', '5m', '15m'], min: null, exclusiveMin: false, max: null, step: null,
  unit: null, description: null, required: true }] };
const DATASETS = ['LTC', 'ETC', 'XMR'].map((b) => ({ id: `${b}_BTC-5m`, symbol: `${b}/BTC`, timeframe: '5m', candles: 100,
  from: '2018-01-10T00:00:00Z', to: '2018-01-30T00:00:00Z' }));
const CONFIG = { stake_currency: 'BTC', stake_amount: 'unlimited', max_open_trades: 2, timeframe: '5m', strategy: 'rsi',
  strategy_params: { rsiPeriod: 10 }, minimal_roi: { 0: 0.04, 20: 0.02 }, enable_protections: true,
  protections: [{ method: 'CooldownPeriod', stop_duration_candles: 2 }], exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] },
  telegramm: { enabled: false } };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockServer(answers: Response[]) {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/backtests' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return answers.shift()!;
    }
    if (url === '/api/v1/backtests/datasets') return json(200, DATASETS);
    if (url === '/api/v1/backtests/p1') return json(200, { id: 'p1', status: 'DONE', progress: 1, strategy: 'rsi', dataset: 'config', error: null,
      result: { pairs: [{ pair: 'LTC/BTC', file: 'LTC_BTC-5m', candles: 100 }], notes: ['fee: 0.001 from the config'],
        warnings: ['ETC/BTC: 3 candles filled'], result: { ...STATS, counters: { rejectedSignals: 4, timedOutEntryOrders: 0 },
          locks: [{ pair: 'XMR/BTC', lock_time: '2018-01-20 10:00:00', lock_end_time: '2018-01-20 10:15:00', reason: 'Cooldown period for 3 candles.', side: '*' }] } } });
    if (url.startsWith('/api/v1/backtests')) return json(200, { items: [], page: 0, size: 50, total: 0 });
    if (url === '/api/v1/strategies') return json(200, [RSI]);
    return json(404, { status: 404, detail: url });
  }));
  return posted;
}

async function openPortfolio() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><BacktestPage /></MemoryRouter></ToastProvider></QueryClientProvider>);
  await userEvent.click(await screen.findByRole('button', { name: 'Portfolio (Freqtrade config)' }));
  fireEvent.change(screen.getByLabelText(/Paste a Freqtrade config.json/), { target: { value: JSON.stringify(CONFIG) } });
  await userEvent.click(screen.getByRole('button', { name: 'Fill the form' }));
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
const errorAt = (id: string) => document.querySelector(`[data-field-error="${id}"]`)?.textContent;

afterEach(() => vi.unstubAllGlobals());

describe('Portfolio mode', () => {
  it('fills the form from an imported config.json and sends it back with the strategy and its params', async () => {
    const posted = mockServer([json(202, { id: 'p1', status: 'QUEUED', progress: 0, strategy: 'rsi', dataset: 'config', error: null })]);
    await openPortfolio();
    expect(value('pf-max_open_trades')).toBe('2');
    expect(value('pf-stake_amount')).toBe('unlimited');
    expect(screen.getByLabelText('minimal_roi row 2 minutes')).toHaveProperty('value', '20');
    expect(screen.getByLabelText('protections[0] settings')).toHaveProperty('value', '{"stop_duration_candles":2}');
    expect((screen.getByRole('checkbox', { name: 'ETC/BTC' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'XMR/BTC' }) as HTMLInputElement).checked).toBe(false);
    expect(value('param-rsiPeriod')).toBe('10');
    // the form does not show these: sent as imported, for the server to judge
    expect(screen.getByTestId('extra-keys').textContent).toContain('exchange, telegramm');

    await userEvent.click(screen.getByRole('checkbox', { name: 'XMR/BTC' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run portfolio backtest' }));
    // the strategy's own timeframe follows the pairs' candles (its 1m default cannot be built from 5m data)
    expect(posted).toEqual([{ strategy: 'rsi', params: { rsiPeriod: 10, timeframe: '5m' }, config: {
      stake_currency: 'BTC', timeframe: '5m', max_open_trades: 2, stake_amount: 'unlimited', enable_protections: true,
      minimal_roi: { 0: 0.04, 20: 0.02 }, protections: [{ method: 'CooldownPeriod', stop_duration_candles: 2 }],
      exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC', 'XMR/BTC'] }, telegramm: { enabled: false } } }]);

    // the finished run's report
    const report = await screen.findByTestId('portfolio-result');
    expect(within(report).getByTestId('backtest-status').textContent).toBe('DONE');
    expect(within(report).getByRole('list', { name: 'Warnings' }).textContent).toContain('ETC/BTC: 3 candles filled');
    expect(within(report).getByRole('list', { name: 'Notes' }).textContent).toContain('fee: 0.001 from the config');
    expect(within(report).getByRole('table', { name: 'Per pair' })).toBeTruthy();
    // the protections' locks and the engine's counters
    expect(within(within(report).getByRole('table', { name: 'Protection locks' })).getAllByRole('cell').map((c) => c.textContent))
      .toEqual(['XMR/BTC', '2018-01-20 10:00:00', '2018-01-20 10:15:00', 'Cooldown period for 3 candles.']);
    expect(within(report).getByText('rejectedSignals').nextSibling?.textContent).toBe('4');
  });

  it('shows the server\'s errors next to the fields they name, and unknown keys next to the imported config', async () => {
    mockServer([json(400, { status: 400, title: 'Bad Request', errors: [
      { field: 'config.max_open_trades', message: 'must be 1 or more, or -1' },
      { field: 'config.telegramm', message: 'unknown key; did you mean "telegram"?' },
      { field: 'config.protections[0].stop_duration_candles', message: 'must be 1 or more' },
      { field: 'config.minimal_roi.20', message: 'must be a number' },
      { field: 'params.rsiPeriod', message: 'must be >= 2' },
    ] })]);
    await openPortfolio();
    await userEvent.click(screen.getByRole('button', { name: 'Run portfolio backtest' }));
    expect(await screen.findByText('max_open_trades: must be 1 or more, or -1')).toBeTruthy();
    expect(errorAt('pf-max_open_trades')).toBe('max_open_trades: must be 1 or more, or -1');
    expect(errorAt('pf-config')).toBe('telegramm: unknown key; did you mean "telegram"?');
    expect(errorAt('pf-protections-0')).toBe('protections[0].stop_duration_candles: must be 1 or more');
    expect(errorAt('pf-minimal_roi')).toBe('minimal_roi.20: must be a number');
    expect(screen.getByText('must be >= 2')).toBeTruthy();
  });

  it('says what is wrong locally before sending: a number field, a protection\'s settings, the pasted JSON', async () => {
    const posted = mockServer([]);
    await openPortfolio();
    await userEvent.clear(screen.getByLabelText('max_open_trades'));
    await userEvent.type(screen.getByLabelText('max_open_trades'), 'two');
    await userEvent.click(screen.getByRole('button', { name: 'Run portfolio backtest' }));
    expect(errorAt('pf-max_open_trades')).toBe('max_open_trades: must be a number, was "two"');
    expect(posted).toEqual([]);
    fireEvent.change(screen.getByLabelText(/Paste a Freqtrade config.json/), { target: { value: '[1]' } });
    await userEvent.click(screen.getByRole('button', { name: 'Fill the form' }));
    expect(errorAt('pf-config')).toBe('must be a JSON object, the contents of a Freqtrade config.json');
  });
});
