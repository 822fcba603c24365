import { useState } from 'react';
import { guardedApi } from '../api/twoFactor';
import { useCodePrompt } from './CodePrompt';
import { Link } from 'react-router-dom';
import { botApi, useBotMutation } from '../api/hooks';
import type { Bot } from '../api/types';
import { formatPnl, type Market } from '../lib/money';
import { pnlClass, sinceTime, time } from '../lib/format';
import { Amount } from './Amount';
import { useToast } from './Toasts';
import { WarmupProgress } from './Warmup';
import { LeverageTag } from './PositionParts';
import { PositionSummary } from './PositionSummary';
import { Button, Card, ConfirmDialog, StatusBadge } from './ui';

export function BotCard({ bot, market }: { bot: Bot; market: Market }) {
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const codePrompt = useCodePrompt('start a LIVE bot');
  const toggle = useBotMutation(() => (bot.status === 'ACTIVE' ? botApi.stop(bot.id)
    : codePrompt.run((otp) => guardedApi.startBot(bot.id, otp))));
  const remove = useBotMutation(() => botApi.remove(bot.id));
  const active = bot.status === 'ACTIVE';

  return (
    <Card className="flex min-w-0 flex-col gap-3" data-bot-card={bot.name}>
      {codePrompt.dialog}
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Link to={`/bots/${bot.id}`} className="block truncate font-semibold hover:underline">{bot.name}</Link>
          <div className="break-words text-xs text-slate-500">{bot.strategy} · {bot.symbol} · {bot.exchange} · {bot.mode}</div>
          {bot.leverage != null && <div className="mt-1"><LeverageTag leverage={bot.leverage} marginMode={bot.marginMode} /></div>}
        </div>
        <StatusBadge status={bot.status} />
      </div>
      {bot.status === 'ERROR' && bot.statusReason && <p className="break-words text-xs text-red-600">{bot.statusReason}</p>}
      <WarmupProgress bot={bot} />
      {bot.leverage != null && <PositionSummary bot={bot} market={market} />}
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div className="col-span-2 min-w-0"><dt className="text-xs text-slate-500">PnL</dt>
          <dd className={`text-lg font-semibold ${pnlClass(bot.pnl)}`}><Amount text={formatPnl(bot.pnl, market)} testId="bot-pnl" /></dd></div>
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
        <Button variant="ghost" className="ml-auto text-red-600" onClick={() => setConfirmDelete(true)} disabled={active}
          title={active ? 'Stop the bot before deleting it' : undefined}>Delete</Button>
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
