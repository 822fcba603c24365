import { describe, expect, it } from 'vitest';
import type { SymbolInfo, Trade } from '../api/types';
import {
  formatLeverage, isPerpetualVenue, leverageError, leveragePicks, nearLiquidation, perpetualFields, positionSide, tradeEffects,
} from './perpetual';

const SPOT: SymbolInfo = { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001',
  minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' };
const PERP: SymbolInfo = { ...SPOT, perpetual: true, settleAsset: 'USDT', maxLeverage: '50', contractSize: '1' };

const trade = (id: number, side: 'BUY' | 'SELL', quantity: string): Trade => ({ id, botId: 'b', orderId: id, clientOrderId: `b-${id}`,
  tradeId: `t${id}`, symbol: 'BTC/USDT', side, price: '100', quantity, fee: null, feeCurrency: null, realizedPnl: null, executedAt: '' });

describe('leverage', () => {
  it('says what the server says about a leverage', () => {
    expect(leverageError('5', PERP)).toBeUndefined();
    expect(leverageError('50', PERP)).toBeUndefined();
    expect(leverageError('2.5', PERP)).toBeUndefined();
    expect(leverageError('', PERP)).toBeUndefined(); // left out: the server's default
    expect(leverageError('500', PERP)).toBe('is above the maximum 50 of BTC/USDT');
    expect(leverageError('50.01', { ...PERP, maxLeverage: '50.00' })).toBe('is above the maximum 50 of BTC/USDT');
    expect(leverageError('0.5', PERP)).toBe('must be at least 1');
    expect(leverageError('abc', PERP)).toBe('must be a number such as 5 or 2.5');
    expect(leverageError('2.125', PERP)).toBe('may have at most 2 decimals');
    expect(leverageError('2.250', PERP)).toBeUndefined();
    // without a known maximum only the server can say
    expect(leverageError('500', { ...PERP, maxLeverage: null })).toBeUndefined();
  });

  it('offers quick picks up to the maximum', () => {
    expect(leveragePicks('50')).toEqual(['1', '3', '5', '10', '50']);
    expect(leveragePicks('10')).toEqual(['1', '3', '5', '10']);
    expect(leveragePicks('4')).toEqual(['1', '3', '4']);
    expect(leveragePicks(null)).toEqual(['1', '3', '5', '10']);
  });

  it('writes leverage as "5×"', () => {
    expect(formatLeverage('5')).toBe('5×');
    expect(formatLeverage('5.00')).toBe('5×');
    expect(formatLeverage('2.50')).toBe('2.5×');
    expect(formatLeverage(null)).toBe('—');
  });

  it('sends leverage and margin mode for perpetuals only', () => {
    expect(perpetualFields(PERP, ' 5 ', 'CROSS')).toEqual({ leverage: '5', marginMode: 'CROSS' });
    expect(perpetualFields(PERP, '', 'ISOLATED')).toEqual({ marginMode: 'ISOLATED' });
    expect(perpetualFields(SPOT, '5', 'CROSS')).toEqual({});
    expect(perpetualFields(undefined, '5', 'CROSS')).toEqual({});
  });

  it('knows a perpetual venue by its markets', () => {
    const venue = { id: 'sim_perp', name: 'Simulated perpetuals', liveTrading: false };
    expect(isPerpetualVenue({ ...venue, symbols: [PERP] })).toBe(true);
    expect(isPerpetualVenue({ ...venue, symbols: [SPOT] })).toBe(false);
    expect(isPerpetualVenue({ ...venue, symbols: [] })).toBe(false);
  });
});

describe('positions', () => {
  it('takes the server\'s side, else the sign of the quantity', () => {
    expect(positionSide({ side: 'SHORT', quantity: '-0.01' })).toBe('SHORT');
    expect(positionSide({ quantity: '-0.01' })).toBe('SHORT');
    expect(positionSide({ quantity: '0.01' })).toBe('LONG');
    expect(positionSide({ quantity: '0.000' })).toBe('FLAT');
  });

  it('warns when the last price is within 10 % of the liquidation price, either way', () => {
    // short: liquidation above the price
    expect(nearLiquidation('60000.00', '66000.00')).toBe(true); // exactly 10 %
    expect(nearLiquidation('60000.00', '66000.01')).toBe(false);
    // long: liquidation below
    expect(nearLiquidation('60000.00', '54000.00')).toBe(true);
    expect(nearLiquidation('60000.00', '53999.99')).toBe(false);
    expect(nearLiquidation('0.1234', '0.1300')).toBe(true);
    expect(nearLiquidation(null, '54000')).toBe(false);
    expect(nearLiquidation('60000', null)).toBe(false);
  });

  it('tells what each fill did to the position, from the position now backwards', () => {
    // oldest first: sell 0.01 (open short), sell 0.01 (add), buy 0.015 (reduce), buy 0.02 (short to long), sell 0.015 (close long)
    const newestFirst = [trade(5, 'SELL', '0.015'), trade(4, 'BUY', '0.02'), trade(3, 'BUY', '0.015'), trade(2, 'SELL', '0.01'), trade(1, 'SELL', '0.01')];
    const effects = tradeEffects(newestFirst, { symbol: 'BTC/USDT', quantity: '0' });
    expect([1, 2, 3, 4, 5].map((id) => effects.get(String(id))))
      .toEqual(['Open short', 'Add short', 'Reduce short', 'Short to long', 'Close long']);
    const shortNow = tradeEffects([trade(2, 'BUY', '0.01'), trade(1, 'SELL', '0.02')], { symbol: 'BTC/USDT', quantity: '-0.01' });
    expect(shortNow.get('1')).toBe('Open short');
    expect(shortNow.get('2')).toBe('Reduce short');
  });
});
