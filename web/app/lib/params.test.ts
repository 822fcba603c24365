import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from '../api/types';
import { initialValues, labelOf, rangeText, toConfig } from './params';

const p = (over: Partial<ParameterDefinition>): ParameterDefinition => ({
  name: 'x', type: 'DECIMAL', default: null, min: null, exclusiveMin: false, max: null, step: null, options: null,
  unit: null, description: null, required: false, ...over,
});

const PARAMS = [
  p({ name: 'firstOrder', type: 'ENUM', options: ['BUY', 'SELL'], default: 'BUY' }),
  p({ name: 'quantity', type: 'DECIMAL', min: '0', exclusiveMin: true, required: true }),
  p({ name: 'trailingPercent', type: 'DECIMAL', min: '0', max: '50', default: '0' }),
  p({ name: 'levels', type: 'INTEGER', default: 5 }),
  p({ name: 'infiniteLoop', type: 'BOOLEAN', default: true }),
  p({ name: 'rules', type: 'JSON' }),
];

describe('params', () => {
  it('starts from the definition defaults, or the bot config when editing', () => {
    expect(initialValues(PARAMS)).toEqual({
      firstOrder: 'BUY', quantity: '', trailingPercent: '0', levels: '5', infiniteLoop: true, rules: '',
    });
    expect(initialValues(PARAMS, { quantity: '0.5', infiniteLoop: false, rules: { a: 1 } })).toMatchObject({
      quantity: '0.5', infiniteLoop: false, rules: '{\n  "a": 1\n}',
    });
  });

  it('encodes decimals as exact strings, integers as numbers, skips empty fields', () => {
    const { config, errors } = toConfig(PARAMS, {
      firstOrder: 'SELL', quantity: ' 0.0010 ', trailingPercent: '', levels: '7', infiniteLoop: false, rules: '[1]',
    });
    expect(config).toEqual({ firstOrder: 'SELL', quantity: '0.0010', levels: 7, infiniteLoop: false, rules: [1] });
    expect(errors).toEqual({});
  });

  it('reports JSON it cannot parse on its field', () => {
    expect(toConfig(PARAMS, { rules: '{oops' }).errors).toEqual({ rules: 'is not valid JSON' });
  });

  it('describes ranges and labels', () => {
    expect(rangeText(PARAMS[1])).toBe('> 0');
    expect(rangeText(PARAMS[2])).toBe('≥ 0 and ≤ 50');
    expect(labelOf('trailingPercent')).toBe('Trailing percent');
  });
});
