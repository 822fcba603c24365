// A bot's position and fills, every number at its instrument's precision with its unit; on a perpetual also the
// position's side, leverage, liquidation price and funding, and what each fill did to it.
import { useMemo } from 'react';
import { useBotTrades } from '../api/hooks';
import type { Position } from '../api/types';
import { pnlClass, time } from '../lib/format';
import { formatMoney, formatPnl, formatPrice, formatQuantity, type Market } from '../lib/money';
import { absolute, formatLeverage, positionSide, tradeEffects } from '../lib/perpetual';
import { Funding, LiquidationPrice, PositionSideBadge, TradeEffectBadge } from './PositionParts';
import { Card, Empty, ErrorBox, Spinner } from './ui';

/** Whether the table needs the perpetual columns (leverage, liquidation, funding). */
const hasPerpetual = (positions: Position[], market: Market) =>
  !!market.settle || positions.some((p) => p.leverage != null || p.liquidationPrice != null);

export function PositionTable({ positions, market }: { positions: Position[]; market: Market }) {
  if (positions.length === 0) return <Empty>No position.</Empty>;
  const perpetual = hasPerpetual(positions, market);
  return (
    <div className="overflow-x-auto">
      <table className="w-full whitespace-nowrap text-sm" data-testid="positions">
        <thead><tr className="text-left text-xs text-slate-500">
          <th className="pr-2">Symbol</th><th className="pr-2">Side</th><th className="pr-2">Size</th><th className="pr-2">Avg entry</th>
          <th className="pr-2">Last</th><th className="pr-2">Unrealized</th><th className={perpetual ? 'pr-2' : ''}>Realized</th>
          {perpetual && <><th className="pr-2">Leverage</th><th className="pr-2">Liq. price</th><th>Funding</th></>}
        </tr></thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.symbol} className="tabular-nums" data-position-side={positionSide(p)}>
              <td className="pr-2">{p.symbol}</td><td className="pr-2"><PositionSideBadge side={positionSide(p)} /></td>
              <td className="pr-2" data-testid="position-size">{formatQuantity(absolute(p.quantity), market)}</td>
              <td className="pr-2">{formatPrice(p.averageEntryPrice, market)}</td><td className="pr-2">{formatPrice(p.lastPrice, market)}</td>
              <td className={`pr-2 ${pnlClass(p.unrealizedPnl)}`}>{formatPnl(p.unrealizedPnl, market)}</td>
              <td className={`${perpetual ? 'pr-2 ' : ''}${pnlClass(p.realizedPnl)}`}>{formatPnl(p.realizedPnl, market)}</td>
              {perpetual && <>
                <td className="pr-2" data-testid="position-leverage">{formatLeverage(p.leverage)}</td>
                <td className="pr-2"><LiquidationPrice price={p.liquidationPrice} lastPrice={p.lastPrice} market={market} /></td>
                <td data-testid="position-funding"><Funding value={p.funding ?? null} market={market} /></td>
              </>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The bot's fills. With `position` (a perpetual bot's position now) each fill also says what it did to the position
 * ("Open short", "Close short"), worked backwards from it.
 */
export function TradeTable({ botId, market, position }: { botId: string | number; market: Market; position?: Position }) {
  const trades = useBotTrades(botId);
  const effects = useMemo(() => (position && trades.data ? tradeEffects(trades.data, position) : undefined), [position, trades.data]);
  return (
    <Card className="min-w-0">
      <h2 className="mb-2 font-semibold">Trades</h2>
      {trades.isPending ? <Spinner /> : trades.isError ? <ErrorBox error={trades.error} /> :
        trades.data.length === 0 ? <Empty>No fills yet.</Empty> : (
          <div className="max-h-[32rem] overflow-auto">
            <table className="w-full whitespace-nowrap text-sm" data-testid="trades">
              <thead><tr className="text-left text-xs text-slate-500">
                <th className="pr-2">Time</th><th className="pr-2">Side</th><th className="pr-2">Price</th><th className="pr-2">Qty</th>
                <th className="pr-2">Fee</th><th>Realized</th>
              </tr></thead>
              <tbody>
                {trades.data.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100 tabular-nums dark:border-slate-800">
                    <td className="py-1 pr-2">{time(t.executedAt)}</td>
                    <td className="pr-2"><span className={t.side === 'BUY' ? 'text-emerald-600' : 'text-red-600'}>{t.side}</span>
                      <TradeEffectBadge effect={effects?.get(String(t.id))} /></td>
                    <td className="pr-2">{formatPrice(t.price, market)}</td><td className="pr-2">{formatQuantity(t.quantity, market)}</td>
                    <td className="pr-2">{formatMoney(t.fee, t.feeCurrency ?? market.quote, market)}</td>
                    <td className={pnlClass(t.realizedPnl)}>{formatPnl(t.realizedPnl, market)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  );
}
