// A sweep's result (the ranking) or a walk-forward's (each fold's window, choice and in/out-of-sample metrics, then
// the out-of-sample parts together), as stored by POST /backtests with `sweep`.
import type { Backtest } from '../../api/types';
import { time } from '../../lib/format';
import { percent } from '../../lib/money';
import { toSeconds } from '../../lib/series';
import { LineChart } from '../LineChart';
import { Card } from '../ui';
import { RunProgress } from '../RunProgress';

type MetricsView = Record<string, string | number | null>;
interface Window { from: number; to: number; fromTime: string; toTime: string; metrics: MetricsView }
export interface Fold { fold: number; best: Record<string, unknown>; inSample: Window; outOfSample: Window }
export interface SweepReport {
  strategy: string;
  symbol: string;
  metric: string;
  search: string;
  combinations: number;
  ranked?: { rank: number; params: Record<string, unknown>; metrics: MetricsView }[];
  inSampleShare?: number;
  walkForward?: Fold[];
  outOfSample?: {
    folds: number; profitableFolds: number; trades: number; netProfit: string; startingEquity: string;
    chainedFinalEquity: string; chainedReturn: number; equity: { time: string; equity: string }[];
  };
}

/** A stored run is a sweep when its request asked for one (its result then is a SweepReport). */
export const isSweepRun = (run: Backtest & { request?: { sweep?: unknown } | null }) =>
  !!run.request?.sweep || !!(run.result && 'combinations' in run.result);

const RATIOS = new Set(['totalReturn', 'cagr', 'maxDrawdown', 'winRate', 'exposure']);

/** One metric as the ranking shows it: ratios in %, money as sent, the rest with 3 decimals. */
function shown(name: string, v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (RATIOS.has(name)) return percent(v);
  return typeof v === 'number' ? v.toFixed(3) : v;
}

const paramsText = (p: Record<string, unknown>) => Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(', ');

export function SweepRun({ run }: { run: Backtest }) {
  const report = run.result as unknown as SweepReport | undefined;
  return (
    <div className="flex flex-col gap-4" data-testid="sweep-result">
      <Card>
        <RunProgress status={run.status} progress={run.progress} error={run.error} />
        {report && <p className="mt-2 text-sm">{report.combinations} combinations ({report.search}), ranked by <b>{report.metric}</b></p>}
      </Card>
      {report?.ranked && <Ranking report={report} />}
      {report?.walkForward && <Folds report={report} />}
    </div>
  );
}

function Ranking({ report }: { report: SweepReport }) {
  const rows = report.ranked ?? [];
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Ranking{rows.length < report.combinations ? ` (best ${rows.length})` : ''}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Sweep ranking">
          <thead><tr className="text-left text-xs text-slate-500">
            <th>#</th><th>Parameters</th><th className="text-right">{report.metric}</th><th className="text-right">Return</th>
            <th className="text-right">Net profit</th><th className="text-right">Max drawdown</th><th className="text-right">Trades</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rank} className="border-t border-slate-100 dark:border-slate-800">
                <td>{r.rank}</td><td>{paramsText(r.params)}</td>
                <td className="text-right">{shown(report.metric, r.metrics[report.metric])}</td>
                <td className="text-right">{shown('totalReturn', r.metrics.totalReturn)}</td>
                <td className="text-right">{shown('netProfit', r.metrics.netProfit)}</td>
                <td className="text-right">{shown('maxDrawdown', r.metrics.maxDrawdown)}</td>
                <td className="text-right">{String(r.metrics.trades ?? '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Folds({ report }: { report: SweepReport }) {
  const folds = report.walkForward ?? [];
  const oos = report.outOfSample;
  const m = report.metric;
  const points = (oos?.equity ?? []).map((p) => ({ time: toSeconds(p.time), value: Number(p.equity) }));
  return (
    <>
      <Card>
        <h2 className="mb-2 font-semibold">Walk-forward folds</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Walk-forward folds">
            <thead><tr className="text-left text-xs text-slate-500">
              <th>Fold</th><th>In sample</th><th>Chosen</th><th className="text-right">In-sample {m}</th>
              <th>Out of sample</th><th className="text-right">Out-of-sample {m}</th><th className="text-right">OOS net profit</th>
              <th className="text-right">OOS trades</th>
            </tr></thead>
            <tbody>
              {folds.map((f) => (
                <tr key={f.fold} className="border-t border-slate-100 dark:border-slate-800" data-fold={f.fold}>
                  <td>{f.fold + 1}</td>
                  <td>{time(f.inSample.fromTime)} – {time(f.inSample.toTime)}</td>
                  <td>{paramsText(f.best)}</td>
                  <td className="text-right">{shown(m, f.inSample.metrics[m])}</td>
                  <td>{time(f.outOfSample.fromTime)} – {time(f.outOfSample.toTime)}</td>
                  <td className="text-right">{shown(m, f.outOfSample.metrics[m])}</td>
                  <td className="text-right">{shown('netProfit', f.outOfSample.metrics.netProfit)}</td>
                  <td className="text-right">{String(f.outOfSample.metrics.trades ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {oos && (
        <Card>
          <h2 className="mb-2 font-semibold">Out of sample, all folds</h2>
          <dl className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" aria-label="Out-of-sample totals">
            <div><dt className="text-xs text-slate-500">Net profit (sum)</dt><dd>{oos.netProfit}</dd></div>
            <div><dt className="text-xs text-slate-500">Trades</dt><dd>{oos.trades}</dd></div>
            <div><dt className="text-xs text-slate-500">Profitable folds</dt><dd>{oos.profitableFolds} of {oos.folds}</dd></div>
            <div><dt className="text-xs text-slate-500">Chained return</dt><dd>{percent(oos.chainedReturn)}</dd></div>
          </dl>
          <LineChart label="Out-of-sample equity" points={points} height={200} fit />
        </Card>
      )}
    </>
  );
}
