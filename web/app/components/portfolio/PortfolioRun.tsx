// A portfolio run's progress, its pairs, notes and warnings, then Freqtrade's report of it.
import type { Backtest } from '../../api/types';
import { isPortfolioResult, statsOf, type PortfolioRunResult } from '../../lib/ftresult';
import { Card } from '../ui';
import { PortfolioReport } from './PortfolioReport';
import { extrasOf, RunExtras } from './RunExtras';
import { RunProgress } from '../RunProgress';

export function PortfolioRun({ run }: { run: Backtest }) {
  const result: PortfolioRunResult | null = isPortfolioResult(run.result) ? run.result : null;
  const stats = statsOf(result);
  return (
    <div className="flex flex-col gap-4" data-testid="portfolio-result">
      <Card>
        <RunProgress status={run.status} progress={run.progress} error={run.error} />
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
