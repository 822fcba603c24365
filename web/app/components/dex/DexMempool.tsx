// A DEX bot's recent mempool events: pending swaps and liquidity changes on its pools (docs/dex-mempool.md).
import { Card, ErrorBox, Spinner } from '../ui';
import { isDexExchange, useDexMempool, type MempoolEvent } from './dexApi';

const percent = (share: string | null) =>
  share === null ? '' : `${(Number(share) * 100).toFixed(2)} %`;

function what(e: MempoolEvent): string {
  if (e.kind === 'LIQUIDITY_REMOVAL') return 'liquidity removal';
  if (e.kind === 'LIQUIDITY_ADDITION') return `liquidity addition ${e.amount} ${e.amountToken}`;
  return e.exactIn ? `swap ${e.amount} ${e.amountToken} → ${e.tokenOut}` : `swap ${e.tokenIn} → ${e.amount} ${e.amountToken}`;
}

export function DexMempool({ botId, exchange }: { botId: string | number; exchange: string }) {
  const dex = isDexExchange(exchange);
  const events = useDexMempool(botId, dex);
  if (!dex) return null;
  return (
    <Card data-testid="dex-mempool">
      <h2 className="mb-2 font-semibold">Mempool</h2>
      {events.isPending ? <Spinner /> : events.isError ? <ErrorBox error={events.error} /> :
        events.data.length === 0 ? <p className="text-sm text-slate-500">No pending transaction seen on this market's pools.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead><tr className="text-left text-slate-500">
                <th className="py-1 pr-3">Seen</th><th className="pr-3">Pool</th><th className="pr-3">Pending</th>
                <th className="pr-3 text-right">Share</th><th>Tx</th>
              </tr></thead>
              <tbody>
                {events.data.map((e) => (
                  <tr key={`${e.txHash}-${e.poolAddress}-${e.kind}`} data-testid="dex-mempool-event"
                      className={`border-t border-slate-100 dark:border-slate-800 ${e.large ? 'font-medium' : ''}`}>
                    <td className="py-1 pr-3">{new Date(e.seenAt).toLocaleTimeString()}</td>
                    <td className="pr-3">{e.pool}</td>
                    <td className={`pr-3 ${e.kind === 'LIQUIDITY_REMOVAL' ? 'text-red-600' : ''}`}>{what(e)}</td>
                    <td className="pr-3 text-right">{percent(e.share)}</td>
                    <td className="font-mono" title={e.txHash}>{e.txHash.slice(0, 10)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  );
}
