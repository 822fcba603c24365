import { describe, expect, it } from 'vitest';
import {
  addChild, getAt, moveAt, newIndicator, nodeKind, numberOf, parsePath, placeErrors, serverPath, setAt, setGroupKind, type Json,
} from './rules';

// RulesStrategyTest.everyProblemIsReportedWithItsPath: the tree and the paths the server names.
const BROKEN: Json = {
  any: [
    { left: { indicator: 'vwap' }, op: '>', right: 1 },
    { left: { indicator: 'macd', fast: 26, slow: 12 }, op: 'crossesAbove', right: 0 },
    { left: 1, op: '=>', right: 2 },
    { all: [{ left: { indicator: 'bollinger', output: 'width' }, op: '<', right: 0.5 }] },
    'rsi < 30',
  ],
};

describe('rule paths', () => {
  it('reads and writes the server\'s paths', () => {
    expect(parsePath('entry.all[12].left.period')).toEqual(['entry', 'all', 12, 'left', 'period']);
    expect(serverPath('exit', ['any', 0, 'all', 3, 'op'])).toBe('exit.any[0].all[3].op');
    expect(serverPath('exit', [])).toBe('exit');
    expect(numberOf(['all', 1, 'any', 0])).toBe('2.1');
    expect(numberOf([])).toBe('1');
  });

  it('places every server error on the control that shows it', () => {
    const placed = placeErrors('entry', BROKEN, {
      'entry.any[0].left.indicator': 'must be one of price, volume',
      'entry.any[1].left.slow': 'must be greater than fast (26)',
      'entry.any[2].op': 'must be one of >, <',
      'entry.any[3].all[0].left.output': 'must be one of upper, middle, lower, percentB',
      'entry.any[4]': 'must be an object',
      'entry.any[1].left.length': 'is not allowed here (allowed: indicator, period)',
      'entry.note': 'is not allowed here',
      'exit.left.period': 'not this rule',
    });
    expect(placed).toEqual({
      'entry.any[0].left': ['must be one of price, volume'],
      'entry.any[1].left.slow': ['must be greater than fast (26)'],
      'entry.any[2].op': ['must be one of >, <'],
      'entry.any[3].all[0].left.output': ['must be one of upper, middle, lower, percentB'],
      'entry.any[4]': ['must be an object'],
      'entry.any[1].left': ['length: is not allowed here (allowed: indicator, period)'],
      entry: ['note: is not allowed here'],
    });
  });

  it('puts an error about a node the tree no longer has on the nearest one it has', () => {
    expect(placeErrors('entry', { all: [{ left: 1, op: '<', right: 2 }] }, { 'entry.all[5].op': 'x' }))
      .toEqual({ entry: ['all[5].op: x'] });
  });
});

describe('rule edits', () => {
  const tree: Json = { op: '<', right: 30, left: { period: 14, indicator: 'rsi' } };

  it('change one value and keep every other key in its place', () => {
    const next = setAt(tree, ['left', 'period'], 7);
    expect(JSON.stringify(next)).toBe('{"op":"<","right":30,"left":{"period":7,"indicator":"rsi"}}');
    expect(JSON.stringify(setAt(next, ['left', 'period'], undefined))).toBe('{"op":"<","right":30,"left":{"indicator":"rsi"}}');
    expect(tree).toEqual({ op: '<', right: 30, left: { period: 14, indicator: 'rsi' } });
  });

  it('add, move and regroup conditions', () => {
    const two = addChild(tree, [], { left: 1, op: '>', right: 0 });
    expect(nodeKind(two)).toBe('all');
    expect(getAt(two, ['all', 0])).toBe(tree);
    const moved = moveAt(two, ['all', 1], -1);
    expect(getAt(moved, ['all', 0, 'left'])).toBe(1);
    expect(moveAt(moved, ['all', 0], -1)).toBe(moved);
    expect(Object.keys(setGroupKind(moved as Record<string, Json>, 'any'))).toEqual(['any']);
  });

  it('keeps same-named parameters when the indicator changes', () => {
    expect(newIndicator('ema', { indicator: 'sma', period: 9, source: 'volume' })).toEqual({ indicator: 'ema', period: 9, source: 'volume' });
    expect(newIndicator('bollinger', { indicator: 'rsi', period: 14 })).toEqual({ indicator: 'bollinger', period: 20, deviations: 2, output: 'middle' });
    expect(newIndicator('macd', { indicator: 'rsi', period: 9 })).toEqual({ indicator: 'macd', fast: 12, slow: 26, signal: 9, output: 'macd' });
    expect(nodeKind({ all: [], any: [] })).toBe('raw');
    expect(nodeKind('rsi < 30')).toBe('raw');
  });
});
