// A backtest result read so that it never contradicts itself: closed trades, the position still open at the end,
// and the net profit that includes both.
import type { BacktestResult, BacktestTrade } from '../api/types';
import { add, compare, decimalsOf, divide, isDecimal, multiply } from './decimal';
import { isoDurationSeconds, marketOfSymbol, quoteDecimals, type Market } from './money';

/** The backtest instrument's grid (docs/backtesting.md: tick and lot 0.00000001 unless given). */
export const BACKTEST_STEP = '0.00000001';

export interface OpenPosition {
  quantity: string;
  /** From the result's openPosition (servers that send it). */
  entryPrice?: string | null;
  entryTime?: string | null;
  /** True when the server reported the position; false when it was inferred from finalBalances and the equity. */
  reported: boolean;
  /** The last close it is marked at (reported lastPrice, or (final equity - quote balance) / quantity). */
  markPrice: string | null;
  /** Its unrealized PnL (reported, or net profit minus the closed trades' PnL, entry fees included). */
  pnl: string | null;
}

export interface BacktestSummary {
  market: Market;
  closed: number;
  wins: number;
  losses: number;
  closedPnl: string;
  netProfit: string | null;
  open: OpenPosition | null;
  /** Things the server's numbers disagree on (shown, never hidden). */
  mismatches: string[];
}

export function backtestMarket(symbol: string): Market {
  return { ...marketOfSymbol(symbol), tickSize: BACKTEST_STEP, lotSize: BACKTEST_STEP };
}

const dec = (v: unknown): string | null => (typeof v === 'string' && isDecimal(v) ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

export function summarize(result: BacktestResult): BacktestSummary {
  const market = backtestMarket(result.symbol);
  const trades = result.trades ?? [];
  const wins = trades.filter((t) => isDecimal(t.pnl) && compare(t.pnl, '0') > 0).length;
  const losses = trades.filter((t) => isDecimal(t.pnl) && compare(t.pnl, '0') < 0).length;
  const closedPnl = trades.reduce((sum, t) => (isDecimal(t.pnl) ? add(sum, t.pnl) : sum), '0');
  const netProfit = dec(result.metrics?.netProfit);
  const finalEquity = dec(result.metrics?.finalEquity);
  const balances = result.finalBalances ?? {};
  const baseQty = dec(balances[market.base]);

  let open: OpenPosition | null = null;
  const mismatches: string[] = [];
  const reported = result.openPosition;
  if (reported !== undefined) {
    // the server says what is still held: null is flat
    if (reported && dec(reported.quantity) && compare(dec(reported.quantity)!, '0') !== 0) {
      open = { quantity: dec(reported.quantity)!, markPrice: dec(reported.lastPrice), pnl: dec(reported.unrealizedPnl),
        entryPrice: dec(reported.entryPrice), entryTime: reported.entryTime ?? null, reported: true };
    }
    if (netProfit) {
      const expected = open?.pnl ? add(closedPnl, open.pnl) : closedPnl;
      const off = abs(add(netProfit, neg(expected)));
      // the net profit is rounded to the quote's precision: one unit of it is rounding, more is a disagreement
      if (compare(off, unit(quoteDecimals(market))) > 0) {
        mismatches.push(`The net profit ${netProfit} is not the closed trades' ${closedPnl}${open?.pnl ? ` plus the open position's ${open.pnl}` : ''}.`);
      }
    }
  } else if (baseQty && compare(baseQty, '0') !== 0) {
    const quoteBal = dec(balances[market.quote]);
    const markPrice = finalEquity && quoteBal ? divide(add(finalEquity, neg(quoteBal)), baseQty, 10) : null;
    open = { quantity: baseQty, markPrice, pnl: netProfit ? add(netProfit, neg(closedPnl)) : null, reported: false };
  }

  const count = result.metrics?.trades;
  if (typeof count === 'number' && count !== trades.length) mismatches.push(`The metrics count ${count} trades, the list has ${trades.length}.`);
  const rate = result.metrics?.winRate;
  if (typeof rate === 'number' && trades.length > 0 && Math.abs(rate - wins / trades.length) > 1e-9) {
    mismatches.push(`The reported win rate ${(rate * 100).toFixed(2)}% is not ${wins} of ${trades.length} trades.`);
  }
  if (reported === undefined && !open && netProfit && compare(netProfit, closedPnl) !== 0 && compare(abs(add(netProfit, neg(closedPnl))), '0.00000001') > 0) {
    mismatches.push('The net profit differs from the sum of the trades although no position is open.');
  }
  return { market, closed: trades.length, wins, losses, closedPnl, netProfit, open, mismatches };
}

const unit = (decimals: number) => (decimals <= 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`);

function neg(v: string): string {
  return multiply(v, '-1', decimalsOf(v.trim()));
}

function abs(v: string): string {
  return compare(v, '0') < 0 ? neg(v) : v;
}

/** How long a trade lasted, in seconds (null while open). */
export function tradeSeconds(t: BacktestTrade): number | null {
  if (!t.exitTime) return null;
  const s = (new Date(t.exitTime).getTime() - new Date(t.entryTime).getTime()) / 1000;
  return Number.isFinite(s) ? s : null;
}

/** The average duration as seconds: the number when the server sent it, else its ISO-8601 text. */
export function averageSeconds(metrics: Record<string, unknown>): number | null {
  const s = metrics.averageDurationSeconds;
  if (typeof s === 'number') return s;
  return isoDurationSeconds(typeof metrics.averageDuration === 'string' ? metrics.averageDuration : null);
}
