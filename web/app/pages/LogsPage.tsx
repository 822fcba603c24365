import { useSearchParams } from 'react-router-dom';
import { useLogs } from '../api/hooks';
import type { LogLevel } from '../api/types';
import { LogList } from '../components/LogList';
import { Card, ErrorBox, inputClass, Spinner } from '../components/ui';
import { useBotNames } from './useBotNames';

const LEVELS: LogLevel[] = ['INFO', 'SUCCESS', 'WARNING', 'ERROR'];

/** The fleet's activity, live: the event stream refreshes this list as entries arrive. Filters live in the URL. */
export function LogsPage() {
  const [params, setParams] = useSearchParams();
  const level = params.get('level') ?? '';
  const botId = params.get('botId') ?? '';
  const logs = useLogs({ level, botId });
  const { list, names } = useBotNames();

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold">Activity log</h1>
        <label className="text-sm">Level
          <select className={inputClass} value={level} onChange={(e) => set('level', e.target.value)} aria-label="Level filter">
            <option value="">All levels</option>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label className="text-sm">Bot
          <select className={inputClass} value={botId} onChange={(e) => set('botId', e.target.value)} aria-label="Bot filter">
            <option value="">All bots</option>
            {list.map((b) => <option key={b.id} value={String(b.id)}>{b.name}</option>)}
          </select>
        </label>
      </div>
      <Card>
        {logs.isPending ? <Spinner label="Loading activity…" /> : logs.isError ? <ErrorBox error={logs.error} /> :
          <LogList entries={logs.data.items} botNames={names} />}
      </Card>
    </div>
  );
}
