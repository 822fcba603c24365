import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { createBacktest, useBacktest, useBacktestsAvailable, useDatasets, useStrategies } from '../api/hooks';
import type { BacktestInput, Dataset, StrategyDefinition } from '../api/types';
import { BacktestRun } from '../components/BacktestResult';
import { ParameterForm } from '../components/ParameterForm';
import type { Sizing } from '../components/QuantityControls';
import { useToast } from '../components/Toasts';
import { Button, Card, Empty, ErrorBox, Field, inputClass, Spinner } from '../components/ui';
import { HyperoptMode } from '../components/hyperopt/HyperoptMode';
import { StrategyChecks } from '../components/analysis/StrategyChecks';
import { PortfolioMode } from '../components/portfolio/PortfolioMode';
import { StoredRuns } from '../components/portfolio/StoredRuns';
import { SweepSection } from '../components/walkforward/SweepSection';
import { isSweepRun, SweepRun } from '../components/walkforward/SweepResult';
import { NO_SWEEP, sweepErrors, sweepRequest } from '../components/walkforward/sweepForm';
import { mapProblem, type FormErrors } from '../lib/errors';
import { BACKTEST_STEP, backtestMarket } from '../lib/backtest';
import { isDecimal, multiply } from '../lib/decimal';
import { time } from '../lib/format';
import { stepDecimals } from '../lib/money';
import { initialValues, toConfig, type FormValues } from '../lib/params';

// The engine's fill models (engine.backtest.FillModel ids).
const FILL_MODELS = ['realistic', 'freqtrade'];
const TOP_FIELDS = ['strategy', 'dataset', 'fillModel', 'fee', 'balance', 'slippageTicks', 'stoploss'];
const NO_ERRORS: FormErrors = { fields: {}, config: {}, general: [] };
/** The server's default starting balance (quote) when the field is empty. */
const DEFAULT_BALANCE = '1000';
/** Prices on the backtest instrument's tick (0.00000001): LTC/BTC 0.0165 + 1% stays 0.016665. */
const PRICE_DECIMALS = stepDecimals(BACKTEST_STEP)!;

export function BacktestPage() {
  const available = useBacktestsAvailable(true);
  const strategies = useStrategies();
  const datasets = useDatasets();
  if (available.isPending || strategies.isPending || (available.data && datasets.isPending)) return <Spinner />;
  if (available.data === false) return <Empty>Backtesting is not available on this server yet.</Empty>;
  if (strategies.isError) return <ErrorBox error={strategies.error} />;
  if (datasets.isError) return <ErrorBox error={datasets.error} />;
  return <BacktestModes strategies={strategies.data} datasets={datasets.data ?? []} />;
}

/** One symbol (the original form), a portfolio stated as a Freqtrade config, or its optimisation; the stored runs below. */
function BacktestModes({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const [mode, setMode] = useState<'single' | 'portfolio' | 'optimise' | 'checks'>('single');
  return (
    <div className="flex flex-col gap-4">
      <div role="group" aria-label="Backtest mode" className="flex gap-1">
        <Button variant={mode === 'single' ? 'primary' : 'secondary'} aria-pressed={mode === 'single'} onClick={() => setMode('single')}>Single symbol</Button>
        <Button variant={mode === 'portfolio' ? 'primary' : 'secondary'} aria-pressed={mode === 'portfolio'} onClick={() => setMode('portfolio')}>Portfolio (Freqtrade config)</Button>
        <Button variant={mode === 'optimise' ? 'primary' : 'secondary'} aria-pressed={mode === 'optimise'} onClick={() => setMode('optimise')}>Optimise (hyperopt)</Button>
        <Button variant={mode === 'checks' ? 'primary' : 'secondary'} aria-pressed={mode === 'checks'} onClick={() => setMode('checks')}>Strategy checks</Button>
      </div>
      {mode === 'optimise' && <><h1 className="text-xl font-semibold">Optimise (hyperopt)</h1><HyperoptMode strategies={strategies} datasets={datasets} /></>}
      {mode === 'checks' && <><h1 className="text-xl font-semibold">Strategy checks</h1><StrategyChecks strategies={strategies} datasets={datasets} /></>}
      {mode === 'single' ? <BacktestForm strategies={strategies} datasets={datasets} />
        : mode === 'portfolio' && <><h1 className="text-xl font-semibold">Portfolio backtest</h1><PortfolioMode strategies={strategies} datasets={datasets} /></>}
      <StoredRuns />
    </div>
  );
}

function BacktestForm({ strategies, datasets }: { strategies: StrategyDefinition[]; datasets: Dataset[] }) {
  const toast = useToast();
  const [strategy, setStrategy] = useState(strategies[0]?.id ?? '');
  const params = strategies.find((s) => s.id === strategy)?.parameters ?? [];
  const [dataset, setDataset] = useState(datasets[0]?.id ?? '');
  const [values, setValues] = useState<FormValues>(() => withDataTimeframe(initialValues(params), params, datasets[0]));
  const [fillModel, setFillModel] = useState(FILL_MODELS[0]);
  const [fee, setFee] = useState('0.001');
  const [balance, setBalance] = useState('');
  const [slippageTicks, setSlippageTicks] = useState('');
  const [stoploss, setStoploss] = useState('');
  const [sweep, setSweep] = useState(NO_SWEEP);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useBacktest(runId);
  const chosen = datasets.find((d) => d.id === dataset);
  const sizing = useMemo<Sizing | undefined>(() => {
    if (!chosen) return undefined;
    const funds = isDecimal(balance) ? balance.trim() : DEFAULT_BALANCE;
    const price = typeof values.buyPrice === 'string' && isDecimal(values.buyPrice) ? values.buyPrice : null;
    // no exchange minimum here: a step is worth at least a thousandth of the starting balance
    return { market: { ...backtestMarket(chosen.symbol), lotSize: BACKTEST_STEP, minNotional: multiply(funds, '0.001', 8) },
      price, feeRate: isDecimal(fee) ? fee : '0', balance: funds, balanceNote: 'the starting balance' };
  }, [chosen, balance, values.buyPrice, fee]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { config, errors: local } = toConfig(params, values);
    if (Object.keys(local).length) return setErrors({ ...NO_ERRORS, config: local });
    setErrors(NO_ERRORS);
    const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const input: BacktestInput = {
      strategy, dataset, params: config, fillModel, fee: optional(fee), balance: optional(balance),
      slippageTicks: optional(slippageTicks), stoploss: optional(stoploss), ...sweepRequest(sweep, params),
    };
    setSubmitting(true);
    try {
      const created = await createBacktest(input);
      setRunId(String(created.id));
      toast.info('Backtest queued');
    } catch (err) {
      if (err instanceof ApiError) setErrors(mapProblem(err.problem, TOP_FIELDS, params.map((p) => p.name), 'params.'));
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSubmitting(false);
    }
  }

  const running = run.data && run.data.status !== 'DONE' && run.data.status !== 'FAILED';

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Backtest</h1>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <Card className="grid gap-4 sm:grid-cols-3">
          <Field label="Strategy" htmlFor="bt-strategy" error={errors.fields.strategy}>
            <select id="bt-strategy" className={inputClass} value={strategy} onChange={(e) => {
              setStrategy(e.target.value);
              const ps = strategies.find((s) => s.id === e.target.value)?.parameters ?? [];
              setValues(withDataTimeframe(initialValues(ps), ps, chosen));
            }}>
              {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <Field label="Data" htmlFor="bt-dataset" error={errors.fields.dataset}
                 help={chosen ? `${chosen.symbol} · ${chosen.timeframe} · ${chosen.candles} candles · ${time(chosen.from)} – ${time(chosen.to)}` : 'No datasets on this server.'}>
            <select id="bt-dataset" className={inputClass} value={dataset} onChange={(e) => {
              setDataset(e.target.value);
              setValues((v) => withDataTimeframe(v, params, datasets.find((d) => d.id === e.target.value)));
            }}>
              {datasets.map((d) => <option key={d.id} value={d.id}>{d.id}</option>)}
            </select>
          </Field>
          <Field label="Fill model" htmlFor="bt-fill" error={errors.fields.fillModel}>
            <select id="bt-fill" className={inputClass} value={fillModel} onChange={(e) => setFillModel(e.target.value)}>
              {FILL_MODELS.map((f) => <option key={f}>{f}</option>)}
            </select>
          </Field>
          <Field label="Fee (fraction)" htmlFor="bt-fee" error={errors.fields.fee} help="0.001 = 0.1% per fill">
            <input id="bt-fee" type="number" step="0.0001" className={inputClass} value={fee} onChange={(e) => setFee(e.target.value)} />
          </Field>
          <Field label="Starting balance (quote)" htmlFor="bt-balance" error={errors.fields.balance} help="Empty: the server's default">
            <input id="bt-balance" type="number" className={inputClass} value={balance} onChange={(e) => setBalance(e.target.value)} />
          </Field>
          <Field label="Slippage (ticks)" htmlFor="bt-slippage" error={errors.fields.slippageTicks}>
            <input id="bt-slippage" type="number" step="1" min="0" className={inputClass} value={slippageTicks} onChange={(e) => setSlippageTicks(e.target.value)} />
          </Field>
          <Field label="Stoploss (ratio)" htmlFor="bt-stoploss" error={errors.fields.stoploss} help="e.g. -0.1 for 10%; empty: none">
            <input id="bt-stoploss" type="number" step="0.01" max="0" className={inputClass} value={stoploss} onChange={(e) => setStoploss(e.target.value)} />
          </Field>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Parameters</h2>
          <ParameterForm parameters={params} values={values} errors={errors.config} priceDecimals={PRICE_DECIMALS} sizing={sizing}
            onChange={(n, v) => setValues((old) => ({ ...old, [n]: v }))} />
        </Card>
        <SweepSection parameters={params} value={sweep} onChange={setSweep} errors={sweepErrors(errors.general)} />
        <div><Button type="submit" variant="primary" disabled={submitting || !!running || !dataset}>{running ? 'Running…' : 'Run backtest'}</Button></div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && (isSweepRun(run.data) ? <SweepRun run={run.data} /> : <BacktestRun run={run.data} />)}
    </div>
  );
}

/** A strategy's own timeframe cannot be shorter than the data's candles: start it at the data's timeframe. */
function withDataTimeframe(values: FormValues, params: { name: string }[], data: Dataset | undefined): FormValues {
  return data && params.some((p) => p.name === 'timeframe') ? { ...values, timeframe: data.timeframe } : values;
}
