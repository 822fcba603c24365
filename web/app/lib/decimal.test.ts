import { describe, expect, it } from 'vitest';
import { add, compare, decimalsOf, isDecimal, multiply, round, stepFor } from './decimal';

describe('decimal', () => {
  it('counts decimals as written', () => {
    expect(decimalsOf('64210.50')).toBe(2);
    expect(decimalsOf('0.00012345')).toBe(8);
    expect(decimalsOf('3')).toBe(0);
  });

  it('builds the input step for a precision', () => {
    expect(stepFor(2)).toBe('0.01');
    expect(stepFor(5)).toBe('0.00001');
    expect(stepFor(0)).toBe('1');
  });

  it('multiplies exactly, where floating point would not', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(multiply('0.1', '3', 1)).toBe('0.3');
    expect(multiply('64210.50', '0.98', 2)).toBe('62926.29');
  });

  it('rounds half away from zero', () => {
    expect(round('1.005', 2)).toBe('1.01');
    expect(round('1.004', 2)).toBe('1.00');
    expect(round('-1.005', 2)).toBe('-1.01');
    expect(round('2', 3)).toBe('2.000');
  });

  it('adds and compares across scales', () => {
    expect(add('1.5', '-2')).toBe('-0.5');
    expect(add('0.001', '10')).toBe('10.001');
    expect(compare('1.10', '1.1')).toBe(0);
    expect(compare('-0.01', '0')).toBe(-1);
  });

  it('recognises decimals and rejects the rest', () => {
    expect(isDecimal('12.5')).toBe(true);
    expect(isDecimal('.5')).toBe(true);
    expect(isDecimal('')).toBe(false);
    expect(isDecimal('abc')).toBe(false);
    expect(isDecimal('1e5')).toBe(false);
    expect(() => round('abc', 2)).toThrow(/not a decimal/);
  });
});
