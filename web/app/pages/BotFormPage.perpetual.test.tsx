import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const param = (name: string, over: Record<string, unknown>) => ({ name, type: 'DECIMAL', default: null, options: [], min: null,
  exclusiveMin: false, max: null, step: null, unit: null, description: null, required: false, ...over });
const SCALPER = {
  id: 'scalper', name: 'Scalper', description: 'Buys low, sells high.', canShort: true,
  parameters: [
    param('firstOrder', { type: 'ENUM', default: 'BUY', options: ['BUY', 'SELL'], description: 'Side of the first order.' }),
    param('quantity', { min: '0', exclusiveMin: true, unit: 'base', required: true }),
    param('buyPrice', { min: '0', exclusiveMin: true, unit: 'quote', required: true }),
    param('sellPrice', { min: '0', exclusiveMin: true, unit: 'quote', required: true }),
  ],
};
const GRID = { ...SCALPER, id: 'grid', name: 'Grid', canShort: false };
const BTC = { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.001', minQuantity: '0.001',
  minNotional: '5', makerFee: '0.0002', takerFee: '0.0005' };
const SIM = { id: 'sim', name: 'Simulated exchange', liveTrading: false, paperTrading: true, symbols: [{ ...BTC, perpetual: false, settleAsset: null, maxLeverage: null, contractSize: null }] };
const SIM_PERP = { id: 'sim_perp', name: 'Simulated perpetuals', liveTrading: false, paperTrading: true,
  symbols: [{ ...BTC, perpetual: true, settleAsset: 'USDT', maxLeverage: '50', contractSize: '1' }] };

const EDITED = { id: 'b1', name: 'Short scalper', exchange: 'sim_perp', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
  status: 'STOPPED', config: { firstOrder: 'SELL', quantity: '0.010', buyPrice: '63000.00', sellPrice: '64000.00' },
  pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '', leverage: '5', marginMode: 'CROSS' };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

let sent: { method: string; body: Record<string, unknown> }[] = [];

function serve(answer?: (body: Record<string, unknown>) => Response) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json(200, [SCALPER, GRID]);
    if (url === '/api/v1/exchanges') return json(200, [SIM, SIM_PERP]);
    if (url === '/api/v1/bots/b1' && !init?.method) return json(200, EDITED);
    if (url.startsWith('/api/v1/bots/b1/balances')) return json(200, [{ asset: 'USDT', total: '10000', available: '10000' }]);
    if (url.startsWith('/api/v1/price/ltp')) return json(200, { exchange: 'x', symbol: 'BTC/USDT', price: '64000.00', fundingRate: '0.0001', timestamp: '2026-01-01T00:00:00Z' });
    if (url.startsWith('/api/v1/bots') && (init?.method === 'POST' || init?.method === 'PUT')) {
      const body = JSON.parse(String(init.body));
      sent.push({ method: init.method, body });
      return answer?.(body) ?? json(init.method === 'POST' ? 201 : 200, { ...EDITED, ...body, id: 'b1' });
    }
    return json(404, { status: 404, detail: `unexpected ${url}` });
  }));
}

function renderAt(path: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={[path]}><Routes>
    <Route path="/bots/new" element={<BotFormPage />} />
    <Route path="/bots/:id/edit" element={<BotFormPage />} />
    <Route path="/bots/:id" element={<p>detail page</p>} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const select = (label: RegExp) => screen.getByLabelText(label, { selector: 'select' }) as HTMLSelectElement;
const leverage = () => screen.queryByLabelText('Leverage', { selector: 'input' }) as HTMLInputElement | null;

async function newPerpetualBot(user: ReturnType<typeof userEvent.setup>) {
  renderAt('/bots/new');
  await waitFor(() => expect(input(/^Buy price/).value).toBe('62720.00'));
  await user.selectOptions(select(/^Exchange/), 'sim_perp');
  await waitFor(() => expect(leverage()).not.toBeNull());
  await user.type(input(/^Quantity/), '0.010');
}

beforeEach(() => { sent = []; });
afterEach(() => vi.unstubAllGlobals());

describe('bot form on a perpetual market', () => {
  it('shows leverage, margin mode and the short hint for a perpetual only', async () => {
    serve();
    const user = userEvent.setup();
    renderAt('/bots/new');
    await waitFor(() => expect(input(/^Buy price/).value).toBe('62720.00'));
    expect(screen.getByRole('option', { name: 'Simulated perpetuals — Perpetual, paper only' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Simulated exchange — paper only' })).toBeInTheDocument();
    // spot: nothing about leverage
    expect(leverage()).toBeNull();
    expect(screen.queryByLabelText('Margin mode')).toBeNull();
    expect(screen.queryByTestId('hint-firstOrder')).toBeNull();

    await user.selectOptions(select(/^Exchange/), 'sim_perp');
    await waitFor(() => expect(leverage()).not.toBeNull());
    expect(leverage()!.value).toBe('1');
    expect(select(/^Margin mode/).value).toBe('ISOLATED');
    expect(screen.getByText('Isolated: only this bot\'s margin can be lost.')).toBeInTheDocument();
    expect(screen.getByTestId('perpetual-facts')).toHaveTextContent('Perpetual contract · settles in USDT · max 50×');
    expect(screen.getByTestId('hint-firstOrder')).toHaveTextContent('SELL opens a short');
    expect(screen.getByRole('group', { name: 'Leverage quick picks' })).toHaveTextContent('1×3×5×10×50×');

    // a strategy that cannot short gets no hint
    await user.selectOptions(select(/^Strategy/), 'grid');
    expect(screen.queryByTestId('hint-firstOrder')).toBeNull();

    await user.selectOptions(select(/^Exchange/), 'sim');
    expect(leverage()).toBeNull();
    expect(screen.queryByLabelText('Margin mode')).toBeNull();
  });

  it('sends the leverage and margin mode chosen', async () => {
    serve();
    const user = userEvent.setup();
    await newPerpetualBot(user);
    await user.click(screen.getByRole('button', { name: '5×' }));
    expect(leverage()!.value).toBe('5');
    expect(screen.getByRole('button', { name: '5×' })).toHaveAttribute('aria-pressed', 'true');
    // 0.010 BTC at 62,720.00 is 627.20 USDT; at 5× it needs a fifth of that as margin
    expect(screen.getByTestId('order-margin')).toHaveTextContent('margin 125.44 USDT at 5×');
    await user.selectOptions(select(/^Margin mode/), 'CROSS');
    expect(screen.getByText(/^Cross: the whole account/)).toBeInTheDocument();
    await user.selectOptions(select(/^First order/), 'SELL');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));

    await screen.findByText('detail page');
    expect(sent).toEqual([{ method: 'POST', body: {
      name: 'Scalper BTC/USDT', exchange: 'sim_perp', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
      config: { firstOrder: 'SELL', quantity: '0.010', buyPrice: '62720.00', sellPrice: '65280.00' },
      leverage: '5', marginMode: 'CROSS',
    } }]);
  });

  it('refuses a leverage above the market\'s maximum before sending, in the server\'s words', async () => {
    serve();
    const user = userEvent.setup();
    await newPerpetualBot(user);
    await user.clear(leverage()!);
    await user.type(leverage()!, '500');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));

    expect(await screen.findByText('is above the maximum 50 of BTC/USDT')).toBeInTheDocument();
    expect(leverage()).toHaveAttribute('aria-invalid', 'true');
    expect(leverage()).toHaveAccessibleDescription('is above the maximum 50 of BTC/USDT');
    expect(sent).toEqual([]);

    await user.clear(leverage()!);
    await user.type(leverage()!, '0.5');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    expect(await screen.findByText('must be at least 1')).toBeInTheDocument();
    expect(sent).toEqual([]);

    // typing again clears the error
    await user.clear(leverage()!);
    await user.type(leverage()!, '3');
    expect(screen.queryByText('must be at least 1')).toBeNull();
    expect(leverage()).toHaveAttribute('aria-invalid', 'false');
  });

  it('puts the server\'s leverage and margin mode errors under those fields', async () => {
    serve(() => json(400, {
      title: 'Bad Request', status: 400, code: 'VALIDATION_ERROR',
      detail: 'leverage: is above the maximum 20 of BTC/USDT; marginMode: must be one of ISOLATED, CROSS',
      errors: [
        { field: 'leverage', message: 'is above the maximum 20 of BTC/USDT', rejectedValue: '25' },
        { field: 'marginMode', message: 'must be one of ISOLATED, CROSS', rejectedValue: 'X' },
      ],
    }));
    const user = userEvent.setup();
    await newPerpetualBot(user);
    await user.clear(leverage()!);
    await user.type(leverage()!, '25');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));

    await waitFor(() => expect(leverage()).toHaveAccessibleDescription('is above the maximum 20 of BTC/USDT'));
    expect(select(/^Margin mode/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be one of ISOLATED, CROSS')).toHaveAttribute('data-field-error', 'marginMode');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ leverage: '25', marginMode: 'ISOLATED' });
  });

  it('keeps a bot\'s leverage and margin mode when it is edited', async () => {
    serve();
    const user = userEvent.setup();
    renderAt('/bots/b1/edit');
    await waitFor(() => expect(leverage()?.value).toBe('5'));
    expect(select(/^Margin mode/).value).toBe('CROSS');
    await user.clear(input(/^Name/));
    await user.type(input(/^Name/), 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save bot' }));

    await screen.findByText('detail page');
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('PUT');
    expect(sent[0].body).toMatchObject({ name: 'Renamed', exchange: 'sim_perp', leverage: '5', marginMode: 'CROSS' });
  });
});
