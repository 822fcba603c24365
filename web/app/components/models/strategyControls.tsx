// Strategy-specific controls for the generated bot form, keyed by strategy id, then parameter name. Every other
// parameter keeps the generic control its type gives it.
import { Link } from 'react-router-dom';
import { useModels } from '../../api/models';
import { modelLabel } from '../../lib/models';
import type { ControlProps, ParameterControls } from '../ParameterForm';
import { inputClass } from '../ui';

/** The caller's models as "name vN · symbol"; the value sent is the model's id. */
export function ModelSelect({ id, value, invalid, describedBy, onChange }: ControlProps) {
  const models = useModels();
  const items = models.data?.items ?? [];
  const known = items.some((m) => m.id === value);
  if (models.isSuccess && items.length === 0) {
    return (
      <p id={id} className="text-sm" data-testid="no-models">
        No models yet: <Link to="/models" className="text-indigo-600 underline dark:text-indigo-400">upload or train one</Link> first.
      </p>
    );
  }
  return (
    <select id={id} className={inputClass} value={value} aria-invalid={invalid} aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}>
      <option value="">{models.isPending ? 'Loading models…' : 'Choose a model'}</option>
      {/* a config naming a model this list lacks (deleted, or another user's) stays visible instead of being dropped */}
      {value !== '' && !known && models.isSuccess && <option value={value}>Unknown model ({value})</option>}
      {[...items].sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version)
        .map((m) => <option key={m.id} value={m.id}>{modelLabel(m)}</option>)}
    </select>
  );
}

/** A 0..1 threshold as a slider with its number next to it; both edit the same value. */
export function ThresholdSlider({ id, p, value, invalid, describedBy, label, onChange }: ControlProps) {
  const min = Number(p.min ?? 0);
  const max = Number(p.max ?? 1);
  const step = p.step != null ? String(p.step) : '0.01';
  const n = Number(value);
  const position = value.trim() !== '' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
  return (
    <div className="flex items-center gap-3">
      <input type="range" aria-label={`${label} slider`} min={min} max={max} step={step} value={position}
        className="h-2 flex-1 accent-indigo-600" onChange={(e) => onChange(e.target.value)} />
      <input id={id} type="number" inputMode="decimal" min={min} max={max} step={step} value={value}
        aria-invalid={invalid} aria-describedby={describedBy} className={`${inputClass} w-24 tabular-nums`}
        onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const CONTROLS: Record<string, ParameterControls> = {
  'ml-signal': { model: ModelSelect, confidence_threshold: ThresholdSlider },
};

export const controlsFor = (strategy: string): ParameterControls | undefined => CONTROLS[strategy];
