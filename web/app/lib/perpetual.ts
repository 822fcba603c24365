// Perpetual futures in the dashboard's words: leverage checks (the server's wording), what a bot sends, which way a
// position points, and how close it is to liquidation. Exact decimal strings throughout (decimal.ts).
import type { BotInput, Exchange, MarginMode, Position, PositionSide, SymbolInfo, Trade } from '../api/types';
import { add, compare, decimalsOf, isDecimal, multiply } from './decimal';
import { trimZeros } from './pricing';

export const isPerpetual = (s: SymbolInfo | null | undefined): boolean => !!s?.perpetual;

/** A venue of perpetual contracts (`sim_perp`, `delta`, `coindcx_f`): its own `perpetual` flag, else its markets'. */
export function isPerpetualVenue(v: Exchange): boolean {
  const own = (v as Exchange & { perpetual?: boolean }).perpetual;
  return own ?? v.symbols.some((s) => s.perpetual);
}

export const DEFAULT_LEVERAGE = '1';
/** The server keeps leverage to 2 decimals (2.25×). */
export const LEVERAGE_DECIMALS = 2;
export const DEFAULT_MARGIN_MODE: MarginMode = 'ISOLATED';

export const MARGIN_MODES: { value: MarginMode; label: string; help: string }[] = [
  { value: 'ISOLATED', label: 'Isolated', help: 'Isolated: only this bot\'s margin can be lost.' },
  { value: 'CROSS', label: 'Cross', help: 'Cross: the whole account\'s balance backs this position; a liquidation can take all of it.' },
];

/** Under the firstOrder parameter of a strategy that can short (`canShort`), on a perpetual market. */
export const SHORT_HINT = 'On a perpetual, SELL opens a short: the bot sells first and buys back lower.';

/** "5.00" -> "5", "2.50" -> "2.5": how leverage is written in labels and messages. */
export const plainNumber = (text: string): string => trimZeros(text.trim(), 0);

/** "5" -> "5×"; null or not a number -> "—". */
export const formatLeverage = (leverage: string | null | undefined): string =>
  leverage != null && isDecimal(leverage) ? `${plainNumber(leverage)}×` : '—';

/**
 * Why the server would refuse this leverage for the market, in its words, or undefined. Empty is fine: the field is
 * then left out and the server's default (1×) applies.
 */
export function leverageError(text: string, instrument: SymbolInfo): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!isDecimal(t)) return 'must be a number such as 5 or 2.5';
  if (compare(t, '1') < 0) return 'must be at least 1';
  if (decimalsOf(plainNumber(t)) > LEVERAGE_DECIMALS) return `may have at most ${LEVERAGE_DECIMALS} decimals`;
  const max = instrument.maxLeverage;
  if (max != null && isDecimal(max) && compare(t, max) > 0) return `is above the maximum ${plainNumber(max)} of ${instrument.symbol}`;
  return undefined;
}

/** The quick picks of the leverage field: 1×, 3×, 5×, 10× up to the market's maximum, and the maximum itself. */
export function leveragePicks(maxLeverage: string | null | undefined): string[] {
  const base = ['1', '3', '5', '10'];
  if (maxLeverage == null || !isDecimal(maxLeverage)) return base;
  const max = plainNumber(maxLeverage);
  const picks = base.filter((p) => compare(p, max) <= 0);
  return picks.some((p) => compare(p, max) === 0) ? picks : [...picks, max];
}

/** What a bot on this market sends besides the usual fields: leverage and margin mode on a perpetual, nothing on spot. */
export function perpetualFields(instrument: SymbolInfo | null | undefined, leverage: string, marginMode: MarginMode):
  Pick<BotInput, 'leverage' | 'marginMode'> {
  if (!isPerpetual(instrument)) return {};
  const t = leverage.trim();
  return { ...(t !== '' ? { leverage: t } : {}), marginMode };
}

/** The server's side, or (older servers) the sign of the quantity. */
export function positionSide(p: Pick<Position, 'side' | 'quantity'>): PositionSide {
  if (p.side) return p.side;
  if (!isDecimal(p.quantity)) return 'FLAT';
  const c = compare(p.quantity, '0');
  return c > 0 ? 'LONG' : c < 0 ? 'SHORT' : 'FLAT';
}

/** "-0.0100" -> "0.0100": a position's size without its direction. */
export const absolute = (text: string): string => text.trim().replace(/^[-+]/, '');

/** The share of the last price within which a liquidation price is shown as a warning. */
export const LIQUIDATION_WARNING = '0.10';

/** Whether the last price is within 10 % of the liquidation price (|last − liquidation| ≤ 10 % of last). */
export function nearLiquidation(lastPrice: string | null | undefined, liquidationPrice: string | null | undefined): boolean {
  if (!isDecimal(lastPrice) || !isDecimal(liquidationPrice) || compare(lastPrice!, '0') <= 0) return false;
  const distance = absolute(add(lastPrice!, `-${absolute(liquidationPrice!)}`));
  const scale = Math.max(decimals(lastPrice!), 2) + 2;
  return compare(distance, multiply(lastPrice!, LIQUIDATION_WARNING, scale)) <= 0;
}

const decimals = (text: string) => (text.split('.')[1] ?? '').length;

/** What a fill did to the bot's position, e.g. "Open short". */
export type TradeEffect = 'Open long' | 'Add long' | 'Reduce long' | 'Close long'
  | 'Open short' | 'Add short' | 'Reduce short' | 'Close short' | 'Long to short' | 'Short to long';

/**
 * What each fill did to the position (by trade id), worked backwards from the position now: the position before
 * a fill is the one after it minus its signed quantity. `trades` are newest first, as GET /bots/{id}/trades answers.
 * Fills of other symbols are left out.
 */
export function tradeEffects(trades: Trade[], position: Pick<Position, 'symbol' | 'quantity'>): Map<string, TradeEffect> {
  const effects = new Map<string, TradeEffect>();
  if (!isDecimal(position.quantity)) return effects;
  let after = position.quantity.trim();
  for (const t of trades) {
    if (t.symbol !== position.symbol || !isDecimal(t.quantity)) continue;
    const signed = t.side === 'BUY' ? absolute(t.quantity) : `-${absolute(t.quantity)}`;
    const before = add(after, signed.startsWith('-') ? absolute(signed) : `-${signed}`);
    effects.set(String(t.id), effectOf(before, after));
    after = before;
  }
  return effects;
}

function effectOf(before: string, after: string): TradeEffect {
  const b = compare(before, '0');
  const a = compare(after, '0');
  if (b > 0 && a < 0) return 'Long to short';
  if (b < 0 && a > 0) return 'Short to long';
  if (b === 0) return a < 0 ? 'Open short' : 'Open long';
  if (b < 0) return a === 0 ? 'Close short' : compare(after, before) < 0 ? 'Add short' : 'Reduce short';
  return a === 0 ? 'Close long' : compare(after, before) > 0 ? 'Add long' : 'Reduce long';
}

/** Whether a fill is part of a short (opens, adds to, reduces, closes or flips one): drawn in the SHORT colour. */
export const isShortEffect = (e: TradeEffect | undefined): boolean => !!e && /short/i.test(e);
