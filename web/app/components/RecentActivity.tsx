// Home's recent-activity feed: the newest activity-log entries, refreshed live (the stream invalidates the logs).
import { Link } from 'react-router-dom';
import { useLogs } from '../api/hooks';
import { useBotNames } from '../pages/useBotNames';
import { LogList } from './LogList';
import { FillToastSwitch } from './Toasts';
import { Card, ErrorBox, Spinner } from './ui';

export function RecentActivity({ size = 10 }: { size?: number }) {
  const logs = useLogs({ size });
  const { names } = useBotNames();
  return (
    <Card className="min-w-0" data-testid="recent-activity">
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="mr-auto font-semibold">Recent activity</h2>
        <FillToastSwitch />
        <Link to="/logs" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">All activity →</Link>
      </div>
      {logs.isPending ? <Spinner label="Loading activity…" /> : logs.isError ? <ErrorBox error={logs.error} /> :
        <LogList entries={logs.data.items} botNames={names} />}
    </Card>
  );
}
