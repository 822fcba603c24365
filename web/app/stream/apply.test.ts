import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { keys } from '../api/hooks';
import type { Bot, Page } from '../api/types';
import { apply } from './StreamContext';

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
