// A portfolio run's progress, its pairs, notes and warnings, then Freqtrade's report of it.
import type { Backtest } from '../../api/types';
import { isPortfolioResult, statsOf, type PortfolioRunResult } from '../../lib/ftresult';
import { Card } from '../ui';
import { PortfolioReport } from './PortfolioReport';
import { extrasOf, RunExtras } from './RunExtras';

export function PortfolioRun({ run }: { run: Backtest }) {
  const pct = Math.round(Math.max(0, Math.min(1, run.progress)) * 100);
  const result: PortfolioRunResult | null = isPortfolioResult(run.result) ? run.result : null;
  const stats = statsOf(result);
  return (
    <div className="flex flex-col gap-4" data-testid="portfolio-result">
      <Card>
        <div className="mb-1 flex justify-between text-sm"><span>Status: <b data-testid="backtest-status">{run.status}</b></span><span>{pct}%</span></div>
        <div className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
        {run.error && <p className="mt-2 break-words text-sm text-red-600">{run.error}</p>}
        {result?.pairs && (
          <p className="mt-2 text-xs text-slate-500" data-testid="run-pairs">
            {result.pairs.map((p) => `${p.pair} (${p.candles} candles)`).join(', ')}
          </p>
        )}
        <ul aria-label="Warnings">
          {result?.warnings?.map((w) => <li key={w} className="mt-1 break-words text-xs text-amber-600">{w}</li>)}
        </ul>
        <ul aria-label="Notes">
          {result?.notes?.map((n) => <li key={n} className="mt-1 break-words text-xs text-slate-500">{n}</li>)}
        </ul>
      </Card>
      {stats && <RunExtras {...extrasOf(result)} />}
      {stats && <PortfolioReport stats={stats} result={result} />}
    </div>
  );
}
