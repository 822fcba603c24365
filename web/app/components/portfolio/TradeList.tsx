// The run's trades as Freqtrade exports them: pair, open / close, rates, amount, stake, profit, exit reason, tag; on a
// futures run also the funding booked over each trade and its liquidation price.
import type { FtTrade } from '../../lib/ftresult';
import { pnlClass } from '../../lib/format';
import { Card } from '../ui';

export function TradeList({ trades }: { trades: FtTrade[] }) {
  const futures = trades.some((t) => (t.funding_fees ?? 0) !== 0 || t.liquidation_price != null);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Trades ({trades.length})</h2>
      <div className="max-h-96 overflow-auto">
        <table className="w-full text-sm" aria-label="Trades">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th>Pair</th><th>Open</th><th>Close</th><th className="text-right">Open rate</th><th className="text-right">Close rate</th>
              <th className="text-right">Amount</th><th className="text-right">Stake</th><th className="text-right">Profit %</th>
              <th className="text-right">Profit</th><th>Exit reason</th><th>Enter tag</th>
              {futures && <><th className="text-right">Funding</th><th className="text-right">Liq. price</th></>}
            </tr>
          </thead>
          <tbody>
            {trades.map((t, i) => (
              <tr key={`${t.pair}-${t.open_timestamp}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                <td>{t.pair}{t.is_short ? ' (short)' : ''}</td><td>{t.open_date}</td><td>{t.close_date}</td>
                <td className="text-right">{t.open_rate}</td><td className="text-right">{t.close_rate}</td>
                <td className="text-right">{t.amount}</td><td className="text-right">{t.stake_amount}</td>
                <td className={`text-right ${pnlClass(String(t.profit_ratio))}`}>{(t.profit_ratio * 100).toFixed(2)}</td>
                <td className={`text-right ${pnlClass(String(t.profit_abs))}`}>{t.profit_abs}</td>
                <td>{t.exit_reason ?? ''}</td><td>{t.enter_tag ?? ''}</td>
                {futures && (
                  <>
                    <td className={`text-right ${pnlClass(String(t.funding_fees ?? 0))}`}>{t.funding_fees ?? 0}</td>
                    <td className="text-right">{t.liquidation_price ?? ''}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
