import { describe, expect, it } from 'vitest';
import type { Exchange, SymbolInfo } from '../api/types';
import { normalizeSymbol, rankSymbols, unavailableHint, venueLabel } from './venues';

const venue = (over: Partial<Exchange>): Exchange => ({ id: 'x', name: 'X', liveTrading: false, symbols: [], ...over });
const sym = (symbol: string): SymbolInfo => ({ symbol, baseAsset: symbol.split('/')[0], quoteAsset: symbol.split('/')[1] ?? '',
  tickSize: '0.01', lotSize: '0.001', minQuantity: '0.001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' });

describe('venues', () => {
  it('names what each venue trades', () => {
    expect(venueLabel(venue({ name: 'Binance', liveTrading: true, paperTrading: true }))).toBe('Binance — live & paper');
    expect(venueLabel(venue({ name: 'Simulated exchange', liveTrading: false, paperTrading: true }))).toBe('Simulated exchange — paper only');
    expect(venueLabel(venue({ name: 'Old', liveTrading: false }))).toBe('Old — paper only');
    expect(venueLabel(venue({ name: 'Bybit', liveTrading: true, paperTrading: false, status: 'UNAVAILABLE' }))).toBe('Bybit — live only (unavailable)');
  });

  it('marks venues of perpetual contracts "Perpetual"', () => {
    const perp = { ...sym('BTC/USDT'), perpetual: true, settleAsset: 'USDT', maxLeverage: '50' };
    expect(venueLabel(venue({ name: 'Simulated perpetuals', paperTrading: true, symbols: [perp] }))).toBe('Simulated perpetuals — Perpetual, paper only');
    expect(venueLabel(venue({ name: 'Sim', paperTrading: true, symbols: [sym('BTC/USDT')] }))).toBe('Sim — paper only');
  });

  it('says why unavailable venues cannot be chosen', () => {
    expect(unavailableHint([venue({ name: 'Sim' }), venue({ name: 'Bybit', status: 'UNAVAILABLE', statusReason: 'Venue unreachable.' })]))
      .toBe('Bybit is unavailable: Venue unreachable.');
    expect(unavailableHint([venue({ name: 'Sim', status: 'READY' })])).toBeUndefined();
  });

  it('ranks exact, then prefix, then contains, ignoring case and separators', () => {
    const list = ['ETH/BTC', 'WBTC/USDT', 'BTC/USDC', 'BTC/USDT', 'BTCDOM/USDT'].map(sym);
    expect(rankSymbols(list, 'btcusdt').map((s) => s.symbol)).toEqual(['BTC/USDT', 'WBTC/USDT']);
    expect(rankSymbols(list, 'btc').map((s) => s.symbol)).toEqual(['BTC/USDC', 'BTC/USDT', 'BTCDOM/USDT', 'ETH/BTC', 'WBTC/USDT']);
    expect(rankSymbols(list, 'btc/usd', 2).map((s) => s.symbol)).toEqual(['BTC/USDC', 'BTC/USDT']);
    expect(rankSymbols(list, '').map((s) => s.symbol)).toHaveLength(5);
    expect(normalizeSymbol('btc-usdt')).toBe('BTCUSDT');
  });

  it('ranks a list of thousands of symbols, exact match first, then prefixes in list order', () => {
    const list = Array.from({ length: 20000 }, (_, i) => sym(`C${i}/USDT`));
    const found = rankSymbols(list, 'c1999');
    expect(found[0].symbol).toBe('C1999/USDT');
    expect(found).toHaveLength(11); // C1999, then C19990..C19999 by prefix
    expect(found[1].symbol).toBe('C19990/USDT');
  });
});
