import { describe, expect, it } from 'vitest';
import { formatPnl, marketOfSymbol } from './money';
import { pnlByQuote } from './totals';

describe('PnL per quote currency', () => {
  it('sums exactly per quote and never adds USDT to BTC', () => {
    const totals = pnlByQuote([
      { exchange: 'sim', symbol: 'BTC/USDT', pnl: '-2.736405403997976' },
      { exchange: 'sim', symbol: 'ETH/USDT', pnl: '8.95' },
      { exchange: 'sim', symbol: 'LTC/BTC', pnl: '0.00012' },
      { exchange: 'sim', symbol: 'SOL/USDT', pnl: null },
    ], (_, s) => marketOfSymbol(s));
    expect(totals.map((t) => [t.quote, t.pnl])).toEqual([['USDT', '6.213594596002024'], ['BTC', '0.00012']]);
    expect(formatPnl(totals[0].pnl, totals[0].market)).toBe('+6.21 USDT');
  });
});
