// The rules strategy in the bot form: the builder edits entry / exit, the config sent is its JSON, and the server's
// errors at paths inside a rule land on the condition's control.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const param = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name, type, default: null, options: [], min: null, exclusiveMin: false, max: null, step: null, unit: null,
  description: null, required: false, ...extra,
});
// A server Map may list the default's keys in any order: the builder keeps them as they come.
const RULES = {
  id: 'rules', name: 'Rules (no code)', description: 'Buys when the entry rule holds.',
  parameters: [
    param('orderAmount', 'DECIMAL', { default: '100', unit: 'quote', min: '0', exclusiveMin: true }),
    param('timeframe', 'ENUM', { default: '1m', options: ['1m', '5m'] }),
    param('entry', 'JSON', { default: { all: [{ op: '<', right: 30, left: { period: 14, indicator: 'rsi' } }] }, description: 'Entry rule tree.' }),
    param('exit', 'JSON', { description: 'Exit rule tree.' }),
    param('takeProfitSteps', 'JSON'),
  ],
};
const SIM = {
  id: 'sim', name: 'Simulated', liveTrading: false,
  symbols: [{ symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' }],
};

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const posted: { config: Record<string, unknown> }[] = [];

function mockServer() {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json(200, [RULES]);
    if (url === '/api/v1/exchanges') return json(200, [SIM]);
    if (url.startsWith('/api/v1/price/ltp')) {
      return json(200, { exchange: 'sim', symbol: 'BTC/USDT', price: '64000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
    }
    if (url === '/api/v1/bots' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json(400, {
        type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION_ERROR',
        detail: 'config.entry.all[0].left.period: must be a whole number from 2 to 1000',
        errors: [
          { field: 'config.entry.all[0].left.period', message: 'must be a whole number from 2 to 1000', rejectedValue: 1 },
          { field: 'config.exit.op', message: 'must be one of >, <, >=, <=, crossesAbove, crossesBelow', rejectedValue: '>' },
          { field: 'config.takeProfitSteps[0].amountPercent', message: 'must be a number', rejectedValue: 'x' },
        ],
      }, 'application/problem+json');
    }
    return json(404, { status: 404, code: 'NOT_FOUND', detail: `unexpected ${url}` }, 'application/problem+json');
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('bot form with the rules strategy', () => {
  it('sends the builder\'s rules and shows the server\'s errors on their conditions', async () => {
    mockServer();
    const user = userEvent.setup();
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <ToastProvider>
          <MemoryRouter initialEntries={['/bots/new']}>
            <Routes><Route path="/bots/new" element={<BotFormPage />} /></Routes>
          </MemoryRouter>
        </ToastProvider>
      </QueryClientProvider>,
    );
    const control = (name: string) => screen.getByLabelText(name) as HTMLInputElement & HTMLSelectElement;

    const period = await screen.findByLabelText('Entry condition 1 left period');
    expect(control('Entry condition 1 left side').value).toBe('rsi');
    await user.clear(period);
    await user.type(period, '1');
    await user.click(screen.getByRole('button', { name: 'Add exit rule' }));
    await user.selectOptions(control('Exit condition 1 comparison'), '>');
    await user.clear(control('Exit condition 1 right value'));
    await user.type(control('Exit condition 1 right value'), '70');
    await user.click(screen.getByLabelText(/^Take profit steps/));
    await user.paste('[{"amountPercent": "x", "profitPercent": 1}]');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));

    await waitFor(() => expect(control('Entry condition 1 left period')).toHaveAttribute('aria-invalid', 'true'));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0].config.entry)).toBe('{"all":[{"op":"<","right":30,"left":{"period":1,"indicator":"rsi"}}]}');
    expect(posted[0].config.exit).toEqual({ left: { indicator: 'rsi', period: 14 }, op: '>', right: 70 });

    expect(control('Entry condition 1 left period')).toHaveAccessibleDescription('must be a whole number from 2 to 1000');
    expect(control('Entry condition 1 right value')).toHaveAttribute('aria-invalid', 'false');
    expect(control('Exit condition 1 comparison')).toHaveAccessibleDescription('must be one of >, <, >=, <=, crossesAbove, crossesBelow');
    expect(screen.getByLabelText(/^Take profit steps/)).toHaveAccessibleDescription('[0].amountPercent: must be a number');
    expect(screen.queryByText(/config\.entry/)).not.toBeInTheDocument();   // not in the general box: on its field
  });
});
