// One line about a perpetual bot's position for its card on the home page: "SHORT 0.010 BTC · liq. 70,400.00 USDT".
import { useBotPositions } from '../api/hooks';
import type { Bot } from '../api/types';
import { formatQuantity, type Market } from '../lib/money';
import { absolute, positionSide } from '../lib/perpetual';
import { Funding, LiquidationPrice, PositionSideBadge } from './PositionParts';

export function PositionSummary({ bot, market }: { bot: Bot; market: Market }) {
  const positions = useBotPositions(bot.id);
  const p = positions.data?.find((x) => x.symbol === bot.symbol);
  if (!p) return null;
  const side = positionSide(p);
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs tabular-nums" data-testid="position-summary">
      <PositionSideBadge side={side} />
      {side !== 'FLAT' && <span>{formatQuantity(absolute(p.quantity), market)}</span>}
      {side !== 'FLAT' && p.liquidationPrice != null && (
        <span>liq. <LiquidationPrice price={p.liquidationPrice} lastPrice={p.lastPrice} market={market} /></span>
      )}
      {p.funding != null && <span>funding <Funding value={p.funding} market={market} /></span>}
    </div>
  );
}
