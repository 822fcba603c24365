import { describe, expect, it } from 'vitest';
import { applyTick, barMarks, candleBars, mergeBars, priceBars, timeframeSeconds } from './candles';

const T0 = Date.UTC(2026, 0, 1, 0, 0) / 1000;
const iso = (s: number) => new Date(s * 1000).toISOString();

describe('candles', () => {
  it('maps the API candles to ascending numeric bars, the forming one included', () => {
    const bars = candleBars([
      { openTime: iso(T0 + 60), open: '64010.00', high: '64050.50', low: '64000.00', close: '64020.25', volume: '1.5', complete: false },
      { openTime: iso(T0), open: '64000.00', high: '64100.00', low: '63900.00', close: '64010.00', volume: '2', complete: true },
      { openTime: 'garbage', open: 'x', high: '1', low: '1', close: '1' },
    ]);
    expect(bars).toEqual([
      { time: T0, open: 64000, high: 64100, low: 63900, close: 64010 },
      { time: T0 + 60, open: 64010, high: 64050.5, low: 64000, close: 64020.25 },
    ]);
  });

  it('maps a backtest result\'s prices the same way', () => {
    expect(priceBars([{ time: iso(T0), open: '1', high: '2', low: '0.5', close: '1.5' }])).toEqual([{ time: T0, open: 1, high: 2, low: 0.5, close: 1.5 }]);
  });

  it('folds live ticks into the last candle and opens the next one when its minute is over', () => {
    let bars = candleBars([{ openTime: iso(T0), open: '100', high: '101', low: '99', close: '100.5' }]);
    bars = applyTick(bars, T0 + 30, 102, 60);
    expect(bars).toEqual([{ time: T0, open: 100, high: 102, low: 99, close: 102 }]);
    bars = applyTick(bars, T0 + 59, 98, 60);
    expect(bars[0]).toEqual({ time: T0, open: 100, high: 102, low: 98, close: 98 });
    bars = applyTick(bars, T0 + 185, 97, 60); // minutes 1 and 2 had no trades
    expect(bars.map((b) => b.time)).toEqual([T0, T0 + 180]);
    expect(bars[1]).toEqual({ time: T0 + 180, open: 97, high: 97, low: 97, close: 97 });
    expect(applyTick(bars, T0 + 10, 500, 60)).toBe(bars); // older than the last candle: history is the server's
    expect(applyTick([], T0, 1, 60)).toEqual([]);
  });

  it('puts each fill on the candle it happened in', () => {
    const bars = candleBars([0, 60, 120].map((s) => ({ openTime: iso(T0 + s), open: '1', high: '1', low: '1', close: '1' })));
    const marks = barMarks(bars, [
      { time: T0 + 130, side: 'SELL', price: 1, text: 'S' },
      { time: T0 + 61, side: 'BUY', price: 1, text: 'B' },
      { time: T0 - 5, side: 'BUY', price: 1, text: 'early' },
    ]);
    expect(marks.map((m) => [m.time, m.text])).toEqual([[T0 + 60, 'B'], [T0 + 120, 'S']]);
  });

  it('knows the timeframes', () => {
    expect(timeframeSeconds('1m')).toBe(60);
    expect(timeframeSeconds('4h')).toBe(14400);
    expect(timeframeSeconds('10m')).toBe(600);
    expect(timeframeSeconds('soon')).toBeNull();
  });

  it('keeps the candle the ticks are forming when the server\'s completed candles come again', () => {
    const server = candleBars([0, 60].map((s) => ({ openTime: iso(T0 + s), open: '1', high: '1', low: '1', close: '1' })));
    const live = applyTick(applyTick(server, T0 + 130, 2, 60), T0 + 190, 3, 60); // forming T0+120, then T0+180
    const again = candleBars([0, 60, 120].map((s) => ({ openTime: iso(T0 + s), open: '1', high: '5', low: '1', close: '4' })));
    const merged = mergeBars(again, live);
    expect(merged.map((b) => b.time)).toEqual([T0, T0 + 60, T0 + 120, T0 + 180]);
    expect(merged[2].high).toBe(5); // the server's completed candle wins
    expect(merged[3].close).toBe(3);
  });
});
