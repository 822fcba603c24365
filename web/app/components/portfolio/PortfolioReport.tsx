// Freqtrade's report of a portfolio run: the summary metrics under Freqtrade's names, the per pair / exit reason /
// enter tag tables, the periodic breakdown, the charts and the trades.
import type { FtStats, PortfolioRunResult } from '../../lib/ftresult';
import { formatMetric } from '../../lib/ftresult';
import { Card } from '../ui';
import { LineTable } from './LineTable';
import { PairBars } from './PairBars';
import { PeriodTable } from './PeriodTable';
import { PortfolioCharts } from './PortfolioCharts';
import { TradeList } from './TradeList';

type Kind = 'count' | 'ratio' | 'money' | 'number' | 'text';
/** Freqtrade's summary metrics ("SUMMARY METRICS"), keyed as in its result JSON. */
const SUMMARY: [string, Kind][] = [
  ['total_trades', 'count'], ['starting_balance', 'money'], ['final_balance', 'money'], ['profit_total_abs', 'money'],
  ['profit_total', 'ratio'], ['cagr', 'ratio'], ['sortino', 'number'], ['sharpe', 'number'], ['calmar', 'number'],
  ['sqn', 'number'], ['profit_factor', 'number'], ['expectancy', 'money'], ['expectancy_ratio', 'number'],
  ['trades_per_day', 'number'], ['winrate', 'ratio'], ['max_open_trades', 'count'], ['avg_stake_amount', 'money'],
  ['total_volume', 'money'], ['backtest_best_day', 'ratio'], ['backtest_worst_day', 'ratio'], ['winning_days', 'count'],
  ['draw_days', 'count'], ['losing_days', 'count'], ['holding_avg', 'text'], ['winner_holding_avg', 'text'],
  ['loser_holding_avg', 'text'], ['max_consecutive_wins', 'count'], ['max_consecutive_losses', 'count'],
  ['max_relative_drawdown', 'ratio'], ['max_drawdown_account', 'ratio'], ['max_drawdown_abs', 'money'],
  ['drawdown_start', 'text'], ['drawdown_end', 'text'], ['market_change', 'ratio'], ['backtest_start', 'text'], ['backtest_end', 'text'],
];

export function metricText(value: unknown, kind: Kind): string {
  if (kind === 'text') return value === null || value === undefined ? '—' : String(value);
  return formatMetric(typeof value === 'number' ? value : value == null ? null : Number(value), kind);
}

export function PortfolioReport({ stats, result }: { stats: FtStats; result?: PortfolioRunResult | null }) {
  const currency = stats.stake_currency ?? '';
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <h2 className="mb-3 font-semibold">Summary metrics</h2>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4" data-testid="summary-metrics">
          {SUMMARY.filter(([key]) => key in stats).map(([key, kind]) => (
            <div key={key} className="min-w-0">
              <dt className="truncate text-xs text-slate-500">{key}</dt>
              <dd className="font-semibold" data-metric={key}>{metricText(stats[key], kind)}{kind === 'money' ? ` ${currency}` : ''}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <PortfolioCharts stats={stats} result={result} />
      <PairBars lines={stats.results_per_pair} currency={currency} />
      <LineTable title="Per pair" keyLabel="Pair" lines={stats.results_per_pair} currency={currency} />
      <LineTable title="Exit reasons" keyLabel="Exit reason" lines={stats.exit_reason_summary} currency={currency} />
      <LineTable title="Enter tags" keyLabel="Enter tag" lines={stats.results_per_enter_tag} currency={currency} />
      {stats.periodic_breakdown && <PeriodTable breakdown={stats.periodic_breakdown} currency={currency} />}
      <TradeList trades={stats.trades} />
    </div>
  );
}
