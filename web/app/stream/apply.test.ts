import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { keys } from '../api/hooks';
import type { Bot, Page } from '../api/types';
import { apply, coalescing } from './StreamContext';

const bot = (id: string, status: Bot['status'], totalTrades = 0) => ({
  id, name: `bot ${id}`, exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER', status, config: {},
  pnl: '0', totalTrades, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '',
}) as Bot;

describe('stream events into the query cache', () => {
  it('a bot event replaces that bot in the list and in its own entry, and refreshes the statistics', () => {
    const qc = new QueryClient();
    qc.setQueryData<Page<Bot>>(keys.bots, { items: [bot('a', 'STOPPED'), bot('b', 'STOPPED')], page: 0, size: 20, total: 2 });
    const invalidate = vi.fn();
    apply({ type: 'bot', data: bot('b', 'ACTIVE', 3) }, qc, invalidate);
    const page = qc.getQueryData<Page<Bot>>(keys.bots)!;
    expect(page.items.map((b) => [b.id, b.status, b.totalTrades])).toEqual([['a', 'STOPPED', 0], ['b', 'ACTIVE', 3]]);
    expect(qc.getQueryData<Bot>(keys.bot('b'))?.status).toBe('ACTIVE');
    expect(invalidate).toHaveBeenCalledWith(keys.statistics);
  });

  it('a bot message also re-reads that bot and the list: a GET in flight may answer older than the message', () => {
    const invalidate = vi.fn();
    apply({ type: 'bot', data: bot('b', 'ACTIVE', 3) }, new QueryClient(), invalidate);
    expect(invalidate.mock.calls).toEqual([[keys.bot('b'), true], [keys.bots, true], [keys.statistics]]);
  });

  it('a read that started before a bot message and answers after it does not overwrite it', async () => {
    vi.useFakeTimers();
    try {
      const qc = new QueryClient();
      const answers: ((b: Bot) => void)[] = [];
      const observer = new QueryObserver<Bot>(qc, {
        queryKey: keys.bot('b'), queryFn: () => new Promise<Bot>((resolve) => answers.push(resolve)),
      });
      const unsubscribe = observer.subscribe(() => {});
      expect(answers).toHaveLength(1); // the page's read (e.g. the refetch after Start), not answered yet
      apply({ type: 'bot', data: bot('b', 'ACTIVE', 3) }, qc, coalescing(qc));
      await vi.advanceTimersByTimeAsync(300);
      expect(answers).toHaveLength(2); // re-read after the message
      answers[0](bot('b', 'ACTIVE', 1)); // the old read answers late, with the older view
      answers[1](bot('b', 'ACTIVE', 3));
      await vi.advanceTimersByTimeAsync(0);
      expect(qc.getQueryData<Bot>(keys.bot('b'))?.totalTrades).toBe(3);
      unsubscribe();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a trade refreshes the bot (trades, stats, position), the list and the statistics', () => {
    const invalidate = vi.fn();
    apply({ type: 'trade', data: { botId: 'b' } as never }, new QueryClient(), invalidate);
    expect(invalidate.mock.calls).toEqual([[keys.bot('b')], [keys.bots, true], [keys.statistics]]);
  });

  it('orders and logs refresh their lists', () => {
    const invalidate = vi.fn();
    apply({ type: 'order', data: { botId: 7 } as never }, new QueryClient(), invalidate);
    apply({ type: 'log', data: {} as never }, new QueryClient(), invalidate);
    expect(invalidate.mock.calls.map((c) => c[0])).toEqual([['bots', '7', 'orders'], keys.orders, keys.logs]);
  });
});
