import { describe, expect, it } from 'vitest';
import {
  adjustByPercent, defaultPrices, formatPercent, orderCost, pricePrecision, priceStep, quantityForBalance, quantityUnit, stepQuantity,
} from './pricing';

describe('dynamic precision', () => {
  it('follows the LTP decimals', () => {
    expect(pricePrecision('64210.50')).toBe(2);
    expect(pricePrecision('0.123456')).toBe(6);
    expect(priceStep('0.123456')).toBe('0.000001');
    expect(priceStep('1234')).toBe('1');
  });

  it('falls back when there is no LTP', () => {
    expect(pricePrecision(null)).toBe(2);
    expect(pricePrecision(undefined, 4)).toBe(4);
    expect(priceStep('N/A', 3)).toBe('0.001');
  });
});

describe('default prices', () => {
  it('are LTP x 0.98 and x 1.02 at the LTP precision', () => {
    expect(defaultPrices('64000.00')).toEqual({ buyPrice: '62720.00', sellPrice: '65280.00' });
    expect(defaultPrices('0.5123')).toEqual({ buyPrice: '0.5021', sellPrice: '0.5225' });
  });
});

describe('% buttons', () => {
  it('move the price by the percent, rounded to the precision', () => {
    expect(adjustByPercent('100.00', 1, 2)).toBe('101.00');
    expect(adjustByPercent('100.00', -0.5, 2)).toBe('99.50');
    expect(adjustByPercent('100.00', 0.1, 2)).toBe('100.10');
    expect(adjustByPercent('64210.50', -1, 2)).toBe('63568.40'); // 63568.395 rounds up
    expect(adjustByPercent('0.1234', 0.1, 4)).toBe('0.1235');
  });

  it('leave an empty price alone', () => {
    expect(adjustByPercent('', 1, 2)).toBe('');
  });

  it('label with a sign', () => {
    expect(formatPercent(-0.5)).toBe('-0.5%');
    expect(formatPercent(1)).toBe('+1%');
  });
});

describe('% buttons keep the instrument precision', () => {
  it('LTC/BTC 0.0165 + 1% is 0.016665 at a 0.00000001 tick, not 0.02', () => {
    expect(adjustByPercent('0.0165', 1, 8)).toBe('0.016665');
    expect(adjustByPercent('0.0165', -0.1, 8)).toBe('0.0164835');
  });

  it('round to the tick when the exact result is finer', () => {
    expect(adjustByPercent('0.01666666', 0.5, 8)).toBe('0.01674999');
    expect(adjustByPercent('64210.5', 0.1, 2)).toBe('64274.71');
  });
});

describe('quantity buttons', () => {
  it('step by the lot size scaled to the price until a step is worth the minimum notional', () => {
    expect(quantityUnit('0.00001', '64000.00', '5')).toBe('0.0001'); // 6.40 USDT, not 1 BTC
    expect(quantityUnit('0.001', '150.00', '5')).toBe('0.1');
    expect(quantityUnit('1', '0.5', '5')).toBe('10');
    expect(quantityUnit('0.00001', null, '5')).toBe('0.00001');
    expect(quantityUnit('0.00001', '64000', '0')).toBe('0.00001');
  });

  it('add and subtract units on the lot grid', () => {
    expect(stepQuantity('0.0015', 1, '0.0001', '0.00001')).toBe('0.00160');
    expect(stepQuantity('0.0015', -10, '0.0001', '0.00001')).toBe('0.00050');
    expect(stepQuantity('', 2, '0.0001', '0.00001')).toBe('0.00020');
    expect(stepQuantity('0.001234567', 1, '0.0001', '0.00001')).toBe('0.00133'); // rounded down to the lot
  });

  it('never go below zero', () => {
    expect(stepQuantity('0.0003', -5, '0.0001', '0.00001')).toBe('0.00000');
    expect(stepQuantity('3', -5, '1', '1')).toBe('0');
  });
});

describe('% of balance', () => {
  it('buys what the share of the balance pays for, fee included, rounded down to the lot', () => {
    // 10000 USDT at 64000: 0.15625 BTC; with the 0.1% fee 0.156093... -> 0.15609
    expect(quantityForBalance('10000', 100, '64000.00', '0.00001', '0.001')).toBe('0.15609');
    expect(quantityForBalance('10000', 25, '64000.00', '0.00001')).toBe('0.03906');
    expect(quantityForBalance('10000', 50, '150', '0.001')).toBe('33.333');
    expect(quantityForBalance('10000', 50, '', '0.001')).toBe('');
  });

  it('shows what an order costs in quote', () => {
    expect(orderCost('0.0015', '64210.50', '0.001', 2)).toEqual({ value: '96.32', fee: '0.10' });
    expect(orderCost('', '64210.50', '0.001', 2)).toBeNull();
  });
});
