// How an epoch's numbers read: the loss as the server computed it, the profit as Freqtrade prints it
// ("0.00123456 (1.23 %)"), from the server's exact figures (no float arithmetic on the amount).
import type { HyperoptEpoch } from '../../api/hyperopts';

/** Freqtrade's MAX_LOSS stands for "not enough trades"; null for a loss that was not a number. */
export function lossText(loss: number | null): string {
  if (loss === null) return '—';
  return loss >= 100_000 ? `${loss} (too few trades)` : loss.toFixed(5);
}

/** The ratio as a percentage with 2 decimals; the amount exactly as sent. */
export function profitText(e: Pick<HyperoptEpoch, 'profit_total' | 'profit_total_abs'>): string {
  const ratio = Number(e.profit_total);
  const pct = Number.isFinite(ratio) ? `${(ratio * 100).toFixed(2)} %` : String(e.profit_total);
  return `${e.profit_total_abs} (${pct})`;
}

/** A trial's parameters in one line: "rsiPeriod=12, oversold=27.5". */
export function paramsText(params: Record<string, unknown> | undefined): string {
  return params ? Object.entries(params).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ') : '';
}
