// The DEX bot endpoints (docs/api.md "DEX bots").
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Bot } from '../../api/types';

export interface DexNetwork { name: string; exchange: string; chainId: number }
export interface DexToken { network: string; address: string; symbol: string; decimals: number }
export interface DexBotView { bot: Bot; network: string; baseToken: string; quoteToken: string; slippageBps: number; intelLevel: number }
export interface DexSession {
  runId: string; botId: string; intelLevel: number; startedAt: string; endedAt: string | null; trades: number; pnl: string;
}

export const isDexExchange = (exchange: string) => exchange.startsWith('dex:');

export const useDexNetworks = () =>
  useQuery({ queryKey: ['dex', 'networks'], queryFn: () => api<DexNetwork[]>('/dex/networks') });

export const lookUpToken = (network: string, address: string) =>
  api<DexToken>(`/dex/tokens?network=${encodeURIComponent(network)}&address=${encodeURIComponent(address)}`);

export const useDexSessions = (botId: string | number, enabled: boolean) =>
  useQuery({
    queryKey: ['bots', String(botId), 'sessions'], enabled, refetchInterval: 5_000,
    queryFn: () => api<DexSession[]>(`/bots/${botId}/sessions`),
  });

/** One level of the intelligence slider (module dex's table, docs/dex.md "Intelligence slider"). */
export interface IntelLevel {
  level: number; name: string; maxRiskScore: number; positionPercent: string; slippageBps: number;
  gas: string; gasRewardPercentile: number; gasBaseFeeMultiple: string; lane: 'FAST' | 'SMART'; checks: string[];
}

export const useIntelLevels = () =>
  useQuery({ queryKey: ['dex', 'intel-levels'], staleTime: Infinity, queryFn: () => api<IntelLevel[]>('/dex/intel-levels') });

/** A pending transaction on one of the bot's pools (docs/dex-mempool.md); amounts in whole tokens, shares as fractions. */
export interface MempoolEvent {
  botId: string; seenAt: string; txHash: string; from: string;
  kind: 'SWAP' | 'LIQUIDITY_REMOVAL' | 'LIQUIDITY_ADDITION'; pool: string; poolAddress: string;
  tokenIn: string | null; tokenOut: string | null; exactIn: boolean | null; amountToken: string | null;
  amount: string | null; limit: string | null; share: string | null; large: boolean;
}

export const useDexMempool = (botId: string | number, enabled: boolean) =>
  useQuery({
    queryKey: ['bots', String(botId), 'mempool'], enabled, refetchInterval: 3_000,
    queryFn: () => api<MempoolEvent[]>(`/bots/${botId}/mempool`),
  });
