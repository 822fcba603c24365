// A DEX bot's sessions: every start is one run, with its intelligence level, trades and PnL (docs/dex.md).
import { Link } from 'react-router-dom';
import { Card, ErrorBox, Spinner } from '../ui';
import { isDexExchange, riskPageLink, useDexBot, useDexSessions } from './dexApi';

export function DexSessions({ botId, exchange, quote }: { botId: string | number; exchange: string; quote: string }) {
  const dex = isDexExchange(exchange);
  const sessions = useDexSessions(botId, dex);
  const view = useDexBot(botId, dex);
  if (!dex) return null;
  return (
    <Card data-testid="dex-sessions">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="font-semibold">Sessions</h2>
        {view.data && (
          <Link className="text-sm text-sky-700 underline" data-testid="dex-risk-link" to={riskPageLink({
            network: view.data.network, token: view.data.baseToken, quoteToken: view.data.quoteToken,
            size: typeof view.data.bot.config?.orderAmount === 'string' ? view.data.bot.config.orderAmount : undefined,
            level: view.data.intelLevel, bot: String(view.data.bot.id),
          })}>Token risk report</Link>
        )}
      </div>
      {sessions.isPending ? <Spinner /> : sessions.isError ? <ErrorBox error={sessions.error} /> :
        sessions.data.length === 0 ? <p className="text-sm text-slate-500">Not started yet.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead><tr className="text-left text-slate-500">
                <th className="py-1 pr-3">Started</th><th className="pr-3">Ended</th><th className="pr-3">Intel level</th>
                <th className="pr-3 text-right">Trades</th><th className="text-right">PnL ({quote})</th>
              </tr></thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.runId} className="border-t border-slate-100 dark:border-slate-800" data-testid="dex-session">
                    <td className="py-1 pr-3">{new Date(s.startedAt).toLocaleString()}</td>
                    <td className="pr-3">{s.endedAt ? new Date(s.endedAt).toLocaleString() : 'running'}</td>
                    <td className="pr-3">{s.intelLevel}</td>
                    <td className="pr-3 text-right" data-testid="dex-session-trades">{s.trades}</td>
                    <td className="text-right">{s.pnl}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  );
}
