// "Apply best parameters": the best epoch's strategy parameters into one of the user's STOPPED bots of the same
// strategy (POST /hyperopts/{id}/apply). The server's reason for a refusal (409, 400) is shown as it words it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { keys, useBots } from '../../api/hooks';
import { applyHyperopt, type Hyperopt } from '../../api/hyperopts';
import type { Bot } from '../../api/types';
import { Button, Card, Field, inputClass } from '../ui';

export function ApplyBest({ run }: { run: Hyperopt }) {
  const queryClient = useQueryClient();
  const bots = useBots();
  const candidates = (bots.data?.items ?? []).filter((b) => b.strategy === run.strategy && b.status === 'STOPPED');
  const [botId, setBotId] = useState('');
  const [applied, setApplied] = useState<Bot | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = botId || String(candidates[0]?.id ?? '');

  async function apply() {
    setBusy(true);
    setApplied(null);
    setRefusal(null);
    try {
      const bot = await applyHyperopt(run.id, chosen);
      setApplied(bot);
      queryClient.setQueryData(keys.bot(bot.id), bot);
      void queryClient.invalidateQueries({ queryKey: keys.bots });
    } catch (e) {
      setRefusal(reasonOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="flex flex-col gap-3" data-testid="hyperopt-apply">
      <h2 className="font-semibold">Apply to a bot</h2>
      <p className="text-xs text-slate-500">
        Only the strategy's parameters move (a bot has no ROI table, stoploss or trailing settings to receive); the bot
        must be stopped.
      </p>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="no-stopped-bots">
          {bots.isPending ? 'Loading your bots…' : `You have no stopped ${run.strategy} bot.`}
        </p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Bot" htmlFor="ho-apply-bot">
            <select id="ho-apply-bot" className={inputClass} value={chosen} onChange={(e) => setBotId(e.target.value)}>
              {candidates.map((b) => <option key={b.id} value={String(b.id)}>{b.name} ({b.symbol}, {b.mode})</option>)}
            </select>
          </Field>
          <Button variant="primary" onClick={apply} disabled={busy || !chosen}>Apply best parameters</Button>
        </div>
      )}
      {applied && (
        <p className="text-sm text-emerald-700 dark:text-emerald-400" role="status">
          Applied to <Link className="underline" to={`/bots/${applied.id}`}>{applied.name}</Link>.
        </p>
      )}
      {refusal && <p className="text-sm text-red-600 dark:text-red-400" role="alert">Not applied: {refusal}</p>}
    </Card>
  );
}

/** A 409's detail says why ("Bot 'x' is ACTIVE; stop it first"); a 400 names the field, its message says what is wrong. */
function reasonOf(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = (e.problem.errors ?? []).map((f) => f.message);
    return fields.length ? fields.join('; ') : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
