// Reads a portfolio (Freqtrade config) run's stored result: Freqtrade's backtest statistics (results_per_pair,
// profit_total, max_relative_drawdown, trades, periodic_breakdown, ...) under `result`, with the pairs, notes and
// warnings around it. Also turns any finished run (portfolio or single-symbol) into one comparable summary.
import type { BacktestResult } from '../api/types';
import type { FillMark, Point } from './series';
import { toSeconds } from './series';
import { fromEngineReport, isEngineReport } from './ftengine';

export interface FtTrade {
  pair: string;
  open_date: string;
  close_date: string;
  open_timestamp: number;
  close_timestamp: number;
  open_rate: number;
  close_rate: number;
  amount: number;
  stake_amount: number;
  profit_ratio: number;
  profit_abs: number;
  exit_reason: string | null;
  enter_tag: string | null;
  trade_duration: number;
  is_short?: boolean;
  /** Futures: funding received (+) or paid (−) over the trade, already inside profit_abs; 0 on spot. */
  funding_fees?: number;
  /** Isolated futures: the price that liquidates the trade; null on spot and cross margin. */
  liquidation_price?: number | null;
}

/** One row of results_per_pair / exit_reason_summary / results_per_enter_tag. */
export interface FtLine {
  key: string | string[];
  trades: number;
  profit_mean_pct: number | null;
  profit_total_abs: number | null;
  profit_total_pct: number | null;
  duration_avg: string;
  wins: number;
  draws: number;
  losses: number;
  winrate: number | null;
}

export interface FtPeriodRow { date: string; date_ts: number; profit_abs: number; wins: number; draws: number; loses: number; winrate: number | null }

export interface FtStats {
  trades: FtTrade[];
  results_per_pair: FtLine[];
  exit_reason_summary: FtLine[];
  results_per_enter_tag: FtLine[];
  periodic_breakdown?: Record<string, FtPeriodRow[]>;
  starting_balance: number;
  final_balance?: number;
  stake_currency?: string;
  backtest_start_ts?: number;
  backtest_end_ts?: number;
  [metric: string]: unknown;
}

/** What GET /backtests/{id} holds for a config run. */
export interface PortfolioRunResult {
  pairs?: { pair: string; file: string; candles: number }[];
  notes?: string[];
  warnings?: string[];
  result?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Freqtrade's statistics of the run's strategy, found where the server puts them: `result` itself, `result.report`,
 * or the one strategy of Freqtrade's file layout (`{"strategy": {"<name>": stats}}`); or the engine's report record
 * at `result.report`, renamed (lib/ftengine). The trades come from the stats
 * or from `result.trades`. Null when the result carries none (a failed run).
 */
export function statsOf(run: PortfolioRunResult | null | undefined): FtStats | null {
  const r = run?.result;
  if (!isObject(r)) return null;
  const candidates: unknown[] = [r, r.report, ...(isObject(r.strategy) ? Object.values(r.strategy) : [])];
  const found = candidates.find((c): c is Record<string, unknown> => isObject(c) && Array.isArray(c.results_per_pair));
  if (!found) return isEngineReport(r.report) ? fromEngineReport(r.report, Array.isArray(r.trades) ? r.trades : []) : null;
  const trades = Array.isArray(found.trades) ? found.trades : Array.isArray(r.trades) ? r.trades : [];
  return { ...found, trades } as unknown as FtStats;
}

/** The server's own curves ([{time: epoch ms, value}], marked to market per candle) when it sends them. */
export function serverCurve(run: PortfolioRunResult | null | undefined, key: 'equity' | 'drawdown'): Point[] | null {
  const r = run?.result;
  const rows = isObject(r) ? r[key] : undefined;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  return rows.filter(isObject).map((p) => ({ time: toSeconds(Number(p.time)), value: Number(p.value) }));
}

/** A portfolio result has `result` and `pairs`; a single-symbol result has `metrics` and `equity`. */
export const isPortfolioResult = (result: unknown): result is PortfolioRunResult =>
  isObject(result) && ('pairs' in result || 'notes' in result) && !('metrics' in result);

/**
 * The wallet over time, realised profit only (as Freqtrade's plot-profit draws it): the starting balance at the
 * start, then at each trade's close the balance plus the profit closed so far. Trades closing in the same second
 * are one point. An open-only point at each entry keeps the entry markers on the line.
 */
export function equityCurve(stats: FtStats): Point[] {
  const start = stats.starting_balance;
  const events: { time: number; profit: number }[] = [];
  for (const t of stats.trades) {
    events.push({ time: toSeconds(t.open_timestamp), profit: 0 });
    events.push({ time: toSeconds(t.close_timestamp), profit: t.profit_abs });
  }
  if (stats.backtest_start_ts != null) events.push({ time: toSeconds(stats.backtest_start_ts), profit: 0 });
  events.sort((a, b) => a.time - b.time);
  const points: Point[] = [];
  let balance = start;
  for (const e of events) {
    balance += e.profit;
    const last = points[points.length - 1];
    if (last && last.time === e.time) last.value = balance;
    else points.push({ time: e.time, value: balance });
  }
  return points;
}

/** Drawdown at each point as a negative fraction of the highest balance so far: 1.0 after a peak of 1.25 = -0.2. */
export function drawdownCurve(equity: Point[]): Point[] {
  let peak = -Infinity;
  return equity.map((p) => {
    peak = Math.max(peak, p.value);
    return { time: p.time, value: peak > 0 ? (p.value - peak) / peak : 0 };
  });
}

/** Entry (B) and exit (S) markers on the equity line, ascending. */
export function tradeMarks(trades: FtTrade[]): FillMark[] {
  const marks: FillMark[] = [];
  for (const t of trades) {
    marks.push({ time: toSeconds(t.open_timestamp), side: 'BUY', price: t.open_rate, text: `B ${t.pair}` });
    marks.push({ time: toSeconds(t.close_timestamp), side: 'SELL', price: t.close_rate, text: `S ${t.pair} ${t.exit_reason ?? ''}`.trim() });
  }
  return marks.sort((a, b) => a.time - b.time);
}

/** A line's key as shown: per mix-tag lines have two parts. */
export const lineKey = (l: FtLine) => (Array.isArray(l.key) ? l.key.join(' / ') : l.key);

/** The metrics the compare view puts side by side, in Freqtrade's names. */
export const COMPARE_METRICS: { key: string; label: string; kind: 'count' | 'ratio' | 'money' | 'number' }[] = [
  { key: 'total_trades', label: 'Trades', kind: 'count' },
  { key: 'profit_total', label: 'Total profit %', kind: 'ratio' },
  { key: 'profit_total_abs', label: 'Absolute profit', kind: 'money' },
  { key: 'final_balance', label: 'Final balance', kind: 'money' },
  { key: 'winrate', label: 'Win rate', kind: 'ratio' },
  { key: 'max_relative_drawdown', label: 'Max relative drawdown', kind: 'ratio' },
  { key: 'sharpe', label: 'Sharpe', kind: 'number' },
  { key: 'sortino', label: 'Sortino', kind: 'number' },
  { key: 'calmar', label: 'Calmar', kind: 'number' },
  { key: 'profit_factor', label: 'Profit factor', kind: 'number' },
];

export interface RunSummary { metrics: Record<string, number | null>; equity: Point[] }

const numberOrNull = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Any finished run's key metrics (Freqtrade's names) and equity curve; null without a result. */
export function summarize(result: unknown): RunSummary | null {
  if (isPortfolioResult(result)) {
    const stats = statsOf(result);
    if (!stats) return null;
    const metrics: Record<string, number | null> = {};
    for (const m of COMPARE_METRICS) metrics[m.key] = numberOrNull(stats[m.key]);
    return { metrics, equity: serverCurve(result, 'equity') ?? equityCurve(stats) };
  }
  if (!isObject(result)) return null;
  // a sweep: its best combination's figures (rank 1; no equity curve is stored for it)
  const best = Array.isArray(result.ranked) && isObject(result.ranked[0]) ? result.ranked[0].metrics : undefined;
  if (!isObject(result.metrics) && isObject(best)) return { metrics: singleSymbolMetrics(best as BacktestResult['metrics']), equity: [] };
  // a walk-forward: its chained out-of-sample figures and curve
  const oos = result.outOfSample;
  if (!isObject(result.metrics) && isObject(oos)) {
    const metrics: Record<string, number | null> = Object.fromEntries(COMPARE_METRICS.map((m) => [m.key, null]));
    Object.assign(metrics, { total_trades: numberOrNull(oos.trades), profit_total: numberOrNull(oos.chainedReturn),
      profit_total_abs: numberOrNull(oos.netProfit), final_balance: numberOrNull(oos.chainedFinalEquity) });
    const line = Array.isArray(oos.equity) ? oos.equity.filter(isObject) : [];
    return { metrics, equity: line.map((p) => ({ time: toSeconds(String(p.time)), value: Number(p.equity) })) };
  }
  if (!isObject(result.metrics)) return null;
  // a single-symbol run: its own metric names mapped onto Freqtrade's
  const r = result as unknown as BacktestResult;
  return { metrics: singleSymbolMetrics(r.metrics), equity: (r.equity ?? []).map((p) => ({ time: toSeconds(p.time), value: Number(p.equity) })) };
}

/** A single-symbol run's metric names (also a sweep's rows) mapped onto Freqtrade's. */
function singleSymbolMetrics(m: BacktestResult['metrics']): Record<string, number | null> {
  return {
    total_trades: numberOrNull(m.trades), profit_total: numberOrNull(m.totalReturn), profit_total_abs: numberOrNull(m.netProfit),
    final_balance: numberOrNull(m.finalEquity), winrate: numberOrNull(m.winRate), max_relative_drawdown: numberOrNull(m.maxDrawdown),
    sharpe: numberOrNull(m.sharpe), sortino: numberOrNull(m.sortino), calmar: numberOrNull(m.calmar), profit_factor: numberOrNull(m.profitFactor),
  };
}

/** Ratios as percent with 2 decimals; undefined metrics as "—". */
export function formatMetric(value: number | null | undefined, kind: 'count' | 'ratio' | 'money' | 'number'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (kind === 'count') return String(value);
  if (kind === 'ratio') return `${(value * 100).toFixed(2)}%`;
  if (kind === 'money') return String(Number(value.toPrecision(10)));
  return value.toFixed(3);
}
