import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Portfolio } from '../api/portfolio';
import type { Point } from '../lib/series';
import { PortfolioPage } from './PortfolioPage';

const charts: Record<string, { points: Point[] }> = {};
vi.mock('../components/LineChart', () => ({
  LineChart: (p: { label: string; points: Point[] }) => { charts[p.label] = p; return <div role="img" aria-label={p.label} />; },
}));

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function portfolio(quote: string): Portfolio {
  return {
    quote, asOf: '2026-12-03T10:00:00Z', timezone: 'UTC', from: '2026-11-03T10:00:00Z', to: '2026-12-03T10:00:00Z',
    accounts: [{
      exchange: 'sim', account: 'Scalper A', mode: 'PAPER', botId: 'b1', credentialId: null,
      balances: [
        { asset: 'USDT', free: '9769.03', locked: '0', rate: '1', value: '9769.03', reason: null },
        { asset: 'BTC', free: '0.16025', locked: '0', rate: '64000', value: '10256', reason: null },
      ],
      positions: [{ bot: 'b1', botName: 'Scalper A', exchange: 'sim', symbol: 'BTC/USDT', side: 'LONG', quantity: '0.004',
        entry: '60000', mark: '64000', unrealizedPnl: '16', value: '256', reason: null }],
      total: '20025.03', unvalued: [], error: null,
    }],
    total: '20025.03', unvalued: quote === 'EUR' ? ['USDT', 'BTC'] : [],
    exposure: [
      { asset: 'BTC', value: '10256', share: '0.5122', reason: null },
      { asset: 'USDT', value: '9769.03', share: '0.4878', reason: null },
    ],
    pnl: {
      daily: [{ date: '2026-11-29', realized: '-0.6' }, { date: '2026-11-30', realized: '7.752' }],
      weekly: [{ date: '2026-11-23', realized: '-0.6' }, { date: '2026-11-30', realized: '7.752' }],
      monthly: [{ date: '2026-11-01', realized: '7.152' }],
      unvalued: [],
    },
    equity: {
      total: [{ time: '2026-12-03T09:00:00Z', value: '20000' }, { time: '2026-12-03T09:05:00Z', value: '20025.03' }],
      perBot: { b1: [{ time: '2026-12-03T09:05:00Z', value: '20025.03' }] },
      unvalued: [],
    },
  };
}

let requests: URL[] = [];
beforeEach(() => {
  requests = [];
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = new URL(String(input), 'http://x');
    requests.push(url);
    if (url.pathname === '/api/v1/portfolio') return json(portfolio(url.searchParams.get('quote') ?? 'USDT'));
    return json({});
  }));
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}><MemoryRouter><PortfolioPage /></MemoryRouter></QueryClientProvider>);
}

describe('portfolio page', () => {
  it('shows the total, the account with balances and positions, exposure bars, PnL and the equity curve', async () => {
    renderPage();
    expect(await screen.findByTestId('portfolio-total')).toHaveTextContent('20,025.03 USDT');
    const account = screen.getByTestId('portfolio-account');
    expect(within(account).getByText('Scalper A')).toBeInTheDocument();
    expect(within(account).getByText('PAPER')).toBeInTheDocument();
    const balances = within(account).getByRole('table', { name: 'Balances of Scalper A' });
    expect(within(balances).getByText('BTC')).toBeInTheDocument();
    expect(within(balances).getByText('10,256.00 USDT')).toBeInTheDocument();
    const positions = within(account).getByRole('table', { name: 'Positions of Scalper A' });
    expect(within(positions).getByText('LONG')).toBeInTheDocument();
    expect(within(positions).getByText('+16.00 USDT')).toBeInTheDocument();

    expect(screen.getByRole('meter', { name: 'BTC share' })).toHaveAttribute('aria-valuenow', '51.2');
    expect(screen.getByTestId('exposure-USDT')).toHaveTextContent('48.8%');

    const pnl = screen.getByRole('table', { name: 'Realized PnL' });
    expect(within(pnl).getByText('-0.60')).toBeInTheDocument();
    expect(within(pnl).getByText('+7.75')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Month' }));
    expect(within(screen.getByRole('table', { name: 'Realized PnL' })).getByText('+7.15')).toBeInTheDocument();

    expect(charts['Equity curve'].points).toEqual([
      { time: Date.parse('2026-12-03T09:00:00Z') / 1000, value: 20000 },
      { time: Date.parse('2026-12-03T09:05:00Z') / 1000, value: 20025.03 },
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Equity of' }), 'b1');
    expect(charts['Equity curve'].points).toHaveLength(1);
  });

  it('asks in the chosen quote currency, remembers it, and names what could not be valued', async () => {
    renderPage();
    await screen.findByTestId('portfolio-total');
    expect(requests[0].searchParams.get('quote')).toBe('USDT');
    expect(requests[0].searchParams.get('range')).toBe('30d');
    expect(requests[0].searchParams.get('tz')).toBeTruthy();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Quote currency' }), 'EUR');
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('quote')).toBe('EUR'));
    expect(await screen.findByText(/Not included \(no price in EUR\): USDT, BTC/)).toBeInTheDocument();
    expect(localStorage.getItem('botfleet.portfolio.quote')).toBe('EUR');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '7d');
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('range')).toBe('7d'));
  });

  it('shows the problem when the server refuses', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 400, title: 'Bad Request', code: 'VALIDATION_ERROR',
      detail: 'quote: must be an asset symbol' }, 400)));
    renderPage();
    expect(await screen.findByText(/must be an asset symbol/)).toBeInTheDocument();
  });
});
