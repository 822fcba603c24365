// POST /models/train: a shipped dataset, triple-barrier labels, the validation share and the seed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useDatasets } from '../../api/hooks';
import { modelApi, modelKeys, type TrainingInput, type TrainingJob } from '../../api/models';
import { mapProblem } from '../../lib/errors';
import { ratio } from '../../lib/models';
import { Button, Card, Field, inputClass } from '../ui';

const FIELDS = ['name', 'symbol', 'dataset', 'labels.takeProfit', 'labels.stopLoss', 'labels.holdingSeconds', 'validationShare', 'seed', 'labels'] as const;
type Errors = { fields: Record<string, string>; general: string[] };
const NONE: Errors = { fields: {}, general: [] };

/** A number as a JSON number; anything else as typed, for the server to name. */
const numberOr = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text.trim());

export function TrainingForm({ onStarted }: { onStarted: (job: TrainingJob) => void }) {
  const qc = useQueryClient();
  const datasets = useDatasets();
  const [name, setName] = useState('');
  const [dataset, setDataset] = useState('');
  const [takeProfit, setTakeProfit] = useState('0.004');
  const [stopLoss, setStopLoss] = useState('0.004');
  const [holdingSeconds, setHoldingSeconds] = useState('30');
  const [validationShare, setValidationShare] = useState('0.25');
  const [seed, setSeed] = useState('42');
  const [errors, setErrors] = useState<Errors>(NONE);
  const train = useMutation({ mutationFn: modelApi.train, onSettled: () => qc.invalidateQueries({ queryKey: modelKeys.trainings }) });
  const chosen = dataset || datasets.data?.[0]?.id || '';

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors(NONE);
    const input: TrainingInput = {
      name: name.trim(), dataset: chosen,
      labels: { takeProfit: numberOr(takeProfit), stopLoss: numberOr(stopLoss), holdingSeconds: numberOr(holdingSeconds) },
      ...(validationShare.trim() ? { validationShare: numberOr(validationShare) } : {}),
      ...(seed.trim() ? { seed: numberOr(seed) } : {}),
    };
    train.mutate(input, {
      onSuccess: onStarted,
      onError: (err) => {
        if (!(err instanceof ApiError)) { setErrors({ fields: {}, general: [err.message] }); return; }
        const mapped = mapProblem(err.problem, FIELDS, []);
        setErrors({ fields: mapped.fields, general: err.status === 429
          ? ['Two trainings are already queued or running: wait for one to finish.'] : mapped.general });
      },
    });
  }

  const f = errors.fields;
  return (
    <Card>
      <h2 className="mb-1 font-semibold">Train a model</h2>
      <p className="mb-3 text-xs text-slate-500">
        From a shipped candle dataset, with the same features the bot computes live (docs/ml.md). The result is registered as
        the next version of its name.
      </p>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-3" aria-label="Train a model">
        {errors.general.length > 0 && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 sm:col-span-3 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {errors.general.map((g) => <p key={g}>{g}</p>)}
          </div>
        )}
        <Field label="Name" htmlFor="train-name" error={f.name}>
          <input id="train-name" className={inputClass} value={name} aria-invalid={!!f.name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Dataset" htmlFor="train-dataset" error={f.dataset ?? (datasets.isError ? datasets.error.message : undefined)}
               help={datasetHelp(datasets.data?.find((d) => d.id === chosen))}>
          <select id="train-dataset" className={inputClass} value={chosen} aria-invalid={!!f.dataset} onChange={(e) => setDataset(e.target.value)}>
            {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.id} · {d.symbol}</option>)}
          </select>
        </Field>
        <Field label="Seed" htmlFor="train-seed" error={f.seed} help="The same request and seed train the same model.">
          <input id="train-seed" type="number" step="1" className={inputClass} value={seed} aria-invalid={!!f.seed} onChange={(e) => setSeed(e.target.value)} />
        </Field>
        <Field label="Take profit (fraction)" htmlFor="train-tp" error={f['labels.takeProfit']} help={`${ratio(takeProfit, 2)} above the entry; above 0, below 0.5`}>
          <input id="train-tp" type="number" step="0.001" className={inputClass} value={takeProfit} aria-invalid={!!f['labels.takeProfit']}
            onChange={(e) => setTakeProfit(e.target.value)} />
        </Field>
        <Field label="Stop loss (fraction)" htmlFor="train-sl" error={f['labels.stopLoss']} help={`${ratio(stopLoss, 2)} below the entry; above 0, below 0.5`}>
          <input id="train-sl" type="number" step="0.001" className={inputClass} value={stopLoss} aria-invalid={!!f['labels.stopLoss']}
            onChange={(e) => setStopLoss(e.target.value)} />
        </Field>
        <Field label="Holding time (seconds)" htmlFor="train-hold" error={f['labels.holdingSeconds'] ?? f.labels} help="1 to 3600">
          <input id="train-hold" type="number" step="1" className={inputClass} value={holdingSeconds} aria-invalid={!!f['labels.holdingSeconds']}
            onChange={(e) => setHoldingSeconds(e.target.value)} />
        </Field>
        <Field label="Validation share" htmlFor="train-validation" error={f.validationShare} help="The last part of the data, never shuffled: 0.05 to 0.5">
          <input id="train-validation" type="number" step="0.05" className={inputClass} value={validationShare} aria-invalid={!!f.validationShare}
            onChange={(e) => setValidationShare(e.target.value)} />
        </Field>
        <div className="flex items-end sm:col-span-2">
          <Button type="submit" variant="primary" disabled={train.isPending || !chosen}>{train.isPending ? 'Submitting…' : 'Train'}</Button>
        </div>
      </form>
    </Card>
  );
}

function datasetHelp(d: { symbol: string; timeframe: string; candles: number } | undefined): string | undefined {
  return d ? `${d.symbol}, ${d.candles.toLocaleString()} ${d.timeframe} candles; the model's symbol is the dataset's.` : undefined;
}
