import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexBotForm } from './DexBotForm';

const WETH = '0x' + 'a'.repeat(40);
const USDC = '0x' + 'b'.repeat(40);
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

// two rows of module dex's table as the server sends them (the rest need not differ for the form)
const LEVELS = Array.from({ length: 10 }, (_, i) => ({
  level: i + 1, name: i === 4 ? 'Balanced' : i === 8 ? 'Very aggressive' : `Level ${i + 1}`, maxRiskScore: i === 8 ? 70 : 45,
  positionPercent: i === 8 ? '12' : '5', slippageBps: i === 8 ? 500 : 150, gas: i === 8 ? 'URGENT' : 'STANDARD',
  gasRewardPercentile: 50, gasBaseFeeMultiple: '2', lane: i >= 6 ? 'FAST' : 'SMART',
  checks: i >= 6 ? ['LIQUIDITY', 'HONEYPOT'] : ['LIQUIDITY', 'HONEYPOT', 'PRIVILEGES', 'TRANSFER_TAX'],
}));

const WALLETS = [
  { id: 'w1', label: 'savings', kind: 'PRIVATE_KEY', address: '0xAbC0000000000000000000000000000000000001', signerUrl: null, createdAt: '2026-12-03T00:00:00Z' },
  { id: 'w2', label: 'trading', kind: 'EXTERNAL_SIGNER', address: '0xAbC0000000000000000000000000000000000002',
    signerUrl: 'http://127.0.0.1:9000/', createdAt: '2026-12-03T00:00:00Z' },
];

let posted: Record<string, unknown> | null = null;
let postedOtp: string | null = null;
function serve(createAnswer: () => Response, wallets: unknown[] = WALLETS, requireForLive = false) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/wallet-keys') return json(wallets);
    if (url === '/api/v1/me/2fa') return json({ enabled: requireForLive, requireForLive });
    if (url === '/api/v1/dex/networks') return json([{ name: 'local', exchange: 'dex:local', chainId: 1337 }]);
    if (url === '/api/v1/dex/intel-levels') return json(LEVELS);
    if (url.startsWith('/api/v1/dex/tokens')) {
      const address = new URL(url, 'http://x').searchParams.get('address');
      if (address === USDC) return json({ network: 'local', address, symbol: 'USDC', decimals: 6 });
      return address === WETH ? json({ network: 'local', address, symbol: 'WETH', decimals: 18 })
        : json({ status: 400, detail: 'invalid', errors: [{ field: 'address', message: 'must be an address: 0x and 40 hex digits' }] }, 400);
    }
    if (url === '/api/v1/dex/bots' && init?.method === 'POST') {
      posted = JSON.parse(String(init.body));
      postedOtp = new Headers(init.headers).get('X-Botfleet-OTP');
      return createAnswer();
    }
    return json({}, 404);
  }));
}

function show() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><MemoryRouter initialEntries={['/dex/new']}><Routes>
    <Route path="/dex/new" element={<DexBotForm />} />
    <Route path="/bots/:id" element={<p>bot page</p>} />
  </Routes></MemoryRouter></QueryClientProvider>);
}

afterEach(() => { vi.unstubAllGlobals(); posted = null; postedOtp = null; });

/** Fills in a LIVE bot on wallet w2 with both tokens looked up, and clicks Create. */
async function fillLiveAndCreate() {
  await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
  await userEvent.type(screen.getByLabelText('Base token (bought and sold)'), WETH);
  await userEvent.click(screen.getAllByRole('button', { name: 'Look up' })[0]);
  await waitFor(() => expect(screen.getByTestId('dex-base-symbol').textContent).toBe('WETH'));
  await userEvent.type(screen.getByLabelText('Quote token (paid with)'), USDC);
  await userEvent.click(screen.getAllByRole('button', { name: 'Look up' })[1]);
  await waitFor(() => expect(screen.getByTestId('dex-quote-symbol').textContent).toBe('USDC'));
  await userEvent.click(screen.getByRole('radio', { name: 'Live' }));
  await waitFor(() => expect(screen.getByRole('option', { name: /^trading/ })).toBeTruthy());
  await userEvent.selectOptions(screen.getByLabelText('Wallet'), 'w2');
  await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
}

describe('DexBotForm', () => {
  it('looks token symbols up and creates a paper bot with the slider level, then opens its page', async () => {
    serve(() => json({ bot: { id: 'b7' }, network: 'local', baseToken: WETH, quoteToken: USDC, slippageBps: 50, intelLevel: 8 }, 201));
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    await userEvent.type(screen.getByLabelText('Base token (bought and sold)'), WETH);
    await userEvent.click(screen.getAllByRole('button', { name: 'Look up' })[0]);
    await waitFor(() => expect(screen.getByTestId('dex-base-symbol').textContent).toBe('WETH'));
    expect(screen.getByRole('link', { name: 'Risk report of WETH' }).getAttribute('href'))
      .toBe(`/dex/risk?network=local&token=${WETH}&size=100&level=5`);
    await userEvent.type(screen.getByLabelText('Quote token (paid with)'), USDC);
    const slippage = screen.getByLabelText('Slippage tolerance (basis points)');
    await userEvent.clear(slippage);
    await userEvent.type(slippage, '50');
    fireEvent.change(screen.getByLabelText(/Intelligence level/), { target: { value: '8' } });
    expect(screen.getByText('Intelligence level: 8')).toBeTruthy();
    const pull = screen.getByLabelText('Sell on a liquidity pull (% of a pool, 0 = off)');
    expect((pull as HTMLInputElement).value).toBe('0');
    await userEvent.clear(pull);
    await userEvent.type(pull, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Create paper DEX bot' }));
    await waitFor(() => expect(screen.getByText('bot page')).toBeTruthy());
    expect(posted).toMatchObject({ network: 'local', baseToken: WETH, quoteToken: USDC, strategy: 'simple-dca',
      slippageBps: '50', intelLevel: 8, config: { orderAmount: '100', takeProfitPercent: '0', exitOnLiquidityPullPercent: '20' } });
  });

  it('shows the server\'s field errors next to their fields', async () => {
    serve(() => json({ status: 400, detail: 'invalid', errors: [
      { field: 'quoteToken', message: 'must be an address: 0x and 40 hex digits' },
      { field: 'intelLevel', message: 'must be a whole number from 1 to 10' },
      { field: 'config.exitOnLiquidityPullPercent', message: 'must be at most 100' }] }, 400));
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    await userEvent.click(screen.getByRole('button', { name: 'Create paper DEX bot' }));
    await waitFor(() => expect(document.querySelector('[data-field-error="dex-quote"]')?.textContent)
      .toBe('must be an address: 0x and 40 hex digits'));
    expect(document.querySelector('[data-field-error="dex-intel"]')?.textContent).toBe('must be a whole number from 1 to 10');
    expect(document.querySelector('[data-field-error="dex-exit-pull"]')?.textContent).toBe('must be at most 100');
  });

  it('shows the levels\' table with the chosen level highlighted and spelled out', async () => {
    serve(() => json({}, 500));
    show();
    await waitFor(() => expect(screen.getByTestId('intel-chosen').textContent).toContain('Balanced'));
    expect(screen.getByTestId('intel-chosen').textContent).toContain('smart lane');
    expect(screen.getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.textContent))
      .toEqual([expect.stringContaining('Balanced')]);
    fireEvent.change(screen.getByLabelText(/Intelligence level/), { target: { value: '9' } });
    const chosen = screen.getByTestId('intel-chosen').textContent;
    expect(chosen).toContain('Very aggressive');
    expect(chosen).toContain('risk score up to 70');
    expect(chosen).toContain('12 % of the budget');
    expect(chosen).toContain('5 % slippage');
    expect(chosen).toContain('fast lane — checks liquidity, honeypot');
    expect(screen.getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });

  it('is Paper by default: no wallet asked, mode PAPER sent without a walletKeyId', async () => {
    serve(() => json({ bot: { id: 'b8' } }, 201));
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    expect((screen.getByRole('radio', { name: 'Paper' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Live' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByLabelText('Wallet')).toBeNull();
    expect(screen.queryByTestId('dex-live-warning')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Create paper DEX bot' }));
    await waitFor(() => expect(screen.getByText('bot page')).toBeTruthy());
    expect(posted).toMatchObject({ mode: 'PAPER', strategy: 'simple-dca' });
    expect(posted).not.toHaveProperty('walletKeyId');
  });

  it('Live warns about real funds, requires a wallet, then sends mode LIVE with the chosen walletKeyId', async () => {
    serve(() => json({ bot: { id: 'b9' } }, 201));
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    await userEvent.click(screen.getByRole('radio', { name: 'Live' }));
    expect(screen.getByTestId('dex-live-warning').textContent).toContain('LIVE swaps spend real funds from the chosen wallet on local');
    await waitFor(() => expect(screen.getByRole('option', { name: 'savings (0xAbC0000000000000000000000000000000000001)' })).toBeTruthy());
    expect(screen.getByRole('option', { name: 'trading (0xAbC0000000000000000000000000000000000002) · external signer' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
    expect(document.querySelector('[data-field-error="dex-wallet"]')?.textContent).toBe('Choose the wallet this bot swaps with.');
    expect(posted).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Wallet'), 'w2');
    expect(document.querySelector('[data-field-error="dex-wallet"]')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
    // the confirm dialog first: nothing is sent before the user confirms
    const dialog = await screen.findByRole('dialog', { name: 'Swap with real funds?' });
    expect(posted).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create LIVE DEX bot' }));
    await waitFor(() => expect(screen.getByText('bot page')).toBeTruthy());
    expect(posted).toMatchObject({ mode: 'LIVE', walletKeyId: 'w2', network: 'local', strategy: 'simple-dca' });
  });

  it('shows a 400 naming walletKeyId at the wallet select and one naming mode at the mode choice', async () => {
    serve(() => json({ status: 400, detail: 'invalid', errors: [
      { field: 'walletKeyId', message: 'is not one of your wallets' },
      { field: 'mode', message: 'must be PAPER or LIVE' }] }, 400));
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    await userEvent.click(screen.getByRole('radio', { name: 'Live' }));
    await waitFor(() => expect(screen.getByRole('option', { name: /^savings/ })).toBeTruthy());
    await userEvent.selectOptions(screen.getByLabelText('Wallet'), 'w1');
    await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create LIVE DEX bot' }));
    await waitFor(() => expect(document.querySelector('[data-field-error="dex-wallet"]')?.textContent).toBe('is not one of your wallets'));
    expect(screen.getByLabelText('Wallet').getAttribute('aria-describedby')).toBe('dex-wallet-error');
    expect(document.querySelector('[data-field-error="dex-mode"]')?.textContent).toBe('must be PAPER or LIVE');
    expect(posted).toMatchObject({ mode: 'LIVE', walletKeyId: 'w1' });
    expect(screen.queryByRole('alert')).toBeNull();  // both placed at their fields, nothing left over
  });

  it('Live without any stored wallet says where wallets come from, links the Wallets page and sends nothing', async () => {
    serve(() => json({ bot: { id: 'b10' } }, 201), []);
    show();
    await waitFor(() => expect(screen.getByRole('option', { name: 'local (chain 1337)' })).toBeTruthy());
    await userEvent.click(screen.getByRole('radio', { name: 'Live' }));
    await waitFor(() => expect(screen.getByTestId('dex-no-wallet').textContent).toContain('You have no wallet stored yet'));
    expect(screen.getByTestId('dex-no-wallet').textContent).toContain('POST /api/v1/wallet-keys');
    expect(screen.getByRole('link', { name: 'Wallets page' }).getAttribute('href')).toBe('/dex/wallets');
    await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
    expect(document.querySelector('[data-field-error="dex-wallet"]')?.textContent).toBe('Choose the wallet this bot swaps with.');
    expect(posted).toBeNull();
  });

  it('LIVE: the confirm dialog names the spend, the wallet and the network, and Confirm creates the bot', async () => {
    serve(() => json({ bot: { id: 'b11' } }, 201));
    show();
    await fillLiveAndCreate();
    const dialog = await screen.findByRole('dialog', { name: 'Swap with real funds?' });
    const text = within(dialog).getByTestId('dex-live-confirm').textContent;
    expect(text).toContain('DEX bot will sign and broadcast real swaps on local (chain 1337)');
    expect(text).toContain('with the wallet trading (0xAbC0000000000000000000000000000000000002) · external signer');
    expect(within(dialog).getByTestId('dex-live-spend').textContent)
      .toContain('It buys WETH for 100 USDC every 60 minutes, up to 100 USDC in the position');
    expect(text).toContain('Real funds are at stake');
    // Cancel has the focus: Enter on an open dialog never spends by accident
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(posted).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create LIVE DEX bot' }));
    await waitFor(() => expect(screen.getByText('bot page')).toBeTruthy());
    expect(posted).toMatchObject({ mode: 'LIVE', walletKeyId: 'w2', baseToken: WETH, quoteToken: USDC });
    expect(postedOtp).toBeNull();
  });

  it('LIVE: Cancel in the confirm dialog creates nothing and keeps the form as it was', async () => {
    serve(() => json({ bot: { id: 'b12' } }, 201));
    show();
    await fillLiveAndCreate();
    const dialog = await screen.findByRole('dialog', { name: 'Swap with real funds?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toBeNull();
    expect(screen.queryByText('bot page')).toBeNull();
    expect((screen.getByRole('radio', { name: 'Live' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Wallet') as HTMLSelectElement).value).toBe('w2');
    // Escape cancels too
    await userEvent.click(screen.getByRole('button', { name: 'Create LIVE DEX bot' }));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toBeNull();
  });

  it('LIVE with "require 2FA for LIVE": the dialog asks the code and sends it in X-Botfleet-OTP', async () => {
    serve(() => json({ bot: { id: 'b13' } }, 201), WALLETS, true);
    show();
    await fillLiveAndCreate();
    const dialog = await screen.findByRole('dialog', { name: 'Swap with real funds?' });
    await userEvent.type(await within(dialog).findByLabelText('Authenticator code'), '123 456');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create LIVE DEX bot' }));
    await waitFor(() => expect(screen.getByText('bot page')).toBeTruthy());
    expect(postedOtp).toBe('123456');
  });
});
