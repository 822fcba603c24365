// What to search and how: the spaces, the strategy parameters' ranges, the loss function, the sampler, epochs, seed
// and min trades. Each control shows the server's error at its request field (epochs, paramRanges.rsiPeriod...).
import type { ParameterDefinition } from '../../api/types';
import { Card, Field, inputClass } from '../ui';
import { FieldErrorText } from '../portfolio/FormBits';
import { LOSSES, SAMPLERS, SPACES, type HyperoptOptions } from './options';
import { ParamRanges } from './ParamRanges';

type Props = { options: HyperoptOptions; params: ParameterDefinition[]; errors: Record<string, string>;
  onChange: (patch: Partial<HyperoptOptions>) => void };

export function HyperoptSettings({ options, params, errors, onChange }: Props) {
  const toggleSpace = (space: string, on: boolean) =>
    onChange({ spaces: on ? SPACES.filter((s) => s === space || options.spaces.includes(s)) : options.spaces.filter((s) => s !== space) });
  const text = (name: 'epochs' | 'seed' | 'minTrades', label: string, help: string) => (
    <Field label={label} htmlFor={`ho-${name}`} error={errors[name]} help={help}>
      <input id={`ho-${name}`} className={inputClass} inputMode="numeric" value={options[name]} aria-invalid={!!errors[name]}
        onChange={(e) => onChange({ [name]: e.target.value })} />
    </Field>
  );
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="font-semibold">Optimisation</h2>
      <fieldset>
        <legend className="text-sm font-medium">Spaces</legend>
        <div className="flex flex-wrap gap-4">
          {SPACES.map((s) => (
            <label key={s} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={options.spaces.includes(s)} onChange={(e) => toggleSpace(s, e.target.checked)} />{s}
            </label>
          ))}
        </div>
        <FieldErrorText id="ho-spaces" error={errors.spaces} />
      </fieldset>
      {options.spaces.includes('params') && (
        <ParamRanges params={params} ranges={options.ranges} errors={errors} onChange={(ranges) => onChange({ ranges })} />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Loss function" htmlFor="ho-loss" error={errors.loss} help="Lower is better; the best epoch has the lowest">
          <select id="ho-loss" className={inputClass} value={options.loss} aria-invalid={!!errors.loss} onChange={(e) => onChange({ loss: e.target.value })}>
            {LOSSES.map((l) => <option key={l}>{l}</option>)}
          </select>
        </Field>
        <Field label="Sampler" htmlFor="ho-sampler" error={errors.sampler} help="tpe: learns from earlier epochs; grid: stops when exhausted">
          <select id="ho-sampler" className={inputClass} value={options.sampler} aria-invalid={!!errors.sampler}
            onChange={(e) => onChange({ sampler: e.target.value })}>
            {SAMPLERS.map((s) => <option key={s}>{s}</option>)}
          </select>
        </Field>
        {text('epochs', 'Epochs', 'One portfolio backtest each')}
        {text('seed', 'Seed', 'The same seed gives the same epochs')}
        {text('minTrades', 'Min trades', 'Fewer trades: the epoch loses (100000)')}
      </div>
    </Card>
  );
}
