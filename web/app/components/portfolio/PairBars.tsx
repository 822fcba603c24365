// Per-pair total profit as horizontal bars (a category chart: the time-axis chart library does not draw these),
// scaled to the largest absolute profit; gains to the right in green, losses in red.
import { lineKey, type FtLine } from '../../lib/ftresult';
import { Card } from '../ui';

export function PairBars({ lines, currency }: { lines: FtLine[]; currency: string }) {
  // Freqtrade's last row sums the others: not a pair
  const pairs = lines.filter((l) => lineKey(l) !== 'TOTAL');
  const largest = Math.max(0, ...pairs.map((l) => Math.abs(l.profit_total_abs ?? 0)));
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Profit per pair ({currency})</h2>
      <ul className="flex flex-col gap-1" aria-label="Profit per pair">
        {pairs.map((l) => {
          const profit = l.profit_total_abs ?? 0;
          const width = largest > 0 ? (Math.abs(profit) / largest) * 50 : 0;
          return (
            <li key={lineKey(l)} className="grid grid-cols-[6rem_1fr_8rem] items-center gap-2 text-sm" data-pair={lineKey(l)}>
              <span className="truncate">{lineKey(l)}</span>
              <span className="relative h-3 rounded bg-slate-100 dark:bg-slate-800">
                <span data-testid={`bar-${lineKey(l)}`} className={`absolute top-0 h-3 rounded ${profit >= 0 ? 'bg-emerald-500' : 'bg-red-500'}`}
                  style={profit >= 0 ? { left: '50%', width: `${width}%` } : { right: '50%', width: `${width}%` }} />
              </span>
              <span className="text-right tabular-nums">{profit.toFixed(8)}</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
