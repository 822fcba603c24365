import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BacktestPage } from '../../pages/BacktestPage';
import { json } from '../../testing/fakes';
import { ToastProvider } from '../Toasts';

const param = (name: string, type: string, dflt: unknown, min: string | null, max: string | null, exclusiveMin = false) =>
  ({ name, type, default: dflt, options: [], min, exclusiveMin, max, step: null, unit: null, description: null, required: true });
export const RSI = { id: 'rsi', name: 'RSI', description: '', parameters: [
  param('rsiPeriod', 'INTEGER', 14, '2', '200'), param('oversold', 'DECIMAL', '30', '0', '100', true),
  param('overbought', 'DECIMAL', '70', '0', '100'),
  { ...param('timeframe', 'ENUM', '1m', null, null), options: ['1m', '5m'] }] };
const DATASETS = ['LTC', 'ETC'].map((b) => ({ id: `${b}_BTC-5m`, symbol: `${b}/BTC`, timeframe: '5m', candles: 100,
  from: '2018-01-10T00:00:00Z', to: '2018-01-30T00:00:00Z' }));
const CONFIG = { stake_currency: 'BTC', stake_amount: 'unlimited', max_open_trades: 2, timeframe: '5m', strategy: 'rsi',
  strategy_params: { rsiPeriod: 10 }, exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] } };
const QUEUED = { id: 'h1', status: 'QUEUED', strategy: 'rsi', epochsDone: 0, epochsTotal: 20, best: null, trials: null,
  request: {}, error: null, createdAt: '2026-12-03T10:00:00Z' };
const EMPTY_PAGE = { items: [], page: 0, size: 20, total: 0 };

function mockServer(answer: Response) {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/hyperopts' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return answer;
    }
    if (url === '/api/v1/hyperopts/h1') return json(QUEUED);
    if (url === '/api/v1/strategies') return json([RSI]);
    if (url === '/api/v1/backtests/datasets') return json(DATASETS);
    if (url.startsWith('/api/v1/backtests') || url.startsWith('/api/v1/hyperopts?')) return json(EMPTY_PAGE);
    return json({ status: 404, detail: url }, 404);
  }));
  return posted;
}

async function openOptimise() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter><BacktestPage /></MemoryRouter></ToastProvider></QueryClientProvider>);
  await userEvent.click(await screen.findByRole('button', { name: 'Optimise (hyperopt)' }));
  fireEvent.change(screen.getByLabelText(/Paste a Freqtrade config.json/), { target: { value: JSON.stringify(CONFIG) } });
  await userEvent.click(screen.getByRole('button', { name: 'Fill the form' }));
}

const space = (name: string) => within(screen.getByRole('group', { name: 'Spaces' })).getByLabelText(name);
const errorAt = (id: string) => document.querySelector(`[data-field-error="${id}"]`)?.textContent;
const start = () => userEvent.click(screen.getByRole('button', { name: 'Start optimisation' }));

afterEach(() => vi.unstubAllGlobals());

describe('Optimise mode', () => {
  it('sends the imported config, the fixed parameters and what to search', async () => {
    const posted = mockServer(json(QUEUED, 202));
    await openOptimise();
    await userEvent.click(space('trailing'));
    await userEvent.click(space('stoploss'));
    await userEvent.click(screen.getByLabelText('search rsiPeriod'));
    await userEvent.clear(screen.getByLabelText('rsiPeriod from'));
    await userEvent.type(screen.getByLabelText('rsiPeriod from'), '8');
    await userEvent.clear(screen.getByLabelText('rsiPeriod to'));
    await userEvent.type(screen.getByLabelText('rsiPeriod to'), '20');
    await userEvent.click(screen.getByLabelText('search oversold'));
    // an exclusive minimum starts one step above it: the server would refuse 0
    expect(screen.getByLabelText('oversold from')).toHaveProperty('value', '0.001');
    await userEvent.selectOptions(screen.getByLabelText('Loss function'), 'OnlyProfitHyperOptLoss');
    await userEvent.selectOptions(screen.getByLabelText('Sampler'), 'random');
    await userEvent.clear(screen.getByLabelText('Epochs'));
    await userEvent.type(screen.getByLabelText('Epochs'), '20');
    await start();
    expect((await screen.findByTestId('hyperopt-epochs')).textContent).toBe('0 / 20 epochs');
    expect(posted).toEqual([{
      config: { stake_currency: 'BTC', timeframe: '5m', max_open_trades: 2, stake_amount: 'unlimited',
        exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] } },
      strategy: 'rsi',
      // the searched parameters are not pinned: the epochs set them
      params: { overbought: '70', timeframe: '5m' },
      spaces: ['roi', 'trailing', 'params'], paramRanges: { rsiPeriod: '8:20', oversold: '0.001:100' },
      loss: 'OnlyProfitHyperOptLoss', sampler: 'random', epochs: 20, seed: 1, minTrades: 1,
    }]);
  });

  it('shows the server\'s 400 errors next to the fields they name', async () => {
    mockServer(json({ status: 400, title: 'Bad Request', errors: [
      { field: 'epochs', message: 'must be between 1 and 5000' },
      { field: 'paramRanges.rsiPeriod', message: 'lo 1 is outside the parameter\'s range >= 2 and <= 200' },
      { field: 'loss', message: 'unknown \'X\'' },
      { field: 'config.max_open_trades', message: 'must be 1 or more, or -1' },
      { field: 'params.overbought', message: 'must be <= 100' },
    ] }, 400));
    await openOptimise();
    await userEvent.click(screen.getByLabelText('search rsiPeriod'));
    await start();
    expect(await screen.findByText('must be between 1 and 5000')).toBeTruthy();
    expect(errorAt('ho-epochs')).toBe('must be between 1 and 5000');
    expect(errorAt('ho-range-rsiPeriod')).toBe('lo 1 is outside the parameter\'s range >= 2 and <= 200');
    expect(errorAt('ho-loss')).toBe('unknown \'X\'');
    expect(errorAt('pf-max_open_trades')).toBe('max_open_trades: must be 1 or more, or -1');
    expect(screen.getByText('must be <= 100')).toBeTruthy();
    // every error found its field: nothing left for the form's general box
    expect(within(screen.getByRole('form', { name: 'Optimisation' })).queryByRole('alert')).toBeNull();
  });

  it('says what is wrong locally before sending', async () => {
    const posted = mockServer(json({}, 500));
    await openOptimise();
    // the params space without a parameter to search, a bad epoch count, a range upside down
    await start();
    expect(errorAt('ho-paramRanges')).toBe('tick at least one parameter to search, or leave out the params space');
    await userEvent.click(screen.getByLabelText('search overbought'));
    await userEvent.clear(screen.getByLabelText('overbought from'));
    await userEvent.type(screen.getByLabelText('overbought from'), '90');
    await userEvent.clear(screen.getByLabelText('overbought to'));
    await userEvent.type(screen.getByLabelText('overbought to'), '60');
    await userEvent.clear(screen.getByLabelText('Epochs'));
    await userEvent.type(screen.getByLabelText('Epochs'), '1.5');
    await start();
    expect(errorAt('ho-range-overbought')).toBe('from 90 is above to 60');
    expect(errorAt('ho-epochs')).toBe('must be a whole number, was "1.5"');
    expect(errorAt('ho-paramRanges')).toBeUndefined();
    for (const s of ['roi', 'stoploss', 'params']) await userEvent.click(space(s));
    await start();
    expect(errorAt('ho-spaces')).toBe('choose at least one space');
    expect(posted).toEqual([]);
  });
});
