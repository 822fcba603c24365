import type { Order } from '../api/types';
import { OPEN_ORDER_STATUSES } from '../api/types';
import { useMarkets } from '../api/markets';
import { time } from '../lib/format';
import { formatMoney, formatPrice, formatQuantity } from '../lib/money';
import { Button } from './ui';

export function OrderTable({ orders, onCancel, compact, botNames }:
  { orders: Order[]; onCancel?: (o: Order) => void; compact?: boolean; botNames?: Map<string, string> }) {
  const marketOf = useMarkets();
  // ML bots' entries carry the confidence that placed them; other bots' tables keep their columns
  const withConfidence = orders.some((o) => o.confidence != null);
  return (
    <div className="overflow-x-auto">
      <table className="w-full whitespace-nowrap text-sm" data-testid="orders">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            {!compact && <th className="pr-2">Time</th>}
            {botNames && <th className="pr-2">Bot</th>}
            {!compact && <th className="pr-2">Symbol</th>}
            <th className="pr-2">Side</th><th className="pr-2">Price</th><th className="pr-2">Qty</th>
            <th className="pr-2">Filled</th>{!compact && <th className="pr-2">Avg price</th>}{!compact && <th className="pr-2">Fee</th>}
            {withConfidence && <th className="pr-2" title="The model's confidence that placed the order">Confidence</th>}
            <th className="pr-2">Status</th>{onCancel && <th />}
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => { const m = marketOf(o.exchange, o.symbol); return (
            <tr key={o.id} className="border-t border-slate-100 tabular-nums dark:border-slate-800" data-order-status={o.status}>
              {!compact && <td className="whitespace-nowrap py-1 pr-2">{time(o.createdAt)}</td>}
              {botNames && <td className="pr-2">{botNames.get(String(o.botId)) ?? o.botId}</td>}
              {!compact && <td className="pr-2">{o.symbol}</td>}
              <td className={`pr-2 ${o.side === 'BUY' ? 'text-emerald-600' : 'text-red-600'}`}>{o.side}</td>
              <td className="pr-2">{o.price != null ? formatPrice(o.price, m) : o.triggerPrice != null ? `stop ${formatPrice(o.triggerPrice, m)}` : 'MKT'}</td>
              <td className="pr-2">{formatQuantity(o.quantity, m)}</td>
              <td className="pr-2">{formatQuantity(o.filledQuantity ?? '0', m)}</td>
              {!compact && <td className="pr-2">{o.averagePrice != null ? formatPrice(o.averagePrice, m) : '—'}</td>}
              {!compact && <td className="pr-2">{o.fee != null ? formatMoney(o.fee, o.feeCurrency ?? m.quote, m) : '—'}</td>}
              {withConfidence && <td className="pr-2">{o.confidence != null ? o.confidence.toFixed(3) : '—'}</td>}
              <td className="pr-2" title={o.reason ?? undefined}>{o.status}{o.reason ? ` (${o.reason})` : ''}</td>
              {onCancel && (
                <td className="py-1 text-right">
                  {OPEN_ORDER_STATUSES.includes(o.status) && o.status !== 'PENDING_CANCEL' &&
                    <Button className="px-2 py-0.5 text-xs" onClick={() => onCancel(o)}>Cancel</Button>}
                </td>
              )}
            </tr>
          ); })}
        </tbody>
      </table>
    </div>
  );
}
