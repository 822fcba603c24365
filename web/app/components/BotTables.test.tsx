import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/hooks';
import type { Order, Position, Trade } from '../api/types';
import { PositionTable, TradeTable } from './BotTables';
import { OrderTable } from './OrderTable';

const SIM = [{ id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] }];
const MARKET = { base: 'BTC', quote: 'USDT', tickSize: '0.01', lotSize: '0.00001' };

function wrap(children: ReactNode, trades: Trade[] = []) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(keys.exchanges, SIM);
  qc.setQueryData(keys.botTrades('b1'), trades);
  return render(<QueryClientProvider client={qc}>{children}</QueryClientProvider>);
}

describe('tables show instrument-rounded numbers with units', () => {
  it('orders: price at the tick, quantities at the lot, fee in its currency', () => {
    const order: Order = {
      id: 1, botId: 'b1', clientOrderId: 'b1-1', exchangeOrderId: null, exchange: 'sim', symbol: 'BTC/USDT', side: 'BUY',
      type: 'LIMIT', timeInForce: 'GTC', price: '64210.5', quantity: '0.0015', status: 'FILLED', filledQuantity: '0.0015',
      averagePrice: '64210.5', fee: '0.09631575', feeCurrency: 'USDT', reason: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    wrap(<OrderTable orders={[order]} />);
    const row = within(screen.getByTestId('orders')).getAllByRole('row')[1];
    expect(row).toHaveTextContent('64,210.50 USDT');
    expect(row).toHaveTextContent('0.00150 BTC');
    expect(row).toHaveTextContent('0.10 USDT');
    expect(row).not.toHaveTextContent('0.09631575');
  });

  it('orders: an ML entry shows the confidence that placed it, its exit a dash; other tables have no such column', () => {
    const base: Order = {
      id: 1, botId: 'b1', clientOrderId: 'b1-1', exchangeOrderId: null, exchange: 'sim', symbol: 'BTC/USDT', side: 'BUY',
      type: 'LIMIT', timeInForce: 'GTC', price: '64210.5', quantity: '0.0015', status: 'FILLED', filledQuantity: '0.0015',
      averagePrice: '64210.5', fee: null, feeCurrency: null, reason: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const { unmount } = wrap(<OrderTable orders={[{ ...base, confidence: 0.73421 }, { ...base, id: 2, clientOrderId: 'b1-2', side: 'SELL', confidence: null }]} />);
    const rows = within(screen.getByTestId('orders')).getAllByRole('row');
    const column = within(rows[0]).getAllByRole('columnheader').findIndex((h) => h.textContent === 'Confidence');
    expect(column).toBeGreaterThan(0);
    expect(within(rows[1]).getAllByRole('cell')[column]).toHaveTextContent(/^0\.734$/);
    expect(within(rows[2]).getAllByRole('cell')[column]).toHaveTextContent(/^—$/);
    unmount();
    wrap(<OrderTable orders={[base]} />);
    expect(within(screen.getByTestId('orders')).getAllByRole('row')[0]).not.toHaveTextContent('Confidence');
  });

  it('positions and fills: signed PnL rounded to the quote precision', () => {
    const position: Position = { botId: 'b1', exchange: 'sim', symbol: 'BTC/USDT', quantity: '-0.0015', averageEntryPrice: '64000.123',
      realizedPnl: '6.2099', unrealizedPnl: '-2.736405403997976', lastPrice: '65824.1', updatedAt: '2026-01-01T00:00:00Z' };
    const trade: Trade = { id: 7, botId: 'b1', orderId: 1, clientOrderId: 'b1-1', tradeId: 't', symbol: 'BTC/USDT', side: 'SELL',
      price: '65000', quantity: '0.0015', fee: '0.0975', feeCurrency: 'USDT', realizedPnl: '1.4025', executedAt: '2026-01-01T00:00:00Z' };
    wrap(<><PositionTable positions={[position]} market={MARKET} /><TradeTable botId="b1" market={MARKET} /></>, [trade]);
    const pos = within(screen.getByTestId('positions')).getAllByRole('row')[1];
    expect(within(pos).getByTestId('position-size')).toHaveTextContent(/^0\.00150 BTC$/); // the size; the side says short
    expect(within(pos).getByText('SHORT')).toHaveAttribute('data-side', 'SHORT');
    expect(pos).toHaveTextContent('64,000.12 USDT');
    expect(pos).toHaveTextContent('-2.74 USDT');
    expect(pos).toHaveTextContent('+6.21 USDT');
    const fill = within(screen.getByTestId('trades')).getAllByRole('row')[1];
    expect(fill).toHaveTextContent('65,000.00 USDT');
    expect(fill).toHaveTextContent('0.10 USDT');
    expect(fill).toHaveTextContent('+1.40 USDT');
  });
});

describe('perpetual positions', () => {
  const PERP_MARKET = { ...MARKET, settle: 'USDT' };
  const short: Position = { botId: 'b1', exchange: 'sim_perp', symbol: 'BTC/USDT', quantity: '-0.0100', averageEntryPrice: '64000',
    realizedPnl: '1.25', unrealizedPnl: '-18.24', lastPrice: '65824.1', updatedAt: '2026-01-01T00:00:00Z',
    side: 'SHORT', leverage: '5', liquidationPrice: '70000.00', funding: '1.25' };
  const row = () => within(screen.getByTestId('positions')).getAllByRole('row')[1];

  it('shows a short with its side, size, leverage, liquidation price warning and funding', () => {
    wrap(<PositionTable positions={[short]} market={PERP_MARKET} />);
    expect(row()).toHaveAttribute('data-position-side', 'SHORT');
    expect(within(row()).getByText('SHORT')).toHaveClass('bg-red-100');
    expect(within(row()).getByTestId('position-size')).toHaveTextContent(/^0\.01000 BTC$/);
    expect(within(row()).getByTestId('position-leverage')).toHaveTextContent('5×');
    // 65,824.10 is 5.96 % away from 70,000: within 10 %
    const liquidation = row().querySelector('[data-near-liquidation]');
    expect(liquidation).toHaveAttribute('data-near-liquidation', 'true');
    expect(liquidation).toHaveTextContent('70,000.00 USDT');
    expect(within(row()).getByTestId('position-funding')).toHaveTextContent('+1.25 USDT');
  });

  it('shows the liquidation price without warning when the price is far from it', () => {
    wrap(<PositionTable positions={[{ ...short, liquidationPrice: '76000.00', funding: '-0.4' }]} market={PERP_MARKET} />);
    const liquidation = row().querySelector('[data-near-liquidation]');
    expect(liquidation).toHaveAttribute('data-near-liquidation', 'false');
    expect(liquidation).toHaveTextContent('76,000.00 USDT');
    expect(within(row()).getByTestId('position-funding')).toHaveTextContent('-0.40 USDT');
  });

  it('badges LONG green and FLAT grey; spot positions have no perpetual columns', () => {
    const long = wrap(<PositionTable positions={[{ ...short, quantity: '0.01', side: 'LONG', liquidationPrice: '52000' }]} market={PERP_MARKET} />);
    expect(within(row()).getByText('LONG')).toHaveClass('bg-emerald-100');
    long.unmount();
    const spot: Position = { botId: 'b1', exchange: 'sim', symbol: 'BTC/USDT', quantity: '0', averageEntryPrice: null, realizedPnl: '3',
      unrealizedPnl: null, lastPrice: '64000', updatedAt: '2026-01-01T00:00:00Z' };
    wrap(<PositionTable positions={[spot]} market={MARKET} />);
    expect(within(row()).getByText('FLAT')).toHaveClass('bg-slate-200');
    expect(screen.queryByText('Liq. price')).toBeNull();
    expect(screen.queryByText('Leverage')).toBeNull();
  });

  it('marks the fills that open and close a short', () => {
    const fill = (id: number, side: 'BUY' | 'SELL'): Trade => ({ id, botId: 'b1', orderId: id, clientOrderId: `b1-${id}`, tradeId: `t${id}`,
      symbol: 'BTC/USDT', side, price: '64000', quantity: '0.0100', fee: '0.13', feeCurrency: 'USDT', realizedPnl: null, executedAt: '2026-01-01T00:00:00Z' });
    // newest first: sold 0.01 (open short), bought it back (close), sold 0.01 again (open short): short 0.01 now
    wrap(<TradeTable botId="b1" market={PERP_MARKET} position={short} />, [fill(3, 'SELL'), fill(2, 'BUY'), fill(1, 'SELL')]);
    const rows = within(screen.getByTestId('trades')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('[data-effect]')?.textContent)).toEqual(['Open short', 'Close short', 'Open short']);
    expect(within(rows[0]).getByText('Open short')).toHaveClass('bg-red-100');
  });
});
