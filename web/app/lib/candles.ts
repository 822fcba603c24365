// Candles for the price charts: the API's candles (GET /candles, a backtest's result.prices) as chart bars, live ticks
// folded into the last bar, fills snapped onto the bar they happened in.
import type { Side } from '../api/types';
import { toSeconds, type FillMark } from './series';

/** GET /candles item: decimals as strings, oldest first; the last one may still be forming. */
export interface ApiCandle {
  openTime: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume?: string;
  complete?: boolean;
}

/** A backtest result's price bar (`result.prices`). */
export interface PriceBar { time: string; open: string; high: string; low: string; close: string }

export interface Bar { time: number; open: number; high: number; low: number; close: number }

const TIMEFRAMES: Record<string, number> = { '1m': 60, '3m': 180, '5m': 300, '15m': 900, '30m': 1800, '1h': 3600, '2h': 7200, '4h': 14400, '1d': 86400 };

/** "1m" -> 60, "4h" -> 14400; unknown -> null. */
export function timeframeSeconds(tf: string): number | null {
  if (TIMEFRAMES[tf]) return TIMEFRAMES[tf];
  const m = /^(\d+)([smhdw])$/.exec(tf.trim());
  if (!m) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as 's' | 'm' | 'h' | 'd' | 'w'];
}

function bar(time: string, o: string, h: string, l: string, c: string): Bar | null {
  const b = { time: toSeconds(time), open: Number(o), high: Number(h), low: Number(l), close: Number(c) };
  return [b.time, b.open, b.high, b.low, b.close].every(Number.isFinite) ? b : null;
}

/** Bars ascending by time with unique times (a later duplicate wins); unreadable rows are dropped. */
function ordered(bars: (Bar | null)[]): Bar[] {
  const byTime = new Map<number, Bar>();
  for (const b of bars) if (b) byTime.set(b.time, b);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

export const candleBars = (candles: ApiCandle[]): Bar[] => ordered(candles.map((c) => bar(c.openTime, c.open, c.high, c.low, c.close)));
export const priceBars = (prices: PriceBar[]): Bar[] => ordered(prices.map((p) => bar(p.time, p.open, p.high, p.low, p.close)));

/**
 * A trade at `price` at `time` (seconds): inside the last bar's period it moves that bar's close (and high/low);
 * after it, it opens a new bar; before it, it changes nothing (the history is the server's).
 */
export function applyTick(bars: Bar[], time: number, price: number, period: number, limit = 1000): Bar[] {
  if (!Number.isFinite(price) || !Number.isFinite(time)) return bars;
  const last = bars.at(-1);
  if (!last) return bars; // no history yet: nothing to extend
  if (time < last.time) return bars;
  if (time < last.time + period) {
    const next = { ...last, close: price, high: Math.max(last.high, price), low: Math.min(last.low, price) };
    return [...bars.slice(0, -1), next];
  }
  const open = last.time + Math.floor((time - last.time) / period) * period;
  const added = [...bars, { time: open, open: price, high: price, low: price, close: price }];
  return added.length > limit ? added.slice(added.length - limit) : added;
}

/** The open time of the bar a moment falls in (the bars' own times, so markers sit on a bar). */
function barTime(bars: Bar[], time: number): number | null {
  let found: number | null = null;
  for (const b of bars) {
    if (b.time <= time) found = b.time;
    else break;
  }
  return found;
}

/** Fill markers on the bars they happened in; fills before the first bar are left out (nothing to sit on). */
export function barMarks(bars: Bar[], fills: { time: number; side: Side; price: number; text: string }[]): FillMark[] {
  const out: FillMark[] = [];
  for (const f of fills) {
    const t = barTime(bars, f.time);
    if (t != null) out.push({ ...f, time: t });
  }
  return out.sort((a, b) => a.time - b.time);
}

/** The server's candles (completed ones) with what the ticks built after them (the forming candle) kept. */
export function mergeBars(server: Bar[], live: Bar[]): Bar[] {
  const last = server.at(-1)?.time ?? -Infinity;
  return [...server, ...live.filter((b) => b.time > last)];
}
