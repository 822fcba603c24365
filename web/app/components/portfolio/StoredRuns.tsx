// The stored runs (GET /backtests), newest first; tick two or more finished ones to compare them, or reopen a finished
// config run's full report.
import { useState } from 'react';
import { useBacktestRuns, useBacktestsById } from '../../api/backtests';
import type { Backtest } from '../../api/types';
import { time } from '../../lib/format';
import { Button, Card, ErrorBox, Spinner } from '../ui';
import { CompareView } from './CompareView';
import { StoredReport } from './StoredReport';

export function StoredRuns() {
  const list = useBacktestRuns();
  const [picked, setPicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<string[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const details = useBacktestsById(compared);
  const runs = list.data?.items ?? [];
  const loaded = details.map((d) => d.data).filter((d): d is Backtest => !!d);

  const toggle = (id: string, on: boolean) => setPicked((old) => (on ? [...old, id] : old.filter((x) => x !== id)));
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">Stored runs</h2>
          <div className="flex gap-2">
            <Button onClick={() => void list.refetch()}>Refresh</Button>
            <Button variant="primary" disabled={picked.length < 2} onClick={() => setCompared(picked)}>Compare ({picked.length})</Button>
          </div>
        </div>
        {list.isPending && <Spinner />}
        {list.isError && <ErrorBox error={list.error} />}
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Stored runs">
            <thead><tr className="text-left text-xs text-slate-500"><th /><th>Created</th><th>Strategy</th><th>Data</th><th>Timeframe</th><th>Status</th><th /></tr></thead>
            <tbody>
              {runs.map((r) => {
                const id = String(r.id);
                return (
                  <tr key={id} className="border-t border-slate-100 dark:border-slate-800" data-run={id}>
                    <td><input type="checkbox" aria-label={`Compare run ${id}`} disabled={r.status !== 'DONE'}
                      checked={picked.includes(id)} onChange={(e) => toggle(id, e.target.checked)} /></td>
                    <td>{r.createdAt ? time(r.createdAt) : ''}</td><td>{r.strategy}</td>
                    <td>{r.dataset === 'config' ? `${r.symbol ?? ''} (config)` : r.symbol ?? r.dataset}</td>
                    <td>{r.timeframe ?? ''}</td><td>{r.status}</td>
                    <td>{r.dataset === 'config' && r.status === 'DONE' && (
                      <Button aria-label={`Open report of run ${id}`} onClick={() => setOpened(id)}>Open report</Button>
                    )}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {list.data && runs.length === 0 && <p className="text-sm text-slate-500">No runs yet.</p>}
      </Card>
      {opened && <StoredReport key={opened} id={opened} onClose={() => setOpened(null)} />}
      {compared.length >= 2 && (details.some((d) => d.isPending) ? <Spinner /> : <CompareView runs={loaded} />)}
    </div>
  );
}
