import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexRiskPage } from '../../pages/DexRiskPage';

const HONEY = '0x' + 'c'.repeat(40);
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const REPORT = {
  network: 'local', token: HONEY, symbol: 'HONEY', quoteToken: '0x' + 'a'.repeat(40), quoteSymbol: 'WETH', size: '0.1',
  block: '42', score: 100,
  factors: [
    { check: 'LIQUIDITY', verdict: 'PASS', penalty: 0, value: 'price impact 0.8 % on V2', explanation: 'deep enough' },
    { check: 'HONEYPOT', verdict: 'FAIL', penalty: 100, value: 'cannot sell',
      explanation: 'a honeypot: a simulated buy worked but selling the tokens reverted: RiskToken: selling is disabled' },
  ],
  level: { level: 5, name: 'Balanced', lane: 'SMART', maxRiskScore: 45, buys: false, failing: ['HONEYPOT'] },
};

const asked: string[] = [];
function serve(risk: () => Response) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = String(input);
    asked.push(url);
    if (url === '/api/v1/dex/networks') return json([{ name: 'local', exchange: 'dex:local', chainId: 1337 }]);
    if (url.startsWith('/api/v1/dex/local/tokens/')) return risk();
    return json({}, 404);
  }));
}

function show(entry: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><MemoryRouter initialEntries={[entry]}><Routes>
    <Route path="/dex/risk" element={<DexRiskPage />} />
  </Routes></MemoryRouter></QueryClientProvider>);
}

afterEach(() => { vi.unstubAllGlobals(); asked.length = 0; });

describe('DexRiskPage', () => {
  it('shows the score, every factor with its verdict and explanation, and the level\'s decision', async () => {
    serve(() => json(REPORT));
    show(`/dex/risk?network=local&token=${HONEY}&size=0.1&level=5`);
    await waitFor(() => expect(screen.getByTestId('risk-score').textContent).toBe('risk 100 / 100'));
    expect(asked).toContain(`/api/v1/dex/local/tokens/${HONEY}/risk?size=0.1&level=5`);
    const rows = screen.getAllByTestId('risk-factor').map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Honeypot (simulated buy and sell)');
    expect(rows[1]).toContain('FAIL');
    expect(rows[1]).toContain('RiskToken: selling is disabled');
    expect(screen.getByTestId('risk-level').textContent).toContain('would refuse (HONEYPOT)');
  });

  it('asks for the token typed in and shows the server\'s problem in words', async () => {
    serve(() => json({ status: 502, code: 'VENUE_UNAVAILABLE',
      detail: "The node of network 'local' does not answer, so the token cannot be analysed" }, 502));
    show('/dex/risk');
    await waitFor(() => expect(screen.getByRole('option', { name: 'local' })).toBeTruthy());
    await userEvent.type(screen.getByLabelText('Token'), HONEY);
    await userEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    await waitFor(() => expect(screen.getByText(/does not answer/)).toBeTruthy());
    expect(asked).toContain(`/api/v1/dex/local/tokens/${HONEY}/risk`);
  });

  it('from a DEX bot\'s page asks the report for that bot, so its pending transactions count (MEMPOOL)', async () => {
    serve(() => json({ ...REPORT, factors: [...REPORT.factors, { check: 'MEMPOOL', verdict: 'WARN', penalty: 15,
      value: '1 sell 5 % of reserves', explanation: 'pending transactions not yet mined' }] }));
    show(`/dex/risk?network=local&token=${HONEY}&level=5&bot=b42`);
    await waitFor(() => expect(screen.getByText('1 sell 5 % of reserves')).toBeTruthy());
    expect(screen.getByText('Pending transactions (mempool)')).toBeTruthy();
    expect(asked.filter((u) => u.includes('/risk'))).toEqual([`/api/v1/dex/local/tokens/${HONEY}/risk?level=5&bot=b42`]);
  });
});
