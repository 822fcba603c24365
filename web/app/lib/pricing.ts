// The scalper form's price and quantity helpers (seed 000: % buttons, quantity buttons, dynamic precision).
import { add, compare, decimalsOf, isDecimal, multiply, round, stepFor } from './decimal';

export const PERCENT_STEPS = [-1, -0.5, -0.1, 0.1, 0.5, 1] as const;
export const QUANTITY_STEPS = [-10, -5, -2, -1, 1, 2, 5, 10] as const;

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

/** Moves a price by `percent` (e.g. -0.5) and rounds to `decimals`. An empty or invalid price stays as it is. */
export function adjustByPercent(price: string, percent: number, decimals: number): string {
  if (!isDecimal(price)) return price;
  const factor = add('1', multiply(String(percent), '0.01', 6));
  return multiply(price, factor, decimals);
}

/** Adds `delta` to a quantity; never goes below zero; keeps the quantity's own decimals. */
export function stepQuantity(quantity: string, delta: number): string {
  const current = isDecimal(quantity) ? quantity : '0';
  const decimals = decimalsOf(current);
  const next = add(current, String(delta));
  return compare(next, '0') < 0 ? round('0', decimals) : round(next, decimals);
}

export function formatPercent(step: number): string {
  return `${step > 0 ? '+' : ''}${step}%`;
}
