import { useState } from 'react';
import { Link } from 'react-router-dom';
import { botApi, useBotMutation, useBots, useStatistics } from '../api/hooks';
import type { Bot } from '../api/types';
import { useToast } from '../components/Toasts';
import { Button, Card, ConfirmDialog, Empty, ErrorBox, Spinner, StatusBadge } from '../components/ui';
import { pnlClass, signed, sinceTime, time } from '../lib/format';

export function HomePage() {
  const stats = useStatistics();
  const bots = useBots();
  const toast = useToast();
  const [confirmStopAll, setConfirmStopAll] = useState(false);
  const stopAll = useBotMutation(() => botApi.stopAll());

  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Statistics" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Total bots" value={stats.data?.totalBots} testId="stat-total" failed={stats.isError} />
        <Stat label="Active" value={stats.data?.activeBots} testId="stat-active" failed={stats.isError} />
        <Stat label="Total PnL" value={stats.data ? signed(stats.data.totalPnl) : undefined}
              className={pnlClass(stats.data?.totalPnl)} testId="stat-pnl" failed={stats.isError} />
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
            {bots.data.items.map((b) => <BotCard key={b.id} bot={b} />)}
          </div>
        )}

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

function Stat({ label, value, className = '', testId, failed }:
  { label: string; value: unknown; className?: string; testId: string; failed?: boolean }) {
  return (
    <Card>
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${className}`} data-testid={testId}>
        {value === undefined ? (failed ? '—' : '…') : String(value)}
      </div>
    </Card>
  );
}

function BotCard({ bot }: { bot: Bot }) {
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const toggle = useBotMutation(() => (bot.status === 'ACTIVE' ? botApi.stop(bot.id) : botApi.start(bot.id)));
  const remove = useBotMutation(() => botApi.remove(bot.id));
  const active = bot.status === 'ACTIVE';

  return (
    <Card className="flex min-w-0 flex-col gap-3" data-bot-card={bot.name}>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Link to={`/bots/${bot.id}`} className="block truncate font-semibold hover:underline">{bot.name}</Link>
          <div className="text-xs text-slate-500">{bot.strategy} · {bot.symbol} · {bot.exchange} · {bot.mode}</div>
        </div>
        <StatusBadge status={bot.status} />
      </div>
      {bot.status === 'ERROR' && bot.statusReason && <p className="text-xs text-red-600">{bot.statusReason}</p>}
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div className="min-w-0"><dt className="text-xs text-slate-500">PnL</dt><dd className={`tabular-nums ${pnlClass(bot.pnl)}`} data-testid="bot-pnl">{signed(bot.pnl)}</dd></div>
        <div className="min-w-0"><dt className="text-xs text-slate-500" title="Completed round trips (deals)">Trades</dt><dd className="tabular-nums" data-testid="bot-trades">{bot.totalTrades ?? 0}</dd></div>
        <div className="min-w-0"><dt className="text-xs text-slate-500">Last fill</dt><dd className="truncate text-xs" title={time(bot.lastFillTime)} data-testid="bot-last-fill">{sinceTime(bot.lastFillTime)}</dd></div>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button variant={active ? 'secondary' : 'success'} disabled={toggle.isPending}
          onClick={() => toggle.mutate(undefined, {
            onSuccess: (b) => toast.success(`${b.name} ${b.status === 'ACTIVE' ? 'started' : 'stopped'}`),
            onError: (e) => toast.error(`${bot.name}: ${e.message}`),
          })}>
          {active ? 'Stop' : 'Start'}
        </Button>
        <Link to={`/bots/${bot.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">Edit</Link>
        <Button variant="ghost" className="ml-auto text-red-600" onClick={() => setConfirmDelete(true)}>Delete</Button>
      </div>
      <ConfirmDialog open={confirmDelete} title={`Delete ${bot.name}?`} confirm="Delete"
        text="The bot and its configuration are removed. This cannot be undone."
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          remove.mutate(undefined, {
            onSuccess: () => toast.success(`${bot.name} deleted`),
            onError: (e) => toast.error(`Delete failed: ${e.message}`),
          });
        }} />
    </Card>
  );
}
