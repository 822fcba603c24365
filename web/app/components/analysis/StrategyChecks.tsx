// The Backtest page's "Strategy checks" mode: Freqtrade's lookahead-analysis and recursive-analysis of a config's
// strategy, on the same config form as the portfolio backtest. The server answers synchronously (seconds), so the
// result replaces the previous one; there is no run to poll.
import { useState, type FormEvent } from 'react';
import { runLookahead, runRecursive, type LookaheadResponse, type RecursiveResponse } from '../../api/analysis';
import { ApiError } from '../../api/client';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { checkErrors, parseCounts, parseNumber, parseWhole, type CheckErrors } from '../../lib/analysis';
import type { PortfolioErrors } from '../../lib/ftconfig';
import { ConfigImport } from '../portfolio/ConfigImport';
import { ConfigStrategy } from '../portfolio/ConfigStrategy';
import { PortfolioSettings } from '../portfolio/PortfolioSettings';
import { buildConfigRequest } from '../portfolio/configRequest';
import { useConfigForm } from '../portfolio/useConfigForm';
import { useToast } from '../Toasts';
import { Button, ErrorBox, Spinner } from '../ui';
import { CheckOptions, DEFAULT_OPTIONS, type CheckKind, type CheckOptionValues } from './CheckOptions';
import { LookaheadReport } from './LookaheadReport';
import { RecursiveReport } from './RecursiveReport';

const NO_ERRORS: PortfolioErrors = { controls: {}, params: {}, general: [] };

type Answer = { kind: 'lookahead'; data: LookaheadResponse } | { kind: 'recursive'; data: RecursiveResponse };

export function StrategyChecks({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const toast = useToast();
  const cfg = useConfigForm(strategies, datasets);
  const { form } = cfg;
  const [errors, setErrors] = useState<PortfolioErrors>(NO_ERRORS);
  const [kind, setKind] = useState<CheckKind>('lookahead');
  const [options, setOptions] = useState<CheckOptionValues>(DEFAULT_OPTIONS);
  const [optionErrors, setOptionErrors] = useState<CheckErrors>({});
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = buildConfigRequest(cfg);
    setErrors('errors' in built ? built.errors : NO_ERRORS);
    const request = 'request' in built ? built.request : null;
    const amount = parseWhole(options.targetedTradeAmount);
    const counts = parseCounts(options.startupCandles);
    const threshold = parseNumber(options.threshold);
    const local: CheckErrors = kind === 'lookahead' ? { targetedTradeAmount: amount.error }
      : { startupCandles: counts.error, threshold: threshold.error };
    setOptionErrors(local);
    if (!request || Object.values(local).some(Boolean)) return;
    setChecking(true);
    setAnswer(null);
    try {
      setAnswer(kind === 'lookahead'
        ? { kind, data: await runLookahead({ ...request, targetedTradeAmount: amount.value }) }
        : { kind, data: await runRecursive({ ...request, startupCandles: counts.counts, threshold: threshold.value }) });
    } catch (err) {
      if (err instanceof ApiError) {
        const split = checkErrors(err.problem);
        setErrors(split.form);
        setOptionErrors(split.check);
      }
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <ConfigImport onImport={(c) => { cfg.importConfig(c); setErrors(NO_ERRORS); }} error={errors.controls.config} extraKeys={Object.keys(form.extra)} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Strategy checks">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <CheckOptions kind={kind} onKind={(k) => { setKind(k); setOptionErrors({}); }} values={options} errors={optionErrors}
          onChange={(patch) => setOptions((old) => ({ ...old, ...patch }))} />
        <ConfigStrategy cfg={cfg} strategies={strategies} errors={errors} />
        <PortfolioSettings form={form} datasets={datasets} errors={errors.controls} onChange={cfg.changeSettings} />
        <div>
          <Button type="submit" variant="primary" disabled={checking || form.pairs.length === 0}>
            {checking ? 'Checking…' : kind === 'lookahead' ? 'Run lookahead check' : 'Run recursive check'}
          </Button>
        </div>
      </form>
      {checking && <Spinner label="Re-running the strategy on cut data…" />}
      {answer?.kind === 'lookahead' && <LookaheadReport answer={answer.data} />}
      {answer?.kind === 'recursive' && <RecursiveReport answer={answer.data} />}
    </div>
  );
}
