import { describe, expect, it } from 'vitest';
import { configToForm, controlFor, defaultForm, formToConfig, localErrors, serverErrors } from './ftconfig';

// A Freqtrade config.json as a user has it: known keys, keys the form does not show, and one typo.
const CONFIG = {
  stake_currency: 'BTC', stake_amount: 'unlimited', max_open_trades: 2, dry_run_wallet: 1, tradable_balance_ratio: 0.99,
  fee: 0.001, stoploss: -0.1, timeframe: '5m', timerange: '20180110-20180130', startup_candle_count: 30,
  minimal_roi: { 40: 0.0, 0: 0.04, 20: 0.02 },
  trailing_stop: true, trailing_stop_positive: 0.01, trailing_stop_positive_offset: 0.02, trailing_only_offset_is_reached: true,
  use_exit_signal: false, exit_profit_only: true, exit_profit_offset: 0.005, ignore_roi_if_entry_signal: true,
  order_types: { entry: 'limit', exit: 'market', stoploss: 'market' },
  unfilledtimeout: { entry: 10, exit: 30, unit: 'minutes', exit_timeout_count: 0 },
  protections: [{ method: 'CooldownPeriod', stop_duration_candles: 2 }, { method: 'StoplossGuard', lookback_period_candles: 24, trade_limit: 2 }],
  enable_protections: true, timeframe_detail: '1m',
  exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] },
  telegramm: { enabled: false },
};

describe('config.json <-> form', () => {
  it('fills every form field from the config and keeps what the form does not show', () => {
    const form = configToForm(CONFIG);
    expect(form.pairs).toEqual(['LTC/BTC', 'ETC/BTC']);
    expect(form.stake_amount).toBe('unlimited');
    expect(form.max_open_trades).toBe('2');
    expect(form.stoploss).toBe('-0.1');
    // the ROI table sorted by minutes, as Freqtrade reads it
    expect(form.minimal_roi).toEqual([{ minutes: '0', ratio: '0.04' }, { minutes: '20', ratio: '0.02' }, { minutes: '40', ratio: '0' }]);
    expect(form.use_exit_signal).toBe(false);
    expect(form.exit_order).toBe('market');
    expect(form.unfilled_entry).toBe('10');
    expect(form.unfilled_unit).toBe('minutes');
    expect(form.protections).toEqual([
      { method: 'CooldownPeriod', params: '{"stop_duration_candles":2}' },
      { method: 'StoplossGuard', params: '{"lookback_period_candles":24,"trade_limit":2}' },
    ]);
    expect(form.timeframe_detail).toBe('1m');
    // exchange.name, order_types.stoploss and the typo are not form fields: kept for the server to judge
    expect(form.extra).toEqual({ exchange: { name: 'binance' }, order_types: { stoploss: 'market' }, telegramm: { enabled: false } });
  });

  it('turns the imported form back into the same config', () => {
    const { config, errors } = formToConfig(configToForm(CONFIG));
    expect(errors).toEqual({});
    expect(config).toEqual({ ...CONFIG, minimal_roi: { 0: 0.04, 20: 0.02, 40: 0 } });
  });

  it('writes only what differs from Freqtrade\'s defaults and leaves empty fields out', () => {
    const form = { ...defaultForm(['LTC/BTC'], '5m'), stoploss: '', fee: '', minimal_roi: [] };
    const { config } = formToConfig(form);
    expect(config).toEqual({ stake_currency: 'BTC', timeframe: '5m', stake_amount: 'unlimited', max_open_trades: 3,
      dry_run_wallet: 1, exchange: { pair_whitelist: ['LTC/BTC'] } });
  });

  it('names a field that is not a number by its config path', () => {
    const form = { ...defaultForm(['LTC/BTC']), max_open_trades: 'many', stake_amount: 'lots',
      minimal_roi: [{ minutes: '0', ratio: 'x' }, { minutes: 'soon', ratio: '0.01' }],
      protections: [{ method: 'CooldownPeriod', params: '{stop' }], unfilled_entry: 'ten' };
    const { errors } = formToConfig(form);
    expect(errors).toEqual({
      max_open_trades: 'must be a number, was "many"', stake_amount: 'must be a number, was "lots"',
      'minimal_roi.0': 'must be a number, was "x"', 'minimal_roi[1]': 'minutes must be a whole number of minutes, was "soon"',
      'protections[0]': 'its settings must be a JSON object, e.g. {"stop_duration_candles": 5}',
      'unfilledtimeout.entry': 'must be a number, was "ten"',
    });
    expect(localErrors(errors).controls).toMatchObject({
      minimal_roi: 'minimal_roi.0: must be a number, was "x"; minimal_roi[1]: minutes must be a whole number of minutes, was "soon"',
      'protections[0]': expect.stringContaining('protections[0]: its settings'),
    });
  });
});

describe('errors by path', () => {
  it('places each config path on the control that shows it', () => {
    expect(controlFor('exchange.pair_whitelist[1]')).toBe('pairs');
    expect(controlFor('minimal_roi.20')).toBe('minimal_roi');
    expect(controlFor('protections[1].lookback_period_candles')).toBe('protections[1]');
    expect(controlFor('protections')).toBe('protections');
    expect(controlFor('unfilledtimeout.unit')).toBe('unfilledtimeout.unit');
    expect(controlFor('order_types.stoploss')).toBe('config');
    expect(controlFor('max_open_trades')).toBe('max_open_trades');
    expect(controlFor('telegramm')).toBe('config');
    expect(controlFor('exchange.name')).toBe('config');
  });

  it('splits the server\'s 400 into form controls, parameters, the strategy and the rest', () => {
    const e = serverErrors({ status: 400, errors: [
      { field: 'config.max_open_trades', message: 'must be a whole number, was "many"' },
      { field: 'config.telegramm', message: 'unknown key; did you mean "telegram"?' },
      { field: 'config.exchange.pair_whitelist[0]', message: 'no data' },
      { field: 'params.rsiPeriod', message: 'must be >= 2' },
      { field: 'strategy', message: 'unknown strategy' },
      { field: 'dataset', message: 'not used with config' },
    ] });
    expect(e.controls).toEqual({
      max_open_trades: 'max_open_trades: must be a whole number, was "many"',
      config: 'telegramm: unknown key; did you mean "telegram"?',
      pairs: 'exchange.pair_whitelist[0]: no data',
    });
    expect(e.params).toEqual({ rsiPeriod: 'must be >= 2' });
    expect(e.strategy).toBe('unknown strategy');
    expect(e.general).toEqual(['dataset: not used with config']);
  });

  it('shows the detail of a problem that names no field', () => {
    expect(serverErrors({ status: 429, detail: 'You already have 2 backtests queued' }).general).toEqual(['You already have 2 backtests queued']);
  });
});

describe('an import leaves out what the config leaves out', () => {
  it('does not add the new form\'s suggestions (stoploss, fee, ROI, wallet) to a config without them', () => {
    const { config } = formToConfig(configToForm({ stake_currency: 'BTC', stake_amount: 0.01, exchange: { pair_whitelist: ['LTC/BTC'] } }));
    // stoploss and minimal_roi stay the strategy's; fee and dry_run_wallet Freqtrade's defaults
    expect(config).toEqual({ stake_currency: 'BTC', stake_amount: 0.01, exchange: { pair_whitelist: ['LTC/BTC'] } });
  });
});
