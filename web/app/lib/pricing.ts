// The scalper form's price and quantity helpers (seed 000: % buttons, quantity buttons, dynamic precision).
import { add, compare, decimalsOf, divide, floorToStep, isDecimal, multiply, round, stepFor } from './decimal';

export const PERCENT_STEPS = [-1, -0.5, -0.1, 0.1, 0.5, 1] as const;
export const QUANTITY_STEPS = [-10, -5, -2, -1, 1, 2, 5, 10] as const;
export const BALANCE_SHARES = [25, 50, 75, 100] as const;

/** How many decimals prices of this market get: the LTP's own decimals (as the exchange quotes it). */
export function pricePrecision(ltp: string | null | undefined, fallback = 2): number {
  return ltp != null && isDecimal(ltp) ? decimalsOf(ltp) : fallback;
}

export function priceStep(ltp: string | null | undefined, fallback = 2): string {
  return stepFor(pricePrecision(ltp, fallback));
}

/** Default buy and sell prices: 2% under and over the last traded price, at the LTP's precision. */
export function defaultPrices(ltp: string): { buyPrice: string; sellPrice: string } {
  const decimals = decimalsOf(ltp);
  return { buyPrice: multiply(ltp, '0.98', decimals), sellPrice: multiply(ltp, '1.02', decimals) };
}

/**
 * Moves a price by `percent` (e.g. -0.5), rounded to the instrument's `decimals` (its tick), written with no more
 * decimals than it needs but never fewer than the price had: LTC/BTC 0.0165 + 1% at 8 decimals is 0.016665,
 * BTC/USDT 64210.50 - 1% at 2 decimals is 63568.40. An empty or invalid price stays as it is.
 */
export function adjustByPercent(price: string, percent: number, decimals: number): string {
  if (!isDecimal(price)) return price;
  const factor = add('1', multiply(String(percent), '0.01', 6));
  const exact = multiply(price, factor, decimals);
  const keep = Math.min(decimals, decimalsOf(price.trim()));
  return trimZeros(exact, keep);
}

/** Drops trailing zeros after the point down to `keep` decimals: ("0.01666500", 4) -> "0.016665". */
export function trimZeros(text: string, keep: number): string {
  if (!text.includes('.')) return text;
  const [whole, frac] = text.split('.');
  let f = frac;
  while (f.length > keep && f.endsWith('0')) f = f.slice(0, -1);
  return f.length > 0 ? `${whole}.${f}` : whole;
}

/**
 * What one quantity button step is worth: the lot size scaled by a power of ten until an order of that size at
 * `price` is worth at least the market's minimum notional (BTC/USDT at 64000, lot 0.00001, min 5 USDT: 0.0001 BTC).
 * Without a price or a minimum notional it is the lot size itself.
 */
export function quantityUnit(lotSize: string, price: string | null | undefined, minNotional?: string | null): string {
  if (!isDecimal(lotSize) || compare(lotSize, '0') <= 0) return '1';
  if (!price || !isDecimal(price) || compare(price, '0') <= 0 || !minNotional || !isDecimal(minNotional)
      || compare(minNotional, '0') <= 0) return lotSize;
  let unit = lotSize.trim();
  for (let i = 0; i < 18 && compare(multiply(unit, price, 12), minNotional) < 0; i++) unit = multiply(unit, '10', decimalsOf(lotSize.trim()));
  return trimZeros(unit, 0);
}

/** Adds `steps` units to a quantity, on the lot grid (rounded down), never below zero. */
export function stepQuantity(quantity: string, steps: number, unit: string, lotSize: string): string {
  const lotDecimals = decimalsOf(trimZeros(lotSize.trim(), 0));
  const current = isDecimal(quantity) ? quantity.trim() : '0';
  const next = add(current, multiply(String(steps), unit, decimalsOf(unit)));
  if (compare(next, '0') <= 0) return round('0', lotDecimals);
  return round(floorToStep(next, lotSize), lotDecimals);
}

/** The quantity that `share` percent of `balance` (quote) buys at `price`, rounded down to the lot (never more). */
export function quantityForBalance(balance: string, share: number, price: string, lotSize: string, feeRate = '0'): string {
  const lotDecimals = decimalsOf(trimZeros(lotSize.trim(), 0));
  if (!isDecimal(price) || compare(price, '0') <= 0 || !isDecimal(balance)) return '';
  const budget = multiply(balance, multiply(String(share), '0.01', 4), 12);
  // the fee is paid on top of the order value: value * (1 + fee) must fit in the budget
  const perUnit = multiply(price, add('1', feeRate), 16);
  const raw = divide(budget, perUnit, lotDecimals + 4);
  return round(floorToStep(raw, lotSize), lotDecimals);
}

/** What an order costs in quote: its value (quantity x price) and the fee at `feeRate`, each at `decimals`. */
export function orderCost(quantity: string, price: string, feeRate: string, decimals: number): { value: string; fee: string } | null {
  if (!isDecimal(quantity) || !isDecimal(price)) return null;
  const exact = multiply(quantity, price, 16);
  return { value: round(exact, decimals), fee: multiply(exact, isDecimal(feeRate) ? feeRate : '0', decimals) };
}

export function formatPercent(step: number): string {
  return `${step > 0 ? '+' : ''}${step}%`;
}
