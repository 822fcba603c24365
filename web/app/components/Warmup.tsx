// "Warming up 12/35 candles": an active bot whose strategy still collects the candles its indicators need.
import type { Bot } from '../api/types';

/** The warm-up still under way, or null (not active, no warm-up reported, or done). */
export function warmingUp(bot: Pick<Bot, 'status' | 'warmup'>): { needed: number; received: number } | null {
  const w = bot.warmup;
  if (bot.status !== 'ACTIVE' || !w || typeof w.needed !== 'number' || typeof w.received !== 'number') return null;
  return w.received < w.needed ? w : null;
}

export function WarmupProgress({ bot, className = '' }: { bot: Pick<Bot, 'status' | 'warmup'>; className?: string }) {
  const w = warmingUp(bot);
  if (!w) return null;
  const received = Math.max(0, w.received);
  const pct = w.needed > 0 ? Math.round((received / w.needed) * 100) : 0;
  const text = `Warming up ${received}/${w.needed} candles`;
  return (
    <div className={`min-w-0 ${className}`} data-testid="warmup">
      <div className="flex items-baseline justify-between gap-2 text-xs text-sky-800 dark:text-sky-200">
        <span>{text}</span><span className="tabular-nums text-slate-500">{pct}%</span>
      </div>
      <div className="mt-1 h-1.5 overflow-hidden rounded bg-sky-100 dark:bg-sky-950" role="progressbar" aria-label={text}
        aria-valuemin={0} aria-valuemax={w.needed} aria-valuenow={received}>
        <div className="h-full bg-sky-500 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">The strategy waits for enough candles before it can place orders.</p>
    </div>
  );
}
