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

  it('positions and fills: signed PnL rounded to the quote precision', () => {
    const position: Position = { botId: 'b1', exchange: 'sim', symbol: 'BTC/USDT', quantity: '-0.0015', averageEntryPrice: '64000.123',
      realizedPnl: '6.2099', unrealizedPnl: '-2.736405403997976', lastPrice: '65824.1', updatedAt: '2026-01-01T00:00:00Z' };
    const trade: Trade = { id: 7, botId: 'b1', orderId: 1, clientOrderId: 'b1-1', tradeId: 't', symbol: 'BTC/USDT', side: 'SELL',
      price: '65000', quantity: '0.0015', fee: '0.0975', feeCurrency: 'USDT', realizedPnl: '1.4025', executedAt: '2026-01-01T00:00:00Z' };
    wrap(<><PositionTable positions={[position]} market={MARKET} /><TradeTable botId="b1" market={MARKET} /></>, [trade]);
    const pos = within(screen.getByTestId('positions')).getAllByRole('row')[1];
    expect(pos).toHaveTextContent('-0.00150 BTC');
    expect(pos).toHaveTextContent('64,000.12 USDT');
    expect(pos).toHaveTextContent('-2.74 USDT');
    expect(pos).toHaveTextContent('+6.21 USDT');
    const fill = within(screen.getByTestId('trades')).getAllByRole('row')[1];
    expect(fill).toHaveTextContent('65,000.00 USDT');
    expect(fill).toHaveTextContent('0.10 USDT');
    expect(fill).toHaveTextContent('+1.40 USDT');
  });
});
