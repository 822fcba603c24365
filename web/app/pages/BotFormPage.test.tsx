import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const SCALPER = {
  id: 'scalper', name: 'Scalper', description: 'Buys low, sells high.',
  parameters: [
    { name: 'firstOrder', type: 'ENUM', default: 'BUY', options: ['BUY', 'SELL'], min: null, exclusiveMin: false, max: null, step: null, unit: null, description: 'Side of the first order.', required: false },
    { name: 'quantity', type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit: 'base', description: 'Order quantity.', required: true },
    { name: 'buyPrice', type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit: 'quote', description: 'Buy limit.', required: true },
    { name: 'sellPrice', type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit: 'quote', description: 'Sell limit.', required: true },
    { name: 'trailingPercent', type: 'DECIMAL', default: '0', options: [], min: '0', exclusiveMin: false, max: '50', step: '0.1', unit: '%', description: 'Trail.', required: false },
    { name: 'infiniteLoop', type: 'BOOLEAN', default: true, options: [], min: null, exclusiveMin: false, max: null, step: null, unit: null, description: 'Repeat.', required: false },
  ],
};
const SIM = {
  id: 'sim', name: 'Simulated', liveTrading: false,
  symbols: [
    { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
    { symbol: 'XRP/USDT', baseAsset: 'XRP', quoteAsset: 'USDT', tickSize: '0.0001', lotSize: '1', minQuantity: '1', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
  ],
};

type Handler = (url: string, init?: RequestInit) => Response | undefined;
let posted: unknown[] = [];

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function mockServer(extra?: Handler, ltp: Record<string, string | null> = { 'BTC/USDT': '64000.00', 'XRP/USDT': null }) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    const custom = extra?.(url, init);
    if (custom) return custom;
    if (url === '/api/v1/strategies') return json(200, [SCALPER]);
    if (url === '/api/v1/exchanges') return json(200, [SIM]);
    if (url.startsWith('/api/v1/price/ltp')) {
      const symbol = new URL(url, 'http://x').searchParams.get('symbol') ?? '';
      const price = ltp[symbol];
      return price ? json(200, { exchange: 'sim', symbol, price, fundingRate: null, timestamp: '2026-01-01T00:00:00Z' })
        : json(404, { status: 404, code: 'NOT_FOUND', detail: 'no price' }, 'application/problem+json');
    }
    return json(404, { status: 404, code: 'NOT_FOUND', detail: `unexpected ${url}` }, 'application/problem+json');
  }));
}

function renderForm() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <MemoryRouter initialEntries={['/bots/new']}>
          <Routes>
            <Route path="/bots/new" element={<BotFormPage />} />
            <Route path="/bots/:id" element={<p>detail page</p>} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const field = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

beforeEach(() => { posted = []; });
afterEach(() => vi.unstubAllGlobals());

describe('bot form', () => {
  it('shows the LTP and defaults buy/sell to LTP x 0.98 / x 1.02 with the LTP precision as step', async () => {
    mockServer();
    renderForm();
    await waitFor(() => expect(screen.getByTestId('ltp')).toHaveTextContent('64,000.00 USDT'));
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    expect(field(/^Sell price/).value).toBe('65280.00');
    expect(field(/^Buy price/).step).toBe('0.01');
  });

  it('moves prices with the % buttons and quantity with the step buttons, never below zero', async () => {
    mockServer();
    const user = userEvent.setup();
    renderForm();
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    await user.click(screen.getByRole('button', { name: 'Buy price +1%' }));
    expect(field(/^Buy price/).value).toBe('63347.20');
    await user.click(screen.getByRole('button', { name: 'Sell price -0.5%' }));
    expect(field(/^Sell price/).value).toBe('64953.60');

    // BTC/USDT lot 0.00001, min notional 5: one step is 0.0001 BTC (6.33 USDT at 63347.20), not 1 BTC
    await user.click(screen.getByRole('button', { name: 'Quantity +0.0005' }));
    await user.click(screen.getByRole('button', { name: 'Quantity -0.0002' }));
    expect(field(/^Quantity/).value).toBe('0.00030');
    expect(screen.getByTestId('order-cost')).toHaveTextContent('Order value 19.00 USDT + fee 0.02 USDT');
    await user.click(screen.getByRole('button', { name: 'Quantity -0.001' }));
    expect(field(/^Quantity/).value).toBe('0.00000');
  });

  it('sizes the order from a share of the paper balance and shows its cost in quote', async () => {
    mockServer();
    const user = userEvent.setup();
    renderForm();
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    expect(screen.getByText(/Available: 10,000.00 USDT/)).toBeInTheDocument();
    // 25% of 10000 USDT at 62720.00 with the 0.1% fee on top: 2500 / 62782.72 = 0.0398198.. -> 0.03981 (rounded down to the lot 0.00001)
    await user.click(screen.getByRole('button', { name: '25% of available balance' }));
    expect(field(/^Quantity/).value).toBe('0.03981');
    expect(screen.getByTestId('order-cost')).toHaveTextContent('Order value 2,496.88 USDT + fee 2.50 USDT');
    await user.click(screen.getByRole('button', { name: '100% of available balance' }));
    expect(field(/^Quantity/).value).toBe('0.15927');
  });

  it('shows N/A without a price and keeps the tick size precision', async () => {
    mockServer();
    const user = userEvent.setup();
    renderForm();
    await waitFor(() => expect(screen.getByTestId('ltp')).toHaveTextContent('64,000.00 USDT'));
    await user.clear(field(/^Symbol/));
    await user.type(field(/^Symbol/), 'XRP/USDT');
    await waitFor(() => expect(screen.getByTestId('ltp')).toHaveTextContent('N/A'));
    expect(field(/^Buy price/).step).toBe('0.0001');
  });

  it('puts the server\'s field errors next to their fields', async () => {
    mockServer((url, init) => {
      if (url === '/api/v1/bots' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(400, {
          type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION_ERROR',
          detail: 'config.sellPrice: must be greater than buyPrice (62720.00)',
          errors: [
            { field: 'config.sellPrice', message: 'must be greater than buyPrice (62720.00)', rejectedValue: '100' },
            { field: 'name', message: 'must not be blank' },
          ],
        }, 'application/problem+json');
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderForm();
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    await user.click(screen.getByRole('button', { name: 'Quantity +0.0001' }));
    await user.clear(field(/^Sell price/));
    await user.type(field(/^Sell price/), '100');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));

    await waitFor(() => expect(field(/^Sell price/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('must be greater than buyPrice (62720.00)')).toBeInTheDocument();
    expect(field(/^Sell price/)).toHaveAccessibleDescription('must be greater than buyPrice (62720.00)');
    expect(screen.getByText('must not be blank')).toBeInTheDocument();
    expect(field(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toEqual([{
      name: 'Scalper BTC/USDT', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
      config: { firstOrder: 'BUY', quantity: '0.00010', buyPrice: '62720.00', sellPrice: '100', trailingPercent: '0', infiniteLoop: true },
    }]);
  });

  it('resets to the defaults', async () => {
    mockServer();
    const user = userEvent.setup();
    renderForm();
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    await user.click(screen.getByRole('button', { name: 'Buy price -1%' }));
    await user.click(screen.getByRole('button', { name: 'Quantity +0.001' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(field(/^Buy price/).value).toBe('62720.00'));
    expect(field(/^Quantity/).value).toBe('');
  });
});
