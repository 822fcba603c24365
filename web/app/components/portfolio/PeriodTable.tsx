// Freqtrade's periodic breakdown: profit, wins / draws / losses and win rate per day, week or month.
import { useState } from 'react';
import type { FtPeriodRow } from '../../lib/ftresult';
import { pnlClass } from '../../lib/format';
import { Button, Card } from '../ui';

const PERIODS = ['day', 'week', 'month'];

export function PeriodTable({ breakdown, currency }: { breakdown: Record<string, FtPeriodRow[]>; currency: string }) {
  const [period, setPeriod] = useState('month');
  const rows = breakdown[period] ?? [];
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Breakdown</h2>
        <div role="group" aria-label="Breakdown period" className="flex gap-1">
          {PERIODS.map((p) => (
            <Button key={p} variant={p === period ? 'primary' : 'secondary'} aria-pressed={p === period} onClick={() => setPeriod(p)}>{p}</Button>
          ))}
        </div>
      </div>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm" aria-label={`Breakdown per ${period}`}>
          <thead><tr className="text-left text-xs text-slate-500"><th>{period}</th><th className="text-right">Profit {currency}</th>
            <th className="text-right">Win / Draw / Loss</th><th className="text-right">Win %</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date} className="border-t border-slate-100 dark:border-slate-800">
                <td>{r.date}</td>
                <td className={`text-right ${pnlClass(String(r.profit_abs))}`}>{r.profit_abs.toFixed(8)}</td>
                <td className="text-right">{r.wins} / {r.draws} / {r.loses}</td>
                <td className="text-right">{r.winrate === null ? '—' : (r.winrate * 100).toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
