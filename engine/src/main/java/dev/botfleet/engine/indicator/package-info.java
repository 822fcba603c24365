/**
 * Streaming technical indicators on primitive doubles: O(1) work per candle, no allocation after construction,
 * {@code NaN} until ready, values equal to TA-Lib 0.4.0's (seeding included; parity is tested against
 * {@code com.tictactec:ta-lib}).
 *
 * <p>The one deliberate difference: TA-Lib's "is zero" tests use an absolute epsilon of 1e-8 (RSI's gain + loss,
 * ADX's smoothed true range and DI sum, Bollinger's variance). For markets quoted in small units (every X/BTC pair)
 * that epsilon swallows real movement — TA-Lib's Bollinger Bands collapse onto the middle band and RSI drops to 0 —
 * so here only an exact zero counts. On markets quoted above ~0.01 both give the same numbers.
 *
 * <p>A volume SMA is an {@link dev.botfleet.engine.indicator.Sma} fed with volumes; the highest high / lowest low are
 * {@link dev.botfleet.engine.indicator.Highest} / {@link dev.botfleet.engine.indicator.Lowest} fed with highs / lows.
 */
package dev.botfleet.engine.indicator;
