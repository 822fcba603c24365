// The state of "a Freqtrade config + a strategy and its parameters" shared by the portfolio and optimise modes: the
// config's settings (PortfolioSettings), the strategy chosen, its parameter values, and a pasted config.json filling all three.
import { useState } from 'react';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { configToForm, defaultForm, type FtForm } from '../../lib/ftconfig';
import { initialValues, type FormValues } from '../../lib/params';

export function useConfigForm(strategies: StrategyDefinition[], datasets: Dataset[], onStrategy?: (s: StrategyDefinition | undefined) => void) {
  const [form, setForm] = useState<FtForm>(() => defaultForm(datasets.slice(0, 2).map((d) => d.symbol), datasets[0]?.timeframe));
  const [strategy, setStrategy] = useState(strategies[0]?.id ?? '');
  const definition = strategies.find((s) => s.id === strategy);
  const params = definition?.parameters ?? [];
  const [values, setValues] = useState<FormValues>(() => withTimeframe(initialValues(params), params, form.timeframe));

  function chooseStrategy(id: string, given?: Record<string, unknown>, timeframe = form.timeframe) {
    setStrategy(id);
    const chosen = strategies.find((s) => s.id === id);
    const ps = chosen?.parameters ?? [];
    setValues(given && 'timeframe' in given ? initialValues(ps, given) : withTimeframe(initialValues(ps, given), ps, timeframe));
    onStrategy?.(chosen);
  }

  function changeSettings(patch: Partial<FtForm>) {
    setForm((old) => ({ ...old, ...patch }));
    if (patch.timeframe) setValues((old) => withTimeframe(old, params, patch.timeframe!));
  }

  /** A pasted config.json: its strategy and strategy_params go to their own controls when the strategy is known. */
  function importConfig(config: Record<string, unknown>) {
    const next = configToForm(config);
    const { strategy: named, strategy_params: given, ...extra } = next.extra;
    if (typeof named === 'string' && strategies.some((s) => s.id === named)) {
      chooseStrategy(named, typeof given === 'object' && given !== null ? given as Record<string, unknown> : undefined, next.timeframe || form.timeframe);
      next.extra = extra;
    } else if (next.timeframe) setValues((old) => withTimeframe(old, params, next.timeframe));
    setForm(next);
  }

  const setValue = (name: string, value: FormValues[string]) => setValues((old) => ({ ...old, [name]: value }));
  return { form, strategy, params, values, chooseStrategy, changeSettings, importConfig, setValue };
}

/** A strategy's own timeframe starts at the pairs' candles: a live bot's default (1m) cannot be built from 5m data. */
function withTimeframe(values: FormValues, params: { name: string }[], timeframe: string): FormValues {
  return timeframe && params.some((p) => p.name === 'timeframe') ? { ...values, timeframe } : values;
}
