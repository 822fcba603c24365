// TanStack Query hooks for every resource of docs/api.md. Query keys are shared with the event stream,
// which invalidates them when something changes on the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiCandle } from '../lib/candles';
import { api, ApiError, query } from './client';
import type {
  Backtest, BacktestInput, Balance, Bot, Credential, CredentialBalances, CredentialInput, Dataset, BotInput, BotStats, Exchange,
  LogEntry, Ltp, Order, Page, Position, Statistics, StrategyDefinition, SymbolInfo, Trade, User,
} from './types';

type Id = number | string;

export const keys = {
  me: ['me'] as const,
  bots: ['bots'] as const,
  bot: (id: Id) => ['bots', String(id)] as const,
  botOrders: (id: Id, status: string) => ['bots', String(id), 'orders', status] as const,
  botTrades: (id: Id) => ['bots', String(id), 'trades'] as const,
  botPositions: (id: Id) => ['bots', String(id), 'positions'] as const,
  botStats: (id: Id) => ['bots', String(id), 'stats'] as const,
  botBalances: (id: Id) => ['bots', String(id), 'balances'] as const,
  candles: (exchange: string, symbol: string, timeframe: string) => ['candles', exchange, symbol, timeframe] as const,
  statistics: ['statistics'] as const,
  orders: ['orders'] as const,
  logs: ['logs'] as const,
  strategies: ['strategies'] as const,
  exchanges: ['exchanges'] as const,
  symbols: (exchange: string, q: string) => ['exchanges', exchange, 'symbols', q] as const,
  credentials: ['credentials'] as const,
  credentialBalances: (id: string) => ['credentials', id, 'balances'] as const,
  ltp: (exchange: string, symbol: string) => ['ltp', exchange, symbol] as const,
  backtestsAvailable: ['backtests', 'available'] as const,
  backtest: (id: Id) => ['backtests', String(id)] as const,
};

export const useMe = (enabled: boolean) =>
  useQuery({ queryKey: keys.me, queryFn: () => api<User>('/me'), enabled });

export const useBots = () =>
  useQuery({ queryKey: keys.bots, queryFn: () => api<Page<Bot>>('/bots?size=100') });

export const useBot = (id: Id | undefined) =>
  useQuery({ queryKey: keys.bot(id ?? ''), queryFn: () => api<Bot>(`/bots/${id}`), enabled: id != null });

export const useStatistics = () =>
  useQuery({ queryKey: keys.statistics, queryFn: () => api<Statistics>('/bots/statistics/summary') });

export const useBotOrders = (id: Id, status: 'open' | 'closed') =>
  useQuery({ queryKey: keys.botOrders(id, status), queryFn: () => api<Order[]>(`/bots/${id}/orders?status=${status}`) });

export const useBotTrades = (id: Id) =>
  useQuery({ queryKey: keys.botTrades(id), queryFn: () => api<Trade[]>(`/bots/${id}/trades`) });

export const useBotPositions = (id: Id) =>
  useQuery({ queryKey: keys.botPositions(id), queryFn: () => api<Position[]>(`/bots/${id}/positions`) });

export const useBotStats = (id: Id) =>
  useQuery({ queryKey: keys.botStats(id), queryFn: () => api<BotStats>(`/bots/${id}/stats`) });

/** The bot's account balances; `null` when this server has no such endpoint (the form falls back to an estimate). */
export const useBotBalances = (id: Id | undefined, enabled = true) =>
  useQuery({
    queryKey: keys.botBalances(id ?? ''),
    enabled: enabled && id != null,
    queryFn: async () => {
      try {
        return await api<Balance[]>(`/bots/${id}/balances`);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
        throw e;
      }
    },
  });

/**
 * Completed candles of a market, oldest first (asked again every minute; live ticks form the current one);
 * `null` when the server has none (or no candle endpoint): a line chart is shown.
 */
export const useCandles = (exchange: string, symbol: string, timeframe = '1m', limit = 300) =>
  useQuery({
    queryKey: keys.candles(exchange, symbol, timeframe),
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
    queryFn: async () => {
      try {
        return await api<ApiCandle[]>(`/candles${query({ exchange, symbol, timeframe, limit })}`);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
        throw e;
      }
    },
  });

export interface OrderFilter { status?: string; botId?: string; page?: number }

export const useOrders = (f: OrderFilter) =>
  useQuery({
    queryKey: [...keys.orders, f],
    queryFn: () => api<Page<Order>>(`/orders${query({ status: f.status, botId: f.botId, page: f.page, size: 50 })}`),
  });

export interface LogFilter { level?: string; botId?: string; size?: number; page?: number }

/** A page of the activity log (newest first); the previous page stays shown while the next one loads. */
export const useLogs = (f: LogFilter) =>
  useQuery({
    queryKey: [...keys.logs, f],
    queryFn: () => api<Page<LogEntry>>(`/logs${query({ level: f.level, botId: f.botId, page: f.page || undefined, size: f.size ?? 100 })}`),
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[1] as LogFilter | undefined;
      return before && before.level === f.level && before.botId === f.botId && before.size === f.size ? previous : undefined;
    },
  });

export const useStrategies = () =>
  useQuery({ queryKey: keys.strategies, queryFn: () => api<StrategyDefinition[]>('/strategies'), staleTime: 300_000 });

export const useExchanges = () =>
  useQuery({ queryKey: keys.exchanges, queryFn: () => api<Exchange[]>('/exchanges'), staleTime: 300_000 });

/** Best matches for `q` among an exchange's symbols (exact, prefix, contains), at most `limit`. */
export const searchSymbols = (exchange: string, q: string, limit = 20) =>
  api<SymbolInfo[]>(`/exchanges/${encodeURIComponent(exchange)}/symbols${query({ q, limit })}`);

export const useCredentials = (enabled = true) =>
  useQuery({ queryKey: keys.credentials, queryFn: () => api<Credential[]>('/credentials'), enabled });

/** What the venue says the key's account holds; asked only while shown. */
export const useCredentialBalances = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.credentialBalances(id),
    enabled,
    retry: false,
    queryFn: () => api<CredentialBalances>(`/credentials/${encodeURIComponent(id)}/balances`),
  });

export const credentialApi = {
  /** The server verifies the key against the venue first: 400 VENUE_REFUSED_KEY, 502 VENUE_UNAVAILABLE. */
  create: (input: CredentialInput) => api<Credential>('/credentials', { method: 'POST', json: input }),
  /** 409 while a running LIVE bot trades with it. */
  remove: (id: string) => api<void>(`/credentials/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** The last traded price; `null` data means the server has no price for this market (shown as N/A). */
export const useLtp = (exchange: string, symbol: string) =>
  useQuery({
    queryKey: keys.ltp(exchange, symbol),
    enabled: exchange !== '' && symbol !== '',
    refetchInterval: 5_000,
    queryFn: async () => {
      try {
        return await api<Ltp>(`/price/ltp${query({ exchange, symbol })}`);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return null;
        throw e;
      }
    },
  });

/** The backtest API may not exist on this server yet: a 404 hides the page instead of breaking it. */
export const useBacktestsAvailable = (enabled: boolean) =>
  useQuery({
    queryKey: keys.backtestsAvailable,
    enabled,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      try {
        await api<unknown>('/backtests');
        return true;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return false;
        throw e;
      }
    },
  });

export const useBacktest = (id: Id | null) =>
  useQuery({
    queryKey: keys.backtest(id ?? ''),
    enabled: id != null,
    queryFn: () => api<Backtest>(`/backtests/${id}`),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'DONE' || s === 'FAILED' ? false : 1_000;
    },
  });

export const useDatasets = () =>
  useQuery({ queryKey: ['backtests', 'datasets'], queryFn: () => api<Dataset[]>('/backtests/datasets'), staleTime: 300_000 });

export const createBacktest = (input: BacktestInput) => api<Backtest>('/backtests', { method: 'POST', json: input });

/** Mutations on bots refresh every bot view, the statistics and the logs. */
export function useBotMutation<TArg, TResult>(fn: (arg: TArg) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.bots });
      void qc.invalidateQueries({ queryKey: keys.statistics });
      void qc.invalidateQueries({ queryKey: keys.logs });
      void qc.invalidateQueries({ queryKey: keys.orders });
    },
  });
}

export const botApi = {
  create: (input: BotInput) => api<Bot>('/bots', { method: 'POST', json: input }),
  update: (id: Id, input: BotInput) => api<Bot>(`/bots/${id}`, { method: 'PUT', json: input }),
  remove: (id: Id) => api<void>(`/bots/${id}`, { method: 'DELETE' }),
  start: (id: Id) => api<Bot>(`/bots/${id}/start`, { method: 'POST' }),
  stop: (id: Id) => api<Bot>(`/bots/${id}/stop`, { method: 'POST' }),
  stopAll: () => api<{ stopped: number }>('/bots/stop-all', { method: 'POST' }),
  cancelOrder: (botId: Id, orderId: Id) => api<Order>(`/bots/${botId}/orders/${orderId}/cancel`, { method: 'POST' }),
};
