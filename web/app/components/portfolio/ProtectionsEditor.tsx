// The protections list: each a method and its settings as JSON ({"stop_duration_candles": 5}), as in config.json.
import { PROTECTION_METHODS, type ProtectionRow } from '../../lib/ftconfig';
import { Button, inputClass } from '../ui';
import { FieldErrorText } from './FormBits';

export function ProtectionsEditor({ rows, onChange, errors }:
  { rows: ProtectionRow[]; onChange: (rows: ProtectionRow[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<ProtectionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">protections</legend>
      {rows.map((r, i) => (
        <div key={i} className="flex flex-col gap-1" data-testid={`protection-${i}`}>
          <div className="flex flex-wrap gap-2">
            <select aria-label={`protections[${i}] method`} className={`${inputClass} sm:w-48`} value={r.method}
              onChange={(e) => set(i, { method: e.target.value })}>
              {!PROTECTION_METHODS.includes(r.method) && <option value={r.method}>{r.method || '(choose)'}</option>}
              {PROTECTION_METHODS.map((m) => <option key={m}>{m}</option>)}
            </select>
            <input aria-label={`protections[${i}] settings`} className={`${inputClass} flex-1 font-mono`} value={r.params}
              placeholder='{"stop_duration_candles": 5}' onChange={(e) => set(i, { params: e.target.value })} />
            <Button variant="ghost" aria-label={`Remove protection ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>✕</Button>
          </div>
          <FieldErrorText id={`pf-protections-${i}`} error={errors[`protections[${i}]`]} />
        </div>
      ))}
      <div><Button onClick={() => onChange([...rows, { method: 'CooldownPeriod', params: '{"stop_duration_candles": 2}' }])}>Add protection</Button></div>
      <FieldErrorText id="pf-protections" error={errors.protections} />
    </fieldset>
  );
}
