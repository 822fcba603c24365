import { useSearchParams } from 'react-router-dom';
import { useLogs } from '../api/hooks';
import type { LogLevel } from '../api/types';
import { LogList } from '../components/LogList';
import { FillToastSwitch } from '../components/Toasts';
import { Button, Card, ErrorBox, inputClass, Spinner } from '../components/ui';
import { useBotNames } from './useBotNames';

const LEVELS: LogLevel[] = ['INFO', 'SUCCESS', 'WARNING', 'ERROR'];
export const LOG_PAGE_SIZE = 100;

/** The fleet's activity, live: the event stream refreshes this list as entries arrive. Filters and page live in the URL. */
export function LogsPage() {
  const [params, setParams] = useSearchParams();
  const level = params.get('level') ?? '';
  const botId = params.get('botId') ?? '';
  const page = Math.max(0, Math.floor(Number(params.get('page') ?? 0)) || 0);
  const logs = useLogs({ level, botId, page, size: LOG_PAGE_SIZE });
  const { list, names } = useBotNames();

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page'); // another filter starts again at the newest entries
    setParams(next, { replace: true });
  };
  const total = logs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
  const first = page * LOG_PAGE_SIZE;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold">Activity log</h1>
        <FillToastSwitch />
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
          <>
            <LogList entries={logs.data.items} botNames={names} />
            <nav className="mt-3 flex flex-wrap items-center justify-end gap-2 text-sm" aria-label="Log pages">
              <span className="mr-auto text-slate-500" data-testid="log-range">
                {total === 0 ? 'No entries' : `${first + 1}–${Math.min(total, first + logs.data.items.length)} of ${total}`}
              </span>
              <Button disabled={page <= 0} onClick={() => set('page', page - 1 > 0 ? String(page - 1) : '')}>Newer</Button>
              <span>Page {page + 1} of {pages}</span>
              <Button disabled={page + 1 >= pages} onClick={() => set('page', String(page + 1))}>Older</Button>
            </nav>
          </>}
      </Card>
    </div>
  );
}
