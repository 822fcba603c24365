// The strategy checks' form values and readings: startup counts as typed, the drift percentages as the CLI prints
// them, the startup_candle_count advice, and the server's errors split between the check's own fields and the config's.
import type { IndicatorDrift, Reading, RecursiveResult } from '../api/analysis';
import type { Problem } from './errors';
import { serverErrors, type PortfolioErrors } from './ftconfig';

/** The check's own request fields, as the server names them in a 400. */
export const CHECK_FIELDS = ['targetedTradeAmount', 'startupCandles', 'threshold'] as const;
export type CheckField = typeof CHECK_FIELDS[number];
export type CheckErrors = Partial<Record<CheckField, string>>;

/** "199 399, 999" -> [199, 399, 999]; empty -> undefined (the server's default counts). */
export function parseCounts(raw: string): { counts?: number[]; error?: string } {
  const parts = raw.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return {};
  const bad = parts.find((p) => !/^\d+$/.test(p));
  if (bad !== undefined) return { error: `each count must be a whole number, was "${bad}"` };
  return { counts: parts.map(Number) };
}

/** A whole number, or undefined when empty (the server's default); an error text otherwise. */
export function parseWhole(raw: string): { value?: number; error?: string } {
  const t = raw.trim();
  if (t === '') return {};
  return /^\d+$/.test(t) ? { value: Number(t) } : { error: `must be a whole number, was "${t}"` };
}

/** A number, or undefined when empty (the server's default); an error text otherwise. */
export function parseNumber(raw: string): { value?: number; error?: string } {
  const t = raw.trim();
  if (t === '') return {};
  const n = Number(t);
  return Number.isFinite(n) ? { value: n } : { error: `must be a number, was "${t}"` };
}

/** The server's reading as a number: NaN for "not ready" (sent as "NaN" or null), ±Infinity as sent. */
export function readingValue(r: Reading | undefined): number {
  if (r === null || r === undefined) return NaN;
  return typeof r === 'number' ? r : Number(r);
}

/** A difference in percent as the recursive-analysis command prints it: "-" none, "not ready", "1.234%". */
export function driftText(r: Reading | undefined): string {
  const v = readingValue(r);
  if (Number.isNaN(v)) return 'not ready';
  if (v === 0) return '-';
  if (!Number.isFinite(v)) return v > 0 ? '+∞%' : '−∞%';
  return `${v.toFixed(3)}%`;
}

/**
 * The fewest startup candles that give each flagged indicator its reference value: the smallest tested count from
 * which every larger count stays within the threshold. Null when nothing is flagged. When it is the largest count
 * tested, the indicator may need more than was tried (`atLargest`).
 */
export function startupAdvice(result: RecursiveResult): { count: number; indicators: string[]; atLargest: boolean } | null {
  const flagged = result.indicators.filter((d) => d.flagged);
  if (flagged.length === 0) return null;
  const counts = result.startupCandles;
  const count = Math.max(...flagged.map((d) => stableFrom(d, counts, result.thresholdPercent)));
  return { count, indicators: flagged.map((d) => d.indicator), atLargest: count === counts[counts.length - 1] };
}

function stableFrom(d: IndicatorDrift, counts: number[], threshold: number): number {
  let from = counts[counts.length - 1];
  for (let i = counts.length - 1; i >= 0; i--) {
    const v = readingValue(d.differencePercent[String(counts[i])]);
    if (Number.isNaN(v) || Math.abs(v) > threshold) break;
    from = counts[i];
  }
  return from;
}

/** A 400 from a check: its own fields next to their controls, the config's and the strategy's where portfolio mode puts them. */
export function checkErrors(problem: Problem | null | undefined): { form: PortfolioErrors; check: CheckErrors } {
  const check: CheckErrors = {};
  const rest = (problem?.errors ?? []).filter((e) => {
    const own = (CHECK_FIELDS as readonly string[]).includes(e.field ?? '');
    if (own) check[e.field as CheckField] = e.message;
    return !own;
  });
  const form = Object.keys(check).length && rest.length === 0
    ? { controls: {}, params: {}, general: [] }
    : serverErrors({ ...problem, errors: rest } as Problem);
  return { form, check };
}
