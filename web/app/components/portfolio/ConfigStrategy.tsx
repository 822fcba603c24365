// The strategy of a config screen and its parameters (they override the config's "strategy" and "strategy_params").
import type { StrategyDefinition } from '../../api/types';
import { BACKTEST_STEP } from '../../lib/backtest';
import { stepDecimals } from '../../lib/money';
import { ParameterForm } from '../ParameterForm';
import { Card, Field, inputClass } from '../ui';
import type { ConfigFormState } from './useConfigForm';

/** Prices on the shipped datasets' tick (0.00000001), as the single-symbol form. */
const PRICE_DECIMALS = stepDecimals(BACKTEST_STEP)!;

export function ConfigStrategy({ state, strategies }: { state: ConfigFormState; strategies: StrategyDefinition[] }) {
  return (
    <Card className="flex flex-col gap-3">
      <Field label="Strategy" htmlFor="pf-strategy" error={state.errors.strategy}>
        <select id="pf-strategy" className={inputClass} value={state.strategy} onChange={(e) => state.chooseStrategy(e.target.value)}>
          {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      <ParameterForm parameters={state.params} values={state.values} errors={state.errors.params} priceDecimals={PRICE_DECIMALS}
        onChange={state.changeParam} />
    </Card>
  );
}
