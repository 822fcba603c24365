import { describe, expect, it } from 'vitest';
import type { RecursiveResult } from '../api/analysis';
import { checkErrors, driftText, parseCounts, startupAdvice } from './analysis';

const result = (rows: { indicator: string; diffs: (number | string)[]; flagged: boolean }[]): RecursiveResult => ({
  startupCandles: [100, 200, 400, 800], thresholdPercent: 0.5, warnings: [],
  indicators: rows.map((r) => ({ indicator: r.indicator, baseValue: 1, values: {}, flagged: r.flagged,
    differencePercent: Object.fromEntries([100, 200, 400, 800].map((c, i) => [String(c), r.diffs[i]])) })),
});

describe('strategy checks helpers', () => {
  it('advises the fewest startup candles from which every flagged indicator stays within the threshold', () => {
    const r = result([
      { indicator: 'ema', diffs: ['NaN', 3, 0.4, 0], flagged: true },   // within from 400
      { indicator: 'rsi', diffs: [0.9, -0.2, 0, 0], flagged: true },    // within from 200
      { indicator: 'sma', diffs: [0, 0, 0, 0], flagged: false },
    ]);
    expect(startupAdvice(r)).toEqual({ count: 400, indicators: ['ema', 'rsi'], atLargest: false });
    expect(startupAdvice(result([{ indicator: 'sma', diffs: [0, 0, 0, 0], flagged: false }]))).toBeNull();
    // differs right up to the reference: the largest count, which may not be enough
    expect(startupAdvice(result([{ indicator: 'ema', diffs: [1, 1, -0.6, 0], flagged: true }])))
      .toEqual({ count: 800, indicators: ['ema'], atLargest: true });
  });

  it('prints differences as the recursive-analysis command does, whatever form the server sent them in', () => {
    expect([driftText(0), driftText(1.23456), driftText(-2), driftText('NaN'), driftText(null), driftText('Infinity')])
      .toEqual(['-', '1.235%', '-2.000%', 'not ready', 'not ready', '+∞%']);
  });

  it('reads startup counts as typed and names the one that is not a whole number', () => {
    expect(parseCounts(' 199, 399  999 ')).toEqual({ counts: [199, 399, 999] });
    expect(parseCounts('')).toEqual({});
    expect(parseCounts('199 -1')).toEqual({ error: 'each count must be a whole number, was "-1"' });
  });

  it('keeps the check\'s own fields apart and leaves the config\'s to the portfolio mapping', () => {
    const only = checkErrors({ status: 400, errors: [{ field: 'targetedTradeAmount', message: 'must be between 1 and 100' }] });
    expect(only).toEqual({ check: { targetedTradeAmount: 'must be between 1 and 100' }, form: { controls: {}, params: {}, general: [] } });
    const mixed = checkErrors({ status: 400, errors: [{ field: 'threshold', message: 'must be 0 or more' }, { field: 'config.fee', message: 'must be a number' }] });
    expect(mixed.check).toEqual({ threshold: 'must be 0 or more' });
    expect(mixed.form.controls).toEqual({ fee: 'fee: must be a number' });
    expect(checkErrors({ status: 400, detail: 'No such strategy' }).form.general).toEqual(['No such strategy']);
  });
});
