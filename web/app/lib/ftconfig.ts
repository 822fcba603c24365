// The portfolio backtest form <-> a Freqtrade config.json object, and the server's `config.<path>` errors placed on
// the form. The form keeps Freqtrade's key names so a Freqtrade user recognises every field; keys the form does not
// show (telegram, exchange.name, a typo...) are kept in `extra` and sent as they were, so the server can name them.
import type { Problem } from './errors';

export interface RoiRow { minutes: string; ratio: string }
/** One protection: its method and its other keys as JSON text ({"stop_duration_candles": 5}). */
export interface ProtectionRow { method: string; params: string }

export interface FtForm {
  pairs: string[];
  stake_currency: string;
  timeframe: string;
  /** A number or "unlimited". */
  stake_amount: string;
  max_open_trades: string;
  dry_run_wallet: string;
  tradable_balance_ratio: string;
  fee: string;
  stoploss: string;
  minimal_roi: RoiRow[];
  trailing_stop: boolean;
  trailing_stop_positive: string;
  trailing_stop_positive_offset: string;
  trailing_only_offset_is_reached: boolean;
  use_exit_signal: boolean;
  exit_profit_only: boolean;
  exit_profit_offset: string;
  ignore_roi_if_entry_signal: boolean;
  timerange: string;
  startup_candle_count: string;
  /** order_types.entry / .exit: "" = Freqtrade's default (limit). */
  entry_order: string;
  exit_order: string;
  unfilled_entry: string;
  unfilled_exit: string;
  unfilled_unit: string;
  exit_timeout_count: string;
  protections: ProtectionRow[];
  enable_protections: boolean;
  timeframe_detail: string;
  /** The imported config's keys the form does not show, sent back unchanged. */
  extra: Record<string, unknown>;
}

export const PROTECTION_METHODS = ['CooldownPeriod', 'StoplossGuard', 'MaxDrawdown', 'LowProfitPairs'];

/** A new form's starting values: two-slot unlimited stake, a 1-coin wallet, 0.1 % fee, -10 % stoploss, 4 % ROI. */
export function defaultForm(pairs: string[] = [], timeframe = '5m'): FtForm {
  return { ...emptyForm(), pairs, stake_currency: quoteOf(pairs[0]) ?? '', timeframe, stake_amount: 'unlimited',
    max_open_trades: '3', dry_run_wallet: '1', fee: '0.001', stoploss: '-0.10', minimal_roi: [{ minutes: '0', ratio: '0.04' }] };
}

/**
 * Nothing set: every key left out of the config (the strategy's or Freqtrade's default applies); the flags at
 * Freqtrade's defaults. An import starts here, so a key the imported config leaves out stays out.
 */
export function emptyForm(): FtForm {
  return {
    pairs: [], stake_currency: '', timeframe: '', stake_amount: '', max_open_trades: '', dry_run_wallet: '',
    tradable_balance_ratio: '', fee: '', stoploss: '', minimal_roi: [], trailing_stop: false, trailing_stop_positive: '',
    trailing_stop_positive_offset: '', trailing_only_offset_is_reached: false, use_exit_signal: true,
    exit_profit_only: false, exit_profit_offset: '', ignore_roi_if_entry_signal: false, timerange: '',
    startup_candle_count: '', entry_order: '', exit_order: '', unfilled_entry: '', unfilled_exit: '',
    unfilled_unit: '', exit_timeout_count: '', protections: [], enable_protections: false, timeframe_detail: '',
    extra: {},
  };
}

/** "LTC/BTC" -> "BTC"; futures "BTC/USDT:USDT" -> "USDT". */
export function quoteOf(pair: string | undefined): string | undefined {
  return pair?.split('/')[1]?.split(':')[0];
}

// The config's keys (paths) the form shows; everything else is `extra`.
const TOP_NUMBERS = ['max_open_trades', 'dry_run_wallet', 'tradable_balance_ratio', 'fee', 'stoploss',
  'trailing_stop_positive', 'trailing_stop_positive_offset', 'exit_profit_offset', 'startup_candle_count'] as const;
const TOP_TEXTS = ['stake_currency', 'timeframe', 'timerange', 'timeframe_detail'] as const;
/** Booleans with Freqtrade's default: only a differing value is written. */
const TOP_FLAGS = { trailing_stop: false, trailing_only_offset_is_reached: false, use_exit_signal: true,
  exit_profit_only: false, ignore_roi_if_entry_signal: false, enable_protections: false } as const;
const NESTED: Record<string, Record<string, keyof FtForm>> = {
  order_types: { entry: 'entry_order', exit: 'exit_order' },
  unfilledtimeout: { entry: 'unfilled_entry', exit: 'unfilled_exit', unit: 'unfilled_unit', exit_timeout_count: 'exit_timeout_count' },
};
const WHOLE_KEYS = new Set<string>([...TOP_NUMBERS, ...TOP_TEXTS, ...Object.keys(TOP_FLAGS), 'stake_amount',
  'minimal_roi', 'protections']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value back into a text field: numbers as written, anything else as JSON so the user sees what was there. */
const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** Fills the form from a config object (an imported config.json). */
export function configToForm(config: Json): FtForm {
  const form = emptyForm();
  const extra: Json = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'exchange' && isObject(value)) {
      const { pair_whitelist: whitelist, ...rest } = value;
      if (Array.isArray(whitelist) && whitelist.every((p) => typeof p === 'string')) form.pairs = whitelist as string[];
      else if (whitelist !== undefined) rest.pair_whitelist = whitelist; // not a list of names: the server says why
      if (Object.keys(rest).length) extra.exchange = rest;
    } else if (key in NESTED && isObject(value)) {
      const rest: Json = {};
      for (const [k, v] of Object.entries(value)) {
        const field = NESTED[key][k];
        if (field) (form as unknown as Json)[field] = text(v);
        else rest[k] = v;
      }
      if (Object.keys(rest).length) extra[key] = rest;
    } else if (key === 'minimal_roi' && isObject(value)) {
      form.minimal_roi = Object.entries(value).map(([m, r]) => ({ minutes: m, ratio: text(r) }))
        .sort((a, b) => Number(a.minutes) - Number(b.minutes));
    } else if (key === 'protections' && Array.isArray(value)) {
      form.protections = value.map((p) => {
        if (!isObject(p)) return { method: '', params: JSON.stringify(p) };
        const { method, ...params } = p;
        return { method: text(method), params: Object.keys(params).length ? JSON.stringify(params) : '' };
      });
    } else if (key in TOP_FLAGS && typeof value === 'boolean') {
      (form as unknown as Json)[key] = value;
    } else if (WHOLE_KEYS.has(key) && !(key in TOP_FLAGS) && key !== 'minimal_roi' && key !== 'protections') {
      (form as unknown as Json)[key] = text(value);
    } else {
      extra[key] = value; // unknown, or a shape the form cannot show: kept for the server to judge
    }
  }
  form.extra = extra;
  return form;
}

export interface Built { config: Json; errors: Record<string, string> }

/**
 * The form as a config object. A field that is not a number where one is needed is an error at its config path
 * (the same key the server would use), so it shows where the server's would.
 */
export function formToConfig(form: FtForm): Built {
  const errors: Record<string, string> = {};
  const config: Json = structuredClone(form.extra);
  const num = (path: string, raw: string): number | undefined => {
    const t = raw.trim();
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) errors[path] = `must be a number, was "${t}"`;
    return n;
  };
  for (const key of TOP_TEXTS) if (form[key].trim()) config[key] = form[key].trim();
  for (const key of TOP_NUMBERS) {
    const n = num(key, form[key]);
    if (n !== undefined) config[key] = n;
  }
  for (const [key, dflt] of Object.entries(TOP_FLAGS)) if (form[key as keyof typeof TOP_FLAGS] !== dflt) config[key] = !dflt;
  const stake = form.stake_amount.trim();
  if (stake === 'unlimited') config.stake_amount = stake;
  else if (stake) config.stake_amount = num('stake_amount', stake);
  config.exchange = { ...(isObject(config.exchange) ? config.exchange : {}), pair_whitelist: [...form.pairs] };
  const roi: Json = {};
  form.minimal_roi.forEach((row, i) => {
    const minutes = row.minutes.trim();
    if (!/^\d+$/.test(minutes)) errors[`minimal_roi[${i}]`] = `minutes must be a whole number of minutes, was "${minutes}"`;
    else {
      const ratio = num(`minimal_roi.${minutes}`, row.ratio);
      if (ratio === undefined) errors[`minimal_roi.${minutes}`] = 'needs a ratio, e.g. 0.04';
      else roi[minutes] = ratio;
    }
  });
  if (form.minimal_roi.length) config.minimal_roi = roi;
  if (form.protections.length) config.protections = form.protections.map((p, i) => protection(p, `protections[${i}]`, errors));
  for (const [key, fields] of Object.entries(NESTED)) {
    const nested: Json = { ...(isObject(config[key]) ? config[key] : {}) };
    for (const [k, field] of Object.entries(fields)) {
      const raw = String(form[field]).trim();
      if (!raw) continue;
      nested[k] = k === 'unit' || key === 'order_types' ? raw : num(`${key}.${k}`, raw);
    }
    if (Object.keys(nested).length) config[key] = nested;
  }
  return { config, errors };
}

function protection(p: ProtectionRow, path: string, errors: Record<string, string>): Json {
  let params: unknown = {};
  if (p.params.trim()) {
    try {
      params = JSON.parse(p.params);
    } catch {
      errors[path] = 'its settings must be a JSON object, e.g. {"stop_duration_candles": 5}';
    }
  }
  if (!isObject(params)) {
    errors[path] = 'its settings must be a JSON object, e.g. {"stop_duration_candles": 5}';
    params = {};
  }
  return { method: p.method, ...(params as Json) };
}

/**
 * Which form control shows the error at a config path: `exchange.pair_whitelist[1]` -> "pairs",
 * `minimal_roi.20` -> "minimal_roi", `protections[0].lookback_period` -> "protections[0]",
 * `unfilledtimeout.unit` -> "unfilledtimeout.unit", `max_open_trades` -> itself. Anything the form does not show
 * (an unknown key, exchange.name...) -> "config": shown next to the imported config.
 */
export function controlFor(path: string): string {
  if (path.startsWith('exchange.pair_whitelist') || path.startsWith('exchange.pair_blacklist') || path === 'pairlists') return 'pairs';
  const top = path.split(/[.[]/)[0];
  if (top === 'minimal_roi') return 'minimal_roi';
  if (top === 'protections') return path.match(/^protections\[\d+\]/)?.[0] ?? 'protections';
  if (top in NESTED) {
    const sub = path.slice(top.length + 1).split(/[.[]/)[0];
    return NESTED[top][sub] ? `${top}.${sub}` : 'config';
  }
  return path === top && WHOLE_KEYS.has(top) ? top : 'config';
}

export interface PortfolioErrors {
  /** By form control (see controlFor); "config" collects what no control shows. */
  controls: Record<string, string>;
  /** Strategy parameters (params.<name>) and "strategy". */
  params: Record<string, string>;
  strategy?: string;
  general: string[];
}

const add = (target: Record<string, string>, key: string, message: string) => {
  target[key] = target[key] ? `${target[key]}; ${message}` : message;
};

/** The local check's errors (by config path) as form errors. */
export function localErrors(errors: Record<string, string>): PortfolioErrors {
  const out: PortfolioErrors = { controls: {}, params: {}, general: [] };
  for (const [path, message] of Object.entries(errors)) add(out.controls, controlFor(path), label(path, message));
  return out;
}

/** The server's 400: `config.<path>` on the form (with the path in the text), `params.<name>` on the parameters. */
export function serverErrors(problem: Problem | null | undefined): PortfolioErrors {
  const out: PortfolioErrors = { controls: {}, params: {}, general: [] };
  for (const e of problem?.errors ?? []) {
    const field = e.field ?? '';
    if (field.startsWith('config.')) {
      const path = field.slice('config.'.length);
      add(out.controls, controlFor(path), label(path, e.message));
    } else if (field === 'config') add(out.controls, 'config', e.message);
    else if (field.startsWith('params.')) add(out.params, field.slice('params.'.length), e.message);
    else if (field === 'strategy') out.strategy = e.message;
    else out.general.push(field ? `${field}: ${e.message}` : e.message);
  }
  if (!(problem?.errors ?? []).length) out.general.push(problem?.detail || problem?.title || 'The request failed.');
  return out;
}

/** The message with its path, so an error on a table or a list says which entry: "minimal_roi.20: must be ...". */
const label = (path: string, message: string) => `${path}: ${message}`;
