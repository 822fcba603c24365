// The Backtest page's "Optimise" mode: a Freqtrade config (the portfolio mode's import and settings), the strategy
// and its fixed parameters, what to search (HyperoptSettings); then the run's progress and best, and the past runs.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { createHyperopt, hyperoptKeys, isFinished, useHyperopt } from '../../api/hyperopts';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { BACKTEST_STEP } from '../../lib/backtest';
import { formToConfig, localErrors } from '../../lib/ftconfig';
import { stepDecimals } from '../../lib/money';
import { toConfig } from '../../lib/params';
import { ParameterForm } from '../ParameterForm';
import { ConfigImport } from '../portfolio/ConfigImport';
import { PortfolioSettings } from '../portfolio/PortfolioSettings';
import { useToast } from '../Toasts';
import { Button, Card, ErrorBox, Field, inputClass } from '../ui';
import { HyperoptRunView } from './HyperoptRunView';
import { HyperoptSettings } from './HyperoptSettings';
import { buildOptions, defaultOptions, hyperoptErrors, NO_ERRORS, rangesFor, type HyperoptErrors, type HyperoptOptions } from './options';
import { PastRuns } from './PastRuns';
import { useConfigForm } from '../portfolio/useConfigForm';

const PRICE_DECIMALS = stepDecimals(BACKTEST_STEP)!;

export function HyperoptMode({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [options, setOptions] = useState<HyperoptOptions>(() => defaultOptions(strategies[0]?.parameters ?? []));
  const cfg = useConfigForm(strategies, datasets, (s) => setOptions((o) => ({ ...o, ranges: rangesFor(s?.parameters ?? []) })));
  const [errors, setErrors] = useState<HyperoptErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useHyperopt(runId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = formToConfig(cfg.form);
    const checked = toConfig(cfg.params, cfg.values);
    const opts = buildOptions(options);
    if (Object.keys(built.errors).length || Object.keys(checked.errors).length || Object.keys(opts.errors).length) {
      return setErrors({ ...localErrors(built.errors), params: checked.errors, options: opts.errors });
    }
    // the searched parameters take the epochs' values: only the others are fixed
    const fixed = Object.fromEntries(Object.entries(checked.config).filter(([name]) => !opts.fields.paramRanges?.[name]));
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      const created = await createHyperopt({ config: built.config, strategy: cfg.strategy, params: fixed, ...opts.fields });
      setRunId(created.id);
      void queryClient.invalidateQueries({ queryKey: hyperoptKeys.list });
      toast.info('Optimisation queued');
    } catch (err) {
      if (err instanceof ApiError) setErrors(hyperoptErrors(err.problem));
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSubmitting(false);
    }
  }

  const running = run.data && !isFinished(run.data.status);
  return (
    <div className="flex flex-col gap-4">
      <ConfigImport onImport={(c) => { cfg.importConfig(c); setErrors(NO_ERRORS); }} error={errors.controls.config}
        extraKeys={Object.keys(cfg.form.extra)} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Optimisation">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <Card className="flex flex-col gap-3">
          <Field label="Strategy" htmlFor="ho-strategy" error={errors.strategy}>
            <select id="ho-strategy" className={inputClass} value={cfg.strategy} onChange={(e) => cfg.chooseStrategy(e.target.value)}>
              {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <p className="text-xs text-slate-500">The values below are fixed for every epoch, except the parameters searched.</p>
          <ParameterForm parameters={cfg.params} values={cfg.values} errors={errors.params} priceDecimals={PRICE_DECIMALS}
            onChange={cfg.setValue} />
        </Card>
        <HyperoptSettings options={options} params={cfg.params} errors={errors.options}
          onChange={(patch) => setOptions((o) => ({ ...o, ...patch }))} />
        <PortfolioSettings form={cfg.form} datasets={datasets} errors={errors.controls} onChange={cfg.changeSettings} />
        <div>
          <Button type="submit" variant="primary" disabled={submitting || !!running || cfg.form.pairs.length === 0}>
            {running ? 'Optimising…' : 'Start optimisation'}
          </Button>
        </div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <HyperoptRunView run={run.data} />}
      <PastRuns current={runId} onOpen={setRunId} />
    </div>
  );
}
