// The portfolio run's settings, each under its Freqtrade config key: pairs from the shipped datasets, stake and
// wallet, exits (ROI, stoploss, trailing), timing, order types and protections.
import type { Dataset } from '../../api/types';
import { quoteOf, type FtForm } from '../../lib/ftconfig';
import { Card } from '../ui';
import { FieldErrorText, KeyCheck, KeyField, KeySelect } from './FormBits';
import { ProtectionsEditor } from './ProtectionsEditor';
import { RoiEditor } from './RoiEditor';

type Props = { form: FtForm; onChange: (patch: Partial<FtForm>) => void; errors: Record<string, string>; datasets: Dataset[] };
const ORDER = [{ value: '', label: '(default: limit)' }, { value: 'limit', label: 'limit' }, { value: 'market', label: 'market' }];
const UNITS = [{ value: '', label: '(default: minutes)' }, { value: 'minutes', label: 'minutes' }, { value: 'seconds', label: 'seconds' }];

export function PortfolioSettings({ form, onChange, errors, datasets }: Props) {
  const f = (name: keyof FtForm & string, help?: string, label?: string) => (
    <KeyField name={name} label={label} help={help} value={form[name] as string} error={errors[name]}
      onChange={(v) => onChange({ [name]: v } as Partial<FtForm>)} />
  );
  const check = (name: keyof FtForm & string) => (
    <KeyCheck name={name} checked={form[name] as boolean} error={errors[name]} onChange={(v) => onChange({ [name]: v } as Partial<FtForm>)} />
  );
  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold">Pairs and wallet</h2>
        <PairPicker form={form} datasets={datasets} onChange={onChange} error={errors.pairs} timeframeError={errors.timeframe} />
        <div className="grid gap-4 sm:grid-cols-3">
          {f('stake_currency', 'The pairs\' quote currency')}
          {f('stake_amount', 'A number, or "unlimited": the wallet shared among the free slots')}
          {f('max_open_trades', '-1: no limit')}
          {f('dry_run_wallet', 'Starting balance, in the stake currency')}
          {f('tradable_balance_ratio', 'Empty: 0.99')}
          {f('fee', 'Per fill, 0.001 = 0.1 %')}
        </div>
      </Card>
      <Card className="grid gap-4 sm:grid-cols-2">
        <h2 className="font-semibold sm:col-span-2">Exits</h2>
        <RoiEditor rows={form.minimal_roi} onChange={(rows) => onChange({ minimal_roi: rows })} error={errors.minimal_roi} />
        <div className="flex flex-col gap-3">
          {f('stoploss', 'e.g. -0.10; empty: the strategy\'s')}
          {check('trailing_stop')}
          {f('trailing_stop_positive')}
          {f('trailing_stop_positive_offset')}
          {check('trailing_only_offset_is_reached')}
          {check('use_exit_signal')}
          {check('exit_profit_only')}
          {f('exit_profit_offset')}
          {check('ignore_roi_if_entry_signal')}
        </div>
      </Card>
      <Card className="grid gap-4 sm:grid-cols-3">
        <h2 className="font-semibold sm:col-span-3">Time and orders</h2>
        {f('timerange', 'e.g. 20180110-20180130, 20180110-, -20180130')}
        {f('startup_candle_count', 'Warm-up candles loaded before the range')}
        {f('timeframe_detail', 'e.g. 1m: fills, stops and ROI inside each candle')}
        <KeySelect name="order_types.entry" value={form.entry_order} options={ORDER} error={errors['order_types.entry']}
          onChange={(v) => onChange({ entry_order: v })} />
        <KeySelect name="order_types.exit" value={form.exit_order} options={ORDER} error={errors['order_types.exit']}
          onChange={(v) => onChange({ exit_order: v })} />
        <KeySelect name="unfilledtimeout.unit" value={form.unfilled_unit} options={UNITS} error={errors['unfilledtimeout.unit']}
          onChange={(v) => onChange({ unfilled_unit: v })} />
        <KeyField name="unfilledtimeout.entry" value={form.unfilled_entry} error={errors['unfilledtimeout.entry']} onChange={(v) => onChange({ unfilled_entry: v })} />
        <KeyField name="unfilledtimeout.exit" value={form.unfilled_exit} error={errors['unfilledtimeout.exit']} onChange={(v) => onChange({ unfilled_exit: v })} />
        <KeyField name="unfilledtimeout.exit_timeout_count" value={form.exit_timeout_count} error={errors['unfilledtimeout.exit_timeout_count']}
          onChange={(v) => onChange({ exit_timeout_count: v })} help="0: no limit" />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold">Protections</h2>
        {check('enable_protections')}
        <ProtectionsEditor rows={form.protections} onChange={(rows) => onChange({ protections: rows })} errors={errors} />
      </Card>
    </div>
  );
}

/** The shipped datasets' pairs at the chosen timeframe; an imported pair without data stays listed (and is named by the server). */
function PairPicker({ form, datasets, onChange, error, timeframeError }:
  { form: FtForm; datasets: Dataset[]; onChange: Props['onChange']; error?: string; timeframeError?: string }) {
  const timeframes = [...new Set(datasets.map((d) => d.timeframe))];
  const available = datasets.filter((d) => d.timeframe === form.timeframe).map((d) => d.symbol);
  const pairs = [...new Set([...available, ...form.pairs])];
  const toggle = (pair: string, on: boolean) => {
    const next = on ? [...form.pairs, pair] : form.pairs.filter((p) => p !== pair);
    // the stake currency follows the first pair until the user sets another one
    const following = !form.stake_currency || form.stake_currency === quoteOf(form.pairs[0]);
    onChange({ pairs: next, ...(following ? { stake_currency: quoteOf(next[0]) ?? form.stake_currency } : {}) });
  };
  return (
    <div className="flex flex-col gap-2">
      <KeySelect name="timeframe" value={form.timeframe} error={timeframeError}
        options={[...new Set([...timeframes, form.timeframe])].map((t) => ({ value: t, label: t }))}
        onChange={(v) => onChange({ timeframe: v })} />
      <fieldset>
        <legend className="text-sm font-medium">exchange.pair_whitelist</legend>
        <div className="flex flex-wrap gap-3">
          {pairs.map((p) => (
            <label key={p} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={form.pairs.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />{p}
              {!available.includes(p) && <span className="text-xs text-amber-600">(no data)</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldErrorText id="pf-pairs" error={error} />
    </div>
  );
}
