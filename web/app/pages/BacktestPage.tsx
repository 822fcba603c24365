import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { createBacktest, useBacktest, useBacktestsAvailable, useDatasets, useStrategies } from '../api/hooks';
import type { Backtest, BacktestInput, Dataset, StrategyDefinition } from '../api/types';
import { LineChart } from '../components/LineChart';
import { ParameterForm } from '../components/ParameterForm';
import { useToast } from '../components/Toasts';
import { Button, Card, Empty, ErrorBox, Field, inputClass, Spinner } from '../components/ui';
import { mapProblem, type FormErrors } from '../lib/errors';
import { pnlClass, signed, time } from '../lib/format';
import { initialValues, labelOf, toConfig, type FormValues } from '../lib/params';
import { addPoint, toSeconds, type Point } from '../lib/series';

// The engine's fill models (engine.backtest.FillModel ids).
const FILL_MODELS = ['realistic', 'freqtrade'];
const TOP_FIELDS = ['strategy', 'dataset', 'fillModel', 'fee', 'balance', 'slippageTicks', 'stoploss'];
const NO_ERRORS: FormErrors = { fields: {}, config: {}, general: [] };

export function BacktestPage() {
  const available = useBacktestsAvailable(true);
  const strategies = useStrategies();
  const datasets = useDatasets();
  if (available.isPending || strategies.isPending || (available.data && datasets.isPending)) return <Spinner />;
  if (available.data === false) return <Empty>Backtesting is not available on this server yet.</Empty>;
  if (strategies.isError) return <ErrorBox error={strategies.error} />;
  if (datasets.isError) return <ErrorBox error={datasets.error} />;
  return <BacktestForm strategies={strategies.data} datasets={datasets.data ?? []} />;
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
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useBacktest(runId);
  const chosen = datasets.find((d) => d.id === dataset);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { config, errors: local } = toConfig(params, values);
    if (Object.keys(local).length) return setErrors({ ...NO_ERRORS, config: local });
    setErrors(NO_ERRORS);
    const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const input: BacktestInput = {
      strategy, dataset, params: config, fillModel, fee: optional(fee), balance: optional(balance),
      slippageTicks: optional(slippageTicks), stoploss: optional(stoploss),
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
          <ParameterForm parameters={params} values={values} errors={errors.config} priceDecimals={2}
            onChange={(n, v) => setValues((old) => ({ ...old, [n]: v }))} />
        </Card>
        <div><Button type="submit" variant="primary" disabled={submitting || !!running || !dataset}>{running ? 'Running…' : 'Run backtest'}</Button></div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <Result run={run.data} />}
    </div>
  );
}

/** A strategy's own timeframe cannot be shorter than the data's candles: start it at the data's timeframe. */
function withDataTimeframe(values: FormValues, params: { name: string }[], data: Dataset | undefined): FormValues {
  return data && params.some((p) => p.name === 'timeframe') ? { ...values, timeframe: data.timeframe } : values;
}

/** Ratios (0.12) read as percents; money strings stay exact. */
function metricText(key: string, v: string | number | null): string {
  if (v == null) return '—';
  if (typeof v === 'number' && /return|drawdown|winRate|exposure|cagr/i.test(key)) return `${(v * 100).toFixed(2)}%`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return v;
}

function Result({ run }: { run: Backtest }) {
  const pct = Math.round(Math.max(0, Math.min(1, run.progress)) * 100);
  const result = run.result;
  const equity = useMemo(() => (result?.equity ?? []).reduce<Point[]>((p, e) =>
    addPoint(p, { time: toSeconds(e.time), value: Number(e.equity) }, 100_000), []), [result]);
  const trades = result?.trades ?? [];

  return (
    <div className="flex flex-col gap-4" data-testid="backtest-result">
      <Card>
        <div className="mb-1 flex justify-between text-sm"><span>Status: <b data-testid="backtest-status">{run.status}</b></span><span>{pct}%</span></div>
        <div className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
        {run.error && <p className="mt-2 text-sm text-red-600">{run.error}</p>}
        {result?.warnings?.map((w) => <p key={w} className="mt-1 text-xs text-amber-600">{w}</p>)}
      </Card>
      {result?.metrics && (
        <Card>
          <h2 className="mb-2 font-semibold">Metrics</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {Object.entries(result.metrics).filter(([k]) => k !== 'averageDurationSeconds').map(([k, v]) => (
              <div key={k}><dt className="text-xs text-slate-500">{labelOf(k)}</dt><dd className="font-semibold tabular-nums">{metricText(k, v)}</dd></div>
            ))}
          </dl>
        </Card>
      )}
      {equity.length > 0 && <Card><h2 className="mb-2 font-semibold">Equity</h2><LineChart points={equity} label="Equity curve" /></Card>}
      {result && (
        <Card>
          <h2 className="mb-2 font-semibold">Trades ({trades.length})</h2>
          {trades.length === 0 ? <Empty>No trades in this run.</Empty> : (
            <div className="max-h-96 overflow-auto">
              <table className="w-full whitespace-nowrap text-sm">
                <thead><tr className="text-left text-xs text-slate-500">
                  <th className="pr-2">Entry</th><th className="pr-2">Exit</th><th className="pr-2">Side</th><th className="pr-2">Qty</th>
                  <th className="pr-2">Entry price</th><th className="pr-2">Exit price</th><th className="pr-2">Fees</th><th className="pr-2">PnL</th><th>Reason</th>
                </tr></thead>
                <tbody>{trades.map((t, i) => (
                  <tr key={i} className="border-t border-slate-100 tabular-nums dark:border-slate-800">
                    <td className="pr-2">{time(t.entryTime)}</td><td className="pr-2">{time(t.exitTime)}</td><td className="pr-2">{t.direction}</td>
                    <td className="pr-2">{t.quantity}</td><td className="pr-2">{t.entryPrice ?? '—'}</td><td className="pr-2">{t.exitPrice ?? '—'}</td>
                    <td className="pr-2">{t.fees}</td><td className={`pr-2 ${pnlClass(t.pnl)}`}>{signed(t.pnl)}</td><td>{t.closeReason ?? ''}</td>
                  </tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
