// What a portfolio run adds to Freqtrade's report: the protection locks it set and the engine's counters
// (signals refused for a full wallet or no free slot, orders timed out or cancelled).
import { Card } from '../ui';

export interface Lock { pair: string; lock_time: string; lock_end_time: string; reason: string | null; side?: string }

export function RunExtras({ locks, counters }: { locks: Lock[]; counters: Record<string, number> }) {
  const shown = Object.entries(counters).filter(([, n]) => typeof n === 'number');
  if (locks.length === 0 && shown.length === 0) return null;
  return (
    <Card className="flex flex-col gap-3">
      {shown.length > 0 && (
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" aria-label="Run counters">
          {shown.map(([name, n]) => (
            <div key={name}><dt className="text-xs text-slate-500">{name}</dt><dd className="font-semibold">{n}</dd></div>
          ))}
        </dl>
      )}
      <h2 className="font-semibold">Protection locks ({locks.length})</h2>
      {locks.length > 0 && (
        <div className="max-h-60 overflow-auto">
          <table className="w-full text-sm" aria-label="Protection locks">
            <thead><tr className="text-left text-xs text-slate-500"><th>Pair</th><th>From</th><th>Until</th><th>Reason</th></tr></thead>
            <tbody>
              {locks.map((l, i) => (
                <tr key={`${l.pair}-${l.lock_time}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td>{l.pair}</td><td>{l.lock_time}</td><td>{l.lock_end_time}</td><td>{l.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** The locks and counters of a run's result, when the server sends them. */
export function extrasOf(result: unknown): { locks: Lock[]; counters: Record<string, number> } {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>).result : undefined;
  const inner = typeof r === 'object' && r !== null ? r as Record<string, unknown> : {};
  return {
    locks: Array.isArray(inner.locks) ? inner.locks as Lock[] : [],
    counters: typeof inner.counters === 'object' && inner.counters !== null ? inner.counters as Record<string, number> : {},
  };
}
