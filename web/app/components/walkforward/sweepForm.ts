// The sweep / walk-forward part of the single-symbol backtest form, and what it adds to POST /backtests.
import type { BacktestInput, ParameterDefinition } from '../../api/types';

/** The engine's ranking metrics (engine.backtest.Metric ids); every one but maxDrawdown is better higher. */
export const METRICS = ['sharpe', 'totalReturn', 'netProfit', 'sortino', 'calmar', 'cagr', 'maxDrawdown', 'winRate',
  'profitFactor', 'expectancy'] as const;

export interface SweepValues {
  enabled: boolean;
  /** Per parameter name, as typed: "10:20:2" or "10, 14, 20"; empty = not swept. */
  ranges: Record<string, string>;
  metric: string;
  search: 'grid' | 'random';
  samples: string;
  seed: string;
  walkForward: boolean;
  folds: string;
  inSample: string;
}

export const NO_SWEEP: SweepValues = {
  enabled: false, ranges: {}, metric: 'sharpe', search: 'grid', samples: '50', seed: '1', walkForward: false, folds: '3',
  inSample: '0.7',
};

/** Only numbers can be swept from the form (the API also takes lists for other parameters). */
export const sweepable = (params: ParameterDefinition[]) => params.filter((p) => p.type === 'INTEGER' || p.type === 'DECIMAL');

/** "a:b:c" stays a range; "a, b, c" becomes the list of values. */
function rangeOf(text: string): string | string[] {
  const t = text.trim();
  return t.includes(':') ? t : t.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** Numbers go as typed (the API reads numbers in text): a wrong one comes back as a problem naming its field. */
const numberOf = (text: string): string => text.trim();

/** What the form adds to the request; nothing while the section is off. Ranges of another strategy's parameters are left out. */
export function sweepRequest(v: SweepValues, params: ParameterDefinition[]): Pick<BacktestInput, 'sweep' | 'walkForward'> {
  if (!v.enabled) return {};
  const ranges: Record<string, string | string[]> = {};
  for (const p of sweepable(params)) {
    const text = v.ranges[p.name] ?? '';
    if (text.trim() !== '') ranges[p.name] = rangeOf(text);
  }
  const sweep: NonNullable<BacktestInput['sweep']> = { ranges, search: v.search, metric: v.metric };
  if (v.search === 'random') {
    sweep.samples = numberOf(v.samples);
    sweep.seed = numberOf(v.seed);
  }
  return v.walkForward ? { sweep, walkForward: { folds: numberOf(v.folds), inSample: numberOf(v.inSample) } } : { sweep };
}

/**
 * The server's messages about the sweep, by the form's field: "sweep.ranges.rsiPeriod: ..." lands on the rsiPeriod
 * range, "walkForward.folds: ..." on the folds (mapProblem puts fields the page does not know into `general`).
 */
export function sweepErrors(general: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of general) {
    const m = /^((?:sweep|walkForward)(?:\.[\w.]+)?): (.*)$/.exec(line);
    if (m) out[m[1]] = out[m[1]] ? `${out[m[1]]} ${m[2]}` : m[2];
  }
  return out;
}
