// Venues, market search and LIVE bots in the bot form, fetch mocked at the client boundary.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { BotFormPage } from './BotFormPage';

const P = (name: string, unit: string | null) => ({ name, type: 'DECIMAL', default: null, options: [], min: '0', exclusiveMin: true, max: null, step: null, unit, description: null, required: true });
const SCALPER = { id: 'scalper', name: 'Scalper', description: '', parameters: [P('quantity', 'base'), P('buyPrice', 'quote'), P('sellPrice', 'quote')] };
const sym = (symbol: string, tickSize = '0.01') => {
  const [baseAsset, quoteAsset] = symbol.split('/');
  return { symbol, baseAsset, quoteAsset, tickSize, lotSize: '0.0001', minQuantity: '0.0001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' };
};
// a real venue's list is long: thousands of markets, never drawn all at once
const MANY = Array.from({ length: 3000 }, (_, i) => sym(`T${i}/USDT`));
const VENUES = [
  { id: 'sim', name: 'Simulated exchange', liveTrading: false, paperTrading: true, testnet: false, status: 'READY', statusReason: null,
    paperQuoteBalance: '10000', symbols: [sym('BTC/USDT'), sym('ETH/USDT')] },
  { id: 'binance', name: 'Binance', liveTrading: true, paperTrading: true, testnet: true, status: 'READY', statusReason: null,
    paperQuoteBalance: '10000', symbols: [sym('BTC/USDT'), sym('ETH/BTC', '0.00001'), sym('ETH/USDT'), ...MANY] },
  { id: 'bybit', name: 'Bybit', liveTrading: true, paperTrading: true, testnet: false, status: 'UNAVAILABLE',
    statusReason: 'Bybit is under maintenance', paperQuoteBalance: '10000', symbols: [] },
];
const KEYS = [
  { id: 'k-main', exchange: 'binance', label: 'Main', apiKeyMasked: '****abcd', testnet: false, canTrade: true, canWithdraw: false, verifiedAt: '2026-03-01T10:00:00Z', warnings: [], createdAt: '2026-03-01T10:00:00Z' },
  { id: 'k-bybit', exchange: 'bybit', label: 'Bybit one', apiKeyMasked: '****zzzz', testnet: false, canTrade: true, canWithdraw: false, verifiedAt: null, warnings: [], createdAt: '2026-03-01T10:00:00Z' },
];

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

let posted: Record<string, unknown>[] = [];
let searches: string[] = [];
let keys: typeof KEYS = KEYS;

function serve(onPost?: (body: Record<string, unknown>) => Response) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/strategies') return json(200, [SCALPER]);
    if (url === '/api/v1/exchanges') return json(200, VENUES);
    if (url === '/api/v1/credentials') return json(200, keys);
    if (url === '/api/v1/credentials/k-main/balances') {
      return json(200, { credentialId: 'k-main', exchange: 'binance', fetchedAt: '2026-03-02T09:30:00Z',
        balances: [{ asset: 'BTC', total: '0.1', available: '0.1' }, { asset: 'USDT', total: '2000', available: '1500' }] });
    }
    if (url.startsWith('/api/v1/exchanges/binance/symbols')) {
      searches.push(url);
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      return json(200, q.toUpperCase() === 'ETH' ? [sym('ETH/USDT'), sym('ETH/BTC', '0.00001')] : []);
    }
    if (url.startsWith('/api/v1/price/ltp')) return json(200, { exchange: 'x', symbol: 'x', price: '2000.00', fundingRate: null, timestamp: '2026-01-01T00:00:00Z' });
    if (url === '/api/v1/bots' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      posted.push(body);
      return onPost?.(body) ?? json(201, { id: 'new-bot', ...body, status: 'STOPPED' });
    }
    return json(404, { status: 404, detail: `unexpected ${url}` });
  }));
}

function renderForm() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/bots/new']}><Routes>
    <Route path="/bots/new" element={<BotFormPage />} />
    <Route path="/bots/:id" element={<p>detail page</p>} />
    <Route path="/credentials" element={<p>keys page</p>} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

const exchange = () => screen.getByLabelText('Exchange') as HTMLSelectElement;
const mode = () => screen.getByLabelText('Mode') as HTMLSelectElement;
const symbol = () => screen.getByRole('combobox', { name: 'Symbol' }) as HTMLInputElement;
const option = (select: HTMLElement, value: string) => select.querySelector(`option[value="${value}"]`) as HTMLOptionElement;

async function liveBotOnBinance(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByLabelText('Exchange'), 'binance');
  await user.selectOptions(mode(), 'LIVE');
  await waitFor(() => expect((screen.getByLabelText(/^Buy price/, { selector: 'input' }) as HTMLInputElement).value).toBe('1960.00'));
  await user.type(screen.getByLabelText(/^Quantity/, { selector: 'input' }), '0.01');
}

beforeEach(() => { posted = []; searches = []; keys = KEYS; });
afterEach(() => vi.unstubAllGlobals());

describe('bot form: venues', () => {
  it('lists every venue with what it trades, disables an unavailable one with its reason, and starts on paper', async () => {
    serve();
    renderForm();
    const select = await screen.findByLabelText('Exchange');
    expect(within(select).getAllByRole('option').map((o) => o.textContent))
      .toEqual(['Simulated exchange — paper only', 'Binance — live & paper', 'Bybit — live & paper (unavailable)']);
    expect(option(select, 'bybit')).toBeDisabled();
    expect(option(select, 'binance')).toBeEnabled();
    expect(screen.getByText('Bybit is unavailable: Bybit is under maintenance.')).toBeInTheDocument();
    expect(exchange().value).toBe('sim');
    expect(mode().value).toBe('PAPER');
    expect(option(mode(), 'LIVE')).toBeDisabled(); // sim is paper-only
    expect(screen.queryByLabelText('API key')).toBeNull();
  });
});

describe('bot form: market search', () => {
  it('asks the venue\'s search once typing settles, shows at most its answer, and picks with the keyboard or the mouse', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(await screen.findByLabelText('Exchange'), 'binance');
    expect(symbol()).toHaveValue('BTC/USDT');
    expect(document.querySelector('datalist')).toBeNull(); // thousands of markets are not drawn

    await user.clear(symbol());
    await user.type(symbol(), 'eth{Enter}'); // Enter before the answer is in: neither picks nor submits
    expect(posted).toEqual([]);
    const list = await screen.findByRole('listbox', { name: 'Markets of Binance' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent?.split('tick')[0])).toEqual(['ETH/USDT', 'ETH/BTC']));
    expect(symbol()).toHaveAttribute('aria-expanded', 'true');
    // debounced: asked for what was typed, not for each key on the way
    expect(searches.at(-1)).toBe('/api/v1/exchanges/binance/symbols?q=ETH&limit=20');
    expect(searches.filter((u) => /q=ET?&/.test(u))).toEqual([]);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(symbol()).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[1].id);
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(symbol()).toHaveValue('ETH/BTC');
    expect(symbol()).toHaveAttribute('aria-expanded', 'false');
    expect(posted).toEqual([]); // Enter picked, it did not submit
    expect(screen.getByText(/Tick 0.00001 BTC/)).toBeInTheDocument();

    await user.clear(symbol());
    await user.type(symbol(), 'eth');
    await user.click(await screen.findByRole('option', { name: /^ETH\/USDT/ }));
    expect(symbol()).toHaveValue('ETH/USDT');
    expect(screen.getByText(/Tick 0.01 USDT/)).toBeInTheDocument();

    await user.type(symbol(), 'X');
    await user.keyboard('{Escape}');
    expect(symbol()).toHaveAttribute('aria-expanded', 'false');
  });

  it('filters the paper-only venue\'s own list without asking the server', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await user.clear(await screen.findByRole('combobox', { name: 'Symbol' }));
    await user.type(symbol(), 'ethusdt');
    const list = await screen.findByRole('listbox', { name: 'Markets of Simulated exchange' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent?.split('tick')[0])).toEqual(['ETH/USDT']);
    await user.keyboard('{Enter}');
    expect(symbol()).toHaveValue('ETH/USDT');
    expect(searches).toEqual([]);
  });
});

describe('bot form: LIVE', () => {
  it('needs a key of the bot\'s exchange and a confirmation naming venue, market and key; cancel sends nothing', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    const key = screen.getByLabelText('API key') as HTMLSelectElement;
    await waitFor(() => expect(within(key).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a key…', 'Main (****abcd)']));

    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    expect(screen.getByText('Choose the API key this bot trades with.')).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.selectOptions(key, 'k-main');
    expect(screen.queryByText('Choose the API key this bot trades with.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    let dialog = screen.getByRole('dialog', { name: 'Trade with real money?' });
    expect(dialog).toHaveTextContent('Binance');
    expect(dialog).toHaveTextContent('BTC/USDT');
    expect(dialog).toHaveTextContent('Main (****abcd)');
    expect(dialog).toHaveTextContent(/Real money is at stake/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(); // Enter does not spend money
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Create live bot' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(); // Tab stays in the dialog
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create bot' })).toHaveFocus(); // back where it was

    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    dialog = screen.getByRole('dialog', { name: 'Trade with real money?' });
    await user.click(within(dialog).getByRole('button', { name: 'Create live bot' }));
    expect(await screen.findByText('detail page')).toBeInTheDocument();
    expect(posted).toEqual([{ name: 'Scalper BTC/USDT', exchange: 'binance', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'LIVE',
      credentialId: 'k-main', config: { quantity: '0.01', buyPrice: '1960.00', sellPrice: '2040.00' } }]);
  });

  it('shows the server\'s refusal of the key at the key field', async () => {
    serve(() => json(400, { status: 400, code: 'VALIDATION_ERROR', detail: 'credentialId: is not a key of binance',
      errors: [{ field: 'credentialId', message: 'is not a key of binance', rejectedValue: 'k-main' }] }));
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    await waitFor(() => expect(option(screen.getByLabelText('API key'), 'k-main')).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('API key'), 'k-main');
    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create live bot' }));
    expect(await screen.findByText('is not a key of binance')).toHaveAttribute('data-field-error', 'credentialId');
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/is not a key of binance/);
  });

  it('links to the keys page when the user has no key of that exchange', async () => {
    keys = [KEYS[1]]; // a Bybit key only
    serve();
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    await user.click(await screen.findByRole('link', { name: 'Add one on the API keys page' }));
    expect(await screen.findByText('keys page')).toBeInTheDocument();
  });

  it('sends no key and asks nothing for a paper bot, also after LIVE was chosen and left', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    await waitFor(() => expect(option(screen.getByLabelText('API key'), 'k-main')).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('API key'), 'k-main');
    await user.selectOptions(mode(), 'PAPER');
    expect(screen.queryByLabelText('API key')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create bot' }));
    expect(await screen.findByText('detail page')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toHaveLength(1);
    expect(posted[0].mode).toBe('PAPER');
    expect(posted[0]).not.toHaveProperty('credentialId');
  });

  it('sizes a LIVE order from the chosen key\'s balance on the venue', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    expect(screen.getByText('Choose an API key to size from its account on the exchange.')).toBeInTheDocument();
    await waitFor(() => expect(option(screen.getByLabelText('API key'), 'k-main')).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('API key'), 'k-main');
    expect(await screen.findByText('Available: 1,500.00 USDT (the key\'s Binance account, shared with its other bots)')).toBeInTheDocument();
    // 100% of 1500 USDT at 1960.00 with the 0.1% fee: 1500 / 1961.96 = 0.76454.. -> 0.7645 (lot 0.0001)
    await user.click(screen.getByRole('button', { name: '100% of available balance' }));
    expect((screen.getByLabelText(/^Quantity/, { selector: 'input' }) as HTMLInputElement).value).toBe('0.7645');
  });

  it('falls back to paper when the exchange changes to a paper-only venue', async () => {
    serve();
    const user = userEvent.setup();
    renderForm();
    await liveBotOnBinance(user);
    await user.selectOptions(exchange(), 'sim');
    expect(mode().value).toBe('PAPER');
    expect(screen.queryByLabelText('API key')).toBeNull();
  });
});
