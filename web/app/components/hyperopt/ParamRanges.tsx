// The strategy's parameters the search can range over: numeric ones with a declared range (narrow it), booleans and
// enums (list the values to try). Tick the ones to search; the others keep the value the parameter form above sets.
import type { ParameterDefinition } from '../../api/types';
import { rangeText } from '../../lib/params';
import { inputClass } from '../ui';
import { FieldErrorText } from '../portfolio/FormBits';
import { declaredChoices, rangeable, type RangeRow } from './options';

type Props = { params: ParameterDefinition[]; ranges: Record<string, RangeRow>; errors: Record<string, string>;
  onChange: (ranges: Record<string, RangeRow>) => void };

export function ParamRanges({ params, ranges, errors, onChange }: Props) {
  const rows = rangeable(params);
  const set = (name: string, patch: Partial<RangeRow>) => onChange({ ...ranges, [name]: { ...ranges[name], ...patch } });
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">Parameters to search</legend>
      {rows.length > 0 && (
        <table className="text-sm" aria-label="Parameter ranges">
          <thead><tr className="text-left text-xs text-slate-500"><th>search</th><th>parameter</th><th>from</th><th>to</th><th>declared</th></tr></thead>
          <tbody>
            {rows.map((p) => {
              const row = ranges[p.name];
              if (!row) return null;
              const error = errors[`paramRanges.${p.name}`];
              return (
                <tr key={p.name} className="align-top">
                  <td><input type="checkbox" aria-label={`search ${p.name}`} checked={row.on} onChange={(e) => set(p.name, { on: e.target.checked })} /></td>
                  <td className="pr-2 font-mono">{p.name}
                    <FieldErrorText id={`ho-range-${p.name}`} error={error} />
                  </td>
                  {row.choices !== undefined ? (
                    <td className="pr-2" colSpan={2}><input className={inputClass} aria-label={`${p.name} values`} value={row.choices}
                      disabled={!row.on} aria-invalid={!!error} onChange={(e) => set(p.name, { choices: e.target.value })} /></td>
                  ) : (
                    <>
                      <td className="pr-2"><input className={inputClass} aria-label={`${p.name} from`} value={row.lo} disabled={!row.on}
                        aria-invalid={!!error} onChange={(e) => set(p.name, { lo: e.target.value })} /></td>
                      <td className="pr-2"><input className={inputClass} aria-label={`${p.name} to`} value={row.hi} disabled={!row.on}
                        aria-invalid={!!error} onChange={(e) => set(p.name, { hi: e.target.value })} /></td>
                    </>
                  )}
                  <td className="text-xs text-slate-500">{row.choices !== undefined ? declaredChoices(p).join(', ') : rangeText(p)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FieldErrorText id="ho-paramRanges" error={errors.paramRanges} />
    </fieldset>
  );
}
