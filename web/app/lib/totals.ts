// Sums that only make sense per currency: PnL of bots quoted in USDT and in BTC are not one number.
import { add, isDecimal } from './decimal';
import type { Market } from './money';

export interface QuoteTotal { quote: string; market: Market; pnl: string }

/** Each quote currency's summed PnL (exact), in the order the currencies first appear. */
export function pnlByQuote(bots: { exchange: string; symbol: string; pnl: string | null }[],
  marketOf: (exchange: string, symbol: string) => Market): QuoteTotal[] {
  const totals = new Map<string, QuoteTotal>();
  for (const b of bots) {
    const market = marketOf(b.exchange, b.symbol);
    const t = totals.get(market.quote) ?? { quote: market.quote, market, pnl: '0' };
    if (b.pnl != null && isDecimal(b.pnl)) t.pnl = add(t.pnl, b.pnl);
    totals.set(market.quote, t);
  }
  return [...totals.values()];
}

/** The summary's `totalPnlByQuote` ({"USDT": "6.21"}) in the same shape; values that are not decimals are left out. */
export function serverTotals(byQuote: Record<string, string>): QuoteTotal[] {
  return Object.entries(byQuote)
    .filter(([, pnl]) => typeof pnl === 'string' && isDecimal(pnl))
    .map(([quote, pnl]) => ({ quote, market: { base: '', quote }, pnl }));
}
