// The DEX bot endpoints (docs/api/bots.md "DEX bots").
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

/** One factor of a token's risk report (module dex's TokenRiskScorer, docs/dex-risk.md). */
export interface RiskFactor {
  check: string; verdict: 'PASS' | 'WARN' | 'FAIL' | 'UNKNOWN'; penalty: number; value: string; explanation: string;
}
export interface TokenRisk {
  network: string; token: string; symbol: string | null; quoteToken: string; quoteSymbol: string; size: string;
  block: string; score: number; factors: RiskFactor[];
  level: { level: number; name: string; lane: string; maxRiskScore: number; buys: boolean; failing: string[] } | null;
}
/** `bot`: one of the user's DEX bots on this token: the report adds what its mempool watch sees pending (MEMPOOL). */
export interface RiskQuery { network: string; token: string; quoteToken?: string; size?: string; level?: number; bot?: string }

export const riskPath = (q: RiskQuery) => {
  const params = new URLSearchParams();
  if (q.quoteToken) params.set('quoteToken', q.quoteToken);
  if (q.size) params.set('size', q.size);
  if (q.level) params.set('level', String(q.level));
  if (q.bot) params.set('bot', q.bot);
  const query = params.toString();
  return `/dex/${encodeURIComponent(q.network)}/tokens/${encodeURIComponent(q.token)}/risk${query ? `?${query}` : ''}`;
};

/** The dashboard page of a token's risk report, with the same query. */
export const riskPageLink = (q: RiskQuery) => {
  const params = new URLSearchParams({ network: q.network, token: q.token });
  if (q.quoteToken) params.set('quote', q.quoteToken);
  if (q.size) params.set('size', q.size);
  if (q.level) params.set('level', String(q.level));
  if (q.bot) params.set('bot', q.bot);
  return `/dex/risk?${params.toString()}`;
};

export const useTokenRisk = (q: RiskQuery | null) =>
  useQuery({
    queryKey: ['dex', 'risk', q], enabled: q !== null && q.network !== '' && q.token !== '',
    queryFn: () => api<TokenRisk>(riskPath(q!)), retry: false,
  });

export const useDexBot = (botId: string | number, enabled: boolean) =>
  useQuery({ queryKey: ['dex', 'bots', String(botId)], enabled, queryFn: () => api<DexBotView>(`/dex/bots/${botId}`) });
