// A stored config run's full report, reopened from the stored runs: GET /backtests/{id}, shown by the same component
// a fresh portfolio run is.
import { useBacktest } from '../../api/hooks';
import { Button, Card, ErrorBox, Spinner } from '../ui';
import { PortfolioRun } from './PortfolioRun';

export function StoredReport({ id, onClose }: { id: string; onClose: () => void }) {
  const run = useBacktest(id);
  return (
    <section className="flex flex-col gap-4" aria-label="Stored run report" data-report-run={id}>
      <Card className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">
          Report of run {id.slice(0, 8)}{run.data ? ` · ${run.data.strategy} · ${run.data.symbol ?? ''}` : ''}
        </h2>
        <Button onClick={onClose}>Close report</Button>
      </Card>
      {run.isPending && <Spinner />}
      {run.isError && <ErrorBox error={run.error} />}
      {run.data && <PortfolioRun run={run.data} />}
    </section>
  );
}
