// Editing a running bot (hot reload): only live-editable parameters and the name can change, the PUT goes out as for a
// stopped bot, and the server's 409 for a structural change is shown. fetch mocked at the client boundary.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const P = (name: string, unit: string | null, liveEditable: boolean) => ({ name, type: 'DECIMAL', default: null, options: [], min: '0',
  exclusiveMin: true, max: null, step: null, unit, description: null, required: true, liveEditable });
const FIRST = { name: 'firstOrder', type: 'ENUM', default: 'BUY', options: ['BUY', 'SELL'], min: null, exclusiveMin: false, max: null,
  step: null, unit: null, description: null, required: false, liveEditable: false };
const SCALPER = { id: 'scalper', name: 'Scalper', description: '',
  parameters: [FIRST, P('quantity', 'base', true), P('buyPrice', 'quote', true), P('sellPrice', 'quote', true)] };
const SIM = { id: 'sim', name: 'Simulated', liveTrading: false, paperTrading: true, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] };
const BOT = { id: 'b1', name: 'Scalp', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER', status: 'ACTIVE',
  config: { firstOrder: 'BUY', quantity: '0.00100', buyPrice: '50000.00', sellPrice: '51000.00' }, pnl: '0', totalTrades: 0,
  lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '' };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

let puts: Record<string, unknown>[] = [];

function serve(onPut: (body: Record<string, unknown>) => Response) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json(200, [SCALPER]);
    if (url === '/api/v1/exchanges') return json(200, [SIM]);
    if (url === '/api/v1/bots/b1' && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body));
      puts.push(body);
      return onPut(body);
    }
    if (url === '/api/v1/bots/b1') return json(200, BOT);
    if (url === '/api/v1/bots/b1/balances') return json(200, []);
    if (url.startsWith('/api/v1/price/ltp')) return json(200, { exchange: 'sim', symbol: 'BTC/USDT', price: '50000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
    return json(404, { status: 404, detail: url });
  }));
}

function renderEdit() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/b1/edit']}><Routes>
    <Route path="/bots/:id/edit" element={<BotFormPage />} />
    <Route path="/bots/:id" element={<p>detail page</p>} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

const sellPrice = () => screen.getByLabelText(/^Sell price/, { selector: 'input' }) as HTMLInputElement;

afterEach(() => {
  vi.unstubAllGlobals();
  puts = [];
});

describe('editing a running bot', () => {
  it('enables only the live-editable parameters and the name, and says why the rest is locked', async () => {
    serve((body) => json(200, { ...BOT, ...body }));
    renderEdit();
    await waitFor(() => expect(sellPrice().value).toBe('51000.00'));
    expect(screen.getByText(/^This bot is running/)).toBeInTheDocument();
    expect(sellPrice()).toBeEnabled();
    expect(screen.getByLabelText(/^Quantity/, { selector: 'input' })).toBeEnabled();
    expect(screen.getByLabelText('Name')).toBeEnabled();
    expect(screen.getByLabelText(/^First order/)).toBeDisabled();
    expect(screen.getByTestId('param-box-firstOrder')).toHaveTextContent('Stop the bot to change');
    expect(screen.getByTestId('param-box-sellPrice')).not.toHaveTextContent('Stop the bot to change');
    expect(screen.getByLabelText('Exchange')).toBeDisabled();
    expect(screen.getByLabelText('Strategy')).toBeDisabled();
    expect(screen.getByLabelText('Mode')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save bot' })).toBeEnabled();
  });

  it('sends the new value with PUT and shows that the running bot applies it', async () => {
    serve((body) => json(200, { ...BOT, ...body }));
    const user = userEvent.setup();
    renderEdit();
    await waitFor(() => expect(sellPrice().value).toBe('51000.00'));
    await user.clear(sellPrice());
    await user.type(sellPrice(), '52000.00');
    await user.click(screen.getByRole('button', { name: 'Save bot' }));
    expect(await screen.findByText('detail page')).toBeInTheDocument();
    expect(puts).toHaveLength(1);
    expect((puts[0].config as Record<string, unknown>).sellPrice).toBe('52000.00');
    expect(puts[0].strategy).toBe('scalper');
    expect(await screen.findByText(/applies it at its next turn/)).toBeInTheDocument();
  });

  it('shows the server\'s refusal of a change that needs a stop', async () => {
    serve(() => json(409, { status: 409, code: 'BOT_RUNNING_STRUCTURAL_CHANGE', fields: ['config.quantity'],
      detail: "Bot 'Scalp' is ACTIVE: stop it to change config.quantity" }));
    const user = userEvent.setup();
    renderEdit();
    await waitFor(() => expect(sellPrice().value).toBe('51000.00'));
    await user.click(screen.getByRole('button', { name: 'Save bot' }));
    expect((await screen.findAllByText(/stop it to change config.quantity/)).length).toBeGreaterThan(0);
    expect(screen.queryByText('detail page')).not.toBeInTheDocument();
  });
});
