// The portfolio (Freqtrade config) backtest requests and the stored runs' list.
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Backtest, Page } from './types';

/** POST /backtests with a Freqtrade config: the strategy and its params override the config's. */
export interface PortfolioBacktestInput {
  config: Record<string, unknown>;
  strategy?: string;
  params?: Record<string, unknown>;
}

export const createPortfolioBacktest = (input: PortfolioBacktestInput) =>
  api<Backtest>('/backtests', { method: 'POST', json: input });

/** The stored runs, newest first (without their results). */
export const useBacktestRuns = (refreshKey: unknown = null) =>
  useQuery({
    queryKey: ['backtests', 'list', refreshKey],
    queryFn: () => api<Page<Backtest>>('/backtests?size=50'),
    // a queued or running run changes status on its own: look again until every listed run has finished
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING') ? 2_000 : false),
  });

/** Several runs with their results, for the compare view. */
export const useBacktestsById = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({ queryKey: ['backtests', id], queryFn: () => api<Backtest>(`/backtests/${id}`), staleTime: 60_000 })),
  });
