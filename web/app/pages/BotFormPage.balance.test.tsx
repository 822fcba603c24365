import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const P = (name: string, unit: string | null) => ({ name, type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit, description: null, required: true });
const SCALPER = { id: 'scalper', name: 'Scalper', description: '', parameters: [P('quantity', 'base'), P('buyPrice', 'quote'), P('sellPrice', 'quote')] };
const sim = (paperQuoteBalance?: string) => ({ id: 'sim', name: 'Simulated', liveTrading: false, ...(paperQuoteBalance ? { paperQuoteBalance } : {}), symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] });
const BOT = { id: 'b1', name: 'Scalp', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER', status: 'STOPPED',
  config: { quantity: '0.00100', buyPrice: '50000.00', sellPrice: '51000.00' }, pnl: '12.50', totalTrades: 1, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '' };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(exchange: unknown, balances: unknown) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json(200, [SCALPER]);
    if (url === '/api/v1/exchanges') return json(200, [exchange]);
    if (url === '/api/v1/bots/b1') return json(200, BOT);
    if (url === '/api/v1/bots/b1/balances') return balances === 404 ? json(404, { status: 404 }) : json(200, balances);
    if (url.startsWith('/api/v1/price/ltp')) return json(200, { exchange: 'sim', symbol: 'BTC/USDT', price: '50000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
    return json(404, { status: 404, detail: url });
  }));
}

function renderAt(path: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={[path]}><Routes>
    <Route path="/bots/new" element={<BotFormPage />} /><Route path="/bots/:id/edit" element={<BotFormPage />} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

const quantity = () => screen.getByLabelText(/^Quantity/, { selector: 'input' }) as HTMLInputElement;

afterEach(() => vi.unstubAllGlobals());

describe('% of available balance', () => {
  it('an edited paper bot sizes from its own available balance (GET /bots/{id}/balances)', async () => {
    serve(sim('10000'), [{ asset: 'BTC', total: '0.16', available: '0.15' }, { asset: 'USDT', total: '9000.00', available: '5000.00' }]);
    const user = userEvent.setup();
    renderAt('/bots/b1/edit');
    expect(await screen.findByText(/Available: 5,000.00 USDT/)).toBeInTheDocument();
    // 50% of 5000 at the bot's buy price 50000 with the 0.1% fee: 2500 / 50050 = 0.04995.. -> 0.04995
    await user.click(screen.getByRole('button', { name: '50% of available balance' }));
    expect(quantity().value).toBe('0.04995');
  });

  it('a new paper bot sizes from the exchange\'s paperQuoteBalance', async () => {
    serve(sim('2000'), 404);
    const user = userEvent.setup();
    renderAt('/bots/new');
    expect(await screen.findByText(/Available: 2,000.00 USDT \(a new paper account starts with 2,000\)/)).toBeInTheDocument();
    await waitFor(() => expect((screen.getByLabelText(/^Buy price/, { selector: 'input' }) as HTMLInputElement).value).toBe('49000.00'));
    await user.click(screen.getByRole('button', { name: '100% of available balance' }));
    expect(quantity().value).toBe('0.04077'); // 2000 / (49000 x 1.001) = 0.040775..
  });

  it('falls back to the default start plus the bot\'s PnL on a server without these fields', async () => {
    serve(sim(), 404);
    renderAt('/bots/b1/edit');
    expect(await screen.findByText(/Available: 10,012.50 USDT \(paper account: 10,000 start plus this bot's PnL\)/)).toBeInTheDocument();
  });
});
