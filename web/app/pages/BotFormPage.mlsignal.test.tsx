// The ml-signal bot form: the model is a select of the caller's models, the confidence threshold a slider with its
// number; the rest is the generic form. fetch stubbed at the client boundary.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { json } from '../testing/fakes';
import { BotFormPage } from './BotFormPage';

const param = (name: string, type: string, over: Record<string, unknown> = {}) => ({ name, type, default: null, options: [], min: null,
  exclusiveMin: false, max: null, step: null, unit: null, description: null, required: false, liveEditable: true, ...over });
// as the ml-bot branch defines it (abridged): model is a STRING holding a model id
const ML_SIGNAL = { id: 'ml-signal', name: 'ML signal', description: 'Trades when the model is confident.', parameters: [
  param('model', 'STRING', { required: true, description: 'The model id.' }),
  param('confidence_threshold', 'DECIMAL', { default: '0.6', min: '0', max: '1', step: '0.01', description: 'Enter at or above.' }),
  param('capital_per_trade', 'DECIMAL', { default: '100', min: '0', exclusiveMin: true, unit: 'quote' }),
] };
const SIM = { id: 'sim', name: 'Simulated', liveTrading: false, paperTrading: true, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] };
const model = (id: string, name: string, version: number, symbol = 'BTC/USDT') => ({ id, name, version, symbol, description: null,
  featureSet: 'seed-v1', featureCount: 24, objective: 'BINARY', trees: 100, fileSize: 1, sha256: 'x', createdAt: '2026-12-01T00:00:00Z', usedBy: [] });

const posted: Record<string, unknown>[] = [];
afterEach(() => { vi.unstubAllGlobals(); posted.length = 0; });

function serve(models: unknown[]) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json([ML_SIGNAL]);
    if (url === '/api/v1/exchanges') return json([SIM]);
    if (url === '/api/v1/models?size=100') return json({ items: models, page: 0, size: 100, total: models.length });
    if (url.startsWith('/api/v1/price/ltp')) return json({ exchange: 'sim', symbol: 'BTC/USDT', price: '64000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
    if (url === '/api/v1/bots' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json({ id: 'b9' }, 201);
    }
    return json({ status: 404, detail: url }, 404);
  }));
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/new']}><Routes>
    <Route path="/bots/new" element={<BotFormPage />} />
    <Route path="/bots/:id" element={<p>detail page</p>} />
    <Route path="/models" element={<p>models page</p>} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

describe('bot form with the ml-signal strategy', () => {
  it('picks the model from the caller\'s models and sets the threshold with a slider', async () => {
    serve([model('m2', 'scalp', 2), model('m1', 'scalp', 1), model('m0', 'alpha', 1, 'LTC/BTC')]);
    const user = userEvent.setup();
    const select = await screen.findByRole('combobox', { name: /^Model/ });
    await waitFor(() => expect(screen.getByRole('option', { name: 'scalp v2 · BTC/USDT' })).toBeInTheDocument());
    expect([...(select as HTMLSelectElement).options].map((o) => o.text))
      .toEqual(['Choose a model', 'alpha v1 · LTC/BTC', 'scalp v2 · BTC/USDT', 'scalp v1 · BTC/USDT']);
    await user.selectOptions(select, 'scalp v2 · BTC/USDT');

    const slider = screen.getByRole('slider', { name: 'Confidence threshold slider' });
    const number = screen.getByLabelText(/^Confidence threshold/, { selector: 'input[type=number]' });
    expect(slider).toHaveValue('0.6');
    expect(number).toHaveValue(0.6);
    fireEvent.change(slider, { target: { value: '0.72' } });
    expect(number).toHaveValue(0.72);
    await user.clear(number);
    await user.type(number, '0.8');
    expect(slider).toHaveValue('0.8');

    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ strategy: 'ml-signal', config: { model: 'm2', confidence_threshold: '0.8', capital_per_trade: '100' } });
  });

  it('points to the Models page when the caller has no model', async () => {
    serve([]);
    const hint = await screen.findByTestId('no-models');
    expect(hint).toHaveTextContent('No models yet: upload or train one first.');
    expect(screen.getByRole('link', { name: 'upload or train one' })).toHaveAttribute('href', '/models');
  });
});
