// The exchange-key screen through the whole app (header link, route), fetch mocked at the client boundary.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { SilentSocket, json } from '../testing/fakes';


const VENUES = [
  { id: 'sim', name: 'Simulated exchange', liveTrading: false, paperTrading: true, testnet: false, status: 'READY', statusReason: null, symbols: [] },
  { id: 'binance', name: 'Binance', liveTrading: true, paperTrading: true, testnet: true, status: 'READY', statusReason: null, symbols: [] },
  { id: 'bybit', name: 'Bybit', liveTrading: true, paperTrading: true, testnet: false, status: 'READY', statusReason: null, symbols: [] },
];
const key = (id: string, label: string, over: Record<string, unknown> = {}) => ({
  id, exchange: 'binance', label, apiKeyMasked: '****abcd', testnet: false, canTrade: true, canWithdraw: false,
  verifiedAt: '2026-03-01T10:00:00Z', warnings: [], createdAt: '2026-03-01T10:00:00Z', ...over,
});

type Handler = (url: string, method: string, body: Record<string, unknown> | undefined) => Response | undefined;
const calls: { url: string; method: string; body: Record<string, unknown> | undefined }[] = [];
let stored: ReturnType<typeof key>[] = [];

function serve(handler: Handler = () => undefined) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method, body });
    const answer = handler(url, method, body);
    if (answer) return answer;
    if (url === '/api/v1/credentials' && method === 'GET') return json(stored);
    if (url === '/api/v1/exchanges') return json(VENUES);
    if (url === '/api/v1/me') return json({ id: 'u1', email: 'ada@example.com', role: 'USER', createdAt: '2026-01-01T00:00:00Z' });
    if (/^\/api\/v1\/(backtests|bots|logs)(\?|$)/.test(url)) return json({ items: [], page: 0, size: 20, total: 0 });
    return json({ status: 404, detail: `unexpected ${method} ${url}` }, 404);
  }));
}

const posts = () => calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/credentials').map((c) => c.body);
const card = (label: string) => document.querySelector(`[data-credential="${label}"]`) as HTMLElement;

async function fillKey(user: ReturnType<typeof userEvent.setup>, apiKey: string, secret: string, label = '') {
  if (label) await user.type(screen.getByLabelText('Label (optional)'), label);
  await user.type(screen.getByLabelText('API key'), apiKey);
  await user.type(screen.getByLabelText('API secret'), secret);
}

beforeEach(() => {
  calls.length = 0;
  stored = [];
  localStorage.setItem('botfleet.token', 'token');
  vi.stubGlobal('WebSocket', SilentSocket);
  window.history.pushState({}, '', '/credentials');
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('exchange keys', () => {
  it('is in the main navigation', async () => {
    serve();
    window.history.pushState({}, '', '/');
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: 'API keys' }));
    expect(await screen.findByRole('heading', { name: 'Exchange API keys' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/credentials');
    expect(await screen.findByText(/No keys yet/)).toBeInTheDocument();
  });

  it('adds a key: live venues only, testnet only where the venue has one, the secret never shown, the key listed', async () => {
    serve((url, method, body) => {
      if (url !== '/api/v1/credentials' || method !== 'POST') return undefined;
      const created = key('k1', String(body?.label), { testnet: true, verifiedAt: '2026-03-02T09:30:00Z' });
      stored = [created];
      return json(created, 201);
    });
    const user = userEvent.setup();
    render(<App />);
    const exchange = await screen.findByLabelText('Exchange');
    expect(within(exchange).getAllByRole('option').map((o) => o.textContent)).toEqual(['Binance', 'Bybit']);
    await user.selectOptions(exchange, 'bybit');
    expect(screen.queryByRole('checkbox', { name: /Testnet key/ })).toBeNull();
    await user.selectOptions(exchange, 'binance');
    await user.click(screen.getByRole('checkbox', { name: /Testnet key/ }));

    await fillKey(user, 'live-key-0000abcd', 'very-secret-value', 'Main');
    expect(screen.getByLabelText('API secret')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Add key' }));

    expect(await screen.findByText(/Binance key \*\*\*\*abcd verified and stored/)).toBeInTheDocument();
    expect(posts()).toEqual([{ exchange: 'binance', label: 'Main', apiKey: 'live-key-0000abcd', apiSecret: 'very-secret-value', testnet: true }]);
    await waitFor(() => expect(card('Main')).toBeTruthy());
    const main = card('Main');
    expect(within(main).getByTestId('masked-key')).toHaveTextContent('****abcd');
    expect(within(main).getByText('testnet')).toBeInTheDocument();
    expect(within(main).getByText('can trade')).toBeInTheDocument();
    expect(within(main).queryByText('can withdraw')).toBeNull();
    expect(main).toHaveTextContent(/Verified with Binance/);
    expect(screen.getByLabelText('API secret')).toHaveValue('');
    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('very-secret-value');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the venue\'s refusal under the API key field and stores nothing', async () => {
    serve((url, method) => (url === '/api/v1/credentials' && method === 'POST'
      ? json({ status: 400, code: 'VENUE_REFUSED_KEY', detail: 'Invalid API-key, IP, or permissions for action.',
        errors: [{ field: 'apiKey', message: 'Invalid API-key, IP, or permissions for action.', rejectedValue: null }] }, 400)
      : undefined));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('Exchange');
    await fillKey(user, 'wrong-key', 'wrong-secret');
    await user.click(screen.getByRole('button', { name: 'Add key' }));

    const apiKey = screen.getByLabelText('API key');
    await waitFor(() => expect(apiKey).toHaveAttribute('aria-invalid', 'true'));
    expect(apiKey).toHaveAccessibleDescription('Invalid API-key, IP, or permissions for action.');
    expect(screen.getByText('Invalid API-key, IP, or permissions for action.')).toHaveAttribute('data-field-error', 'key-apiKey');
    expect(screen.getByLabelText('API secret')).toHaveAttribute('aria-invalid', 'false');
    // what was typed stays to be corrected; the list stays empty
    expect(apiKey).toHaveValue('wrong-key');
    expect(screen.getByText(/No keys yet/)).toBeInTheDocument();
  });

  it('says so when the venue cannot be reached', async () => {
    serve((url, method) => (url === '/api/v1/credentials' && method === 'POST'
      ? json({ status: 502, code: 'VENUE_UNAVAILABLE', detail: 'Binance did not answer (timeout after 10 s)' }, 502) : undefined));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('Exchange');
    await fillKey(user, 'some-key', 'some-secret');
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Binance did not answer (timeout after 10 s)');
  });

  it('warns prominently about a key that can withdraw', async () => {
    const warning = 'This key has withdrawal permission enabled; botfleet does not need it.';
    serve((url, method) => {
      if (url !== '/api/v1/credentials' || method !== 'POST') return undefined;
      stored = [key('k2', 'Risky', { canWithdraw: true, warnings: [warning] })];
      return json(stored[0], 201);
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('Exchange');
    await fillKey(user, 'withdraw-key', 'secret', 'Risky');
    await user.click(screen.getByRole('button', { name: 'Add key' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Key Risky (****abcd) was stored, but:');
    expect(alert).toHaveTextContent(warning);
    expect(alert).toHaveTextContent(/can withdraw funds/);
    await waitFor(() => expect(card('Risky')).toBeTruthy());
    expect(within(card('Risky')).getByText('can withdraw')).toBeInTheDocument();
    expect(within(card('Risky')).getByTestId('key-warnings')).toHaveTextContent(warning);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss warning' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(card('Risky')).getByTestId('key-warnings')).toBeInTheDocument(); // the card keeps saying it
  });

  it('shows a key\'s balances on demand, zero balances hidden until asked for', async () => {
    stored = [key('k1', 'Main')];
    let unreachable = true;
    serve((url) => {
      if (url !== '/api/v1/credentials/k1/balances') return undefined;
      if (unreachable) return json({ status: 502, code: 'VENUE_UNAVAILABLE', detail: 'Binance is not reachable' }, 502);
      return json({ credentialId: 'k1', exchange: 'binance', fetchedAt: '2026-03-02T09:30:00Z', balances: [
        { asset: 'USDT', total: '1234.5', available: '1000' },
        { asset: 'BTC', total: '0.5', available: '0.25' },
        { asset: 'ETH', total: '0.00000000', available: '0.00000000' },
      ] });
    });
    const user = userEvent.setup();
    render(<App />);
    const toggle = await screen.findByRole('button', { name: 'Show balances of Main' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(calls.some((c) => c.url.endsWith('/balances'))).toBe(false); // asked only when opened
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await within(card('Main')).findByRole('alert')).toHaveTextContent('Binance is not reachable');

    unreachable = false;
    await user.click(within(card('Main')).getByRole('button', { name: 'Try again' }));
    const table = await within(card('Main')).findByRole('table', { name: 'Balances of Main' });
    const row = (asset: string) => table.querySelector(`[data-balance="${asset}"]`);
    expect(row('USDT')).toHaveTextContent('1,234.50');
    expect(row('USDT')).toHaveTextContent('1,000.00');
    expect(row('BTC')).toHaveTextContent('0.50000000');
    expect(row('BTC')).toHaveTextContent('0.25000000');
    expect(row('ETH')).toBeNull();
    await user.click(within(card('Main')).getByRole('checkbox', { name: 'Show 1 zero balance' }));
    expect(row('ETH')).toHaveTextContent('0.00000000');

    await user.click(screen.getByRole('button', { name: 'Hide balances of Main' }));
    expect(within(card('Main')).queryByRole('table')).toBeNull();
  });

  it('deletes a key only after the confirmation, and shows why the server refused', async () => {
    stored = [key('k1', 'Main'), key('k2', 'Spare', { exchange: 'bybit', apiKeyMasked: '****wxyz' })];
    serve((url, method) => {
      if (method !== 'DELETE') return undefined;
      if (url === '/api/v1/credentials/k1') {
        return json({ status: 409, code: 'CONFLICT', detail: 'The running LIVE bot "BTC grid" trades with this key: stop it first.' }, 409);
      }
      stored = stored.filter((c) => c.id !== 'k2');
      return new Response(null, { status: 204 });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Delete key Main' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete key Main?' });
    expect(dialog).toHaveAccessibleDescription(/Binance key \(\*\*\*\*abcd\)/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete key Main' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete key Main' }));
    dialog = screen.getByRole('dialog', { name: 'Delete key Main?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    expect(await within(card('Main')).findByRole('alert')).toHaveTextContent('The running LIVE bot "BTC grid" trades with this key: stop it first.');
    expect(card('Main')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete key Spare' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete key' }));
    expect(await screen.findByText('Key Spare deleted')).toBeInTheDocument();
    await waitFor(() => expect(card('Spare')).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/v1/credentials/k1', '/api/v1/credentials/k2']);
  });
});
