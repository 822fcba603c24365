// The Backtest page's "Portfolio (Freqtrade config)" mode: several pairs, one wallet, Freqtrade's settings by their
// own names, or an imported config.json; then the run's report.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createPortfolioBacktest } from '../../api/backtests';
import { ApiError } from '../../api/client';
import { useBacktest } from '../../api/hooks';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { formToConfig, localErrors, serverErrors, type PortfolioErrors } from '../../lib/ftconfig';
import { toConfig } from '../../lib/params';
import { useToast } from '../Toasts';
import { Button, ErrorBox } from '../ui';
import { ConfigImport } from './ConfigImport';
import { ConfigStrategy } from './ConfigStrategy';
import { PortfolioRun } from './PortfolioRun';
import { PortfolioSettings } from './PortfolioSettings';
import { useConfigForm } from './useConfigForm';

const NO_ERRORS: PortfolioErrors = { controls: {}, params: {}, general: [] };

export function PortfolioMode({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const cfg = useConfigForm(strategies, datasets);
  const [errors, setErrors] = useState<PortfolioErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useBacktest(runId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = formToConfig(cfg.form);
    const checked = toConfig(cfg.params, cfg.values);
    if (Object.keys(built.errors).length || Object.keys(checked.errors).length) {
      return setErrors({ ...localErrors(built.errors), params: checked.errors });
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      const created = await createPortfolioBacktest({ config: built.config, strategy: cfg.strategy, params: checked.config });
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
      <ConfigImport onImport={(c) => { cfg.importConfig(c); setErrors(NO_ERRORS); }} error={errors.controls.config}
        extraKeys={Object.keys(cfg.form.extra)} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Portfolio backtest">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <ConfigStrategy cfg={cfg} strategies={strategies} errors={errors} />
        <PortfolioSettings form={cfg.form} datasets={datasets} errors={errors.controls}
          onChange={cfg.changeSettings} />
        <div>
          <Button type="submit" variant="primary" disabled={submitting || !!running || cfg.form.pairs.length === 0}>
            {running ? 'Running…' : 'Run portfolio backtest'}
          </Button>
        </div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <PortfolioRun run={run.data} />}
    </div>
  );
}
