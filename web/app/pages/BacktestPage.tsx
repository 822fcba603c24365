import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { createBacktest, useBacktest, useBacktestsAvailable, useExchanges, useStrategies } from '../api/hooks';
import type { Backtest, BacktestInput, StrategyDefinition } from '../api/types';
import { LineChart } from '../components/LineChart';
import { ParameterForm } from '../components/ParameterForm';
import { useToast } from '../components/Toasts';
import { Button, Card, Empty, ErrorBox, Field, inputClass, Spinner } from '../components/ui';
import { mapProblem, type FormErrors } from '../lib/errors';
import { initialValues, labelOf, toConfig, type FormValues } from '../lib/params';
import { addPoint, toSeconds, type Point } from '../lib/series';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];
// The engine's fill models (engine.backtest.FillModel ids).
const FILL_MODELS = ['realistic', 'freqtrade'];
const TOP_FIELDS = ['strategy', 'symbol', 'dataFile', 'dataset', 'timeframe', 'fees', 'fillModel'];
const NO_ERRORS: FormErrors = { fields: {}, config: {}, general: [] };

export function BacktestPage() {
  const available = useBacktestsAvailable(true);
  const strategies = useStrategies();
  if (available.isPending || strategies.isPending) return <Spinner />;
  if (available.data === false) return <Empty>Backtesting is not available on this server yet.</Empty>;
  if (strategies.isError) return <ErrorBox error={strategies.error} />;
  return <BacktestForm strategies={strategies.data} />;
}

function BacktestForm({ strategies }: { strategies: StrategyDefinition[] }) {
  const toast = useToast();
  const exchanges = useExchanges();
  const symbols = exchanges.data?.flatMap((e) => e.symbols.map((s) => s.symbol)) ?? [];
  const [strategy, setStrategy] = useState(strategies[0]?.id ?? '');
  const params = strategies.find((s) => s.id === strategy)?.parameters ?? [];
  const [values, setValues] = useState<FormValues>(() => initialValues(params));
  const [symbol, setSymbol] = useState('BTC/USDT');
  const [source, setSource] = useState<'dataset' | 'dataFile'>('dataFile');
  const [data, setData] = useState('');
  const [timeframe, setTimeframe] = useState('1m');
  const [fees, setFees] = useState('0.001');
  const [fillModel, setFillModel] = useState(FILL_MODELS[0]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [runId, setRunId] = useState<string | number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = useBacktest(runId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { config, errors: local } = toConfig(params, values);
    if (Object.keys(local).length) return setErrors({ ...NO_ERRORS, config: local });
    setErrors(NO_ERRORS);
    const input: BacktestInput = { strategy, symbol, timeframe, config, fees, fillModel, [source]: data.trim() };
    setSubmitting(true);
    try {
      const created = await createBacktest(input);
      setRunId(created.id);
      toast.info('Backtest started');
    } catch (err) {
      if (err instanceof ApiError) setErrors(mapProblem(err.problem, TOP_FIELDS, params.map((p) => p.name)));
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSubmitting(false);
    }
  }

  const running = run.data && run.data.status !== 'COMPLETED' && run.data.status !== 'FAILED';

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Backtest</h1>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {errors.general.length > 0 && <ErrorBox error={errors.general.join(' ')} />}
        <Card className="grid gap-4 sm:grid-cols-3">
          <Field label="Strategy" htmlFor="bt-strategy" error={errors.fields.strategy}>
            <select id="bt-strategy" className={inputClass} value={strategy} onChange={(e) => {
              setStrategy(e.target.value);
              setValues(initialValues(strategies.find((s) => s.id === e.target.value)?.parameters ?? []));
            }}>
              {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <Field label="Symbol" htmlFor="bt-symbol" error={errors.fields.symbol}>
            <input id="bt-symbol" list="bt-symbols" className={inputClass} value={symbol} onChange={(e) => setSymbol(e.target.value.toUpperCase())} />
            <datalist id="bt-symbols">{[...new Set(symbols)].map((s) => <option key={s} value={s} />)}</datalist>
          </Field>
          <Field label="Timeframe" htmlFor="bt-timeframe" error={errors.fields.timeframe}>
            <select id="bt-timeframe" className={inputClass} value={timeframe} onChange={(e) => setTimeframe(e.target.value)}>
              {TIMEFRAMES.map((t) => <option key={t}>{t}</option>)}
            </select>
          </Field>
          <Field label="Data" htmlFor="bt-data" error={errors.fields[source]}
                 help={source === 'dataset' ? 'Name of a dataset the server knows (e.g. a generated sim series).' : 'Path of a candle file on the server (CSV, Binance dump, Freqtrade JSON).'}>
            <div className="flex gap-1">
              <select aria-label="Data source" className={`${inputClass} w-auto`} value={source} onChange={(e) => setSource(e.target.value as 'dataset' | 'dataFile')}>
                <option value="dataset">Dataset</option><option value="dataFile">File</option>
              </select>
              <input id="bt-data" className={inputClass} value={data} onChange={(e) => setData(e.target.value)} />
            </div>
          </Field>
          <Field label="Fees (fraction)" htmlFor="bt-fees" error={errors.fields.fees} help="0.001 = 0.1% per fill">
            <input id="bt-fees" type="number" step="0.0001" className={inputClass} value={fees} onChange={(e) => setFees(e.target.value)} />
          </Field>
          <Field label="Fill model" htmlFor="bt-fill" error={errors.fields.fillModel}>
            <select id="bt-fill" className={inputClass} value={fillModel} onChange={(e) => setFillModel(e.target.value)}>
              {FILL_MODELS.map((f) => <option key={f}>{f}</option>)}
            </select>
          </Field>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Parameters</h2>
          <ParameterForm parameters={params} values={values} errors={errors.config} priceDecimals={2}
            onChange={(n, v) => setValues((old) => ({ ...old, [n]: v }))} />
        </Card>
        <div><Button type="submit" variant="primary" disabled={submitting || !!running}>{running ? 'Running…' : 'Run backtest'}</Button></div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <Result run={run.data} />}
    </div>
  );
}

function Result({ run }: { run: Backtest }) {
  const pct = Math.round(Math.max(0, Math.min(1, run.progress > 1 ? run.progress / 100 : run.progress)) * 100);
  const equity = useMemo(() => (run.equity ?? []).reduce<Point[]>((p, e) =>
    addPoint(p, { time: toSeconds(e.time), value: Number(e.value) }, 100_000), []), [run.equity]);
  const trades = run.trades ?? [];
  const columns = trades.length ? Object.keys(trades[0]) : [];

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="mb-1 flex justify-between text-sm"><span>Status: <b>{run.status}</b></span><span>{pct}%</span></div>
        <div className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
        {run.status === 'FAILED' && run.error && <p className="mt-2 text-sm text-red-600">{run.error}</p>}
      </Card>
      {run.metrics && (
        <Card>
          <h2 className="mb-2 font-semibold">Metrics</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {Object.entries(run.metrics).map(([k, v]) => (
              <div key={k}><dt className="text-xs text-slate-500">{labelOf(k)}</dt><dd className="font-semibold tabular-nums">{v == null ? '—' : String(v)}</dd></div>
            ))}
          </dl>
        </Card>
      )}
      {equity.length > 0 && <Card><h2 className="mb-2 font-semibold">Equity</h2><LineChart points={equity} label="Equity curve" /></Card>}
      {trades.length > 0 && (
        <Card>
          <h2 className="mb-2 font-semibold">Trades ({trades.length})</h2>
          <div className="max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <thead><tr className="text-left text-xs text-slate-500">{columns.map((c) => <th key={c} className="pr-2">{labelOf(c)}</th>)}</tr></thead>
              <tbody>{trades.map((t, i) => (
                <tr key={i} className="border-t border-slate-100 tabular-nums dark:border-slate-800">
                  {columns.map((c) => <td key={c} className="pr-2">{String(t[c] ?? '')}</td>)}
                </tr>
              ))}</tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
