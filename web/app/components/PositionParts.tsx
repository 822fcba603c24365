// Small pieces that show which way a position points and how risky it is: the LONG/SHORT/FLAT badge, the liquidation
// price with its warning, funding in the settle asset, and what a fill did to the position ("Open short").
import type { MarginMode, PositionSide } from '../api/types';
import { currencyDecimals, formatPrice, quoteDecimals, signedAmount, type Market } from '../lib/money';
import { formatLeverage, isShortEffect, MARGIN_MODES, nearLiquidation, type TradeEffect } from '../lib/perpetual';
import { pnlClass } from '../lib/format';

const SIDE_CLASS: Record<PositionSide, string> = {
  LONG: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
  SHORT: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200',
  FLAT: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
};

export function PositionSideBadge({ side }: { side: PositionSide }) {
  return <span data-side={side} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${SIDE_CLASS[side] ?? SIDE_CLASS.FLAT}`}>{side}</span>;
}

/** The liquidation price; in the warning colour with a ⚠ when the last price is within 10 % of it. */
export function LiquidationPrice({ price, lastPrice, market }: { price: string | null | undefined; lastPrice: string | null | undefined; market: Market }) {
  if (price == null) return <span className="text-slate-500">—</span>;
  if (!nearLiquidation(lastPrice, price)) return <span data-near-liquidation="false">{formatPrice(price, market)}</span>;
  return (
    <span data-near-liquidation="true" title="The last price is within 10 % of the liquidation price"
      className="rounded bg-amber-100 px-1 font-semibold text-amber-800 dark:bg-amber-900 dark:text-amber-100">
      <span aria-hidden="true">⚠ </span>{formatPrice(price, market)}<span className="sr-only"> (close to the last price)</span>
    </span>
  );
}

/** Funding received minus paid, signed, in the settle asset ("+1.25 USDT", "-0.40 USD"). */
export function formatFunding(value: string | null | undefined, market: Market): string {
  const settle = market.settle ?? market.quote;
  return signedAmount(value, settle === market.quote ? quoteDecimals(market) : currencyDecimals(settle), settle || undefined);
}

export function Funding({ value, market }: { value: string | null | undefined; market: Market }) {
  return <span className={pnlClass(value)}>{formatFunding(value, market)}</span>;
}

/** What a fill did to the bot's position; anything about a short in the SHORT colour. */
export function TradeEffectBadge({ effect }: { effect: TradeEffect | undefined }) {
  if (!effect) return null;
  const short = isShortEffect(effect);
  return (
    <span data-effect={effect} className={`ml-1 rounded px-1.5 py-0.5 text-xs font-semibold ${short ? SIDE_CLASS.SHORT : SIDE_CLASS.LONG}`}>
      {effect}
    </span>
  );
}

/** "Perpetual 5× Isolated" for a perpetual bot (it has a leverage); nothing for spot. */
export function LeverageTag({ leverage, marginMode }: { leverage?: string | null; marginMode?: MarginMode | null }) {
  if (leverage == null) return null;
  const mode = MARGIN_MODES.find((m) => m.value === marginMode);
  return (
    <span data-testid="bot-leverage" className="whitespace-nowrap rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-200">
      Perpetual {formatLeverage(leverage)}{mode ? ` ${mode.label}` : ''}
    </span>
  );
}
