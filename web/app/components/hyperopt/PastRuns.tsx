// The user's optimisation runs, newest first: open one to see its progress, best and trials again.
import { useHyperoptRuns } from '../../api/hyperopts';
import { time } from '../../lib/format';
import { Button, Card, ErrorBox } from '../ui';

export function PastRuns({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const runs = useHyperoptRuns();
  if (runs.isError) return <ErrorBox error={runs.error} />;
  const items = runs.data?.items ?? [];
  return (
    <Card className="overflow-x-auto">
      <h2 className="mb-2 font-semibold">Your optimisations</h2>
      {items.length === 0 ? <p className="text-sm text-slate-500">{runs.isPending ? 'Loading…' : 'None yet.'}</p> : (
        <table className="w-full text-sm" aria-label="Past optimisations">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="pr-3">created</th><th className="pr-3">strategy</th><th className="pr-3">spaces</th>
              <th className="pr-3">loss</th><th className="pr-3">epochs</th><th className="pr-3">status</th><th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800" aria-current={r.id === current || undefined}>
                <td className="pr-3 whitespace-nowrap">{time(r.createdAt)}</td>
                <td className="pr-3">{r.strategy}</td>
                <td className="pr-3">{r.request?.spaces?.join(', ')}</td>
                <td className="pr-3">{r.request?.loss ?? 'SharpeHyperOptLoss'}</td>
                <td className="pr-3">{r.epochsDone} / {r.epochsTotal}</td>
                <td className="pr-3">{r.status}</td>
                <td><Button variant="ghost" onClick={() => onOpen(r.id)} disabled={r.id === current}>Open</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
