import { describe, expect, it } from 'vitest';
import { STATS, T0 } from '../testing/portfolio';
import { drawdownCurve, equityCurve, formatMetric, serverCurve, statsOf, summarize, tradeMarks } from './ftresult';


describe('portfolio result', () => {
  it('draws the realised wallet: the start, each entry flat, each exit adding its profit', () => {
    // 1 at the start and both entries; +0.25 at T0+2000 -> 1.25; -0.5 at T0+3000 -> 0.75
    expect(equityCurve(STATS)).toEqual([
      { time: T0, value: 1 }, { time: T0 + 1000, value: 1 }, { time: T0 + 1500, value: 1 },
      { time: T0 + 2000, value: 1.25 }, { time: T0 + 3000, value: 0.75 },
    ]);
  });

  it('measures the drawdown from the running peak', () => {
    // peak 1.25 after the first exit; 0.75 is (0.75 - 1.25) / 1.25 = -0.4 below it
    expect(drawdownCurve(equityCurve(STATS)).map((p) => p.value)).toEqual([0, 0, 0, 0, -0.4]);
  });

  it('marks each entry and exit in time order', () => {
    expect(tradeMarks(STATS.trades).map((m) => [m.time - T0, m.side, m.text])).toEqual([
      [1000, 'BUY', 'B LTC/BTC'], [1500, 'BUY', 'B ETC/BTC'], [2000, 'SELL', 'S LTC/BTC roi'], [3000, 'SELL', 'S ETC/BTC stop_loss'],
    ]);
  });

  it('finds the statistics at the result, under report (trades beside it) or under strategy.<name>', () => {
    const { trades, ...withoutTrades } = STATS;
    expect(statsOf({ result: STATS })?.results_per_pair).toHaveLength(3);
    expect(statsOf({ result: { report: withoutTrades, trades } })?.trades).toEqual(trades);
    expect(statsOf({ result: { strategy: { rsi: STATS } } })?.final_balance).toBe(0.75);
    expect(statsOf({ result: { something: 1 } })).toBeNull();
    expect(statsOf({})).toBeNull();
  });

  it('prefers the server\'s own equity curve (epoch ms) for the comparison', () => {
    const run = { pairs: [], result: { ...STATS, equity: [{ time: T0 * 1000, value: 1 }, { time: (T0 + 300) * 1000, value: 1.1 }] } };
    expect(serverCurve(run, 'equity')).toEqual([{ time: T0, value: 1 }, { time: T0 + 300, value: 1.1 }]);
    expect(summarize(run)?.equity).toEqual([{ time: T0, value: 1 }, { time: T0 + 300, value: 1.1 }]);
  });

  it('summarises a portfolio run and a single-symbol run under the same names', () => {
    const portfolio = summarize({ pairs: [], notes: [], result: STATS })!;
    expect(portfolio.metrics).toMatchObject({ total_trades: 2, profit_total: -0.25, max_relative_drawdown: 0.4, sharpe: null, calmar: null });
    const single = summarize({ symbol: 'LTC/BTC', metrics: { trades: 3, totalReturn: 0.0105, netProfit: '0.0105', finalEquity: '1.0105',
      winRate: 0.5, maxDrawdown: 0.031, sharpe: 1.2, sortino: null, calmar: null, profitFactor: 1.5 },
    equity: [{ time: '2018-01-20T00:00:00Z', equity: '1' }], trades: [] })!;
    expect(single.metrics).toEqual({ total_trades: 3, profit_total: 0.0105, profit_total_abs: 0.0105, final_balance: 1.0105, winrate: 0.5,
      max_relative_drawdown: 0.031, sharpe: 1.2, sortino: null, calmar: null, profit_factor: 1.5 });
    expect(single.equity).toEqual([{ time: T0, value: 1 }]);
  });

  it('summarises a sweep by its best combination and a walk-forward by its out-of-sample figures', () => {
    const sweep = summarize({ strategy: 'rsi', metric: 'sharpe', combinations: 4, ranked: [
      { rank: 1, params: { rsiPeriod: 7 }, metrics: { trades: 5, totalReturn: 0.02, netProfit: '0.02', finalEquity: '1.02', winRate: 0.6,
        maxDrawdown: 0.01, sharpe: 2.5, sortino: 3, calmar: null, profitFactor: 2 } },
      { rank: 2, params: { rsiPeriod: 14 }, metrics: { trades: 1, totalReturn: -0.01 } }] })!;
    expect(sweep.metrics).toMatchObject({ total_trades: 5, profit_total: 0.02, final_balance: 1.02, sharpe: 2.5 });
    expect(formatMetric(sweep.metrics.sharpe, 'number')).toBe('2.500');
    const wf = summarize({ strategy: 'rsi', walkForward: [], outOfSample: { folds: 3, trades: 9, netProfit: '0.05',
      chainedFinalEquity: '1.05', chainedReturn: 0.05, equity: [{ time: '2018-01-20T00:00:00Z', equity: '1' }] } })!;
    expect(wf.metrics).toMatchObject({ total_trades: 9, profit_total: 0.05, profit_total_abs: 0.05, final_balance: 1.05, sharpe: null });
    expect(wf.equity).toEqual([{ time: T0, value: 1 }]);
  });

  it('formats ratios as percent and an undefined metric as a dash', () => {
    expect(formatMetric(-0.25, 'ratio')).toBe('-25.00%');
    expect(formatMetric(null, 'number')).toBe('—');
    expect(formatMetric(1.23456, 'number')).toBe('1.235');
  });
});
