// The minimal_roi table: after N minutes, exit at this profit ratio ({"0": 0.04, "20": 0.02}).
import type { RoiRow } from '../../lib/ftconfig';
import { Button, inputClass } from '../ui';
import { FieldErrorText } from './FormBits';

export function RoiEditor({ rows, onChange, error }: { rows: RoiRow[]; onChange: (rows: RoiRow[]) => void; error?: string }) {
  const set = (i: number, patch: Partial<RoiRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? 'pf-minimal_roi-error' : undefined}>
      <legend className="text-sm font-medium">minimal_roi</legend>
      <p className="text-xs text-slate-500">After the minutes in a trade, exit once its profit reaches the ratio. Empty: no ROI exits.</p>
      <table className="text-sm">
        <thead><tr className="text-left text-xs text-slate-500"><th>minutes</th><th>ratio</th><th /></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="pr-2"><input aria-label={`minimal_roi row ${i + 1} minutes`} className={inputClass} value={r.minutes}
                onChange={(e) => set(i, { minutes: e.target.value })} /></td>
              <td className="pr-2"><input aria-label={`minimal_roi row ${i + 1} ratio`} className={inputClass} value={r.ratio}
                onChange={(e) => set(i, { ratio: e.target.value })} /></td>
              <td><Button variant="ghost" aria-label={`Remove minimal_roi row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>✕</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div><Button onClick={() => onChange([...rows, { minutes: '', ratio: '' }])}>Add ROI step</Button></div>
      <FieldErrorText id="pf-minimal_roi" error={error} />
    </fieldset>
  );
}
