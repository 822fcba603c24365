// The engine's report record as the server writes it (camelCase: {summary, tables, ratios, drawdown, tradingStats,
// dailyStats, periodicBreakdown}) renamed to Freqtrade's result keys, so one report view reads both. Most names are
// Freqtrade's in snake_case; RENAMED lists the others.
import type { FtLine, FtPeriodRow, FtStats } from './ftresult';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Engine name (in its part of the report) -> Freqtrade's key, where snake_case alone does not give it. */
const RENAMED: Record<string, Record<string, string>> = {
  summary: { backtestStart: 'backtest_start_ts', backtestEnd: 'backtest_end_ts' },
  drawdown: { start: 'drawdown_start_ts', end: 'drawdown_end_ts', high: 'max_drawdown_high', low: 'max_drawdown_low',
    durationMinutes: 'drawdown_duration_minutes' },
  dailyStats: { bestDay: 'backtest_best_day', worstDay: 'backtest_worst_day', bestDayAbs: 'backtest_best_day_abs',
    worstDayAbs: 'backtest_worst_day_abs' },
  tradingStats: {},
  ratios: {},
};
const TABLES: Record<string, string> = { perPair: 'results_per_pair', perExitReason: 'exit_reason_summary', perEnterTag: 'results_per_enter_tag' };

/** True for the engine's record: it has `summary` and `tables`. */
export const isEngineReport = (v: unknown): v is Json => isObject(v) && isObject(v.summary) && isObject(v.tables);

export function fromEngineReport(report: Json, trades: unknown[]): FtStats {
  const out: Json = { trades };
  for (const [part, renamed] of Object.entries(RENAMED)) {
    const values = report[part];
    if (!isObject(values)) continue;
    for (const [name, value] of Object.entries(values)) {
      if (isObject(value) || Array.isArray(value)) continue; // best pair, daily list...: not summary metrics
      out[renamed[name] ?? snake(name)] = value;
    }
  }
  const date = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : null);
  out.backtest_start = date(out.backtest_start_ts);
  out.backtest_end = date(out.backtest_end_ts);
  out.drawdown_start = date(out.drawdown_start_ts);
  out.drawdown_end = date(out.drawdown_end_ts);
  for (const name of ['holding_avg', 'winner_holding_avg', 'loser_holding_avg']) {
    const minutes = out[`${name}_minutes`];
    if (typeof minutes === 'number') out[name] = timedelta(minutes);
  }
  const tables = report.tables as Json;
  for (const [name, key] of Object.entries(TABLES)) out[key] = Array.isArray(tables[name]) ? tables[name].map(line) : [];
  if (isObject(report.periodicBreakdown)) {
    const periodic: Record<string, FtPeriodRow[]> = {};
    for (const [period, rows] of Object.entries(report.periodicBreakdown)) {
      if (Array.isArray(rows)) periodic[period.toLowerCase()] = rows.filter(isObject).map(periodRow);
    }
    out.periodic_breakdown = periodic;
  }
  return out as unknown as FtStats;
}

/** Python's str(timedelta), as Freqtrade prints durations: 694 min -> "11:34:00", 6285 min -> "4 days, 8:45:00". */
export function timedelta(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  const clock = `${Math.floor(rest / 60)}:${String(rest % 60).padStart(2, '0')}:00`;
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${clock}` : clock;
}

function line(l: Json): FtLine {
  const parts = Array.isArray(l.keyParts) ? l.keyParts as string[] : [];
  return {
    key: parts.length > 1 ? parts : String(l.key), trades: Number(l.trades), profit_mean_pct: l.profitMeanPct as number | null,
    profit_total_abs: l.profitTotalAbs as number | null, profit_total_pct: l.profitTotalPct as number | null,
    duration_avg: String(l.durationAvg ?? ''), wins: Number(l.wins), draws: Number(l.draws), losses: Number(l.losses),
    winrate: l.winrate as number | null,
  };
}

const periodRow = (r: Json): FtPeriodRow => ({ date: String(r.date), date_ts: Number(r.dateTs), profit_abs: Number(r.profitAbs),
  wins: Number(r.wins), draws: Number(r.draws), loses: Number(r.losses), winrate: r.winrate as number | null });
