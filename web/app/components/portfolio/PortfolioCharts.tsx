// The wallet over the run with each trade's entry (B) and exit (S) marked, and the drawdown from the running peak.
import { useMemo } from 'react';
import { drawdownCurve, equityCurve, tradeMarks, type FtStats } from '../../lib/ftresult';
import { LineChart } from '../LineChart';
import { Card } from '../ui';

export function PortfolioCharts({ stats }: { stats: FtStats }) {
  const equity = useMemo(() => equityCurve(stats), [stats]);
  const drawdown = useMemo(() => drawdownCurve(equity).map((p) => ({ time: p.time, value: p.value * 100 })), [equity]);
  const marks = useMemo(() => tradeMarks(stats.trades), [stats]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="mb-2 font-semibold">Equity ({stats.stake_currency ?? ''}, realised)</h2>
        <LineChart label="Equity" points={equity} marks={marks} height={260} fit />
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">Drawdown (%)</h2>
        <LineChart label="Drawdown" points={drawdown} height={260} fit />
      </Card>
    </div>
  );
}
