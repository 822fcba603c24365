// Freqtrade's lookahead-analysis and recursive-analysis of a config's strategy (POST /backtests/analysis/...):
// synchronous, the answer is the result.
import { api } from './client';
import type { ConfigRequest } from '../components/portfolio/configRequest';

/** One signal candle: its index in the analysed candles and its open time (epoch ms). */
export interface SignalRef { candle: number; openTime: number }

export interface LookaheadResult {
  hasBias: boolean;
  signalsChecked: number;
  biasedEntrySignals: SignalRef[];
  biasedExitSignals: SignalRef[];
  biasedIndicators: string[];
  warnings: string[];
}

export interface LookaheadResponse { strategy: string; hasBias: boolean; pairs: { pair: string; result: LookaheadResult }[] }

/**
 * A number the server could not give as one is sent as a string ("NaN": not ready; "Infinity": the base is 0), or
 * null: each shown as what it means, never as a number.
 */
export type Reading = number | string | null;

export interface IndicatorDrift {
  indicator: string;
  baseValue: Reading;
  /** Startup count (as text, a JSON key) to the value at the last candle. */
  values: Record<string, Reading>;
  /** Startup count to the difference from the base value, in percent. */
  differencePercent: Record<string, Reading>;
  flagged: boolean;
}

export interface RecursiveResult {
  startupCandles: number[];
  thresholdPercent: number;
  indicators: IndicatorDrift[];
  warnings: string[];
}

export interface RecursiveResponse { strategy: string; flaggedIndicators: string[]; pairs: { pair: string; result: RecursiveResult }[] }

export const runLookahead = (input: ConfigRequest & { targetedTradeAmount?: number }) =>
  api<LookaheadResponse>('/backtests/analysis/lookahead', { method: 'POST', json: input });

export const runRecursive = (input: ConfigRequest & { startupCandles?: number[]; threshold?: number }) =>
  api<RecursiveResponse>('/backtests/analysis/recursive', { method: 'POST', json: input });
