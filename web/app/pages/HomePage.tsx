import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { botApi, useBotMutation, useBots, useStatistics } from '../api/hooks';
import { useMarkets } from '../api/markets';
import { Amount } from '../components/Amount';
import { BotCard } from '../components/BotCard';
import { RecentActivity } from '../components/RecentActivity';
import { useToast } from '../components/Toasts';
import { Button, Card, ConfirmDialog, Empty, ErrorBox, Spinner } from '../components/ui';
import { pnlClass } from '../lib/format';
import { formatPnl, signedAmount } from '../lib/money';
import { pnlByQuote, serverTotals } from '../lib/totals';

export function HomePage() {
  const stats = useStatistics();
  const bots = useBots();
  const marketOf = useMarkets();
  const toast = useToast();
  const [confirmStopAll, setConfirmStopAll] = useState(false);
  const stopAll = useBotMutation(() => botApi.stopAll());
  // The summary's totalPnl adds every bot's PnL whatever its quote currency: its totalPnlByQuote is what is shown;
  // servers without it leave the per-currency sums to the bot list, when the list holds every bot.
  const complete = bots.data && bots.data.items.length >= bots.data.total;
  const byQuote = stats.data?.totalPnlByQuote;
  const totals = useMemo(() => (byQuote && typeof byQuote === 'object' ? serverTotals(byQuote)
    : complete ? pnlByQuote(bots.data!.items, marketOf) : null), [byQuote, complete, bots.data, marketOf]);

  let pnl: ReactNode;
  if (totals && totals.length > 0) {
    pnl = totals.map((t) => (
      <div key={t.quote} className={pnlClass(t.pnl)}><Amount text={formatPnl(t.pnl, t.market)} /></div>
    ));
  } else if (totals || stats.data) {
    pnl = <Amount text={signedAmount(stats.data?.totalPnl ?? '0', 2)} className={pnlClass(stats.data?.totalPnl)} />;
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Statistics" className="grid grid-cols-2 gap-3 md:grid-cols-6">
        <Stat label="Total PnL" value={pnl} testId="stat-pnl" failed={stats.isError && bots.isError} wide />
        <Stat label="Total bots" value={stats.data?.totalBots} testId="stat-total" failed={stats.isError} />
        <Stat label="Active" value={stats.data?.activeBots} testId="stat-active" failed={stats.isError} />
        <Stat label="Errors" value={stats.data?.errorBots} testId="stat-errors" failed={stats.isError} />
        <Stat label="Total trades" value={stats.data?.totalTrades} testId="stat-trades" failed={stats.isError} />
      </section>

      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-auto text-xl font-semibold">Bots</h1>
        <Link to="/bots/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
          + New bot
        </Link>
        <Button variant="danger" onClick={() => setConfirmStopAll(true)} disabled={!stats.data?.activeBots}>
          Emergency stop all
        </Button>
      </div>

      {bots.isPending ? <Spinner label="Loading bots…" /> : bots.isError ? <ErrorBox error={bots.error} /> :
        bots.data.items.length === 0 ? (
          <Empty>No bots yet. <Link className="text-indigo-600 underline" to="/bots/new">Create your first bot</Link>.</Empty>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {bots.data.items.map((b) => <BotCard key={b.id} bot={b} market={marketOf(b.exchange, b.symbol)} />)}
          </div>
        )}

      <RecentActivity />

      <ConfirmDialog open={confirmStopAll} title="Stop every bot?" confirm="Stop all"
        text="All active bots stop now. Their open orders are cancelled by the server."
        onCancel={() => setConfirmStopAll(false)}
        onConfirm={() => {
          setConfirmStopAll(false);
          stopAll.mutate(undefined, {
            onSuccess: (r) => toast.success(`Stopped ${r.stopped} bot${r.stopped === 1 ? '' : 's'}`),
            onError: (e) => toast.error(`Stop all failed: ${e.message}`),
          });
        }} />
    </div>
  );
}

function Stat({ label, value, testId, failed, wide }:
  { label: string; value: ReactNode; testId: string; failed?: boolean; wide?: boolean }) {
  return (
    <Card className={`min-w-0 ${wide ? 'col-span-2' : ''}`}>
      <div className="truncate text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 min-w-0 break-words text-xl font-semibold tabular-nums sm:text-2xl" data-testid={testId}>
        {value === undefined || value === null ? (failed ? '—' : '…') : value}
      </div>
    </Card>
  );
}
