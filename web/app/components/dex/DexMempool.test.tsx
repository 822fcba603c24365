import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexMempool } from './DexMempool';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

// two events as GET /bots/{id}/mempool answers them (docs/api.md)
const EVENTS = [
  { botId: 'b1', seenAt: '2026-12-04T00:09:27Z', txHash: '0x643bbd8e' + '0'.repeat(56), from: '0x' + 'a'.repeat(40),
    kind: 'LIQUIDITY_REMOVAL', pool: 'V2', poolAddress: '0x' + 'c'.repeat(40), tokenIn: null, tokenOut: null,
    exactIn: null, amountToken: null, amount: null, limit: null, share: '0.50000000', large: true },
  { botId: 'b1', seenAt: '2026-12-04T00:09:20Z', txHash: '0x1a2b3c4d' + '0'.repeat(56), from: '0x' + 'b'.repeat(40),
    kind: 'SWAP', pool: 'V3 0.3%', poolAddress: '0x' + 'd'.repeat(40), tokenIn: 'WETH', tokenOut: 'USDC',
    exactIn: true, amountToken: 'WETH', amount: '10', limit: '1', share: '0.09900990', large: true },
];

function show(exchange: string) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) =>
    String(input) === '/api/v1/bots/b1/mempool' ? json(EVENTS) : json({}, 404)));
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><DexMempool botId="b1" exchange={exchange} /></QueryClientProvider>);
}

afterEach(() => { vi.unstubAllGlobals(); });

describe('DexMempool', () => {
  it('lists the pending removal and swap with their pools and shares', async () => {
    show('dex:local');
    const rows = await screen.findAllByTestId('dex-mempool-event');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('liquidity removal');
    expect(rows[0].textContent).toContain('50.00 %');
    expect(rows[0].textContent).toContain('0x643bbd8e…');
    expect(rows[1].textContent).toContain('V3 0.3%');
    expect(rows[1].textContent).toContain('swap 10 WETH → USDC');
    expect(rows[1].textContent).toContain('9.90 %');
  });

  it('shows nothing for a bot on another kind of market', () => {
    const { container } = show('sim');
    expect(container.textContent).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });
});
