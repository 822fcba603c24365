// One of Freqtrade's result tables (per pair, per exit reason, per enter tag): trades, average and total profit,
// average duration, wins / draws / losses and win rate. Freqtrade's last row ("TOTAL") is shown as it comes.
import { lineKey, type FtLine } from '../../lib/ftresult';
import { pnlClass } from '../../lib/format';
import { Card } from '../ui';

const fixed = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '—' : v.toFixed(digits));

export function LineTable({ title, keyLabel, lines, currency }: { title: string; keyLabel: string; lines: FtLine[]; currency: string }) {
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{title}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label={title}>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th>{keyLabel}</th><th className="text-right">Trades</th><th className="text-right">Avg profit %</th>
              <th className="text-right">Tot profit {currency}</th><th className="text-right">Tot profit %</th>
              <th className="text-right">Avg duration</th><th className="text-right">Win / Draw / Loss</th><th className="text-right">Win %</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={lineKey(l)} className="border-t border-slate-100 dark:border-slate-800">
                <td>{lineKey(l)}</td>
                <td className="text-right">{l.trades}</td>
                <td className="text-right">{fixed(l.profit_mean_pct, 2)}</td>
                <td className={`text-right ${pnlClass(String(l.profit_total_abs ?? 0))}`}>{fixed(l.profit_total_abs, 8)}</td>
                <td className="text-right">{fixed(l.profit_total_pct, 2)}</td>
                <td className="text-right">{l.duration_avg}</td>
                <td className="text-right">{l.wins} / {l.draws} / {l.losses}</td>
                <td className="text-right">{l.winrate === null ? '—' : (l.winrate * 100).toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length === 0 && <p className="text-sm text-slate-500">No trades.</p>}
    </Card>
  );
}
