// One optimisation run: status and epochs done, Cancel while it runs, the best epoch so far, and once it has
// finished the 20 best epochs and the form that applies the best parameters to a bot.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { cancelHyperopt, hyperoptKeys, isFinished, type Hyperopt } from '../../api/hyperopts';
import { Button, Card } from '../ui';
import { ApplyBest } from './ApplyBest';
import { BestBlocks } from './BestBlocks';
import { TrialsTable } from './TrialsTable';

export function HyperoptRunView({ run }: { run: Hyperopt }) {
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const total = Math.max(run.epochsTotal, 1);
  const pct = Math.round(Math.min(1, run.epochsDone / total) * 100);
  const finished = isFinished(run.status);

  async function cancel() {
    setCancelling(true);
    setCancelError(null);
    try {
      queryClient.setQueryData(hyperoptKeys.one(run.id), await cancelHyperopt(run.id));
      void queryClient.invalidateQueries({ queryKey: hyperoptKeys.list });
    } catch (e) {
      setCancelError(e instanceof Error ? e.message : String(e));
    } finally {
      setCancelling(false);
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="hyperopt-run">
      <Card>
        <div className="mb-1 flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>Optimisation of <b>{run.strategy}</b> · status <b data-testid="hyperopt-status">{run.status}</b></span>
          <span data-testid="hyperopt-epochs">{run.epochsDone} / {run.epochsTotal} epochs</span>
          {!finished && <Button variant="danger" onClick={cancel} disabled={cancelling}>Cancel</Button>}
        </div>
        <div className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Epochs done"
          aria-valuenow={run.epochsDone} aria-valuemin={0} aria-valuemax={run.epochsTotal}>
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
        {run.error && <p className="mt-2 break-words text-sm text-red-600">{run.error}</p>}
        {cancelError && <p className="mt-2 break-words text-sm text-red-600" role="alert">{cancelError}</p>}
      </Card>
      {run.best ? <BestBlocks best={run.best} title={finished ? 'Best epoch' : 'Best epoch so far'} />
        : !finished && <p className="text-sm text-slate-500">No epoch finished yet.</p>}
      {finished && run.best?.params && <ApplyBest run={run} />}
      {finished && run.trials && run.trials.length > 0 && <TrialsTable trials={run.trials} />}
    </div>
  );
}
