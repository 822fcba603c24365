// Pure logic of the Models page and the ml-signal views: grouping versions, plain-word refusals, chart series.
import type { ConfidencePoint, Model } from '../api/models';
import type { Problem } from './errors';
import { toSeconds, type Point } from './series';

/** How a model is named in a select: "btc-scalper v3 · BTC/USDT". */
export const modelLabel = (m: Pick<Model, 'name' | 'version' | 'symbol'>) => `${m.name} v${m.version} · ${m.symbol}`;

export interface ModelGroup { name: string; versions: Model[] }

/** Models by name (names in alphabetical order), newest version first within a name. */
export function groupByName(models: Model[]): ModelGroup[] {
  const byName = new Map<string, Model[]>();
  for (const m of models) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, versions]) => ({ name, versions: versions.sort((a, b) => b.version - a.version) }));
}

/** The file refusals of docs/api/ml.md "Models", in words a user can act on. */
const REASONS: Record<string, string> = {
  NOT_A_MODEL: 'This file is not a LightGBM model (LightGBM text format expected).',
  TOO_LARGE: 'The file is too large.',
  WRONG_OBJECTIVE: 'The model is not a binary classifier.',
  WRONG_FEATURE_COUNT: 'The model\'s number of features matches no feature set botfleet knows.',
  WRONG_FEATURE_NAMES: 'The model\'s feature names differ from the feature set\'s.',
};

/**
 * A MODEL_REJECTED refusal of the file: the reason in plain words, then the server's own message (which names what is
 * wrong). A refusal without a known reason keeps the server's message alone.
 */
export function fileRefusal(problem: Problem): string | undefined {
  const error = problem.errors?.find((e) => e.field === 'file');
  if (!error) return undefined;
  const reason = typeof error.rejectedValue === 'string' ? error.rejectedValue : undefined;
  const plain = reason ? REASONS[reason] : undefined;
  if (!plain) return error.message;
  const detail = error.message.startsWith(reason!) ? error.message.slice(reason!.length).replace(/^[:\s-]+/, '') : error.message;
  return detail ? `${plain} Details: ${detail}` : plain;
}

/** The bots a 409 MODEL_IN_USE names (`bots`), else none. */
export function botsOf(problem: Problem): { id: string; name: string }[] {
  const bots = (problem as Problem & { bots?: unknown }).bots;
  return Array.isArray(bots) ? bots.filter((b) => b && typeof b.id === 'string' && typeof b.name === 'string') : [];
}

/** A ratio 0..1 as "62.5 %"; null (undefined by the data) as "—". */
export function ratio(value: number | string | null | undefined, decimals = 1): string {
  const n = typeof value === 'string' ? Number(value) : value;
  return n == null || !Number.isFinite(n) ? '—' : `${(n * 100).toFixed(decimals)} %`;
}

/** A score such as an AUC or a confidence: three decimals, "—" when undefined. */
export function score(value: number | string | null | undefined): string {
  const n = typeof value === 'string' ? Number(value) : value;
  return n == null || !Number.isFinite(n) ? '—' : n.toFixed(3);
}

/** Kilobytes for a file size. */
export function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A feature's share of the largest gain, 0..1 (the bar's width); all zero when no gain is known. */
export function gainShares(features: { feature: string; gain: number | null }[]): { feature: string; gain: number | null; share: number }[] {
  const top = Math.max(0, ...features.map((f) => f.gain ?? 0));
  return features.map((f) => ({ ...f, share: top > 0 && f.gain != null ? Math.max(0, f.gain) / top : 0 }));
}

export interface ConfidenceSeries { confidence: Point[]; threshold: Point[]; acted: { time: number; value: number; text: string }[] }

/**
 * The chart's lines: one point per second (a later decision in the same second wins; the chart needs unique,
 * ascending times), the threshold each decision was made against, and a marker on each decision that placed an order.
 */
export function confidenceSeries(points: ConfidencePoint[]): ConfidenceSeries {
  const bySecond = new Map<number, ConfidencePoint>();
  for (const p of points) {
    const t = toSeconds(p.time);
    if (Number.isFinite(t) && Number.isFinite(p.confidence)) bySecond.set(t, p);
  }
  const sorted = [...bySecond.entries()].sort(([a], [b]) => a - b);
  return {
    confidence: sorted.map(([time, p]) => ({ time, value: p.confidence })),
    threshold: sorted.filter(([, p]) => Number.isFinite(p.threshold)).map(([time, p]) => ({ time, value: p.threshold })),
    acted: sorted.filter(([, p]) => p.acted).map(([time, p]) => ({ time, value: p.confidence, text: p.confidence.toFixed(2) })),
  };
}
