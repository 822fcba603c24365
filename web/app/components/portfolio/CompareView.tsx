// Two or more finished runs side by side: their key metrics (Freqtrade's names) in columns and their equity curves
// overlaid. Single-symbol runs are compared too, their metrics mapped onto the same names.
import { useMemo } from 'react';
import type { Backtest } from '../../api/types';
import { COMPARE_METRICS, formatMetric, summarize } from '../../lib/ftresult';
import { MultiLineChart } from '../MultiLineChart';
import { Card } from '../ui';

/** A run's name in the table and the legend: strategy, pairs, and the id's start (two runs may share the rest). */
export const runLabel = (run: Backtest) => `${run.strategy} · ${run.symbol ?? run.dataset} · ${String(run.id).slice(0, 8)}`;

export function CompareView({ runs }: { runs: Backtest[] }) {
  const rows = useMemo(() => runs.map((run) => ({ run, label: runLabel(run), summary: summarize(run.result) })), [runs]);
  const lines = useMemo(() => rows.filter((r) => r.summary).map((r) => ({ name: r.label, points: r.summary!.equity })), [rows]);
  return (
    <Card className="flex flex-col gap-3" data-testid="compare-view">
      <h2 className="font-semibold">Comparison</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Run comparison">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th>Metric</th>
              {rows.map((r) => <th key={r.label} className="text-right" scope="col">{r.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {COMPARE_METRICS.map((m) => (
              <tr key={m.key} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="text-left font-normal" title={m.key}>{m.label} <span className="text-xs text-slate-500">{m.key}</span></th>
                {rows.map((r) => (
                  <td key={r.label} className="text-right tabular-nums">
                    {r.summary ? formatMetric(r.summary.metrics[m.key], m.kind) : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((r) => !r.summary) && <p className="text-xs text-amber-600">A run without a result (failed or unfinished) shows no numbers.</p>}
      <MultiLineChart label="Equity curves" lines={lines} height={280} />
    </Card>
  );
}
