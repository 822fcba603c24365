// The hyperopt settings of the form (spaces, parameter ranges, loss, sampler, epochs, seed, min trades): their
// defaults, the request fields they become, and the server's 400 errors placed on them.
import type { ParameterDefinition } from '../../api/types';
import { add } from '../../lib/decimal';
import { serverErrors, type PortfolioErrors } from '../../lib/ftconfig';
import type { Problem } from '../../lib/errors';

/** The loss functions the server accepts (Freqtrade's class names; DefaultHyperOptLoss = ShortTradeDurHyperOptLoss). */
export const LOSSES = ['SharpeHyperOptLoss', 'SharpeHyperOptLossDaily', 'SortinoHyperOptLoss', 'SortinoHyperOptLossDaily',
  'CalmarHyperOptLoss', 'MaxDrawDownHyperOptLoss', 'MaxDrawDownRelativeHyperOptLoss', 'ProfitDrawDownHyperOptLoss',
  'MultiMetricHyperOptLoss', 'OnlyProfitHyperOptLoss', 'ShortTradeDurHyperOptLoss'];
export const SAMPLERS = ['tpe', 'random', 'grid'];
export const SPACES = ['roi', 'stoploss', 'trailing', 'params'];

/**
 * One searchable parameter: searched or not, and its bounds as typed; a boolean or enum parameter has the values to
 * try instead (comma-separated, as the server's paramRanges "a,b,c").
 */
export interface RangeRow { on: boolean; lo: string; hi: string; choices?: string }

export interface HyperoptOptions {
  spaces: string[];
  ranges: Record<string, RangeRow>;
  loss: string;
  sampler: string;
  epochs: string;
  seed: string;
  minTrades: string;
}

/** The request fields the options control; an error at one of these (or paramRanges.<name>) is shown on it. */
export const OPTION_FIELDS = ['spaces', 'paramRanges', 'loss', 'sampler', 'epochs', 'seed', 'minTrades'];

/** A boolean, or an enum with options: searched over its values. */
export const isChoice = (p: ParameterDefinition) => p.type === 'BOOLEAN' || (p.type === 'ENUM' && !!p.options?.length);

/**
 * What the search can range over (timeframe is never searched): numeric parameters with both bounds, booleans, and
 * enums with their options.
 */
export function rangeable(params: ParameterDefinition[]): ParameterDefinition[] {
  return params.filter((p) => p.name !== 'timeframe'
    && (((p.type === 'INTEGER' || p.type === 'DECIMAL') && p.min != null && p.max != null) || isChoice(p)));
}

/** The values a boolean or enum can take. */
export const declaredChoices = (p: ParameterDefinition): string[] => (p.type === 'BOOLEAN' ? ['true', 'false'] : p.options ?? []);

/** A parameter's whole declared range; an exclusive min starts one step above (as the server's search does). */
export function declaredRange(p: ParameterDefinition): RangeRow {
  if (isChoice(p)) return { on: false, lo: '', hi: '', choices: declaredChoices(p).join(',') };
  const min = String(p.min);
  const step = p.type === 'INTEGER' ? '1' : p.step != null ? String(p.step) : '0.001';
  return { on: false, lo: p.exclusiveMin ? add(min, step) : min, hi: String(p.max) };
}

export function defaultOptions(params: ParameterDefinition[]): HyperoptOptions {
  return { spaces: ['roi', 'stoploss', 'params'], ranges: rangesFor(params), loss: 'SharpeHyperOptLoss', sampler: 'tpe',
    epochs: '100', seed: '1', minTrades: '1' };
}

export function rangesFor(params: ParameterDefinition[]): Record<string, RangeRow> {
  return Object.fromEntries(rangeable(params).map((p) => [p.name, declaredRange(p)]));
}

export interface BuiltOptions {
  fields: { spaces: string[]; paramRanges?: Record<string, string>; loss: string; sampler: string; epochs?: number;
    seed?: number; minTrades?: number };
  /** By request field (epochs, paramRanges.rsiPeriod...): what the browser can already tell is wrong. */
  errors: Record<string, string>;
}

const WHOLE = /^-?\d+$/;

/** The options as request fields; the searched parameters are the ticked rows (the others stay as the form sets them). */
export function buildOptions(o: HyperoptOptions): BuiltOptions {
  const errors: Record<string, string> = {};
  const whole = (field: string, raw: string, min?: number): number | undefined => {
    const t = raw.trim();
    if (t === '') return undefined;
    if (!WHOLE.test(t)) errors[field] = `must be a whole number, was "${t}"`;
    else if (min !== undefined && Number(t) < min) errors[field] = `must be at least ${min}`;
    return Number(t);
  };
  const ranges: Record<string, string> = {};
  for (const [name, row] of Object.entries(o.ranges)) {
    if (!row.on) continue;
    if (row.choices !== undefined) {
      const values = row.choices.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) errors[`paramRanges.${name}`] = 'needs at least one value to try, e.g. true,false';
      ranges[name] = values.join(',');
      continue;
    }
    const lo = row.lo.trim();
    const hi = row.hi.trim();
    if (lo === '' || hi === '' || !Number.isFinite(Number(lo)) || !Number.isFinite(Number(hi))) {
      errors[`paramRanges.${name}`] = 'needs two numbers, from and to';
    } else if (Number(lo) > Number(hi)) errors[`paramRanges.${name}`] = `from ${lo} is above to ${hi}`;
    ranges[name] = `${lo}:${hi}`;
  }
  if (o.spaces.length === 0) errors.spaces = 'choose at least one space';
  if (o.spaces.includes('params') && Object.keys(ranges).length === 0) {
    errors.paramRanges = Object.keys(o.ranges).length === 0
      ? 'the strategy has no parameter with a range or choices to search: leave out the params space'
      : 'tick at least one parameter to search, or leave out the params space';
  }
  const fields: BuiltOptions['fields'] = { spaces: o.spaces, loss: o.loss, sampler: o.sampler,
    epochs: whole('epochs', o.epochs, 1), seed: whole('seed', o.seed), minTrades: whole('minTrades', o.minTrades, 1) };
  if (Object.keys(ranges).length) fields.paramRanges = ranges;
  return { fields, errors };
}

export interface HyperoptErrors extends PortfolioErrors {
  /** By option field: spaces, paramRanges, paramRanges.<name>, loss, sampler, epochs, seed, minTrades. */
  options: Record<string, string>;
}

export const NO_ERRORS: HyperoptErrors = { controls: {}, params: {}, general: [], options: {} };

const isOptionField = (field: string) => OPTION_FIELDS.includes(field) || field.startsWith('paramRanges.');

/** The server's 400: the options' fields on the options, the config's and the parameters' as the portfolio form places them. */
export function hyperoptErrors(problem: Problem | null | undefined): HyperoptErrors {
  const all = problem?.errors ?? [];
  const options: Record<string, string> = {};
  for (const e of all) {
    if (!isOptionField(e.field ?? '')) continue;
    options[e.field] = options[e.field] ? `${options[e.field]}; ${e.message}` : e.message;
  }
  const rest = all.filter((e) => !isOptionField(e.field ?? ''));
  if (all.length > 0 && rest.length === 0) return { ...NO_ERRORS, options };
  return { ...serverErrors({ ...problem, errors: rest }), options };
}
