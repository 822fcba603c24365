import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexTransactionsPage } from './DexTransactionsPage';
import { WalletsPage } from './WalletsPage';

const USDC = '0x' + 'b'.repeat(40);
const ROUTER = '0x' + 'c'.repeat(40);
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let revoked: Record<string, unknown> | null = null;
function serve() {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/dex/networks') return json([{ name: 'local', exchange: 'dex:local', chainId: 1337 }]);
    if (url === '/api/v1/wallet-keys') return json([{ id: 'w1', label: 'trading', kind: 'PRIVATE_KEY',
      address: '0xAbC0000000000000000000000000000000000001', signerUrl: null, createdAt: '2026-12-03T00:00:00Z' }]);
    if (url === '/api/v1/dex/wallets/w1?network=local') return json({ id: 'w1', label: 'trading',
      address: '0xAbC0000000000000000000000000000000000001', network: 'local', nativeWei: '10', nativeAmount: '9999.5',
      tokens: [{ token: USDC, symbol: 'USDC', decimals: 6, units: '900000000', amount: '900.000000' }],
      approvals: revoked ? [] : [{ token: USDC, symbol: 'USDC', spender: ROUTER, spenderName: 'Uniswap V2 router',
        units: '1000000', amount: '1.000000' }] });
    if (url === '/api/v1/dex/wallets/w1/revoke' && init?.method === 'POST') {
      revoked = JSON.parse(String(init.body));
      return json({ hash: '0x' + 'd'.repeat(64), status: 'CONFIRMED', token: USDC, spender: ROUTER });
    }
    if (url.startsWith('/api/v1/dex/transactions')) return json([{ hash: '0x' + 'e'.repeat(64), network: 'local',
      chainId: 1337, wallet: '0xabc', nonce: '4', kind: 'SEND', purpose: 'SWAP', botId: 'b1', clientOrderId: 'o1',
      status: 'FAILED', blockNumber: 9, reason: 'Too little received', maxFeePerGas: '1', maxPriorityFeePerGas: '1',
      gasUsed: '21000', effectiveGasPrice: '1', feeWei: '21000', feeNative: '0.000000000000021', feeQuote: '0.01',
      feeQuoteAsset: 'USDC', createdAt: '2026-12-03T00:00:00Z', updatedAt: '2026-12-03T00:00:00Z' }]);
    return json({}, 404);
  }));
}

function show(page: React.ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><MemoryRouter>{page}</MemoryRouter></QueryClientProvider>);
}

afterEach(() => { vi.unstubAllGlobals(); revoked = null; });

describe('WalletsPage', () => {
  it('shows balances and approvals and revokes one through the API', async () => {
    serve();
    show(<WalletsPage />);
    await waitFor(() => expect(screen.getByText('Uniswap V2 router')).toBeTruthy());
    expect(screen.getByText('900.000000')).toBeTruthy();
    expect(screen.getByText('9999.5')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(screen.getByText('No open approvals.')).toBeTruthy());
    expect(revoked).toEqual({ network: 'local', token: USDC, spender: ROUTER });
  });
});

describe('DexTransactionsPage', () => {
  it('lists transactions with status, fees and the revert reason', async () => {
    serve();
    show(<DexTransactionsPage />);
    await waitFor(() => expect(screen.getByText('Too little received')).toBeTruthy());
    expect(within(screen.getByRole('table')).getByText('FAILED')).toBeTruthy();
    expect(screen.getByText('0.01 USDC')).toBeTruthy();
  });
});
