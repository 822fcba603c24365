import { describe, expect, it } from 'vitest';
import { adjustByPercent, defaultPrices, formatPercent, pricePrecision, priceStep, stepQuantity } from './pricing';

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

describe('quantity buttons', () => {
  it('add and subtract whole steps', () => {
    expect(stepQuantity('3', 2)).toBe('5');
    expect(stepQuantity('12', -10)).toBe('2');
    expect(stepQuantity('', 5)).toBe('5');
  });

  it('never go below zero', () => {
    expect(stepQuantity('3', -5)).toBe('0');
    expect(stepQuantity('0', -1)).toBe('0');
    expect(stepQuantity('0.500', -10)).toBe('0.000');
  });

  it('keep the decimals of the quantity', () => {
    expect(stepQuantity('0.001', 1)).toBe('1.001');
  });
});
