// Numbers a trader can read: prices at the instrument's tick, quantities at its lot, money at its currency's
// precision, each with its unit ("+6.21 USDT", "0.00150 BTC"). Exact decimal strings throughout (decimal.ts).
import { compare, decimalsOf, isDecimal, round } from './decimal';

/** What formatting needs to know about a market; tick and lot are absent when the market is unknown. */
export interface Market {
  base: string;
  quote: string;
  tickSize?: string;
  lotSize?: string;
  minNotional?: string;
  /** Perpetuals: the asset margin, PnL and funding settle in (absent: spot, or unknown). */
  settle?: string;
}

/** Currencies whose precision is fixed by convention; others follow the market (or 8 decimals). */
const CURRENCY_DECIMALS: Record<string, number> = {
  USD: 2, EUR: 2, GBP: 2, USDT: 2, USDC: 2, BUSD: 2, TUSD: 2, FDUSD: 2, DAI: 2,
  BTC: 8, ETH: 8, LTC: 8, BNB: 8,
};
const FALLBACK_DECIMALS = 8;

/** "BTC/USDT" (or "BTCUSDT" with a known quote) -> its base and quote; tick and lot unknown. */
export function marketOfSymbol(symbol: string): Market {
  const [base, quote] = symbol.includes('/') ? symbol.split('/') : splitJoined(symbol);
  return { base, quote };
}

function splitJoined(symbol: string): [string, string] {
  const quote = ['USDT', 'USDC', 'BUSD', 'BTC', 'ETH', 'USD', 'EUR'].find((q) => symbol.endsWith(q) && symbol.length > q.length);
  return quote ? [symbol.slice(0, -quote.length), quote] : [symbol, ''];
}

/** Decimals of a step ("0.010" -> 2, "0.5" -> 1, "1" -> 0); trailing zeros do not count. */
export function stepDecimals(step: string | null | undefined): number | undefined {
  if (step == null || !isDecimal(step)) return undefined;
  const t = step.trim();
  return decimalsOf(t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') || '0' : t);
}

/** Decimals money in `currency` is shown with; the market's tick decimals are the hint for unknown currencies. */
export function currencyDecimals(currency: string, hint?: number): number {
  const known = CURRENCY_DECIMALS[currency.toUpperCase()];
  if (known !== undefined) return known;
  return hint !== undefined ? Math.min(FALLBACK_DECIMALS, Math.max(2, hint)) : FALLBACK_DECIMALS;
}

export const priceDecimals = (m: Market): number => stepDecimals(m.tickSize) ?? currencyDecimals(m.quote);
export const quantityDecimals = (m: Market): number => stepDecimals(m.lotSize) ?? currencyDecimals(m.base);
export const quoteDecimals = (m: Market): number => currencyDecimals(m.quote, stepDecimals(m.tickSize));

/** Thousands separators on the whole part: "-64210.50" -> "-64,210.50". */
export function group(text: string): string {
  const [whole, frac] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace(/^[-+]/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}`;
}

/** `value` rounded half away from zero to `decimals`, grouped, with its unit. null/invalid -> "—". */
export function amount(value: string | null | undefined, decimals: number, unit?: string): string {
  if (value == null || !isDecimal(value)) return '—';
  const text = group(round(value.trim(), decimals));
  return unit ? `${text} ${unit}` : text;
}

/** Like `amount`, with "+" on positive values (PnL). Zero has no sign. */
export function signedAmount(value: string | null | undefined, decimals: number, unit?: string): string {
  const text = amount(value, decimals, unit);
  if (text === '—') return text;
  return compare(round(value!.trim(), decimals), '0') > 0 ? `+${text}` : text;
}

export const formatPrice = (value: string | null | undefined, m: Market) => amount(value, priceDecimals(m), m.quote || undefined);
export const formatQuantity = (value: string | null | undefined, m: Market) => amount(value, quantityDecimals(m), m.base || undefined);
/** Money in the market's quote currency (PnL, fees, order values). */
export const formatQuote = (value: string | null | undefined, m: Market) => amount(value, quoteDecimals(m), m.quote || undefined);
export const formatPnl = (value: string | null | undefined, m: Market) => signedAmount(value, quoteDecimals(m), m.quote || undefined);

/** Money in any currency (a fee in the base asset, a balance): that currency's precision. */
export function formatMoney(value: string | null | undefined, currency: string | null | undefined, m?: Market): string {
  if (!currency) return amount(value, m ? quoteDecimals(m) : FALLBACK_DECIMALS);
  // a fee in the base asset is finer than the lot: the currency's own precision when it has one
  if (m && currency === m.base) {
    const own = CURRENCY_DECIMALS[currency.toUpperCase()];
    return amount(value, Math.max(quantityDecimals(m), own ?? 0), currency);
  }
  if (m && currency === m.quote) return formatQuote(value, m);
  return amount(value, currencyDecimals(currency), currency);
}

/** Ratio (0.1234) as a percent with two decimals: "12.34%". */
export function percent(ratio: number | string | null | undefined, decimals = 2): string {
  if (ratio == null || ratio === '') return '—';
  const text = typeof ratio === 'number' ? (Number.isFinite(ratio) ? ratio.toFixed(12) : '') : ratio;
  if (!isDecimal(text)) return '—';
  const shifted = shift(text, 2);
  return `${round(shifted, decimals)}%`;
}

/** Multiplies a decimal string by 10^places exactly (moves the point). */
function shift(text: string, places: number): string {
  const t = text.trim();
  const negative = t.startsWith('-');
  const body = t.replace(/^[-+]/, '');
  const [whole, frac = ''] = body.split('.');
  const padded = frac.padEnd(places, '0');
  const digits = `${whole}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return `${negative ? '-' : ''}${digits || '0'}${rest ? `.${rest}` : ''}`;
}

/** Seconds as "1 d 13 h 30 m" (seconds only below a minute; zero parts left out). */
export function duration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds)) return '—';
  let s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60);
  return [d && `${d} d`, h && `${h} h`, m && `${m} m`].filter(Boolean).join(' ') || '0 m';
}

/** ISO-8601 durations as the server writes them (Java's Duration: "PT37H30M", "PT0.5S", "P1DT2H") -> seconds. */
export function isoDurationSeconds(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return null;
  const [, neg, d, h, min, s] = m;
  const total = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0);
  return neg ? -total : total;
}
