import { useSearchParams } from 'react-router-dom';
import { botApi, useBotMutation, useOrders } from '../api/hooks';
import { OrderTable } from '../components/OrderTable';
import { useToast } from '../components/Toasts';
import { Button, Card, Empty, ErrorBox, inputClass, Spinner } from '../components/ui';
import { useBotNames } from './useBotNames';

export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const botId = params.get('botId') ?? '';
  const page = Number(params.get('page') ?? 0);
  const orders = useOrders({ status, botId, page });
  const { list, names } = useBotNames();
  const toast = useToast();
  const cancel = useBotMutation((o: { botId: string | number; id: string | number }) => botApi.cancelOrder(o.botId, o.id));

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const pages = orders.data ? Math.max(1, Math.ceil(orders.data.total / orders.data.size)) : 1;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold">Orders</h1>
        <label className="text-sm">Status
          <select className={inputClass} value={status} onChange={(e) => set('status', e.target.value)} aria-label="Status filter">
            <option value="">All</option><option value="open">Open</option><option value="closed">Closed</option>
          </select>
        </label>
        <label className="text-sm">Bot
          <select className={inputClass} value={botId} onChange={(e) => set('botId', e.target.value)} aria-label="Bot filter">
            <option value="">All bots</option>
            {list.map((b) => <option key={b.id} value={String(b.id)}>{b.name}</option>)}
          </select>
        </label>
      </div>
      <Card>
        {orders.isPending ? <Spinner label="Loading orders…" /> : orders.isError ? <ErrorBox error={orders.error} /> :
          orders.data.items.length === 0 ? <Empty>No orders match.</Empty> : (
            <>
              <OrderTable orders={orders.data.items} botNames={names} onCancel={(o) => cancel.mutate(o, {
                onSuccess: () => toast.success(`${names.get(String(o.botId)) ?? 'Bot'}: order ${o.clientOrderId} cancelled`),
                onError: (e) => toast.error(`${names.get(String(o.botId)) ?? 'Bot'}: cancel failed: ${e.message}`),
              })} />
              <div className="mt-3 flex items-center justify-end gap-2 text-sm">
                <Button disabled={page <= 0} onClick={() => set('page', String(page - 1))}>Previous</Button>
                <span>Page {page + 1} of {pages}</span>
                <Button disabled={page + 1 >= pages} onClick={() => set('page', String(page + 1))}>Next</Button>
              </div>
            </>
          )}
      </Card>
    </div>
  );
}
