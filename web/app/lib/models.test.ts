import { describe, expect, it } from 'vitest';
import type { Model } from '../api/models';
import { botsOf, confidenceSeries, fileRefusal, gainShares, groupByName, modelLabel, ratio, score } from './models';

const model = (name: string, version: number, id = `${name}-${version}`): Model => ({
  id, name, version, symbol: 'BTC/USDT', description: null, featureSet: 'seed-v1', featureCount: 24, objective: 'BINARY',
  trees: 100, fileSize: 1000, sha256: 'ab', createdAt: '2026-12-01T00:00:00Z', usedBy: [],
});

describe('models', () => {
  it('names a model as name, version and symbol', () => {
    expect(modelLabel(model('scalp', 3))).toBe('scalp v3 · BTC/USDT');
  });

  it('groups versions under their name, names in order, newest version first', () => {
    const groups = groupByName([model('b', 1), model('a', 1), model('b', 3), model('b', 2)]);
    expect(groups.map((g) => [g.name, g.versions.map((v) => v.version)])).toEqual([['a', [1]], ['b', [3, 2, 1]]]);
  });

  it('says a file refusal in plain words, keeping what the server names', () => {
    expect(fileRefusal({ errors: [{ field: 'file', rejectedValue: 'WRONG_FEATURE_COUNT',
      message: 'WRONG_FEATURE_COUNT: the model has 3 features; known feature sets: seed-v1 (24)' }] }))
      .toBe('The model\'s number of features matches no feature set botfleet knows. Details: the model has 3 features; known feature sets: seed-v1 (24)');
    expect(fileRefusal({ errors: [{ field: 'file', rejectedValue: null, message: 'must not be missing' }] })).toBe('must not be missing');
    expect(fileRefusal({ errors: [{ field: 'name', message: 'must not be blank' }] })).toBeUndefined();
  });

  it('reads the bots of a 409', () => {
    expect(botsOf({ status: 409, bots: [{ id: 'b1', name: 'One' }, { id: 2 }] } as never)).toEqual([{ id: 'b1', name: 'One' }]);
    expect(botsOf({ status: 409 })).toEqual([]);
  });

  it('formats ratios and scores, undefined ones as a dash', () => {
    expect(ratio(0.625)).toBe('62.5 %');
    expect(ratio(null)).toBe('—');
    expect(score(0.83456)).toBe('0.835');
    expect(score(null)).toBe('—');
  });

  it('scales feature gains to the largest', () => {
    expect(gainShares([{ feature: 'a', gain: 50 }, { feature: 'b', gain: 100 }, { feature: 'c', gain: null }]).map((f) => f.share))
      .toEqual([0.5, 1, 0]);
  });

  it('turns confidences into ascending one-per-second lines with the decisions that acted marked', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 0, 0, s)).toISOString();
    const t0 = Date.UTC(2026, 11, 3) / 1000;
    const s = confidenceSeries([
      { time: at(4), confidence: 0.71, threshold: 0.6, acted: true, clientOrderId: 'c1' },
      { time: at(0), confidence: 0.4, threshold: 0.6, acted: false, clientOrderId: null },
      { time: at(2), confidence: 0.5, threshold: 0.65, acted: false, clientOrderId: null },
      { time: at(2), confidence: 0.55, threshold: 0.65, acted: false, clientOrderId: null },
    ]);
    expect(s.confidence).toEqual([{ time: t0, value: 0.4 }, { time: t0 + 2, value: 0.55 }, { time: t0 + 4, value: 0.71 }]);
    expect(s.threshold.map((p) => p.value)).toEqual([0.6, 0.65, 0.6]);
    expect(s.acted).toEqual([{ time: t0 + 4, value: 0.71, text: '0.71' }]);
  });
});
