// The "Sweep / walk-forward" section of the single-symbol backtest form: a range per numeric parameter, the ranking
// metric and search, and the walk-forward's folds and in-sample share.
import type { ParameterDefinition } from '../../api/types';
import { Card, Field, inputClass } from '../ui';
import { METRICS, sweepable, type SweepValues } from './sweepForm';

export function SweepSection({ parameters, value, onChange, errors }:
  { parameters: ParameterDefinition[]; value: SweepValues; onChange: (v: SweepValues) => void; errors: Record<string, string> }) {
  const set = (patch: Partial<SweepValues>) => onChange({ ...value, ...patch });
  const numeric = sweepable(parameters);
  return (
    <Card>
      <label className="flex items-center gap-2 font-semibold">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        Sweep / walk-forward
      </label>
      {value.enabled && (
        <div className="mt-3 flex flex-col gap-4">
          {errors.sweep && <p className="text-xs text-red-600">{errors.sweep}</p>}
          <p className="text-xs text-slate-500">
            Every combination of the ranges is backtested and ranked; parameters left empty keep their value above.
            A range is <code>from:to:step</code> (inclusive) or values separated by commas.
          </p>
          {errors['sweep.ranges'] && <p className="text-xs text-red-600">{errors['sweep.ranges']}</p>}
          <div className="grid gap-4 sm:grid-cols-3">
            {numeric.map((p) => (
              <Field key={p.name} label={`Sweep ${p.name}`} htmlFor={`sweep-${p.name}`} error={errors[`sweep.ranges.${p.name}`]}>
                <input id={`sweep-${p.name}`} className={inputClass} placeholder="e.g. 10:20:2 or 10, 14, 20"
                  value={value.ranges[p.name] ?? ''} onChange={(e) => set({ ranges: { ...value.ranges, [p.name]: e.target.value } })} />
              </Field>
            ))}
            {numeric.length === 0 && <p className="text-sm text-slate-500">This strategy has no numeric parameter to sweep.</p>}
          </div>
          <div className="grid gap-4 sm:grid-cols-4">
            <Field label="Rank by" htmlFor="sweep-metric" error={errors['sweep.metric']}>
              <select id="sweep-metric" className={inputClass} value={value.metric} onChange={(e) => set({ metric: e.target.value })}>
                {METRICS.map((m) => <option key={m}>{m}</option>)}
              </select>
            </Field>
            <Field label="Search" htmlFor="sweep-search" error={errors['sweep.search']}>
              <select id="sweep-search" className={inputClass} value={value.search}
                onChange={(e) => set({ search: e.target.value === 'random' ? 'random' : 'grid' })}>
                <option value="grid">grid (every combination)</option>
                <option value="random">random (samples)</option>
              </select>
            </Field>
            {value.search === 'random' && <>
              <Field label="Samples" htmlFor="sweep-samples" error={errors['sweep.samples']}>
                <input id="sweep-samples" type="number" min="1" className={inputClass} value={value.samples} onChange={(e) => set({ samples: e.target.value })} />
              </Field>
              <Field label="Seed" htmlFor="sweep-seed" error={errors['sweep.seed']}>
                <input id="sweep-seed" type="number" className={inputClass} value={value.seed} onChange={(e) => set({ seed: e.target.value })} />
              </Field>
            </>}
          </div>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={value.walkForward} onChange={(e) => set({ walkForward: e.target.checked })} />
            Walk-forward: choose in sample, judge out of sample
          </label>
          {errors.walkForward && <p className="text-xs text-red-600">{errors.walkForward}</p>}
          {value.walkForward && (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Folds" htmlFor="wf-folds" error={errors['walkForward.folds']} help="Consecutive windows of the data">
                <input id="wf-folds" type="number" min="1" step="1" className={inputClass} value={value.folds} onChange={(e) => set({ folds: e.target.value })} />
              </Field>
              <Field label="In-sample share" htmlFor="wf-in-sample" error={errors['walkForward.inSample']}
                     help="Of each fold, the part that chooses the combination (0.7 = 70%)">
                <input id="wf-in-sample" type="number" step="0.05" min="0" max="1" className={inputClass} value={value.inSample}
                  onChange={(e) => set({ inSample: e.target.value })} />
              </Field>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
