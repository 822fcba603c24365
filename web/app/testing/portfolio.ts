// A small two-pair portfolio result (Freqtrade's names) for the portfolio screens' tests.
import type { FtLine, FtStats, FtTrade } from '../lib/ftresult';

export const T0 = 1516406400; // 2018-01-20T00:00:00Z in seconds
export const ftTrade = (pair: string, open: number, close: number, profit: number, reason = 'roi'): FtTrade => ({
  pair, open_date: new Date(open * 1000).toISOString(), close_date: new Date(close * 1000).toISOString(),
  open_timestamp: open * 1000, close_timestamp: close * 1000, open_rate: 0.0165, close_rate: 0.0167, amount: 10,
  stake_amount: 0.165, profit_ratio: profit / 0.165, profit_abs: profit, exit_reason: reason, enter_tag: null, trade_duration: (close - open) / 60,
});
export const line = (key: string, trades: number, profit: number): FtLine => ({ key, trades, profit_mean_pct: 1, profit_total_abs: profit, profit_total_pct: 2,
  duration_avg: '0:30:00', wins: trades, draws: 0, losses: 0, winrate: 1 });

export const STATS: FtStats = {
  trades: [ftTrade('LTC/BTC', T0 + 1000, T0 + 2000, 0.25), ftTrade('ETC/BTC', T0 + 1500, T0 + 3000, -0.5, 'stop_loss')],
  results_per_pair: [line('LTC/BTC', 1, 0.25), line('ETC/BTC', 1, -0.5), line('TOTAL', 2, -0.25)],
  exit_reason_summary: [line('roi', 1, 0.25), line('stop_loss', 1, -0.5)], results_per_enter_tag: [],
  starting_balance: 1, final_balance: 0.75, stake_currency: 'BTC', backtest_start_ts: T0 * 1000,
  total_trades: 2, profit_total: -0.25, profit_total_abs: -0.25, winrate: 0.5, max_relative_drawdown: 0.4, sharpe: null,
};


/** Days of the run: the 20th won 0.25, the 21st lost 0.5; one month holds both. */
STATS.periodic_breakdown = {
  day: [{ date: '20/01/2018', date_ts: T0 * 1000, profit_abs: 0.25, wins: 1, draws: 0, loses: 0, winrate: 1 },
    { date: '21/01/2018', date_ts: (T0 + 86400) * 1000, profit_abs: -0.5, wins: 0, draws: 0, loses: 1, winrate: 0 }],
  week: [{ date: '22/01/2018', date_ts: (T0 + 2 * 86400) * 1000, profit_abs: -0.25, wins: 1, draws: 0, loses: 1, winrate: 0.5 }],
  month: [{ date: '31/01/2018', date_ts: (T0 + 11 * 86400) * 1000, profit_abs: -0.25, wins: 1, draws: 0, loses: 1, winrate: 0.5 }],
};
