// GET /api/v1/portfolio (docs/portfolio.md): the caller's accounts valued in one quote currency.
import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';

export interface PortfolioBalance { asset: string; free: string; locked: string; rate: string | null; value: string | null; reason: string | null }
export interface PortfolioPosition {
  bot: string; botName: string; exchange: string; symbol: string; side: 'LONG' | 'SHORT'; quantity: string;
  entry: string | null; mark: string | null; unrealizedPnl: string | null; value: string | null; reason: string | null;
}
export interface PortfolioAccount {
  exchange: string; account: string; mode: 'PAPER' | 'LIVE'; botId: string | null; credentialId: string | null;
  balances: PortfolioBalance[]; positions: PortfolioPosition[]; total: string; unvalued: string[]; error: string | null;
}
export interface Exposure { asset: string; value: string | null; share: string | null; reason: string | null }
export interface PnlPeriod { date: string; realized: string }
export interface EquityPoint { time: string; value: string }
export interface Portfolio {
  quote: string; asOf: string; timezone: string; from: string; to: string;
  accounts: PortfolioAccount[]; total: string; unvalued: string[]; exposure: Exposure[];
  pnl: { daily: PnlPeriod[]; weekly: PnlPeriod[]; monthly: PnlPeriod[]; unvalued: string[] };
  equity: { total: EquityPoint[]; perBot: Record<string, EquityPoint[]>; unvalued: string[] };
}

export const PORTFOLIO_RANGES = ['24h', '7d', '30d', '90d', '1y'] as const;
export type PortfolioRange = (typeof PORTFOLIO_RANGES)[number];

/** The browser's time zone, so PnL days are the user's days (UTC when the browser does not say). */
export const browserZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

export const usePortfolio = (quote: string, range: PortfolioRange, tz: string) =>
  useQuery({
    queryKey: ['portfolio', quote, range, tz],
    queryFn: () => api<Portfolio>(`/portfolio${query({ quote, range, tz })}`),
    refetchInterval: 30_000,
  });
