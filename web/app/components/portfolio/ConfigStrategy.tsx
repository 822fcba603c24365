// The strategy of a config screen and its parameters (they override the config's "strategy" and "strategy_params").
import type { StrategyDefinition } from '../../api/types';
import { BACKTEST_STEP } from '../../lib/backtest';
import type { PortfolioErrors } from '../../lib/ftconfig';
import { stepDecimals } from '../../lib/money';
import { ParameterForm } from '../ParameterForm';
import { Card, Field, inputClass } from '../ui';
import type { ConfigForm } from './configRequest';

/** Prices on the shipped datasets' tick (0.00000001), as the single-symbol form. */
const PRICE_DECIMALS = stepDecimals(BACKTEST_STEP)!;

export function ConfigStrategy({ cfg, strategies, errors }: { cfg: ConfigForm; strategies: StrategyDefinition[]; errors: PortfolioErrors }) {
  return (
    <Card className="flex flex-col gap-3">
      <Field label="Strategy" htmlFor="pf-strategy" error={errors.strategy}>
        <select id="pf-strategy" className={inputClass} value={cfg.strategy} onChange={(e) => cfg.chooseStrategy(e.target.value)}>
          {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      <ParameterForm parameters={cfg.params} values={cfg.values} errors={errors.params} priceDecimals={PRICE_DECIMALS}
        onChange={cfg.setValue} />
    </Card>
  );
}
