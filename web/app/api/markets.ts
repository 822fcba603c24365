// Instrument facts (tick, lot, base and quote) for formatting a bot's numbers; unknown markets fall back to the symbol.
import { useCallback } from 'react';
import type { Exchange } from './types';
import { useExchanges } from './hooks';
import { marketOfSymbol, type Market } from '../lib/money';

export function findMarket(exchanges: Exchange[] | undefined, exchange: string, symbol: string): Market {
  const s = exchanges?.find((e) => e.id === exchange)?.symbols.find((x) => x.symbol === symbol);
  if (!s) return marketOfSymbol(symbol);
  return { base: s.baseAsset, quote: s.quoteAsset, tickSize: s.tickSize, lotSize: s.lotSize, minNotional: s.minNotional,
    ...(s.perpetual && s.settleAsset ? { settle: s.settleAsset } : {}) };
}

/** (exchange, symbol) -> its Market, from GET /exchanges (cached for minutes). */
export function useMarkets(): (exchange: string, symbol: string) => Market {
  const exchanges = useExchanges();
  const data = exchanges.data;
  return useCallback((exchange: string, symbol: string) => findMarket(data, exchange, symbol), [data]);
}
