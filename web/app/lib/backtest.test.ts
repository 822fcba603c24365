import { describe, expect, it } from 'vitest';
import type { BacktestResult } from '../api/types';
import { averageSeconds, summarize } from './backtest';

const trade = (pnl: string) => ({ entryTime: '2026-01-01T00:00:00Z', exitTime: '2026-01-02T13:30:00Z', direction: 'LONG',
  quantity: '10', entryPrice: '0.0165', exitPrice: '0.0166', fees: '0.00033', pnl, closeReason: 'SIGNAL' });

const base: BacktestResult = {
  symbol: 'LTC/BTC', timeframe: '5m', candles: 5760, startingBalance: '1',
  metrics: { netProfit: '0.0105', finalEquity: '1.0105', trades: 3, winRate: 2 / 3 },
  trades: [trade('0.001'), trade('0.0005'), trade('-0.001')],
  equity: [], stopReason: null, failed: false, warnings: [],
  finalBalances: { BTC: '0.8455', LTC: '10' },
};

describe('backtest summary', () => {
  it('shows the position still open at the end with its quantity, mark price and share of the net profit', () => {
    const s = summarize(base);
    expect(s.closed).toBe(3);
    expect(s.wins).toBe(2);
    expect(s.losses).toBe(1);
    expect(s.closedPnl).toBe('0.0005');
    expect(s.open).toEqual({ quantity: '10', markPrice: '0.0165000000', pnl: '0.0100', reported: false });
    expect(s.mismatches).toEqual([]);
  });

  it('has no open position when the base asset is gone, and then net profit must equal the trades', () => {
    const s = summarize({ ...base, finalBalances: { BTC: '1.0005', LTC: '0' }, metrics: { ...base.metrics, netProfit: '0.0005' } });
    expect(s.open).toBeNull();
    expect(s.mismatches).toEqual([]);
    const wrong = summarize({ ...base, finalBalances: { BTC: '1.0105', LTC: '0' } });
    expect(wrong.mismatches).toEqual(['The net profit differs from the sum of the trades although no position is open.']);
  });

  it('takes the open position from the result\'s openPosition when the server sends it', () => {
    const openPosition = { quantity: '10', entryPrice: '0.0160', entryTime: '2026-01-20T00:00:00Z', lastPrice: '0.0170', unrealizedPnl: '0.0100' };
    const s = summarize({ ...base, openPosition });
    expect(s.open).toEqual({ quantity: '10', markPrice: '0.0170', pnl: '0.0100', entryPrice: '0.0160', entryTime: '2026-01-20T00:00:00Z', reported: true });
    expect(s.mismatches).toEqual([]);
    // net profit = closed trades + unrealized, within the quote's rounding (BTC: 8 decimals)
    expect(summarize({ ...base, openPosition: { ...openPosition, unrealizedPnl: '0.010000004' } }).mismatches).toEqual([]);
    expect(summarize({ ...base, openPosition: { ...openPosition, unrealizedPnl: '0.0090' } }).mismatches)
      .toEqual(["The net profit 0.0105 is not the closed trades' 0.0005 plus the open position's 0.0090."]);
  });

  it('is flat when openPosition is null, even with base asset left (the starting base holding)', () => {
    const s = summarize({ ...base, openPosition: null, metrics: { ...base.metrics, netProfit: '0.0005' } });
    expect(s.open).toBeNull();
    expect(s.mismatches).toEqual([]);
  });

  it('reports counts and win rates that disagree with the trade list', () => {
    const s = summarize({ ...base, metrics: { ...base.metrics, trades: 4, winRate: 0.5 } });
    expect(s.mismatches).toHaveLength(2);
  });

  it('reads the average duration from seconds or ISO-8601', () => {
    expect(averageSeconds({ averageDurationSeconds: 135000 })).toBe(135000);
    expect(averageSeconds({ averageDuration: 'PT37H30M' })).toBe(135000);
  });
});
