import { describe, expect, it } from 'vitest';
import { timedelta } from './ftengine';
import { statsOf } from './ftresult';

// The engine's report record as the server's JSON writer names it (camelCase record components).
const LINE = { key: 'LTC/BTC', keyParts: ['LTC/BTC'], trades: 2, profitMean: 0.01, profitMeanPct: 1, profitSum: 0.02, profitSumPct: 2,
  profitTotalAbs: 0.0002, profitTotal: 0.0002, profitTotalPct: 0.02, durationAvgMinutes: 30, durationAvg: '0:30:00', wins: 2, draws: 0, losses: 0, winrate: 1 };
const REPORT = {
  summary: { pairlist: ['LTC/BTC'], stakeCurrency: 'BTC', startingBalance: 1, finalBalance: 1.0002, backtestStart: 1516406400000,
    backtestEnd: 1516492800000, totalTrades: 2, profitTotal: 0.0002, profitTotalAbs: 0.0002, bestPair: LINE },
  tables: { perPair: [LINE, { ...LINE, key: 'TOTAL', keyParts: ['TOTAL'] }], perEnterTag: [], perExitReason: [{ ...LINE, key: 'roi', keyParts: ['roi'] }],
    perMixTag: [{ ...LINE, key: 'a roi', keyParts: ['a', 'roi'] }], leftOpen: [] },
  ratios: { cagr: 0.1, sharpe: 1.5, sortino: null, calmar: 2, sqn: null, expectancy: 0.0001, expectancyRatio: 0.5, profitFactor: null },
  drawdown: { maxDrawdownAccount: 0.01, maxRelativeDrawdown: 0.02, maxDrawdownAbs: 0.0001, start: 1516410000000, end: null,
    high: 1.0003, low: 1.0002, durationMinutes: 60, csumMin: 1, csumMax: 1.0003 },
  tradingStats: { wins: 2, losses: 0, draws: 0, winrate: 1, holdingAvgMinutes: 30, loserHoldingAvgMinutes: 6285, maxConsecutiveWins: 2, maxConsecutiveLosses: 0 },
  dailyStats: { bestDay: 0.0002, worstDay: 0, bestDayAbs: 0.0002, worstDayAbs: 0, winningDays: 1, drawDays: 0, losingDays: 0, dailyProfit: [] },
  periodicBreakdown: { DAY: [{ label: '2018-01-20', date: '20/01/2018', dateTs: 1516406400000, profitAbs: 0.0002, wins: 2, draws: 0, losses: 0, winrate: 1 }],
    WEEK: [], MONTH: [] },
};

describe('the engine report record read as Freqtrade\'s statistics', () => {
  it('renames the metrics, tables and breakdown to Freqtrade\'s keys', () => {
    const trades = [{ pair: 'LTC/BTC' }];
    const s = statsOf({ result: { strategy: 'rsi', report: REPORT, trades } })!;
    expect(s.trades).toBe(trades);
    expect(s).toMatchObject({ total_trades: 2, profit_total: 0.0002, starting_balance: 1, final_balance: 1.0002, stake_currency: 'BTC',
      backtest_start_ts: 1516406400000, backtest_start: '2018-01-20 00:00:00', sharpe: 1.5, sortino: null, expectancy_ratio: 0.5,
      max_relative_drawdown: 0.02, max_drawdown_account: 0.01, drawdown_start: '2018-01-20 01:00:00', drawdown_end: null,
      drawdown_duration_minutes: 60, holding_avg: '0:30:00', loser_holding_avg: '4 days, 8:45:00', max_drawdown_high: 1.0003, backtest_best_day: 0.0002, winning_days: 1, max_consecutive_wins: 2 });
    // nested values are not metrics
    expect(s).not.toHaveProperty('best_pair');
    expect(s.results_per_pair.map((l) => l.key)).toEqual(['LTC/BTC', 'TOTAL']);
    expect(s.results_per_pair[0]).toEqual({ key: 'LTC/BTC', trades: 2, profit_mean_pct: 1, profit_total_abs: 0.0002, profit_total_pct: 0.02,
      duration_avg: '0:30:00', wins: 2, draws: 0, losses: 0, winrate: 1 });
    expect(s.exit_reason_summary.map((l) => l.key)).toEqual(['roi']);
    expect(s.periodic_breakdown).toEqual({ day: [{ date: '20/01/2018', date_ts: 1516406400000, profit_abs: 0.0002, wins: 2, draws: 0, loses: 0, winrate: 1 }],
      week: [], month: [] });
  });
});

describe('durations as Freqtrade prints them (Python timedelta)', () => {
  it('writes hours:minutes:seconds and whole days before them', () => {
    expect(timedelta(694)).toBe('11:34:00'); // 11 h 34 min
    expect(timedelta(1440)).toBe('1 day, 0:00:00');
    expect(timedelta(6285)).toBe('4 days, 8:45:00'); // 4 x 1440 = 5760; 525 min = 8 h 45 min
  });
});
