import type { LogEntry } from '../api/types';
import { time } from '../lib/format';
import { Empty, LevelBadge } from './ui';

const ROW: Record<string, string> = {
  ERROR: 'border-l-red-500', WARNING: 'border-l-amber-500', SUCCESS: 'border-l-emerald-500', INFO: 'border-l-sky-500',
};

export function LogList({ entries, botNames }: { entries: LogEntry[]; botNames?: Map<string, string> }) {
  if (entries.length === 0) return <Empty>No activity yet.</Empty>;
  return (
    <ul className="flex flex-col gap-1" data-testid="log-list">
      {entries.map((e) => (
        <li key={e.id} data-level={e.level}
            className={`flex flex-wrap items-baseline gap-x-2 border-l-4 bg-slate-50 px-2 py-1 text-sm dark:bg-slate-900 ${ROW[e.level] ?? ROW.INFO}`}>
          <span className="text-xs tabular-nums text-slate-500">{time(e.createdAt)}</span>
          <LevelBadge level={e.level} />
          {e.botId != null && botNames && <span className="text-xs font-medium text-indigo-600 dark:text-indigo-400">{botNames.get(String(e.botId)) ?? `bot ${e.botId}`}</span>}
          <span className="min-w-0 basis-full break-words sm:basis-auto sm:flex-1">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
