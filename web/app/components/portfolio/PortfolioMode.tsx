// The Backtest page's "Portfolio (Freqtrade config)" mode: several pairs, one wallet, Freqtrade's settings by their
// own names, or an imported config.json; then the run's report.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createPortfolioBacktest } from '../../api/backtests';
import { ApiError } from '../../api/client';
import { useBacktest } from '../../api/hooks';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { configToForm, defaultForm, formToConfig, localErrors, serverErrors, type FtForm, type PortfolioErrors } from '../../lib/ftconfig';
import { BACKTEST_STEP } from '../../lib/backtest';
import { stepDecimals } from '../../lib/money';
import { initialValues, toConfig, type FormValues } from '../../lib/params';
import { ParameterForm } from '../ParameterForm';
import { useToast } from '../Toasts';
import { Button, Card, ErrorBox, Field, inputClass } from '../ui';
import { ConfigImport } from './ConfigImport';
import { PortfolioRun } from './PortfolioRun';
import { PortfolioSettings } from './PortfolioSettings';

/** Prices on the shipped datasets' tick (0.00000001), as the single-symbol form. */
const PRICE_DECIMALS = stepDecimals(BACKTEST_STEP)!;
const NO_ERRORS: PortfolioErrors = { controls: {}, params: {}, general: [] };

export function PortfolioMode({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FtForm>(() => defaultForm(datasets.slice(0, 2).map((d) => d.symbol), datasets[0]?.timeframe));
  const [strategy, setStrategy] = useState(strategies[0]?.id ?? '');
  const params = strategies.find((s) => s.id === strategy)?.parameters ?? [];
  const [values, setValues] = useState<FormValues>(() => withTimeframe(initialValues(params), params, form.timeframe));
  const [errors, setErrors] = useState<PortfolioErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useBacktest(runId);

  function chooseStrategy(id: string, given?: Record<string, unknown>, timeframe = form.timeframe) {
    setStrategy(id);
    const ps = strategies.find((s) => s.id === id)?.parameters ?? [];
    setValues(given && 'timeframe' in given ? initialValues(ps, given) : withTimeframe(initialValues(ps, given), ps, timeframe));
  }

  function changeSettings(patch: Partial<FtForm>) {
    setForm((old) => ({ ...old, ...patch }));
    if (patch.timeframe) setValues((old) => withTimeframe(old, params, patch.timeframe!));
  }

  function importConfig(config: Record<string, unknown>) {
    const next = configToForm(config);
    // the strategy and its parameters have their own controls: taken out of the passed-through keys when known
    const { strategy: named, strategy_params: given, ...extra } = next.extra;
    if (typeof named === 'string' && strategies.some((s) => s.id === named)) {
      chooseStrategy(named, typeof given === 'object' && given !== null ? given as Record<string, unknown> : undefined, next.timeframe || form.timeframe);
      next.extra = extra;
    } else if (next.timeframe) setValues((old) => withTimeframe(old, params, next.timeframe));
    setForm(next);
    setErrors(NO_ERRORS);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = formToConfig(form);
    const checked = toConfig(params, values);
    if (Object.keys(built.errors).length || Object.keys(checked.errors).length) {
      return setErrors({ ...localErrors(built.errors), params: checked.errors });
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      const created = await createPortfolioBacktest({ config: built.config, strategy, params: checked.config });
      setRunId(String(created.id));
      void queryClient.invalidateQueries({ queryKey: ['backtests', 'list'] });
      toast.info('Backtest queued');
    } catch (err) {
      if (err instanceof ApiError) setErrors(serverErrors(err.problem));
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSubmitting(false);
    }
  }

  const running = run.data && run.data.status !== 'DONE' && run.data.status !== 'FAILED';
  return (
    <div className="flex flex-col gap-4">
      <ConfigImport onImport={importConfig} error={errors.controls.config} extraKeys={Object.keys(form.extra)} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Portfolio backtest">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <Card className="flex flex-col gap-3">
          <Field label="Strategy" htmlFor="pf-strategy" error={errors.strategy}>
            <select id="pf-strategy" className={inputClass} value={strategy} onChange={(e) => chooseStrategy(e.target.value)}>
              {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <ParameterForm parameters={params} values={values} errors={errors.params} priceDecimals={PRICE_DECIMALS}
            onChange={(n, v) => setValues((old) => ({ ...old, [n]: v }))} />
        </Card>
        <PortfolioSettings form={form} datasets={datasets} errors={errors.controls}
          onChange={changeSettings} />
        <div>
          <Button type="submit" variant="primary" disabled={submitting || !!running || form.pairs.length === 0}>
            {running ? 'Running…' : 'Run portfolio backtest'}
          </Button>
        </div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <PortfolioRun run={run.data} />}
    </div>
  );
}

/** A strategy's own timeframe starts at the pairs' candles: a live bot's default (1m) cannot be built from 5m data. */
function withTimeframe(values: FormValues, params: { name: string }[], timeframe: string): FormValues {
  return timeframe && params.some((p) => p.name === 'timeframe') ? { ...values, timeframe } : values;
}
