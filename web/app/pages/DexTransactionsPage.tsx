// DEX transactions (docs/dex-live.md "Transactions"): everything the user's wallets signed — LIVE bots' approvals
// and swaps, revokes — with status, fees (native and in the bot's quote token), nonce and the revert reason.
import { useState } from 'react';
import { useDexTransactions } from '../components/dex/walletApi';
import { Badge, Card, Empty, ErrorBox, Spinner, inputClass } from '../components/ui';

const STATUSES = ['', 'SIGNED', 'SENT', 'MINED', 'CONFIRMED', 'FAILED', 'REPLACED', 'REJECTED'];
const TONE: Record<string, 'slate' | 'amber' | 'red' | 'emerald' | 'sky'> = {
  CONFIRMED: 'emerald', MINED: 'sky', SENT: 'amber', SIGNED: 'amber', FAILED: 'red', REJECTED: 'red', REPLACED: 'slate',
};

export function DexTransactionsPage() {
  const [status, setStatus] = useState('');
  const txs = useDexTransactions({ status });
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-xl font-semibold">DEX transactions</h1>
        <label className="text-sm">Status{' '}
          <select aria-label="Status" className={inputClass} value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s || 'all'}</option>)}
          </select>
        </label>
      </div>
      {txs.isLoading && <Spinner />}
      {txs.error && <ErrorBox error={txs.error} />}
      {txs.data?.length === 0 && <Empty>No transactions yet.</Empty>}
      {txs.data && txs.data.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th>Time</th><th>Purpose</th><th>Status</th><th>Nonce</th><th>Hash</th><th className="text-right">Fee (native)</th>
                <th className="text-right">Fee (quote)</th><th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {txs.data.map((t) => (
                <tr key={t.hash} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="whitespace-nowrap">{new Date(t.createdAt).toLocaleString()}</td>
                  <td>{t.purpose}{t.kind !== 'SEND' ? ` (${t.kind.toLowerCase()})` : ''}</td>
                  <td><Badge tone={TONE[t.status] ?? 'slate'}>{t.status}</Badge></td>
                  <td className="font-mono">{t.nonce}</td>
                  <td className="font-mono text-xs" title={t.hash}>{t.hash.slice(0, 10)}…{t.hash.slice(-6)}</td>
                  <td className="text-right font-mono">{t.feeNative ?? '—'}</td>
                  <td className="text-right font-mono">{t.feeQuote ? `${t.feeQuote} ${t.feeQuoteAsset}` : '—'}</td>
                  <td className="text-xs text-red-700">{t.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
