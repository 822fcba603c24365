import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

// The signal strategy's definition as GET /strategies serves it (abridged to two exits): the form is generated from it.
const SIGNAL = {
  id: 'signal', name: 'Webhook signals', description: 'Trades only on signals posted to the bot\'s webhook URL.', canShort: true,
  parameters: [
    { name: 'orderAmount', type: 'DECIMAL', default: '100', options: [], min: '0', exclusiveMin: true, max: null, step: null, unit: 'quote', description: 'Value of an entry.', required: false },
    { name: 'sizeUnit', type: 'ENUM', default: 'BASE', options: ['BASE', 'QUOTE'], min: null, exclusiveMin: false, max: null, step: null, unit: null, description: 'Unit of a signal\'s size.', required: false },
    { name: 'takeProfitPercent', type: 'DECIMAL', default: '0', options: [], min: '0', exclusiveMin: false, max: '1000', step: '0.1', unit: '%', description: 'Take profit.', required: false },
    { name: 'stopLossPercent', type: 'DECIMAL', default: '0', options: [], min: '0', exclusiveMin: false, max: '99', step: '0.1', unit: '%', description: 'Stop loss.', required: false },
  ],
};
const SIM = { id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const posted: unknown[] = [];

afterEach(() => { vi.unstubAllGlobals(); posted.length = 0; });

describe('bot form with the signal strategy', () => {
  it('offers Webhook signals and sends its generated parameters', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/v1/strategies') return json(200, [SIGNAL]);
      if (url === '/api/v1/exchanges') return json(200, [SIM]);
      if (url.startsWith('/api/v1/price/ltp')) return json(200, { exchange: 'sim', symbol: 'BTC/USDT', price: '64000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
      if (url === '/api/v1/bots' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(201, { id: 'b9' });
      }
      return json(404, { status: 404, code: 'NOT_FOUND', detail: url });
    }));
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/new']}><Routes>
        <Route path="/bots/new" element={<BotFormPage />} />
        <Route path="/bots/:id" element={<p>detail page</p>} />
      </Routes></MemoryRouter></ToastProvider></QueryClientProvider>,
    );
    const user = userEvent.setup();
    await waitFor(() => expect((screen.getByLabelText(/^Strategy/) as HTMLSelectElement).value).toBe('signal'));
    expect(screen.getByRole('option', { name: 'Webhook signals' })).toBeInTheDocument();
    expect(screen.getByText('Webhook signals parameters')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^Size unit|^sizeUnit/i), 'QUOTE');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ strategy: 'signal', exchange: 'sim', symbol: 'BTC/USDT',
      config: { orderAmount: '100', sizeUnit: 'QUOTE' } });
  });
});
