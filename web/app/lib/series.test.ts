import { describe, expect, it } from 'vitest';
import { addPoint, fillMarks, toSeconds } from './series';

describe('series', () => {
  it('keeps one ascending point per second', () => {
    let pts = addPoint([], { time: 10, value: 1 });
    pts = addPoint(pts, { time: 12, value: 2 });
    pts = addPoint(pts, { time: 12, value: 3 });
    pts = addPoint(pts, { time: 11, value: 4 });
    expect(pts).toEqual([{ time: 10, value: 1 }, { time: 11, value: 4 }, { time: 12, value: 3 }]);
  });

  it('drops the oldest points past the limit', () => {
    let pts = addPoint([], { time: 1, value: 1 }, 2);
    pts = addPoint(pts, { time: 2, value: 1 }, 2);
    pts = addPoint(pts, { time: 3, value: 1 }, 2);
    expect(pts.map((p) => p.time)).toEqual([2, 3]);
  });

  it('turns fills into sorted marks', () => {
    const marks = fillMarks([
      { executedAt: '2026-01-01T00:00:10Z', side: 'SELL', price: '101.5', quantity: '1' },
      { executedAt: '2026-01-01T00:00:05Z', side: 'BUY', price: '99', quantity: '1' },
    ]);
    expect(marks.map((m) => [m.side, m.price])).toEqual([['BUY', 99], ['SELL', 101.5]]);
    expect(fillMarks([{ executedAt: '2026-01-01T00:00:05Z', side: 'BUY', price: '64210.5', quantity: '1' }], (p) => `${p}0`)[0].text).toBe('B 64210.50');
    expect(toSeconds('1970-01-01T00:01:00Z')).toBe(60);
    expect(toSeconds(60_000_000_000_000)).toBe(60_000_000_000);
  });
});
