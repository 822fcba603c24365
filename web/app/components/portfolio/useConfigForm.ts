// The state behind every screen that starts from a Freqtrade config (the portfolio backtest, the strategy checks):
// the config form, the strategy and its parameters, an imported config.json spread over them, and the local check
// that turns them back into a request.
import { useState } from 'react';
import type { Dataset, StrategyDefinition } from '../../api/types';
import { configToForm, defaultForm, formToConfig, localErrors, type FtForm, type PortfolioErrors } from '../../lib/ftconfig';
import { initialValues, toConfig, type FormValues } from '../../lib/params';

export const NO_ERRORS: PortfolioErrors = { controls: {}, params: {}, general: [] };

/** What a config screen sends: the config object, the strategy and its parameters (which override the config's). */
export interface ConfigRequest {
  config: Record<string, unknown>;
  strategy: string;
  params: Record<string, unknown>;
}

export function useConfigForm(strategies: StrategyDefinition[], datasets: Dataset[]) {
  const [form, setForm] = useState<FtForm>(() => defaultForm(datasets.slice(0, 2).map((d) => d.symbol), datasets[0]?.timeframe));
  const [strategy, setStrategy] = useState(strategies[0]?.id ?? '');
  const params = strategies.find((s) => s.id === strategy)?.parameters ?? [];
  const [values, setValues] = useState<FormValues>(() => withTimeframe(initialValues(params), params, form.timeframe));
  const [errors, setErrors] = useState<PortfolioErrors>(NO_ERRORS);

  function chooseStrategy(id: string, given?: Record<string, unknown>, timeframe = form.timeframe) {
    setStrategy(id);
    const ps = strategies.find((s) => s.id === id)?.parameters ?? [];
    setValues(given && 'timeframe' in given ? initialValues(ps, given) : withTimeframe(initialValues(ps, given), ps, timeframe));
  }

  function changeSettings(patch: Partial<FtForm>) {
    setForm((old) => ({ ...old, ...patch }));
    if (patch.timeframe) setValues((old) => withTimeframe(old, params, patch.timeframe!));
  }

  function changeParam(name: string, value: FormValues[string]) {
    setValues((old) => ({ ...old, [name]: value }));
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

  /** The request, or null after showing what is wrong locally (by config path, as the server would name it). */
  function build(): ConfigRequest | null {
    const built = formToConfig(form);
    const checked = toConfig(params, values);
    if (Object.keys(built.errors).length || Object.keys(checked.errors).length) {
      setErrors({ ...localErrors(built.errors), params: checked.errors });
      return null;
    }
    setErrors(NO_ERRORS);
    return { config: built.config, strategy, params: checked.config };
  }

  return { form, strategy, params, values, errors, setErrors, chooseStrategy, changeSettings, changeParam, importConfig, build };
}

export type ConfigFormState = ReturnType<typeof useConfigForm>;

/** A strategy's own timeframe starts at the pairs' candles: a live bot's default (1m) cannot be built from 5m data. */
function withTimeframe(values: FormValues, params: { name: string }[], timeframe: string): FormValues {
  return timeframe && params.some((p) => p.name === 'timeframe') ? { ...values, timeframe } : values;
}
