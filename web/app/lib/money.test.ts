import { describe, expect, it } from 'vitest';
import { divide, floorToStep, roundToStep } from './decimal';
import {
  amount, currencyDecimals, duration, formatMoney, formatPnl, formatPrice, formatQuantity, formatQuote, group,
  isoDurationSeconds, marketOfSymbol, percent, signedAmount, type Market,
} from './money';

const BTC_USDT: Market = { base: 'BTC', quote: 'USDT', tickSize: '0.01', lotSize: '0.00001', minNotional: '5' };
const LTC_BTC: Market = { base: 'LTC', quote: 'BTC', tickSize: '0.000001', lotSize: '0.01' };

describe('numbers with units, rounded to the instrument', () => {
  it('rounds a float-noisy PnL to the quote precision with sign and unit', () => {
    expect(formatPnl('-2.736405403997976', BTC_USDT)).toBe('-2.74 USDT');
    expect(formatPnl('6.2099', BTC_USDT)).toBe('+6.21 USDT');
    expect(formatPnl('0', BTC_USDT)).toBe('0.00 USDT');
    expect(formatPnl('-0.001', BTC_USDT)).toBe('0.00 USDT'); // no "-0.00"
    expect(formatPnl(null, BTC_USDT)).toBe('—');
  });

  it('shows quantities at the lot size and prices at the tick size, grouped', () => {
    expect(formatQuantity('0.0015', BTC_USDT)).toBe('0.00150 BTC');
    expect(formatPrice('64210.5', BTC_USDT)).toBe('64,210.50 USDT');
    expect(formatPrice('1234567.891', BTC_USDT)).toBe('1,234,567.89 USDT');
    expect(formatQuantity('12.3456', LTC_BTC)).toBe('12.35 LTC');
    expect(formatPrice('0.0165', LTC_BTC)).toBe('0.016500 BTC');
  });

  it('gives quote money its currency precision: USDT 2, BTC 8', () => {
    expect(formatQuote('0.09631575', BTC_USDT)).toBe('0.10 USDT');
    expect(formatQuote('0.0000123456789', LTC_BTC)).toBe('0.00001235 BTC');
    expect(currencyDecimals('XYZ', 4)).toBe(4);
    expect(currencyDecimals('XYZ')).toBe(8);
  });

  it('formats money in whatever currency a fee was paid', () => {
    expect(formatMoney('0.0000015', 'BTC', BTC_USDT)).toBe('0.00000150 BTC');
    expect(formatMoney('0.096315', 'USDT', BTC_USDT)).toBe('0.10 USDT');
    expect(formatMoney('1.5', 'EUR')).toBe('1.50 EUR');
  });

  it('falls back to the symbol for units when the market is unknown', () => {
    const m = marketOfSymbol('ETH/USDT');
    expect(m).toEqual({ base: 'ETH', quote: 'USDT' });
    expect(formatPnl('12.345', m)).toBe('+12.35 USDT');
    expect(formatQuantity('0.5', m)).toBe('0.50000000 ETH');
    expect(marketOfSymbol('BTCUSDT')).toEqual({ base: 'BTC', quote: 'USDT' });
  });

  it('groups, signs and rounds plain amounts', () => {
    expect(group('-64210.50')).toBe('-64,210.50');
    expect(group('999')).toBe('999');
    expect(amount('1.005', 2)).toBe('1.01');
    expect(signedAmount('1.005', 2, 'USDT')).toBe('+1.01 USDT');
    expect(amount('abc', 2)).toBe('—');
  });

  it('shows ratios as percents without float noise', () => {
    expect(percent(0.1234)).toBe('12.34%');
    expect(percent(-0.46605)).toBe('-46.61%');
    expect(percent('0.5')).toBe('50.00%');
    expect(percent(null)).toBe('—');
  });
});

describe('durations', () => {
  it('reads as days, hours and minutes', () => {
    expect(duration(135000)).toBe('1 d 13 h 30 m');
    expect(duration(3600)).toBe('1 h');
    expect(duration(45)).toBe('45 s');
    expect(duration(null)).toBe('—');
  });

  it('parses the server\'s ISO-8601 durations', () => {
    expect(isoDurationSeconds('PT37H30M')).toBe(135000);
    expect(isoDurationSeconds('P1DT2H')).toBe(93600);
    expect(isoDurationSeconds('PT0.5S')).toBe(0.5);
    expect(isoDurationSeconds('nonsense')).toBeNull();
  });
});

describe('exact steps', () => {
  it('divides, floors and rounds to a step without floating point', () => {
    expect(divide('10000', '64000', 8)).toBe('0.15625000');
    expect(divide('1', '3', 4)).toBe('0.3333');
    expect(floorToStep('0.0015678', '0.00001')).toBe('0.00156');
    expect(roundToStep('0.0015678', '0.00001')).toBe('0.00157');
    expect(roundToStep('10.26', '0.5')).toBe('10.5');
  });
});
