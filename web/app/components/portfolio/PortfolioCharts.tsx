// The wallet over the run with each trade's entry (B) and exit (S) marked, and the drawdown from the running peak.
import { useMemo } from 'react';
import { drawdownCurve, equityCurve, serverCurve, tradeMarks, type FtStats, type PortfolioRunResult } from '../../lib/ftresult';
import { LineChart } from '../LineChart';
import { Card } from '../ui';

/** The server's marked-to-market curves when it sends them; otherwise realised profit from the trades. */
export function PortfolioCharts({ stats, result }: { stats: FtStats; result?: PortfolioRunResult | null }) {
  const fromServer = useMemo(() => serverCurve(result, 'equity'), [result]);
  const equity = useMemo(() => fromServer ?? equityCurve(stats), [fromServer, stats]);
  const drawdown = useMemo(() => (serverCurve(result, 'drawdown') ?? drawdownCurve(equity))
    .map((p) => ({ time: p.time, value: p.value * 100 })), [result, equity]);
  const marks = useMemo(() => tradeMarks(stats.trades), [stats]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="mb-2 font-semibold">Equity ({stats.stake_currency ?? ''}{fromServer ? '' : ', realised'})</h2>
        <LineChart label="Equity" points={equity} marks={marks} height={260} fit />
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">Drawdown (%)</h2>
        <LineChart label="Drawdown" points={drawdown} height={260} fit />
      </Card>
    </div>
  );
}
