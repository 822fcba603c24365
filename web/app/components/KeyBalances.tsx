// What the venue says a key's account holds, asked when shown; zero balances stay hidden unless asked for.
import { useState } from 'react';
import { useCredentialBalances } from '../api/hooks';
import type { Credential } from '../api/types';
import { isZero } from '../lib/credentials';
import { time } from '../lib/format';
import { amount, currencyDecimals } from '../lib/money';
import { Button, ErrorBox, Spinner } from './ui';

export function KeyBalances({ credential, venue }: { credential: Credential; venue: string }) {
  const balances = useCredentialBalances(credential.id, true);
  const [showZero, setShowZero] = useState(false);

  if (balances.isPending) return <Spinner label={`Asking ${venue} for the balances…`} />;
  if (balances.isError) {
    return (
      <div className="flex flex-col items-start gap-2">
        <ErrorBox error={balances.error} />
        <Button onClick={() => void balances.refetch()} disabled={balances.isFetching}>Try again</Button>
      </div>
    );
  }
  const all = balances.data.balances ?? [];
  const zero = all.filter(isZero).length;
  const shown = showZero ? all : all.filter((b) => !isZero(b));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <span>From {venue} at {time(balances.data.fetchedAt)}</span>
        {zero > 0 && (
          <label className="flex items-center gap-1.5">
            <input type="checkbox" className="h-4 w-4 accent-indigo-600" checked={showZero} onChange={(e) => setShowZero(e.target.checked)} />
            Show {zero} zero balance{zero === 1 ? '' : 's'}
          </label>
        )}
        <Button variant="ghost" className="ml-auto !px-2 !py-0.5 text-xs" onClick={() => void balances.refetch()} disabled={balances.isFetching}>
          {balances.isFetching ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      {shown.length === 0 ? <p className="text-sm text-slate-500">No {zero > 0 ? 'non-zero ' : ''}balances on this account.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label={`Balances of ${credential.label}`}>
            <thead className="text-left text-xs text-slate-500">
              <tr><th scope="col" className="py-1 pr-2 font-medium">Asset</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Total</th>
                <th scope="col" className="py-1 text-right font-medium">Available</th></tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.asset} className="border-t border-slate-100 dark:border-slate-800" data-balance={b.asset}>
                  <th scope="row" className="py-1 pr-2 text-left font-semibold">{b.asset}</th>
                  <td className="py-1 pr-2 text-right tabular-nums">{amount(b.total, currencyDecimals(b.asset))}</td>
                  <td className="py-1 text-right tabular-nums">{amount(b.available, currencyDecimals(b.asset))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
