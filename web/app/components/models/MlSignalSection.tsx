// An ml-signal bot's model, its recent confidences against the threshold, and its ML trading stats by day.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useBotConfidences, useBotMlStats, type MlStats } from '../../api/models';
import type { Bot } from '../../api/types';
import { pnlClass } from '../../lib/format';
import { confidenceSeries, ratio, score } from '../../lib/models';
import { formatPnl, type Market } from '../../lib/money';
import { Card, Empty, ErrorBox, Spinner } from '../ui';
import { ConfidenceChart } from './ConfidenceChart';

export function MlSignalSection({ bot, market }: { bot: Bot; market: Market }) {
  return (
    <Card aria-label="Model confidence" data-testid="ml-signal-section">
      <Confidences botId={String(bot.id)} />
      <Stats botId={String(bot.id)} market={market} />
    </Card>
  );
}

function Confidences({ botId }: { botId: string }) {
  const data = useBotConfidences(botId);
  const series = useMemo(() => confidenceSeries(data.data?.points ?? []), [data.data]);
  const c = data.data;
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <h2 className="font-semibold">Model confidence</h2>
        {c?.model && (
          <span className="text-sm text-slate-500" data-testid="ml-model">
            <Link to="/models" className="underline">{c.model.name} v{c.model.version}</Link>
          </span>
        )}
        {c && <span className="text-sm text-slate-500" data-testid="ml-threshold">threshold {score(c.threshold)}</span>}
        {c && series.confidence.length > 0 && (
          <span className="text-sm text-slate-500" data-testid="ml-last">last {score(series.confidence.at(-1)!.value)} ·{' '}
            {series.acted.length} of {series.confidence.length} decisions acted on</span>
        )}
      </div>
      {data.isPending ? <Spinner label="Loading confidences…" /> : data.isError ? <ErrorBox error={data.error} /> :
        !c || series.confidence.length === 0
          ? <Empty>No decisions yet: confidences appear once the bot has warmed up and asks its model.</Empty>
          : <ConfidenceChart series={series} label="Confidence against threshold" />}
    </div>
  );
}

function Stats({ botId, market }: { botId: string; market: Market }) {
  const stats = useBotMlStats(botId);
  if (stats.isPending) return <Spinner label="Loading ML stats…" />;
  if (stats.isError) return <ErrorBox error={stats.error} />;
  if (!stats.data) return null;
  return <StatsView stats={stats.data} market={market} />;
}

export function StatsView({ stats, market }: { stats: MlStats; market: Market }) {
  return (
    <div className="mt-4">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-label="ML stats">
        <Figure label="Trades" value={`${stats.trades} (${stats.wins} won)`} />
        <Figure label="Win rate" value={ratio(stats.winRate)} />
        <Figure label="PnL" value={formatPnl(text(stats.pnl), market)} className={pnlClass(text(stats.pnl))} />
        <Figure label="Average confidence" value={score(stats.averageConfidence)} />
      </dl>
      {stats.byDay.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm tabular-nums" aria-label="ML stats by day">
            <thead className="text-left text-xs text-slate-500">
              <tr><th className="py-1">Day</th><th>Trades</th><th>Won</th><th>PnL</th><th>Average confidence</th></tr>
            </thead>
            <tbody>
              {stats.byDay.map((d) => (
                <tr key={d.day} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1">{d.day}</td><td>{d.trades}</td><td>{d.wins}</td>
                  <td className={pnlClass(text(d.pnl))}>{formatPnl(text(d.pnl), market)}</td><td>{score(d.averageConfidence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`font-semibold ${className}`}>{value}</dd>
    </div>
  );
}

/** Money is a decimal string in the API; a number is taken too. */
const text = (v: string | number | null | undefined) => (v == null ? null : String(v));
