// The hyperopt runs (docs/optimisation.md "REST"): start one, follow it, cancel it, apply its best parameters to a bot.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Bot, Page } from './types';

export type HyperoptStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';

/** One epoch as the server reports it (best.json's keys): only the blocks of the spaces searched are present. */
export interface HyperoptEpoch {
  strategy: string;
  loss_function: string;
  epoch: number;
  /** null when the loss was not a finite number */
  loss: number | null;
  trades: number;
  wins: number;
  profit_total_abs: number | string;
  /** a ratio: 0.0123 = 1.23 % */
  profit_total: number | string;
  params?: Record<string, unknown>;
  minimal_roi?: Record<string, number | string>;
  stoploss?: number | string;
  trailing?: Record<string, unknown>;
}

/** Body of POST /hyperopts. */
export interface HyperoptInput {
  config: Record<string, unknown>;
  strategy?: string;
  /** Fixed (pinned) strategy parameters. */
  params?: Record<string, unknown>;
  spaces: string[];
  /** name -> "lo:hi": only these parameters are searched. */
  paramRanges?: Record<string, string>;
  loss?: string;
  epochs?: number;
  sampler?: string;
  seed?: number;
  minTrades?: number;
}

export interface Hyperopt {
  id: string;
  status: HyperoptStatus;
  strategy: string;
  epochsDone: number;
  epochsTotal: number;
  best: HyperoptEpoch | null;
  /** The 20 best epochs, best first, once the run finished. */
  trials: HyperoptEpoch[] | null;
  request: HyperoptInput;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const FINISHED: readonly HyperoptStatus[] = ['DONE', 'FAILED', 'CANCELLED'];
export const isFinished = (status: HyperoptStatus | undefined) => status !== undefined && FINISHED.includes(status);

/** How often a queued or running run is asked for its progress. */
export const POLL_MS = 1_000;

export const createHyperopt = (input: HyperoptInput) => api<Hyperopt>('/hyperopts', { method: 'POST', json: input });
export const cancelHyperopt = (id: string) => api<Hyperopt>(`/hyperopts/${id}/cancel`, { method: 'POST' });
export const applyHyperopt = (id: string, botId: string) =>
  api<Bot>(`/hyperopts/${id}/apply`, { method: 'POST', json: { botId } });

export const hyperoptKeys = {
  list: ['hyperopts', 'list'] as const,
  one: (id: string) => ['hyperopts', id] as const,
};

/** One run, polled while it is queued or running; polling stops at DONE, FAILED, CANCELLED or an error. */
export const useHyperopt = (id: string | null) =>
  useQuery({
    queryKey: hyperoptKeys.one(id ?? ''),
    enabled: id != null,
    queryFn: () => api<Hyperopt>(`/hyperopts/${id}`),
    refetchInterval: (q) => (q.state.error || isFinished(q.state.data?.status) ? false : POLL_MS),
  });

/** The caller's runs, newest first (without their trials); looked at again while one of them is unfinished. */
export const useHyperoptRuns = () =>
  useQuery({
    queryKey: hyperoptKeys.list,
    queryFn: () => api<Page<Hyperopt>>('/hyperopts?size=20'),
    refetchInterval: (q) => (q.state.data?.items.some((r) => !isFinished(r.status)) ? 2_000 : false),
  });
