// What a venue can do, in the words the forms use: "Binance — live & paper", "Simulated exchange — paper only".
import type { Exchange, SymbolInfo } from '../api/types';
import { isPerpetualVenue } from './perpetual';

export const isAvailable = (v: Exchange | undefined): boolean => !!v && v.status !== 'UNAVAILABLE';
/** Older servers have no `paperTrading`: every venue trades paper there. */
export const tradesPaper = (v: Exchange | undefined): boolean => !!v && v.paperTrading !== false;
export const tradesLive = (v: Exchange | undefined): boolean => !!v && v.liveTrading;

export function abilities(v: Exchange): string {
  const paper = tradesPaper(v);
  if (v.liveTrading && paper) return 'live & paper';
  if (v.liveTrading) return 'live only';
  return 'paper only';
}

/**
 * The option text of a venue: its name, "Perpetual" for a venue of perpetual contracts, what it trades, and
 * "unavailable" when it cannot be used now ("Simulated perpetuals — Perpetual, paper only").
 */
export function venueLabel(v: Exchange): string {
  return `${v.name} — ${isPerpetualVenue(v) ? 'Perpetual, ' : ''}${abilities(v)}${isAvailable(v) ? '' : ' (unavailable)'}`;
}

/** Why the unavailable venues cannot be chosen, one sentence each ("Bybit is unavailable: maintenance."). */
export function unavailableHint(venues: Exchange[]): string | undefined {
  const lines = venues.filter((v) => !isAvailable(v))
    .map((v) => `${v.name} is unavailable${v.statusReason ? `: ${v.statusReason.replace(/\.$/, '')}` : ''}.`);
  return lines.length > 0 ? lines.join(' ') : undefined;
}

/** Letters and digits only, upper case: "btcusdt", "BTC/USDT" and "btc-usdt" are the same market. */
export const normalizeSymbol = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The server's ranking over a local list (exact, then prefix, then contains; case and separators ignored), at most
 * `limit`. One pass, no sorting: fast over thousands of symbols. `keys` are the symbols' normalized forms, if known.
 */
export function rankSymbols(symbols: SymbolInfo[], q: string, limit = 20, keys?: string[]): SymbolInfo[] {
  const needle = normalizeSymbol(q);
  if (!needle) return symbols.slice(0, limit);
  const exact: SymbolInfo[] = [];
  const prefix: SymbolInfo[] = [];
  const contains: SymbolInfo[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const key = keys?.[i] ?? normalizeSymbol(symbols[i].symbol);
    if (key === needle) exact.push(symbols[i]);
    else if (key.startsWith(needle)) { if (prefix.length < limit) prefix.push(symbols[i]); }
    else if (contains.length < limit && key.includes(needle)) contains.push(symbols[i]);
  }
  return [...exact, ...prefix, ...contains].slice(0, limit);
}
