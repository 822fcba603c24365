import { describe, expect, it } from 'vitest';
import { errorOf, errorsOf, hasErrors, mapProblem } from './errors';

const FIELDS = ['name', 'exchange', 'symbol', 'strategy', 'mode'];
const PARAMS = ['quantity', 'buyPrice', 'sellPrice'];

describe('mapProblem', () => {
  it('puts config.<param> errors on their parameter and top-level errors on their field', () => {
    const e = mapProblem({
      status: 400, code: 'VALIDATION_ERROR', detail: 'x',
      errors: [
        { field: 'config.sellPrice', message: 'must be greater than buyPrice (100)', rejectedValue: 100 },
        { field: 'symbol', message: 'unknown symbol on sim' },
      ],
    }, FIELDS, PARAMS);
    expect(e.config).toEqual({ sellPrice: 'must be greater than buyPrice (100)' });
    expect(e.fields).toEqual({ symbol: 'unknown symbol on sim' });
    expect(e.general).toEqual([]);
    expect(hasErrors(e)).toBe(true);
  });

  it('joins two errors on one field', () => {
    const e = mapProblem({ errors: [{ field: 'name', message: 'a' }, { field: 'name', message: 'b' }] }, FIELDS, PARAMS);
    expect(e.fields.name).toBe('a; b');
  });

  it('keeps errors about fields the form does not show, with the field name', () => {
    const e = mapProblem({ errors: [{ field: 'config.leverage', message: 'unknown parameter' }, { field: 'foo', message: 'bad' }] },
      FIELDS, PARAMS);
    expect(e.general).toEqual(['config.leverage: unknown parameter', 'foo: bad']);
  });

  it('shows the detail when no field is named', () => {
    const e = mapProblem({ status: 409, code: 'CONFLICT', detail: 'bot is running' }, FIELDS, PARAMS);
    expect(e.general).toEqual(['bot is running']);
  });

  it('reads parameters under another prefix (backtests say params.<name>)', () => {
    const e = mapProblem({ errors: [{ field: 'params.buyPrice', message: 'must be > 0' }, { field: 'dataset', message: 'unknown dataset' }] },
      ['dataset'], PARAMS, 'params.');
    expect(e.config).toEqual({ buyPrice: 'must be > 0' });
    expect(e.fields).toEqual({ dataset: 'unknown dataset' });
  });

  it('has nothing to show without a problem', () => {
    expect(hasErrors(mapProblem(null, FIELDS, PARAMS))).toBe(false);
  });

  it('keeps a path inside a JSON parameter whole, for the parameter\'s editor to place', () => {
    const e = mapProblem({
      errors: [
        { field: 'config.entry.all[1].left.period', message: 'must be a whole number from 1 to 1000' },
        { field: 'config.entry', message: 'must be a JSON object or list' },
        { field: 'config.takeProfitSteps[0].amountPercent', message: 'must be a number' },
        { field: 'config.entryx.all', message: 'unknown' },
      ],
    }, FIELDS, ['entry', 'exit', 'takeProfitSteps']);
    expect(e.config).toEqual({
      'entry.all[1].left.period': 'must be a whole number from 1 to 1000',
      entry: 'must be a JSON object or list',
      'takeProfitSteps[0].amountPercent': 'must be a number',
    });
    expect(e.general).toEqual(['config.entryx.all: unknown']);
    expect(errorsOf(e.config, 'entry')).toEqual({
      'entry.all[1].left.period': 'must be a whole number from 1 to 1000', entry: 'must be a JSON object or list',
    });
    expect(errorsOf(e.config, 'exit')).toEqual({});
    expect(errorOf(e.config, 'takeProfitSteps')).toBe('[0].amountPercent: must be a number');
    expect(errorOf(e.config, 'entry')).toBe('all[1].left.period: must be a whole number from 1 to 1000; must be a JSON object or list');
  });
});
