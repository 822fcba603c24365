import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FillMark, Point } from '../../lib/series';
import { STATS, T0 } from '../../testing/portfolio';
import { PortfolioReport } from './PortfolioReport';

const charts: Record<string, { points: Point[]; marks?: FillMark[] }> = {};
vi.mock('../LineChart', () => ({
  LineChart: (p: { label: string; points: Point[]; marks?: FillMark[] }) => {
    charts[p.label] = p;
    return <div role="img" aria-label={p.label} />;
  },
}));

const rowsOf = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('row').slice(1)
  .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('PortfolioReport', () => {
  it('shows the summary metrics under Freqtrade\'s names', () => {
    render(<PortfolioReport stats={STATS} />);
    const summary = screen.getByTestId('summary-metrics');
    expect(within(summary).getByText('profit_total').nextSibling?.textContent).toBe('-25.00%');
    expect(within(summary).getByText('final_balance').nextSibling?.textContent).toBe('0.75 BTC');
    expect(within(summary).getByText('sharpe').nextSibling?.textContent).toBe('—');
    // a metric the result does not carry is not listed
    expect(within(summary).queryByText('sqn')).toBeNull();
  });

  it('lists the per pair and exit reason tables as the server computed them', () => {
    render(<PortfolioReport stats={STATS} />);
    expect(rowsOf('Per pair')).toEqual([
      ['LTC/BTC', '1', '1.00', '0.25000000', '2.00', '0:30:00', '1 / 0 / 0', '100.0'],
      ['ETC/BTC', '1', '1.00', '-0.50000000', '2.00', '0:30:00', '1 / 0 / 0', '100.0'],
      ['TOTAL', '2', '1.00', '-0.25000000', '2.00', '0:30:00', '2 / 0 / 0', '100.0'],
    ]);
    expect(rowsOf('Exit reasons').map((r) => r[0])).toEqual(['roi', 'stop_loss']);
    expect(screen.getByRole('table', { name: 'Enter tags' })).toBeTruthy();
  });

  it('draws per-pair profit bars scaled to the largest, without the TOTAL row', () => {
    render(<PortfolioReport stats={STATS} />);
    // largest |profit| is 0.5 -> half the track (50 %); 0.25 -> 25 %
    expect(screen.getByTestId('bar-ETC/BTC').style.width).toBe('50%');
    expect(screen.getByTestId('bar-ETC/BTC').style.right).toBe('50%');
    expect(screen.getByTestId('bar-LTC/BTC').style.width).toBe('25%');
    expect(screen.getByTestId('bar-LTC/BTC').style.left).toBe('50%');
    expect(screen.queryByTestId('bar-TOTAL')).toBeNull();
  });

  it('switches the breakdown between month, week and day', async () => {
    render(<PortfolioReport stats={STATS} />);
    expect(rowsOf('Breakdown per month')).toEqual([['31/01/2018', '-0.25000000', '1 / 0 / 1', '50.0']]);
    await userEvent.click(screen.getByRole('button', { name: 'day' }));
    expect(rowsOf('Breakdown per day')).toEqual([['20/01/2018', '0.25000000', '1 / 0 / 0', '100.0'], ['21/01/2018', '-0.50000000', '0 / 0 / 1', '0.0']]);
  });

  it('charts the equity with the trades marked, the drawdown in percent, and lists the trades', () => {
    render(<PortfolioReport stats={STATS} />);
    expect(charts.Equity.points.map((p) => p.value)).toEqual([1, 1, 1, 1.25, 0.75]);
    expect(charts.Equity.marks?.map((m) => m.time - T0)).toEqual([1000, 1500, 2000, 3000]);
    // -0.4 of the 1.25 peak = -40 %
    expect(charts.Drawdown.points.map((p) => p.value)).toEqual([0, 0, 0, 0, -40]);
    expect(rowsOf('Trades').map((r) => [r[0], r[9]])).toEqual([['LTC/BTC', 'roi'], ['ETC/BTC', 'stop_loss']]);
    // a spot run: no funding or liquidation columns
    expect(rowsOf('Trades')[0]).toHaveLength(11);
  });

  it('shows the funding and liquidation price of a futures run\'s trades', () => {
    const [a, b] = STATS.trades;
    const futures = { ...STATS, trades: [{ ...a, funding_fees: -0.22, liquidation_price: 90.92964824 },
      { ...b, is_short: true, funding_fees: 0.05, liquidation_price: 108.87673956 }] };
    render(<PortfolioReport stats={futures} />);
    expect(rowsOf('Trades').map((r) => [r[0], r[11], r[12]])).toEqual([
      ['LTC/BTC', '-0.22', '90.92964824'], ['ETC/BTC (short)', '0.05', '108.87673956']]);
  });

  it('uses the server\'s marked-to-market curves when the result has them', () => {
    const result = { result: { equity: [{ time: T0 * 1000, value: 1 }, { time: (T0 + 300) * 1000, value: 0.9 }],
      drawdown: [{ time: T0 * 1000, value: 0 }, { time: (T0 + 300) * 1000, value: -0.1 }] } };
    render(<PortfolioReport stats={STATS} result={result} />);
    expect(charts.Equity.points).toEqual([{ time: T0, value: 1 }, { time: T0 + 300, value: 0.9 }]);
    expect(charts.Drawdown.points.map((p) => p.value)).toEqual([0, -10]);
  });
});
