// The status line and progress bar every backtest-like run shows (single, portfolio, sweep) while it runs and after.
import type { ReactNode } from 'react';

export function RunProgress({ status, progress, error, children }: { status: string; progress: number; error?: string | null; children?: ReactNode }) {
  const pct = Math.round(Math.max(0, Math.min(1, progress)) * 100);
  return (
    <>
      <div className="mb-1 flex justify-between text-sm"><span>Status: <b data-testid="backtest-status">{status}</b></span><span>{pct}%</span></div>
      <div className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      {error && <p className="mt-2 break-words text-sm text-red-600">{error}</p>}
      {children}
    </>
  );
}
